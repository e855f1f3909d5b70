// Protects which access paths are reported as findings: each kind found where it should be and not where it should not, the allowlist removing outside accounts and organizations, less-trusted OUs, and accepted findings shown as accepted until their expiry.
import { describe, expect, it } from 'vitest';
import { DocumentTable, emptyIamSnapshot, type AccountIam, type IamSnapshot } from '../iam/snapshot';
import type { RamSnapshot } from '../ram/snapshot';
import { computeFindings, EMPTY_ALLOWLIST, type Allowlist, type FindingKind } from './findings';
import { computeAccessPaths, type AccessOrganization } from './paths';

const ORG = 'o-test';
const DEV = '111111111111';
const PROD = '222222222222';
const SBX = '444444444444';
const VENDOR = '999999999999';
const NOW = Date.UTC(2026, 11, 1);
const DAY = 86_400_000;
const organization: AccessOrganization = {
  id: ORG,
  rootId: 'r-1',
  accounts: { [DEV]: { name: 'dev', parents: ['r-1', 'ou-dev'] }, [PROD]: { name: 'prod', parents: ['r-1', 'ou-prod'] }, [SBX]: { name: 'sandbox', parents: ['r-1', 'ou-sbx'] } },
  groupNames: { 'r-1': 'Root', 'ou-dev': 'Dev', 'ou-prod': 'Prod', 'ou-sbx': 'Sandbox' },
};
const doc = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const trust = (principal: unknown, condition?: object) => doc({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) });
const allow = (action: string, resource: string) => doc({ Effect: 'Allow', Action: action, Resource: resource });
const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

function iamOf(roles: Record<string, [string, string, Partial<AccountIam['roles'][number]>?][]>, users: Record<string, [string, string][]> = {}): IamSnapshot {
  const iam = emptyIamSnapshot('test', 0);
  const t = new DocumentTable(iam.documents);
  iam.managedPolicies[ADMIN] = t.intern(allow('*', '*'));
  for (const id of [DEV, PROD, SBX]) {
    iam.accounts[id] = {
      accountId: id,
      readAt: 0,
      groups: [],
      roles: (roles[id] ?? []).map(([name, trustDoc, extra]) => ({ name, arn: `arn:aws:iam::${id}:role/${name}`, path: '/', trust: t.intern(trustDoc), inline: [], attached: [], ...extra })),
      users: (users[id] ?? []).map(([name, policy]) => ({ name, arn: `arn:aws:iam::${id}:user/${name}`, groups: [], attached: [], inline: [{ name: 'Inline', document: t.intern(policy) }] })),
    };
  }
  return iam;
}

function run(iam: IamSnapshot, options: { allowlist?: Partial<Allowlist>; ram?: RamSnapshot; acceptances?: Parameters<typeof computeFindings>[0]['acceptances'] } = {}) {
  const index = computeAccessPaths({ iam, organization, ram: options.ram });
  return computeFindings({ index, iam, allowlist: { ...EMPTY_ALLOWLIST, ...options.allowlist }, acceptances: options.acceptances ?? [], now: NOW });
}
const kinds = (findings: ReturnType<typeof run>, kind: FindingKind) => findings.filter((f) => f.kind === kind);

