// Protects what every kind of change does besides its calls: viewing a finished plan's page, however often, clears
// no cache (read-backs only read AWS), and once a run finishes each kind's after-apply hook refreshes exactly the
// caches its change made stale — the trusts list, the sharing status, the invitations, its share's account and
// Region in the organization's share list — and no other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../sandbox/seeds/demo-ids';
import { startSandbox, type TestSandbox } from '../../sandbox/testing';
import { useConsoleEnv } from '../../tests/support/console-env';
import { resetAwsAccess } from '../aws/clients';
import { getConsoleContext, type ConsoleContext } from '../aws/identity';
import { crossAccountAccess } from '../iam/access';
import { closeFinding } from '../iam/finding-fixes';
import { trustEdit } from '../iam/trust-edit';
import { moveAccount } from '../organizations/move-account';
import { crossAccountTrusts } from '../iam/trusts';
import { iamSnapshotSource } from '../iam/snapshot-source';
import { completeIamSnapshot } from '../iam/snapshot-store';
import type { ChangeKind } from '../plan/kind';
import { claimRun, finishRun, getPlan, savePlan } from '../plan/store';
import type { PlanStep, StoredPlan } from '../plan/types';
import { answerInvitations } from '../ram/answer-invitations';
import { createShare } from '../ram/create-share';
import { enableSharing } from '../ram/enable-sharing';
import { completeInvitationsSnapshot, getInvitationsSnapshot } from '../ram/invitations';
import { invitationsSource } from '../ram/invitations-source';
import { leaveShare } from '../ram/leave-share';
import { modifyShare } from '../ram/modify-share';
import { editPermission } from '../ram/permission-edits';
import { promoteShare } from '../ram/promote-share';
import { editShare } from '../ram/share-edits';
import { recentSharingStatus } from '../ram/sharing';
import { completeShareSnapshot, getShareSnapshot } from '../ram/snapshot';
import { shareSnapshotSource } from '../ram/snapshot-source';
import { changeKinds, readBack } from './registry';

const A = DEMO.accounts;
const ROLE = `arn:aws:iam::${A['payments-prod']}:role/ReadOnlyAuditor`;
const ALICE = `arn:aws:iam::${A['payments-dev']}:user/alice`;
const SHARE = `arn:aws:ram:us-east-1:${A.network}:resource-share/00000000-0000-4000-8000-000000000000`;
const CMP = `arn:aws:ram:us-east-1:${A.network}:permission/kinds-test`;
let sb: TestSandbox;
let context: ConsoleContext;

const step = (operation: string, accountId: string, input: Record<string, unknown> = {}): PlanStep => ({ operation, accountId, region: 'us-east-1', input, reason: 'test' });

/** A stored plan of `kind` whose run has finished, made from a hand-written draft with the kind's own context. */
async function finished<C>(kind: Pick<ChangeKind<unknown, C, unknown>, 'id' | 'draft'>, steps: PlanStep[], context: C): Promise<StoredPlan> {
  const plan = await savePlan(kind.draft({ title: `${kind.id} test`, steps, context }), 'admin@example.com');
  await claimRun(plan.id, 'admin@example.com');
  await finishRun(plan.id, 'succeeded');
  return (await getPlan(plan.id))!;
}

let plans: Record<string, StoredPlan>;

