// Protects what ends access granted for a while: every kind that grants access names the change that takes back
// exactly what it added — the principal out of the trust (never the whole policy), the source's inline policy,
// a role made for the access deleted only when it trusts nobody else, the principals or resources added to a share
// disassociated — and an edit that grants nothing offers no inverse.
import { describe, expect, it } from 'vitest';
// The plans' renderers and kinds look operations up in the registry.
import '../changes/registry';
import { buildAccessPlan, crossAccountAccess, sourcePolicyName, type AccessFacts } from '../iam/access';
import { parsePolicy } from '../iam/policy';
import { trustEdit, type RemovalFacts } from '../iam/trust-edit';
import { accessRequestSchema } from '../iam/validation';
import { NothingToChange } from '../plan/kind';
import type { PlanDraft, StoredPlan } from '../plan/types';
import { createShare } from '../ram/create-share';
import { editShare, shareEditSchema } from '../ram/share-edits';
import type { ShareRecord } from '../ram/snapshot';

const DEV = '400000000011';
const PROD = '400000000001';
const NETWORK = '300000000001';
const ALICE = `arn:aws:iam::${DEV}:user/alice`;
const AUDIT = 'arn:aws:iam::200000000002:role/SecurityAudit';
const quotas = { AssumeRolePolicySizeQuota: 2048, AttachedPoliciesPerRoleQuota: 10, UserPolicySizeQuota: 2048, RolePolicySizeQuota: 10240 };
const accessFacts = (over: Partial<AccessFacts> = {}): AccessFacts => ({
  accountNames: { [DEV]: 'payments-dev', [PROD]: 'payments-prod' },
  sourceReachable: true,
  destinationQuotas: quotas,
  sourceQuotas: quotas,
  sourceOtherInlineSize: 0,
  ...over,
});
const trustOf = (...principals: string[]) => parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: principals.map((p) => ({ Effect: 'Allow', Principal: { AWS: p }, Action: 'sts:AssumeRole' })) }));

/** A draft as stored once its run succeeded, with each step's output. */
function applied(draft: PlanDraft, outputs: unknown[] = []): StoredPlan {
  return {
    ...draft,
    id: 'p-00000000000000000001',
    createdBy: 'admin@example.com',
    createdByViewer: false,
    createdAt: '2026-12-03T00:00:00.000Z',
    expiresAt: '2026-12-03T01:00:00.000Z',
    status: 'succeeded',
    stepStates: draft.steps.map((_, i) => ({ status: 'done', output: outputs[i] })),
  };
}

const request = (role: Record<string, unknown>) => accessRequestSchema.parse({ source: { accountId: DEV, principal: ALICE }, destination: { accountId: PROD, role }, conditions: {} });
const roleArn = (name: string) => `arn:aws:iam::${PROD}:role/${name}`;
const removal = (name: string, trust = trustOf(ALICE), over: Partial<RemovalFacts['role']> = {}): RemovalFacts => ({
  role: { arn: roleArn(name), name, trust, inlinePolicyNames: [], attachedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], ...over },
  accountNames: { [DEV]: 'payments-dev', [PROD]: 'payments-prod' },
  sourcePolicy: { kind: 'user', name: 'alice', policyName: sourcePolicyName(roleArn(name)) },
});

