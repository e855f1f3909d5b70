// Protects: the cross-account plan the admin reviews: both halves in one plan (the role with its trust and
// permissions, the source's policy on exactly that role ARN), a merge into an existing role that keeps what
// is there, no source change for a whole account, and a refusal, before anything changes, when a document
// would exceed the account's quota.
import { describe, expect, it } from 'vitest';
import { PlanError } from '../plan/build';
import { buildAccessPlan, type AccessFacts } from './access';
import { trustEdit, type RemovalFacts } from './trust-edit';
import { parsePolicy } from './policy';
import { accessRequestSchema } from './validation';

const removalPlan = (principal: string, facts: RemovalFacts) => trustEdit.plan({ change: 'remove', roleArn: facts.role.arn, principal }, facts);

const DEV = '400000000011';
const PROD = '400000000001';
const PARTNER = '900000000001';
const ALICE = `arn:aws:iam::${DEV}:user/alice`;
const quotas = { AssumeRolePolicySizeQuota: 2048, AttachedPoliciesPerRoleQuota: 10, UserPolicySizeQuota: 2048, RolePolicySizeQuota: 10240 };
const facts = (over: Partial<AccessFacts> = {}): AccessFacts => ({
  organizationId: 'o-exmpl7c0rp',
  accountNames: { [DEV]: 'payments-dev', [PROD]: 'payments-prod' },
  sourceReachable: true,
  destinationQuotas: quotas,
  sourceQuotas: quotas,
  sourceOtherInlineSize: 0,
  ...over,
});
const auditorTrust = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::200000000002:role/SecurityAudit' }, Action: 'sts:AssumeRole' }] }));

function request(source: { accountId: string; principal: string }, role: Record<string, unknown>, conditions: Record<string, unknown> = {}) {
  return accessRequestSchema.parse({ source, destination: { accountId: PROD, role }, conditions });
}

const deployFromDev = request({ accountId: DEV, principal: ALICE }, { kind: 'new', name: 'DeployFromDev', managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], maxSessionHours: 2 });

