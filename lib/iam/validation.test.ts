// Protects: a cross-account request with a bad role name, path, ExternalId, principal or session length is
// refused with a message naming the field and the form IAM allows, before any plan is made.
import { describe, expect, it } from 'vitest';
import { accessRequestSchema, externalIdSchema, pathSchema, roleNameSchema } from './validation';

const request = (over: { role?: Record<string, unknown>; source?: Record<string, unknown>; conditions?: Record<string, unknown> } = {}) => ({
  source: { accountId: '400000000011', principal: 'arn:aws:iam::400000000011:user/alice', ...over.source },
  destination: { accountId: '400000000001', role: { kind: 'new', name: 'DeployFromDev', managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], maxSessionHours: 1, ...over.role } },
  conditions: { requireMfa: false, ...over.conditions },
});

const errorsOf = (input: unknown) => {
  const parsed = accessRequestSchema.safeParse(input);
  const out: Record<string, string[]> = {};
  for (const issue of parsed.error?.issues ?? []) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
};

describe('IAM names and identifiers', () => {
  it('accepts role names of up to 64 characters of A-Za-z0-9+=,.@_-', () => {
    expect(roleNameSchema.safeParse('Deploy+From=Dev,v1.0@team_a-b').success).toBe(true);
    expect(roleNameSchema.safeParse('a'.repeat(64)).success).toBe(true);
    expect(roleNameSchema.safeParse('a'.repeat(65)).error?.issues[0].message).toBe('Role name: at most 64 characters.');
    expect(roleNameSchema.safeParse('Deploy From Dev').error?.issues[0].message).toBe('Role name: only letters, digits and + = , . @ _ - (no spaces).');
  });

  it('accepts paths that begin and end with /', () => {
    expect(['/', '/teams/payments/'].map((p) => pathSchema.safeParse(p).success)).toEqual([true, true]);
    expect(pathSchema.safeParse('teams/').error?.issues[0].message).toMatch(/^Path: begins and ends with \//);
  });

  it('accepts ExternalIds of 2 to 1,224 characters of the allowed set, no whitespace', () => {
    expect(externalIdSchema.safeParse('partner-co:prod/2024=a+b@c.d,e').success).toBe(true);
    expect(externalIdSchema.safeParse('x').error?.issues[0].message).toBe('ExternalId: at least 2 characters.');
    expect(externalIdSchema.safeParse('x'.repeat(1225)).error?.issues[0].message).toBe('ExternalId: at most 1,224 characters.');
    expect(externalIdSchema.safeParse('has space').error?.issues[0].message).toMatch(/^ExternalId: only letters, digits/);
  });
});

describe('a whole request', () => {
  it('is accepted as the wizard sends it, with IAM defaults', () => {
    const parsed = accessRequestSchema.parse(request());
    expect(parsed.destination.role).toMatchObject({ path: '/', maxSessionHours: 1 });
  });

  it('names each bad field', () => {
    expect(errorsOf(request({ role: { name: 'bad name', maxSessionHours: 13 }, conditions: { externalId: 'a' } }))).toEqual({
      'destination.role.name': ['Role name: only letters, digits and + = , . @ _ - (no spaces).'],
      'destination.role.maxSessionHours': ['Maximum session duration: 1 to 12 hours.'],
      'conditions.externalId': ['ExternalId: at least 2 characters.'],
    });
  });

  it('refuses a principal of another account than the source, and the same account on both sides', () => {
    expect(errorsOf(request({ source: { principal: 'arn:aws:iam::400000000012:user/alice' } }))).toEqual({
      'source.principal': ['Source principal: the ARN names another account than the source account.'],
    });
    expect(errorsOf(request({ source: { accountId: '400000000001', principal: 'account' } }))['destination.accountId']).toEqual([
      'Destination account: it is the source account; cross-account access needs two different accounts.',
    ]);
    expect(errorsOf(request({ source: { principal: 'arn:aws:iam::400000000011:group/devs' } }))['source.principal'][0]).toMatch(/^Source principal: the whole account, or a user or role ARN/);
  });
});