/** The identity of every cached reading: a cache cleared or refreshed gives a new one. */
async function caches() {
  return {
    trusts: (await crossAccountTrusts(context)).trusts,
    sharing: await recentSharingStatus(context),
    invitations: Object.fromEntries(Object.entries((await getInvitationsSnapshot(invitationsSource(context))).snapshot.accounts).map(([id, a]) => [id, a.readAt])),
    shares: Object.fromEntries(Object.entries(getShareSnapshot(shareSnapshotSource(context)).snapshot.targets).map(([key, t]) => [key, t.readAt])),
  };
}

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  useConsoleEnv(sb, 'crossing-kinds-');
  resetAwsAccess();
  context = await getConsoleContext();
  await Promise.all([completeIamSnapshot(iamSnapshotSource(context)), recentSharingStatus(context), completeInvitationsSnapshot(invitationsSource(context)), completeShareSnapshot(shareSnapshotSource(context))]);
  const invitation = { arn: `arn:aws:ram:us-east-1:${A.network}:resource-share-invitation/00000000-0000-4000-8000-000000000001`, resourceShareArn: SHARE, shareName: 's', receiverAccountId: A['payments-dev'], region: 'us-east-1' };
  plans = {
    [enableSharing.id]: await finished(enableSharing, [step('ram:EnableSharingWithAwsOrganization', A.management)], {}),
    [createShare.id]: await finished(createShare, [step('ram:CreateResourceShare', A.network, { name: 'kinds-test' })], { draftId: 'd-00000000000000000000', name: 'kinds-test', principals: [], resources: [] }),
    [editShare.id]: await finished(editShare, [step('ram:UpdateResourceShare', A.network, { resourceShareArn: SHARE, name: 'n' })], {
      resourceShareArn: SHARE,
      shareName: 's',
      accountId: A.network,
      region: 'us-east-1',
      edit: { edit: 'rename', name: 'n' },
    }),
    [modifyShare.id]: await finished(modifyShare, [step('ram:UpdateResourceShare', A.network, { resourceShareArn: SHARE, name: 'n' })], {
      resourceShareArn: SHARE,
      shareName: 's',
      accountId: A.network,
      region: 'us-east-1',
      desired: { name: 'n', allowExternalPrincipals: false, resourceArns: [], principals: [], permissions: {}, tags: [] },
    }),
    [leaveShare.id]: await finished(leaveShare, [step('ram:DisassociateResourceShare', A['payments-dev'], { resourceShareArn: SHARE, principals: [A['payments-dev']] })], {
      resourceShareArn: SHARE,
      shareName: 's',
      accountId: A['payments-dev'],
      region: 'us-east-1',
      owner: A.network,
      ownerInOrganization: true,
    }),
    [answerInvitations.id]: await finished(answerInvitations, [step('ram:AcceptResourceShareInvitation', A['payments-dev'], { resourceShareInvitationArn: invitation.arn })], {
      decision: 'accept',
      invitations: [invitation],
    }),
    [editPermission.id]: await finished(editPermission, [step('ram:ReplacePermissionAssociations', A.network, { fromPermissionArn: CMP, toPermissionArn: CMP, fromPermissionVersion: 1 })], {
      accountId: A.network,
      region: 'us-east-1',
      permissionArn: CMP,
      edit: 'update-shares',
      version: '1',
    }),
    [promoteShare.id]: await finished(promoteShare, [step('ram:PromoteResourceShareCreatedFromPolicy', A.network, { resourceShareArn: SHARE })], {
      resourceShareArn: SHARE,
      shareName: 's',
      accountId: A.network,
      region: 'us-east-1',
    }),
    [crossAccountAccess.id]: await finished(crossAccountAccess, [step('iam:UpdateAssumeRolePolicy', A['payments-prod'])], { roleArn: ROLE, principal: ALICE, sourceAccountId: A['payments-dev'] }),
    [trustEdit.id]: await finished(trustEdit, [step('iam:UpdateAssumeRolePolicy', A['payments-prod'])], { roleArn: ROLE, principal: ALICE, expect: 'denied' }),
    [closeFinding.id]: await finished(closeFinding, [step('iam:UpdateAssumeRolePolicy', A['payments-prod'])], { roleArn: ROLE, principal: ALICE, expect: 'removed', findingId: 'f' }),
    [moveAccount.id]: await finished(moveAccount, [step('organizations:MoveAccount', A.management)], { accountId: A['sandbox-alice'], sourceParentId: DEMO.ouIds.Sandbox, destinationParentId: DEMO.ouIds.Dev }),
  };
}, 120_000);

afterAll(async () => {
  await sb?.close();
});

describe('kinds of change', () => {
  it('has a test plan for every kind the registry hands the engine', () => {
    expect(Object.keys(plans).sort()).toEqual(changeKinds.map((k) => k.id).sort());
  });

  it('clears no cache when a finished plan of any kind is viewed, however often', async () => {
    const before = await caches();
    for (let view = 0; view < 3; view++) {
      for (const plan of Object.values(plans)) expect(await readBack(plan, context)).toMatchObject({ title: expect.any(String) });
    }
    const after = await caches();
    expect(after.trusts).toBe(before.trusts);
    expect(after.sharing).toBe(before.sharing);
    expect(after.invitations).toEqual(before.invitations);
    expect(after.shares).toEqual(before.shares);
  }, 120_000);

  it.each([
    [enableSharing.id, ['sharing']],
    [createShare.id, ['shares']],
    [editShare.id, ['shares']],
    [modifyShare.id, ['shares']],
    [leaveShare.id, ['shares']],
    [answerInvitations.id, ['invitations']],
    [editPermission.id, ['shares']],
    [promoteShare.id, ['shares']],
    [crossAccountAccess.id, ['trusts']],
    [trustEdit.id, ['trusts']],
    [closeFinding.id, ['trusts']],
    [moveAccount.id, []],
  ])('%s: its after-apply hook refreshes exactly %j', async (id, refreshed) => {
    const before = await caches();
    await changeKinds.find((k) => k.id === id)!.afterApply(plans[id]);
    const after = await caches();
    const changed = [
      after.trusts !== before.trusts && 'trusts',
      after.sharing !== before.sharing && 'sharing',
      JSON.stringify(after.invitations) !== JSON.stringify(before.invitations) && 'invitations',
      JSON.stringify(after.shares) !== JSON.stringify(before.shares) && 'shares',
    ].filter(Boolean);
    expect(changed).toEqual(refreshed);
    // The shares hook re-reads only the account and Region of its change.
    if (refreshed.includes('shares')) {
      const reread = Object.keys(after.shares).filter((key) => after.shares[key] !== before.shares[key]);
      expect(reread).toEqual([`${A.network}/us-east-1`]);
    }
    // The invitations hook re-reads only the receiving account it answered for.
    if (refreshed.includes('invitations')) {
      expect(Object.keys(after.invitations).filter((id) => after.invitations[id] !== before.invitations[id])).toEqual([A['payments-dev']]);
    }
  }, 60_000);
});
