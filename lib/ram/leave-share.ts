// Kind of change: a receiving account leaving a share it was added to individually — one
// ram:DisassociateResourceShare in the receiver, read back from what the receiver still receives; the owner's
// shares in the organization's list refreshed once it ran (when the owner is in the organization).
import { z } from 'zod';
import { PlanError } from '../plan/build';
import { defineKind } from '../plan/kind';
import { readReceivedShares, refreshReceivedOf, type ReceivedShare } from './received';
import { principalName, type NameBook } from './share-list';
import { refreshSharesOf } from './snapshot';

/** Whether the account was added to the share as an individual account (only then may it leave). */
export const receivedIndividually = (share: ReceivedShare) => share.via.includes(share.accountId);

const ACCOUNT_ID = z.string().regex(/^\d{12}$/, 'A 12-digit account ID.');
const REGION = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'A Region code such as us-east-1.');

export const leaveShare = defineKind({
  id: 'ram:leave-share',
  input: z.object({ accountId: ACCOUNT_ID, region: REGION, resourceShareArn: z.string().startsWith('arn:', 'A resource share ARN.') }).strict(),
  context: z.object({ resourceShareArn: z.string(), shareName: z.string(), accountId: z.string(), region: z.string(), owner: z.string(), ownerInOrganization: z.boolean() }),
  build(_input, { share, names }: { share: ReceivedShare; names: NameBook }) {
    if (!receivedIndividually(share)) {
      throw new PlanError(
        `Account ${share.accountId} receives "${share.name}" through ${share.via.map((v) => principalName(v, names) ?? v).join(', ') || 'its organization'}, not as an individual account: only the owner (${share.owningAccountId}) can stop sharing it.`,
      );
    }
    return {
      title: `${names[share.accountId] ?? share.accountId} leaves "${share.name}"`,
      accountNames: names[share.accountId] ? { [share.accountId]: names[share.accountId] } : undefined,
      steps: [
        {
          operation: 'ram:DisassociateResourceShare',
          accountId: share.accountId,
          region: share.region,
          input: { resourceShareArn: share.arn, principals: [share.accountId] },
          reason: `Account ${share.accountId} stops receiving the share's ${share.resources.length} resource(s) from ${names[share.owningAccountId] ?? share.owningAccountId}. Only the owner can share them again.`,
        },
      ],
      context: {
        resourceShareArn: share.arn,
        shareName: share.name,
        accountId: share.accountId,
        region: share.region,
        owner: share.owningAccountId,
        ownerInOrganization: share.owningAccountId in names,
      },
    };
  },
  async readBack(plan) {
    const { accountId, region, resourceShareArn, shareName } = plan.context;
    const still = (await readReceivedShares(accountId, region)).find((s) => s.arn === resourceShareArn);
    const via = still?.via.filter((v) => v === accountId) ?? [];
    return {
      tone: !still ? 'success' : via.length ? 'warning' : 'success',
      title: !still ? `Account ${accountId} no longer receives "${shareName}".` : via.length ? 'AWS accepted the call; the association is still being removed.' : `Account ${accountId} no longer receives "${shareName}" as an individual account.`,
      facts: [{ label: `Received by ${accountId} in ${region} (ram:GetResourceShares OTHER-ACCOUNTS)`, value: still ? `yes, through ${still.via.join(', ') || 'nothing listed'}` : 'no' }],
      problems: [],
    };
  },
  // The owner's share in the organization's list no longer names the account (an owner outside it is not listed),
  // and the account's received shares in that Region are read again.
  async afterApply(plan) {
    const { accountId, owner, region, ownerInOrganization } = plan.context;
    await Promise.all([ownerInOrganization ? refreshSharesOf(owner, region) : undefined, refreshReceivedOf([{ accountId, region }])]);
  },
});
