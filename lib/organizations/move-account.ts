// Kind of change: moving an account to another OU (organizations:MoveAccount), one call from the management
// account; read back with ListParents, and the cached snapshots moved once it ran.
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { z } from 'zod';
import { forgetAccessView } from '../access/view';
import { getClient } from '../aws/clients';
import { PlanError } from '../plan/build';
import { defineKind, type KindDraft } from '../plan/kind';
import type { AnyClient } from '../plan/operation-spec';
import { applyAccountMoved } from './cache';
import { parentOf } from './operations';
import type { OrganizationSnapshot } from './types';

// Organizations is global; its API is signed for us-east-1 in the aws partition.
const ORGANIZATIONS_REGION = 'us-east-1';

const moveAccountInput = z
  .object({
    accountId: z.string().regex(/^\d{12}$/, 'Account: a 12-digit account ID.'),
    destinationParentId: z.string().regex(/^(ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32})$/, 'Destination: an OU ID (ou-…) or the root (r-…).'),
  })
  .strict();

const moveAccountContext = z.object({ accountId: z.string(), sourceParentId: z.string(), destinationParentId: z.string() });
type MoveAccountContext = z.infer<typeof moveAccountContext>;

const nameOf = (snapshot: OrganizationSnapshot, id: string) => (snapshot.nodes[id]?.type === 'ROOT' ? 'Root' : (snapshot.nodes[id]?.name ?? id));

function movePlan({ accountId, destinationParentId }: z.infer<typeof moveAccountInput>, snapshot: OrganizationSnapshot): KindDraft<MoveAccountContext> {
  const account = snapshot.nodes[accountId];
  if (!account || account.type !== 'ACCOUNT') throw new PlanError(`Account: ${accountId} is not an account of the organization.`);
  const destination = snapshot.nodes[destinationParentId];
  if (!destination || destination.type === 'ACCOUNT') throw new PlanError(`Destination: ${destinationParentId} is not the root or an OU of the organization.`);
  const sourceParentId = account.parentId!;
  if (sourceParentId === destinationParentId) throw new PlanError(`Destination: ${account.name} is already in ${nameOf(snapshot, destinationParentId)}.`);
  return {
    title: `Move ${account.name} (${accountId}) from ${nameOf(snapshot, sourceParentId)} to ${nameOf(snapshot, destinationParentId)}`,
    accountNames: { [accountId]: account.name, [snapshot.organization.managementAccountId]: nameOf(snapshot, snapshot.organization.managementAccountId) },
    steps: [
      {
        operation: 'organizations:MoveAccount',
        accountId: snapshot.organization.managementAccountId,
        region: ORGANIZATIONS_REGION,
        input: { AccountId: accountId, SourceParentId: sourceParentId, DestinationParentId: destinationParentId },
        reason: `The SCPs and RCPs of ${nameOf(snapshot, destinationParentId)} apply to ${account.name} instead of those of ${nameOf(snapshot, sourceParentId)}, and shares with those OUs follow.`,
      },
    ],
    notes: ['Review what the account gains and loses (the preview on /access/move) before applying.'],
    context: { accountId, sourceParentId, destinationParentId },
  };
}

export const moveAccount = defineKind({
  id: 'organizations:move-account',
  input: moveAccountInput,
  context: moveAccountContext,
  build: movePlan,
  async readBack(plan) {
    const move = plan.context;
    const parent = await parentOf(getClient(OrganizationsClient) as AnyClient, move.accountId);
    const facts = [{ label: `Parent of ${move.accountId} (organizations:ListParents)`, value: parent ?? 'none' }];
    return parent === move.destinationParentId
      ? { tone: 'success', title: `${move.accountId} is now under ${move.destinationParentId}.`, facts, problems: [] }
      : { tone: plan.status === 'succeeded' ? 'warning' : 'error', title: `${move.accountId} is not under ${move.destinationParentId}.`, facts, problems: [] };
  },
  async afterApply(plan) {
    if (plan.status !== 'succeeded') return;
    applyAccountMoved(plan.context);
    forgetAccessView();
  },
});
