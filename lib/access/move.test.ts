// Protects the move preview: SCPs and RCPs that start or stop applying by name, shares reached through an OU, org-path conditions that start or stop matching, and the access paths gained or lost when an account moves to another OU.
import { describe, expect, it } from 'vitest';
import { DocumentTable, emptyIamSnapshot } from '../iam/snapshot';
import type { RamSnapshot } from '../ram/snapshot';
import { previewMove } from './move';
import type { AccessOrganization } from './paths';

const ORG = 'o-test';
const MOVER = '111111111111';
const PROD = '222222222222';
const organization: AccessOrganization = {
  id: ORG,
  rootId: 'r-1',
  accounts: { [MOVER]: { name: 'mover', parents: ['r-1', 'ou-sbx'] }, [PROD]: { name: 'prod', parents: ['r-1', 'ou-wl', 'ou-prod'] } },
  groupNames: { 'r-1': 'Root', 'ou-sbx': 'Sandbox', 'ou-wl': 'Workloads', 'ou-prod': 'Prod' },
};

describe('what moving an account changes', () => {
  it('lists policies, shares, conditions and paths gained and lost', () => {
    const iam = emptyIamSnapshot('t', 0);
    const t = new DocumentTable(iam.documents);
    const allowAll = t.intern(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }));
    const deny = t.intern(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'organizations:*', Resource: '*' }] }));
    const trust = t.intern(JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Workloads', Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': [`${ORG}/r-1/ou-wl/*`] } } }] }));
    iam.organizationPolicies = {
      scps: [
        { id: 'p-full', name: 'FullAWSAccess', awsManaged: true, document: allowAll, targets: ['r-1', 'ou-sbx', 'ou-wl', 'ou-prod', MOVER, PROD] },
        { id: 'p-sbx', name: 'DenyOrganizations', awsManaged: false, document: deny, targets: ['ou-sbx'] },
        { id: 'p-wl', name: 'WorkloadGuardrails', awsManaged: false, document: deny, targets: ['ou-wl'] },
      ],
    };
    iam.accounts[MOVER] = { accountId: MOVER, readAt: 0, roles: [{ name: 'Admin', arn: `arn:aws:iam::${MOVER}:role/Admin`, path: '/', trust: allowAll, inline: [], attached: [] }], users: [{ name: 'dev', arn: `arn:aws:iam::${MOVER}:user/dev`, groups: [], attached: [], inline: [{ name: 'All', document: allowAll }] }], groups: [] };
    iam.accounts[PROD] = { accountId: PROD, readAt: 0, roles: [{ name: 'WorkloadReader', arn: `arn:aws:iam::${PROD}:role/WorkloadReader`, path: '/', trust, inline: [], attached: [] }], users: [], groups: [] };
    const ram = { shares: { s: { arn: `arn:aws:ram:us-east-1:${PROD}:resource-share/s`, id: 's', name: 'subnets', owningAccountId: PROD, region: 'us-east-1', status: 'ACTIVE', allowExternalPrincipals: false, tags: [], resources: [], permissions: [], principals: [{ id: `arn:aws:organizations::100000000000:ou/${ORG}/ou-wl`, status: 'ASSOCIATED', external: false }] } } } as unknown as RamSnapshot;

    const preview = previewMove({ iam, organization, ram }, MOVER, ['r-1', 'ou-wl']);
    expect(preview.toPath).toEqual(['Root', 'Workloads']);
    expect(preview.scps).toEqual({ gained: ['WorkloadGuardrails'], lost: ['DenyOrganizations'] });
    expect(preview.shares.gained).toEqual([{ arn: ram.shares.s.arn, name: 'subnets', via: 'OU Workloads' }]);
    expect(preview.conditions.gained).toEqual([expect.objectContaining({ policy: 'trust policy of role WorkloadReader in prod', statement: 'statement Workloads' })]);
    // The * trust narrowed by OU path is one path from the organization (conditional) before and after: the condition section says it.
    expect(preview.paths.gained.map((p) => `${p.source.label} → ${p.target.name}`)).toEqual(['OU Workloads → subnets']);
    expect(preview.paths.lost).toEqual([]);
    // And back: what was gained is lost.
    const back = previewMove({ iam, organization: { ...organization, accounts: { ...organization.accounts, [MOVER]: { name: 'mover', parents: ['r-1', 'ou-wl'] } } }, ram }, MOVER, ['r-1', 'ou-sbx']);
    expect(back.conditions.lost).toHaveLength(1);
    expect(back.paths.lost.length).toBe(preview.paths.gained.length);
  });
});
