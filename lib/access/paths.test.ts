// Protects: who can reach what — role paths with :root expanded to the principals allowed on their own side, conditions kept, SCP, RCP, boundary and trust denials named, chains, service, federated and `*` principals, share paths through OUs — and that iam-simulate's explanation agrees.
import { describe, expect, it } from 'vitest';
import { DocumentTable, emptyIamSnapshot, type AccountIam, type IamSnapshot } from '../iam/snapshot';
import { chainsFrom, chainsInto } from './chains';
import { explainPath } from './explain';
import { accountPaths, computeAccessPaths, type AccessOrganization } from './paths';
import type { RamSnapshot } from '../ram/snapshot';

const ORG = 'o-test';
const A = '111111111111'; // Dev OU
const B = '222222222222'; // Prod OU
const C = '333333333333'; // Prod OU
const SBX = '444444444444'; // Sandbox OU (an SCP denies sts:AssumeRole)
const OUTSIDE = '999999999999';
const organization: AccessOrganization = {
  id: ORG,
  managementAccountId: '100000000000',
  rootId: 'r-1',
  accounts: { [A]: { name: 'dev', parents: ['r-1', 'ou-dev'] }, [B]: { name: 'prod', parents: ['r-1', 'ou-prod'] }, [C]: { name: 'prod-2', parents: ['r-1', 'ou-prod'] }, [SBX]: { name: 'sandbox', parents: ['r-1', 'ou-sbx'] }, '100000000000': { name: 'management', parents: ['r-1'] } },
  groupNames: { 'r-1': 'Root', 'ou-dev': 'Dev', 'ou-prod': 'Prod', 'ou-sbx': 'Sandbox' },
};

const allow = (action: string, resource = '*') => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });
const trust = (principal: unknown, condition?: object, action = 'sts:AssumeRole') => JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Trust', Effect: 'Allow', Principal: principal, Action: action, ...(condition ? { Condition: condition } : {}) }] });

function world(options: { rcpDenyOutside?: boolean } = {}): IamSnapshot {
  const iam = emptyIamSnapshot('test', 0);
  const t = new DocumentTable(iam.documents);
  const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
  const READONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
  iam.managedPolicies[ADMIN] = t.intern(allow('*'));
  iam.managedPolicies[READONLY] = t.intern(allow('ec2:Describe*'));
  const account = (id: string, roles: AccountIam['roles'], users: AccountIam['users'] = []): AccountIam => ({ accountId: id, readAt: 0, roles, users, groups: [] });
  const role = (accountId: string, name: string, trustDoc: string, extra: Partial<AccountIam['roles'][number]> = {}) => ({ name, arn: `arn:aws:iam::${accountId}:role/${name}`, path: '/', trust: t.intern(trustDoc), inline: [], attached: [], ...extra });
  iam.accounts[A] = account(
    A,
    [role(A, 'Deployer', trust({ Service: 'codebuild.amazonaws.com' }), { inline: [{ name: 'AssumeProd', document: t.intern(allow('sts:AssumeRole', 'arn:aws:iam::*:role/Deploy*')) }] })],
    [
      { name: 'alice', arn: `arn:aws:iam::${A}:user/alice`, groups: [], inline: [], attached: [READONLY] },
      { name: 'bob', arn: `arn:aws:iam::${A}:user/bob`, groups: [], inline: [], attached: [ADMIN], boundary: READONLY },
      { name: 'carol', arn: `arn:aws:iam::${A}:user/carol`, groups: [], inline: [], attached: [ADMIN] },
    ],
  );
  iam.accounts[B] = account(B, [
    role(B, 'DeployFromDev', trust({ AWS: `arn:aws:iam::${A}:root` }), { inline: [{ name: 'Next', document: t.intern(allow('sts:AssumeRole', `arn:aws:iam::${C}:role/*`)) }], lastUsed: 5 }),
    role(B, 'Vendor', trust({ AWS: OUTSIDE }, { StringEquals: { 'sts:ExternalId': 'ext-1' } })),
    role(B, 'LegacyVendor', trust({ AWS: `arn:aws:iam::${OUTSIDE}:root` })),
    role(B, 'OrgReader', trust('*', { StringEquals: { 'aws:PrincipalOrgID': ORG } })),
    role(B, 'Sso', trust({ Federated: `arn:aws:iam::${B}:saml-provider/Corp` }, undefined, 'sts:AssumeRoleWithSAML')),
    role(B, 'Ghost', trust({ AWS: 'AROAABCDEFGHIJKLMNOPQ' })),
    role(B, 'FromSandbox', trust({ AWS: SBX })),
    role(B, 'NobodyThere', trust({ AWS: C })),
  ]);
  iam.accounts[C] = account(C, [role(C, 'Hop', trust({ AWS: `arn:aws:iam::${B}:role/DeployFromDev` }))]);
  iam.accounts[SBX] = account(SBX, [role(SBX, 'Admin', trust({ AWS: '100000000000' }), { attached: [ADMIN] })]);
  const scp = t.intern(JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'NoAssume', Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }] }));
  const full = t.intern(allow('*'));
  iam.organizationPolicies = {
    scps: [
      { id: 'p-FullAWSAccess', name: 'FullAWSAccess', awsManaged: true, document: full, targets: ['r-1', 'ou-dev', 'ou-prod', 'ou-sbx', A, B, C, SBX] },
      { id: 'p-sbx', name: 'SandboxNoAssume', awsManaged: false, document: scp, targets: ['ou-sbx'] },
    ],
    rcps: options.rcpDenyOutside
      ? [{ id: 'p-rcp', name: 'OrgOnly', awsManaged: false, document: t.intern(JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'OrgOnly', Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG } } }] })), targets: ['ou-prod'] }]
      : undefined,
  };
  iam.complete = true;
  return iam;
}