describe('findings', () => {
  it('an outside account without ExternalId: missing ExternalId, not on the allowlist, unused; with one, only the allowlist', () => {
    const findings = run(iamOf({ [PROD]: [['Vendor', trust({ AWS: VENDOR }), { lastUsed: NOW - 200 * DAY }], ['Vendor2', trust({ AWS: VENDOR }, { StringEquals: { 'sts:ExternalId': 'x-1' } }), { lastUsed: NOW - DAY }]] }));
    expect(kinds(findings, 'missing-external-id').map((f) => f.title)).toEqual([expect.stringContaining('Vendor ')]);
    expect(kinds(findings, 'missing-external-id')[0]).toMatchObject({ severity: 'high', inside: false, fixes: [{ kind: 'add-external-id', principal: `arn:aws:iam::${VENDOR}:root` }] });
    expect(kinds(findings, 'not-allowlisted')).toHaveLength(2);
    expect(kinds(findings, 'unused-outside-role').map((f) => f.title)).toEqual([expect.stringContaining('unused for 200 days')]);
  });

  it('the allowlist removes the outside account; the unused and ExternalId findings stay', () => {
    const findings = run(iamOf({ [PROD]: [['Vendor', trust({ AWS: VENDOR })]] }), { allowlist: { accounts: [VENDOR] } });
    expect(kinds(findings, 'not-allowlisted')).toHaveLength(0);
    expect(kinds(findings, 'missing-external-id')).toHaveLength(1);
    expect(kinds(findings, 'unused-outside-role')[0].title).toContain('never been used');
  });

  it('a * trust: open unless narrowed to the organization; another organization is not allowlisted unless listed', () => {
    const iam = iamOf({ [PROD]: [['Open', trust('*')], ['Org', trust('*', { StringEquals: { 'aws:PrincipalOrgID': ORG } })], ['Other', trust('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-other' } })]] });
    const findings = run(iam);
    expect(kinds(findings, 'open-trust').map((f) => f.title)).toEqual(['Open trusts any principal (*)']);
    expect(kinds(findings, 'open-trust')[0].severity).toBe('critical');
    expect(kinds(findings, 'not-allowlisted').map((f) => f.title)).toEqual([expect.stringContaining('o-other')]);
    expect(kinds(run(iam, { allowlist: { organizations: ['o-other'] } }), 'not-allowlisted')).toHaveLength(0);
  });

  it('a deleted principal: found with the fix that removes it', () => {
    const findings = run(iamOf({ [PROD]: [['Ghost', trust({ AWS: ['AROAABCDEFGHIJKLMNOPQ', `arn:aws:iam::${DEV}:user/ci`] })]] }, { [DEV]: [['ci', allow('sts:AssumeRole', `arn:aws:iam::${PROD}:role/Ghost`)]] }));
    expect(kinds(findings, 'deleted-principal')).toEqual([expect.objectContaining({ fixes: [{ kind: 'remove-trust', roleArn: `arn:aws:iam::${PROD}:role/Ghost`, principal: 'AROAABCDEFGHIJKLMNOPQ' }] })]);
    expect(kinds(findings, 'half-open-trust')).toHaveLength(0);
  });

  it('identity policies allowing sts:AssumeRole on * or every role of another account; not on named roles or with Action *', () => {
    const findings = run(
      iamOf({}, { [DEV]: [['any', allow('sts:AssumeRole', '*')], ['prod', allow('sts:AssumeRole', `arn:aws:iam::${PROD}:role/*`)], ['named', allow('sts:AssumeRole', `arn:aws:iam::${PROD}:role/Deploy`)], ['admin', allow('*', '*')], ['own', allow('sts:AssumeRole', `arn:aws:iam::${DEV}:role/*`)]] }),
    );
    expect(kinds(findings, 'broad-assume').map((f) => f.title).sort()).toEqual(['user any may assume every role of every account', 'user prod may assume every role of prod']);
  });

  it('a share with an outside account, unless allowlisted; shares inside the organization are not findings', () => {
    const share = (principals: string[]) => ({
      arn: `arn:aws:ram:us-east-1:${DEV}:resource-share/s-1`, id: 's-1', name: 'egress', owningAccountId: DEV, region: 'us-east-1', status: 'ACTIVE', allowExternalPrincipals: true, tags: [], resources: [], permissions: [],
      principals: principals.map((id) => ({ id, status: 'ASSOCIATED', external: id === VENDOR })),
    });
    const ram = (principals: string[]) => ({ key: 'k', fetchedAt: 0, complete: true, targetCount: 1, targets: {}, calls: 0, shares: { s: share(principals) } }) as RamSnapshot;
    const findings = run(iamOf({}), { ram: ram([VENDOR, PROD]) });
    expect(kinds(findings, 'outside-share')).toEqual([expect.objectContaining({ fixes: [{ kind: 'disassociate-share', accountId: DEV, region: 'us-east-1', shareId: 's-1', principal: VENDOR }] })]);
    expect(kinds(run(iamOf({}), { ram: ram([VENDOR]), allowlist: { accounts: [VENDOR] } }), 'outside-share')).toHaveLength(0);
  });

  it('a less-trusted OU reaching an administrator role in another account, directly and by a chain; nothing until the OU is marked', () => {
    const iam = iamOf(
      {
        [DEV]: [['Hop', trust({ AWS: `arn:aws:iam::${SBX}:user/exp` }), { inline: [{ name: 'Next', document: 0 }] }]],
        [PROD]: [['Admin', trust({ AWS: `arn:aws:iam::${DEV}:role/Hop` }), { attached: [ADMIN] }], ['Direct', trust({ AWS: SBX }), { attached: [ADMIN] }]],
      },
      { [SBX]: [['exp', allow('sts:AssumeRole', '*')]] },
    );
    iam.accounts[DEV].roles[0].inline = [{ name: 'Next', document: new DocumentTable(iam.documents).intern(allow('sts:AssumeRole', `arn:aws:iam::${PROD}:role/Admin`)) }];
    expect(kinds(run(iam), 'less-trusted-admin')).toHaveLength(0);
    const findings = kinds(run(iam, { allowlist: { lessTrustedOus: ['ou-sbx'] } }), 'less-trusted-admin');
    expect(findings.map((f) => f.title).sort()).toEqual([expect.stringContaining('administrator role Admin in prod'), expect.stringContaining('administrator role Direct in prod')]);
    expect(findings.find((f) => f.title.includes('Admin in'))!.detail).toContain('Hop → Admin');
  });

  it('a half-open trust (the named principal may not assume the role) is information', () => {
    const findings = run(iamOf({ [PROD]: [['Half', trust({ AWS: `arn:aws:iam::${DEV}:user/reader` })]] }, { [DEV]: [['reader', allow('s3:GetObject', '*')]] }));
    expect(kinds(findings, 'half-open-trust')).toEqual([expect.objectContaining({ severity: 'info', inside: true })]);
  });

  it('an accepted finding stays listed, marked accepted, until its acceptance expires', () => {
    const iam = iamOf({ [PROD]: [['Open', trust('*')]] });
    const id = kinds(run(iam), 'open-trust')[0].id;
    const acceptance = { findingId: id, reason: 'public dataset', acceptedBy: 'a@example.com', acceptedAt: NOW - DAY };
    expect(kinds(run(iam, { acceptances: [{ ...acceptance, expiresAt: NOW + DAY }] }), 'open-trust')[0].accepted?.reason).toBe('public dataset');
    expect(kinds(run(iam, { acceptances: [acceptance] }), 'open-trust')[0].accepted).toBeDefined();
    expect(kinds(run(iam, { acceptances: [{ ...acceptance, expiresAt: NOW - 1 }] }), 'open-trust')[0].accepted).toBeUndefined();
  });
});
