// Protects one request for many accounts: one plan gives the same role in every chosen account (or every account
// under an OU, nested OUs included), each account's steps independent of the others' (the engine's check passes); a refusal in any account, or a source policy over its quota, changes nothing; its inverse covers
// every account.
import { describe, expect, it } from 'vitest';
import { accountsUnderOu } from '../organizations/accounts';
import type { OrganizationSnapshot, OrgNode } from '../organizations/types';
import { checkPlan, PlanError } from '../plan/build';
import type { StoredPlan } from '../plan/types';
import { buildMultiAccessPlan, crossAccountAccess, type AccessFacts } from './access';
import { parsePolicy } from './policy';
import { accessRequestSchema } from './validation';

const AUDIT = '200000000002';
const PAY_DEV = '400000000011';
const WEB_DEV = '400000000012';
const SOURCE = `arn:aws:iam::${AUDIT}:role/SecurityAudit`;
const quotas = { AssumeRolePolicySizeQuota: 2048, AttachedPoliciesPerRoleQuota: 10, UserPolicySizeQuota: 2048, RolePolicySizeQuota: 10240 };
const names = { [AUDIT]: 'audit', [PAY_DEV]: 'payments-dev', [WEB_DEV]: 'web-dev' };
const facts = (over: Partial<AccessFacts> = {}): AccessFacts => ({ accountNames: names, sourceReachable: true, destinationQuotas: quotas, sourceQuotas: quotas, sourceOtherInlineSize: 0, ...over });
const request = accessRequestSchema.parse({
  source: { accountId: AUDIT, principal: SOURCE },
  destination: { accountId: PAY_DEV, role: { kind: 'new', name: 'DevReadOnly', managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], maxSessionHours: 1 } },
  conditions: {},
});
const both = { [PAY_DEV]: facts(), [WEB_DEV]: facts() };