const find = (paths: ReturnType<typeof computeAccessPaths>['paths'], role: string, source?: string) => paths.filter((p) => p.target.name === role && (!source || p.source.id === source));

describe('role paths', () => {
  const index = computeAccessPaths({ iam: world(), organization });

  it('expands a whole-account trust to the principals its own policies and boundary allow', () => {
    const paths = find(index.paths, 'DeployFromDev');
    expect(paths.map((p) => p.source.id).sort()).toEqual([`arn:aws:iam::${A}:role/Deployer`, `arn:aws:iam::${A}:user/bob`, `arn:aws:iam::${A}:user/carol`]);
    expect(find(index.paths, 'DeployFromDev', `arn:aws:iam::${A}:user/carol`)[0]).toMatchObject({ status: 'open', inside: true, lastUsed: 5 });
    // alice's policies never allow sts:AssumeRole: no path. bob's boundary leaves it out.
    expect(find(index.paths, 'DeployFromDev', `arn:aws:iam::${A}:user/bob`)[0]).toMatchObject({ status: 'blocked', blockedBy: { layer: 'boundary' } });
  });

  it('keeps the trust conditions on the path and calls an outside account "any principal its admins allow"', () => {
    const [vendor] = find(index.paths, 'Vendor');
    expect(vendor).toMatchObject({ status: 'conditional', inside: false, source: { kind: 'account', id: OUTSIDE } });
    expect(vendor.conditions).toEqual([{ operator: 'StringEquals', key: 'sts:ExternalId', values: ['ext-1'] }]);
    expect(vendor.source.label).toMatch(/its admins allow/);
    expect(find(index.paths, 'LegacyVendor')[0]).toMatchObject({ status: 'open', conditions: [] });
  });

  it('names an SCP denial on the source account\'s path', () => {
    expect(find(index.paths, 'FromSandbox')[0]).toMatchObject({ status: 'blocked', blockedBy: { layer: 'scp', why: expect.stringContaining('Sandbox') } });
  });

  it('names an RCP denial on the role account\'s path for principals outside the organization only', () => {
    const rcp = computeAccessPaths({ iam: world({ rcpDenyOutside: true }), organization });
    expect(find(rcp.paths, 'LegacyVendor')[0]).toMatchObject({ status: 'blocked', blockedBy: { layer: 'rcp', why: expect.stringContaining('Prod') } });
    expect(find(rcp.paths, 'DeployFromDev', `arn:aws:iam::${A}:user/carol`)[0].status).toBe('open');
  });

  it('shows service, federated, organization-wide `*` and deleted principals as what they are', () => {
    expect(find(index.paths, 'Deployer')[0].source).toMatchObject({ kind: 'service', id: 'codebuild.amazonaws.com' });
    expect(find(index.paths, 'Sso')[0].source).toMatchObject({ kind: 'federated', label: 'SAML provider Corp' });
    expect(find(index.paths, 'OrgReader')[0]).toMatchObject({ source: { kind: 'organization', id: ORG }, inside: true, status: 'conditional' });
    expect(find(index.paths, 'Ghost')[0]).toMatchObject({ source: { kind: 'unknown-principal' }, status: 'blocked' });
  });

  it('lists a trust nobody on the other side may use once, as half-open', () => {
    expect(find(index.paths, 'NobodyThere')).toEqual([expect.objectContaining({ source: expect.objectContaining({ kind: 'account', id: C }), status: 'blocked', blockedBy: expect.objectContaining({ layer: 'identity' }) })]);
  });

  it('follows chains A → B → C and indexes inbound and outbound per account, groups included', () => {
    const chains = chainsFrom(index, A).map((c) => c.hops.map((h) => h.target.name).join(' → '));
    expect(chains).toContain('DeployFromDev → Hop');
    expect(chainsInto(index, C).some((c) => c.hops[0].source.id === `arn:aws:iam::${A}:user/carol`)).toBe(true);
    const { outbound } = accountPaths(index, C);
    expect(outbound.map((p) => p.target.name)).toEqual(expect.arrayContaining(['OrgReader']));
  });
});

