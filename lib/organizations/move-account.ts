// Moving an account to another OU (organizations:MoveAccount) as a plan: one call from the management
// account, checked against the parents AWS lists; read back with ListParents, and the cached snapshots moved.
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { forgetAccessView } from '../access/view';
import { getClient } from '../aws/clients';
import type { ConsoleContext } from '../aws/identity';
import type { ReadBack } from '../console/read-back';
import { PlanError } from '../plan/build';
import type { AnyClient } from '../plan/operation-spec';
import type { PlanDraft, StoredPlan } from '../plan/types';
import { applyAccountMoved } from './cache';
import { parentOf } from './operations';
import type { OrganizationSnapshot } from './types';

export const MOVE_ACCOUNT_KIND = 'organizations:move-account';
// Organizations is global; its API is signed for us-east-1 in the aws partition.
const ORGANIZATIONS_REGION = 'us-east-1';

export interface MoveAccountContext {
  accountId: string;
  sourceParentId: string;
  destinationParentId: string;
}

const nameOf = (snapshot: OrganizationSnapshot, id: string) => (snapshot.nodes[id]?.type === 'ROOT' ? 'Root' : (snapshot.nodes[id]?.name ?? id));

export function buildMoveAccountPlan(accountId: string, destinationParentId: string, snapshot: OrganizationSnapshot): PlanDraft {
  const account = snapshot.nodes[accountId];
  if (!account || account.type !== 'ACCOUNT') throw new PlanError(`Account: ${accountId} is not an account of the organization.`);
  const destination = snapshot.nodes[destinationParentId];
  if (!destination || destination.type === 'ACCOUNT') throw new PlanError(`Destination: ${destinationParentId} is not the root or an OU of the organization.`);
  const sourceParentId = account.parentId!;
  if (sourceParentId === destinationParentId) throw new PlanError(`Destination: ${account.name} is already in ${nameOf(snapshot, destinationParentId)}.`);
  const context: MoveAccountContext = { accountId, sourceParentId, destinationParentId };
  return {
    kind: MOVE_ACCOUNT_KIND,
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
    context: { ...context },
  };
}

export async function moveAccountReadBack(plan: StoredPlan, _context: ConsoleContext): Promise<ReadBack> {
  const move = plan.context as unknown as MoveAccountContext;
  const parent = await parentOf(getClient(OrganizationsClient) as AnyClient, move.accountId);
  const moved = parent === move.destinationParentId;
  if (moved) {
    applyAccountMoved(move);
    forgetAccessView();
  }
  const facts = [{ label: `Parent of ${move.accountId} (organizations:ListParents)`, value: parent ?? 'none' }];
  return moved
    ? { tone: 'success', title: `${move.accountId} is now under ${move.destinationParentId}.`, facts, problems: [] }
    : { tone: plan.status === 'succeeded' ? 'warning' : 'error', title: `${move.accountId} is not under ${move.destinationParentId}.`, facts, problems: [] };
}