describe('the inverse of cross-account access', () => {
  const newRole = applied(buildAccessPlan(request({ kind: 'new', name: 'DeployFromDev', managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], maxSessionHours: 1 }), accessFacts()).draft);
  const existing = applied(buildAccessPlan(request({ kind: 'existing', name: 'Auditor' }), accessFacts({ existingRole: { arn: roleArn('Auditor'), path: '/', trust: trustOf(AUDIT) } })).draft);

  it('ends the trust of the principal it added, knowing whether it made the role', () => {
    expect(crossAccountAccess.inverse(newRole)).toEqual([
      { kind: 'iam:trust-edit', input: { change: 'end-access', roleArn: roleArn('DeployFromDev'), principal: ALICE, roleCreated: true }, summary: `${ALICE} can no longer assume ${roleArn('DeployFromDev')}` },
    ]);
    expect(crossAccountAccess.inverse(existing)[0].input).toEqual({ change: 'end-access', roleArn: roleArn('Auditor'), principal: ALICE, roleCreated: false });
  });

  it('on a role that was there before, takes the principal out of the trust, keeps every other statement, and deletes the source policy', () => {
    const [inverse] = crossAccountAccess.inverse(existing);
    const plan = trustEdit.plan(trustEdit.input.parse(inverse.input), removal('Auditor', trustOf(AUDIT, ALICE)));
    expect(plan.steps.map((s) => `${s.operation} ${s.accountId}`)).toEqual([`iam:UpdateAssumeRolePolicy ${PROD}`, `iam:DeleteUserPolicy ${DEV}`]);
    expect(parsePolicy(plan.steps[0].input.PolicyDocument as string)).toEqual(trustOf(AUDIT));
    expect(plan.steps[1].input).toEqual({ UserName: 'alice', PolicyName: sourcePolicyName(roleArn('Auditor')) });
  });

  it('deletes a role it made when the role trusts nobody else, its policies first', () => {
    const [inverse] = crossAccountAccess.inverse(newRole);
    const plan = trustEdit.plan(trustEdit.input.parse(inverse.input), removal('DeployFromDev', trustOf(ALICE), { inlinePolicyNames: ['Extra'] }));
    expect(plan.steps.map((s) => s.operation)).toEqual(['iam:DeleteRolePolicy', 'iam:DetachRolePolicy', 'iam:DeleteRole', 'iam:DeleteUserPolicy']);
    expect(plan.steps[2].input).toEqual({ RoleName: 'DeployFromDev' });
  });

  it('keeps a role it made that others have been given since, taking only its principal out', () => {
    const [inverse] = crossAccountAccess.inverse(newRole);
    const plan = trustEdit.plan(trustEdit.input.parse(inverse.input), removal('DeployFromDev', trustOf(ALICE, AUDIT)));
    expect(plan.steps.map((s) => s.operation)).toEqual(['iam:UpdateAssumeRolePolicy', 'iam:DeleteUserPolicy']);
    expect(parsePolicy(plan.steps[0].input.PolicyDocument as string)).toEqual(trustOf(AUDIT));
  });

  it('deletes only the source policy when the trust was already taken out, and has nothing to do when both are gone', () => {
    const input = trustEdit.input.parse(crossAccountAccess.inverse(existing)[0].input);
    expect(trustEdit.plan(input, removal('Auditor', trustOf(AUDIT))).steps.map((s) => s.operation)).toEqual(['iam:DeleteUserPolicy']);
    expect(() => trustEdit.plan(input, { ...removal('Auditor', trustOf(AUDIT)), sourcePolicy: undefined })).toThrow(NothingToChange);
  });
});

const SHARE = `arn:aws:ram:eu-west-1:${NETWORK}:resource-share/0b5d1c2e-1111-4222-8333-444455556666`;
const subnet = `arn:aws:ec2:eu-west-1:${NETWORK}:subnet/subnet-a`;
const share: ShareRecord = {
  arn: SHARE,
  id: SHARE.split('/').pop()!,
  name: 'workloads-subnets',
  owningAccountId: NETWORK,
  region: 'eu-west-1',
  status: 'ACTIVE',
  allowExternalPrincipals: false,
  tags: [],
  resources: [{ arn: subnet, type: 'ec2:Subnet', status: 'ASSOCIATED' }],
  principals: [
    { id: DEV, status: 'ASSOCIATED', external: false },
    { id: PROD, status: 'ASSOCIATED', external: false },
  ],
  permissions: [],
};
const target = { resourceShareArn: SHARE, accountId: NETWORK, region: 'eu-west-1' };

describe('the inverse of sharing', () => {
  it('disassociates the principals a created share was made for, leaving the share and whatever was added since', () => {
    const draft = createShare.draft({
      title: 'Create resource share workloads-subnets',
      steps: [{ operation: 'ram:CreateResourceShare', accountId: NETWORK, region: 'eu-west-1', input: { name: 'workloads-subnets', principals: [DEV] }, reason: 'test' }],
      context: { draftId: 'd-00000000000000000000', name: 'workloads-subnets', principals: [{ principal: DEV, id: DEV, name: 'payments-dev', type: 'AWS_ACCOUNT', outside: false }], resources: [] },
    });
    const [inverse] = createShare.inverse(applied(draft, [{ resourceShare: { resourceShareArn: SHARE } }]));
    expect(inverse).toMatchObject({ kind: 'ram:edit-share', input: { edit: 'remove-principals', principals: [DEV] }, target });
    const plan = editShare.plan(shareEditSchema.parse(inverse.input), { share, names: {} });
    expect(plan.steps.map((s) => [s.operation, s.accountId, s.region, s.input])).toEqual([['ram:DisassociateResourceShare', NETWORK, 'eu-west-1', { resourceShareArn: SHARE, principals: [DEV] }]]);
  });

  it('takes back the principals or resources an edit added, and nothing for an edit that grants nothing', () => {
    const edited = (edit: unknown) =>
      applied(editShare.draft({ title: 'edit', steps: [{ operation: 'ram:AssociateResourceShare', accountId: NETWORK, region: 'eu-west-1', input: {}, reason: 'test' }], context: { ...target, shareName: share.name, edit: shareEditSchema.parse(edit) } }));
    expect(editShare.inverse(edited({ edit: 'add-principals', principals: [PROD] }))).toMatchObject([{ kind: 'ram:edit-share', input: { edit: 'remove-principals', principals: [PROD] }, target }]);
    expect(editShare.inverse(edited({ edit: 'add-resources', resourceArns: [subnet] }))).toMatchObject([{ input: { edit: 'remove-resources', resourceArns: [subnet] }, target }]);
    expect(editShare.inverse(edited({ edit: 'rename', name: 'other' }))).toEqual([]);
  });
});