describe('share paths', () => {
  it('reaches every account under an OU and marks outside principals', () => {
    const ram = { shares: { s: { arn: 'arn:aws:ram:us-east-1:222222222222:resource-share/s', id: 's', name: 'net', owningAccountId: B, region: 'us-east-1', status: 'ACTIVE', allowExternalPrincipals: true, tags: [], resources: [{ arn: 'arn:aws:ec2:us-east-1:222222222222:subnet/subnet-1', type: 'ec2:Subnet', status: 'ASSOCIATED' }], permissions: [], principals: [{ id: `arn:aws:organizations::100000000000:ou/${ORG}/ou-dev`, status: 'ASSOCIATED', external: false }, { id: OUTSIDE, status: 'ASSOCIATED', external: true }] } } } as unknown as RamSnapshot;
    const index = computeAccessPaths({ iam: world(), organization, ram });
    expect(accountPaths(index, A).outbound.filter((p) => p.kind === 'share')).toEqual([expect.objectContaining({ via: 'ou', inside: true, destinationAccount: B })]);
    expect(accountPaths(index, B).inbound.filter((p) => p.kind === 'share' && !p.inside)).toEqual([expect.objectContaining({ source: expect.objectContaining({ id: OUTSIDE }) })]);
  });
});

describe('explanations with iam-simulate agree with the index', () => {
  const iam = world({ rcpDenyOutside: true });
  const index = computeAccessPaths({ iam, organization });
  it.each([
    ['DeployFromDev', `arn:aws:iam::${A}:user/carol`, true],
    ['DeployFromDev', `arn:aws:iam::${A}:user/bob`, false],
    ['FromSandbox', `arn:aws:iam::${SBX}:role/Admin`, false],
    ['LegacyVendor', OUTSIDE, false],
    ['Vendor', OUTSIDE, false],
  ])('%s from %s', async (role, source, allowed) => {
    const path = find(index.paths, role, source)[0];
    const explained = await explainPath(path, iam, organization);
    expect(explained.verification!.allowed).toBe(allowed);
    expect(path.status === 'blocked').toBe(!allowed);
    const deciding = explained.verification!.layers.find((l) => l.effect === 'denies');
    if (path.blockedBy) expect(deciding?.layer).toBe(path.blockedBy.layer);
  });
});