describe('one plan for a role in several accounts', () => {
  it("holds each account's steps, independent of each other, each naming its own account's role", () => {
    const { draft, reviews } = buildMultiAccessPlan(request, [PAY_DEV, WEB_DEV], both);
    expect(draft.independentSteps).toBe(true);
    expect(() => checkPlan(draft)).not.toThrow();
    expect(draft.steps.map((s) => `${s.operation} ${s.accountId}`)).toEqual([
      `iam:CreateRole ${PAY_DEV}`,
      `iam:AttachRolePolicy ${PAY_DEV}`,
      `iam:PutRolePolicy ${AUDIT}`,
      `iam:CreateRole ${WEB_DEV}`,
      `iam:AttachRolePolicy ${WEB_DEV}`,
      `iam:PutRolePolicy ${AUDIT}`,
    ]);
    expect(draft.steps.filter((s) => s.operation === 'iam:AttachRolePolicy').map((s) => s.input)).toEqual([
      { RoleName: 'DevReadOnly', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
      { RoleName: 'DevReadOnly', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    ]);
    expect(parsePolicy(draft.steps[5].input.PolicyDocument as string).Statement[0].Resource).toBe(`arn:aws:iam::${WEB_DEV}:role/DevReadOnly`);
    expect(draft.title).toBe(`Let role/SecurityAudit assume DevReadOnly in 2 accounts: payments-dev (${PAY_DEV}), web-dev (${WEB_DEV})`);
    expect(reviews.map((r) => [r.accountName, r.review.roleArn])).toEqual([
      ['payments-dev', `arn:aws:iam::${PAY_DEV}:role/DevReadOnly`],
      ['web-dev', `arn:aws:iam::${WEB_DEV}:role/DevReadOnly`],
    ]);
  });

  it('is taken back in every account by its inverse', () => {
    const { draft } = buildMultiAccessPlan(request, [PAY_DEV, WEB_DEV], both);
    const plan = { ...draft, id: 'p-00000000000000000002', status: 'succeeded', stepStates: [] } as unknown as StoredPlan;
    expect(crossAccountAccess.inverse(plan).map((c) => c.input)).toEqual([
      { change: 'end-access', roleArn: `arn:aws:iam::${PAY_DEV}:role/DevReadOnly`, principal: SOURCE, roleCreated: true },
      { change: 'end-access', roleArn: `arn:aws:iam::${WEB_DEV}:role/DevReadOnly`, principal: SOURCE, roleCreated: true },
    ]);
  });

  it('changes nothing when one account refuses, naming it', () => {
    const clash = { ...both, [WEB_DEV]: facts({ existingRole: { arn: `arn:aws:iam::${WEB_DEV}:role/DevReadOnly`, path: '/', trust: parsePolicy(undefined) } }) };
    expect(() => buildMultiAccessPlan(request, [PAY_DEV, WEB_DEV], clash)).toThrow(new PlanError(`Not every account can take this role; nothing was changed. web-dev (${WEB_DEV}): Role name: DevReadOnly already exists in web-dev (${WEB_DEV}); choose it as an existing role, or another name.`));
    expect(() => buildMultiAccessPlan(request, [PAY_DEV, AUDIT], { ...both, [AUDIT]: facts() })).toThrow(/Destination accounts: 200000000002 is the source account/);
  });

  it("refuses when the source's policies, one per account, would pass its inline policy quota", () => {
    const small = { [PAY_DEV]: facts({ sourceQuotas: { ...quotas, RolePolicySizeQuota: 300 } }), [WEB_DEV]: facts() };
    expect(() => buildMultiAccessPlan(request, [PAY_DEV, WEB_DEV], small)).toThrow(/inline policies of role SecurityAudit \(RolePolicySizeQuota\) would be \d+, the quota is 300/);
  });
});

const node = (id: string, type: OrgNode['type'], name: string, parentId?: string, status?: string): OrgNode => ({ id, type, name, arn: `arn:${id}`, parentId, depth: 0, status });
const snapshot = {
  rootId: 'r-1',
  nodes: Object.fromEntries(
    [
      node('r-1', 'ROOT', 'Root'),
      node('ou-1-workload', 'ORGANIZATIONAL_UNIT', 'Workloads', 'r-1'),
      node('ou-1-dev', 'ORGANIZATIONAL_UNIT', 'Dev', 'ou-1-workload'),
      node('ou-1-devteam', 'ORGANIZATIONAL_UNIT', 'Team A', 'ou-1-dev'),
      node('ou-1-other', 'ORGANIZATIONAL_UNIT', 'dev', 'r-1'),
      node(PAY_DEV, 'ACCOUNT', 'payments-dev', 'ou-1-dev', 'ACTIVE'),
      node(WEB_DEV, 'ACCOUNT', 'web-dev', 'ou-1-devteam', 'ACTIVE'),
      node('400000000013', 'ACCOUNT', 'old-dev', 'ou-1-dev', 'SUSPENDED'),
      node(AUDIT, 'ACCOUNT', 'audit', 'r-1', 'ACTIVE'),
    ].map((n) => [n.id, n]),
  ),
} as unknown as OrganizationSnapshot;

describe('every account under an OU', () => {
  it('takes the accounts under the OU at any depth, leaving suspended ones out', () => {
    expect(accountsUnderOu(snapshot, 'ou-1-dev')).toEqual({ ou: { id: 'ou-1-dev', name: 'Dev' }, accounts: [expect.objectContaining({ id: PAY_DEV }), expect.objectContaining({ id: WEB_DEV })] });
  });

  it('refuses a name several OUs share, and knows no OU that is not there', () => {
    expect(accountsUnderOu(snapshot, 'Dev')).toEqual({ error: '"Dev" names 2 OUs: Dev (ou-1-dev), dev (ou-1-other). Type the OU\'s ID.' });
    expect(accountsUnderOu(snapshot, 'Team A')).toMatchObject({ accounts: [expect.objectContaining({ id: WEB_DEV })] });
    expect(accountsUnderOu(snapshot, 'Prod')).toBeUndefined();
  });
});