describe('a new role for a user in another account', () => {
  it('creates the role trusting the user, attaches its permissions, and allows the user sts:AssumeRole on exactly its ARN', () => {
    const { draft, review } = buildAccessPlan(deployFromDev, facts());
    expect(draft.steps.map((s) => `${s.operation} ${s.accountId}`)).toEqual([`iam:CreateRole ${PROD}`, `iam:AttachRolePolicy ${PROD}`, `iam:PutUserPolicy ${DEV}`]);
    expect(draft.steps[0].input).toMatchObject({ RoleName: 'DeployFromDev', Path: '/', MaxSessionDuration: 7200 });
    expect(parsePolicy(draft.steps[0].input.AssumeRolePolicyDocument as string).Statement).toEqual([
      { Sid: `AllowAssumeFrom${DEV}`, Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' },
    ]);
    expect(draft.steps[1].input).toEqual({ RoleName: { $ref: { step: 0, path: 'Role.RoleName', as: 'ROLE_NAME' } }, PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' });
    expect(draft.steps[2].input).toMatchObject({ UserName: 'alice', PolicyName: `CrossingAssume-${PROD}-DeployFromDev` });
    expect(JSON.parse(draft.steps[2].input.PolicyDocument as string)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'AssumeDeployFromDev', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::${PROD}:role/DeployFromDev` }],
    });
    expect(review.sizes.map((s) => s.ok)).toEqual([true, true, true]);
    expect(review.sourcePolicy?.holder).toBe(`user alice in payments-dev (${DEV})`);
  });

  it('refuses, changing nothing, a trust policy larger than the account\'s quota', () => {
    const tooSmall = () => buildAccessPlan(deployFromDev, facts({ destinationQuotas: { ...quotas, AssumeRolePolicySizeQuota: 100 } }));
    expect(tooSmall).toThrow(PlanError);
    expect(tooSmall).toThrow(/Trust policy of DeployFromDev \(AssumeRolePolicySizeQuota\) would be \d+, the quota is 100/);
    expect(() => buildAccessPlan(deployFromDev, facts({ sourceOtherInlineSize: 2000 }))).toThrow(/Inline policies of user alice \(UserPolicySizeQuota\) would be \d+, the quota is 2048/);
  });

  it('refuses a new role whose name is taken', () => {
    expect(() => buildAccessPlan(deployFromDev, facts({ existingRole: { arn: `arn:aws:iam::${PROD}:role/DeployFromDev`, path: '/', trust: auditorTrust } }))).toThrow(/already exists in payments-prod/);
  });
});

describe('an existing role', () => {
  it('merges the principal into the matching statement, shows the diff, and keeps the existing principal', () => {
    const existing = request({ accountId: DEV, principal: ALICE }, { kind: 'existing', name: 'ReadOnlyAuditor' });
    const { draft, review } = buildAccessPlan(existing, facts({ existingRole: { arn: `arn:aws:iam::${PROD}:role/ReadOnlyAuditor`, path: '/', trust: auditorTrust } }));
    expect(draft.steps.map((s) => s.operation)).toEqual(['iam:UpdateAssumeRolePolicy', 'iam:PutUserPolicy']);
    expect(parsePolicy(draft.steps[0].input.PolicyDocument as string).Statement[0].Principal).toEqual({ AWS: ['arn:aws:iam::200000000002:role/SecurityAudit', ALICE] });
    expect(review.trustChange).toEqual({ kind: 'merged', statementIndex: 0 });
    expect(review.trustDiff?.filter((l) => l.op === '+').map((l) => l.text.trim())).toContain(`"${ALICE}"`);
  });
});

describe('a whole outside account', () => {
  it('trusts its root with the ExternalId and changes nothing in the source account', () => {
    const partner = request({ accountId: PARTNER, principal: 'account' }, { kind: 'new', name: 'PartnerSupport', managedPolicyArns: [] }, { externalId: 'partner-co-7f3a' });
    const { draft, review } = buildAccessPlan(partner, facts({ sourceReachable: false }));
    expect(draft.steps.map((s) => s.operation)).toEqual(['iam:CreateRole']);
    expect(parsePolicy(draft.steps[0].input.AssumeRolePolicyDocument as string).Statement[0]).toMatchObject({
      Principal: { AWS: `arn:aws:iam::${PARTNER}:root` },
      Condition: { StringEquals: { 'sts:ExternalId': 'partner-co-7f3a' } },
    });
    expect(review.sourcePolicy).toBeUndefined();
    expect(draft.notes?.[0]).toMatch(/^The role trusts the whole account 900000000001: no principal there can assume it until that account's admins allow sts:AssumeRole/);
  });

  it('may not be restricted to the organization', () => {
    const partner = request({ accountId: PARTNER, principal: 'account' }, { kind: 'new', name: 'PartnerSupport' }, { restrictToOrganization: true });
    expect(() => buildAccessPlan(partner, facts({ sourceReachable: false }))).toThrow(/900000000001 is not in the organization, so aws:PrincipalOrgID would never match/);
  });
});

describe('removing access', () => {
  it('takes the principal out of the trust and deletes the inline policy Crossing made', () => {
    const trust = { ...auditorTrust, Statement: [{ ...auditorTrust.Statement[0], Principal: { AWS: ['arn:aws:iam::200000000002:role/SecurityAudit', ALICE] } }] };
    const draft = removalPlan(ALICE, {
      role: { arn: `arn:aws:iam::${PROD}:role/ReadOnlyAuditor`, name: 'ReadOnlyAuditor', trust },
      accountNames: {},
      sourcePolicy: { kind: 'user', name: 'alice', policyName: `CrossingAssume-${PROD}-ReadOnlyAuditor` },
    });
    expect(draft.steps.map((s) => `${s.operation} ${s.accountId}`)).toEqual([`iam:UpdateAssumeRolePolicy ${PROD}`, `iam:DeleteUserPolicy ${DEV}`]);
    expect(parsePolicy(draft.steps[0].input.PolicyDocument as string)).toEqual(auditorTrust);
  });

  it('refuses to leave a trust policy with no statement', () => {
    expect(() => removalPlan('arn:aws:iam::200000000002:role/SecurityAudit', { role: { arn: `arn:aws:iam::${PROD}:role/ReadOnlyAuditor`, name: 'ReadOnlyAuditor', trust: auditorTrust }, accountNames: {} })).toThrow(
      /is the only principal ReadOnlyAuditor trusts/,
    );
  });
});
