// Resource share invitations as one receiving account sees them in one Region.
import { paginateGetResourceShareInvitations, RAMClient, type ResourceShareInvitation } from '@aws-sdk/client-ram';
import { getClient, type ClientTarget } from '../aws/clients';

export interface PendingInvitation {
  arn: string;
  shareName: string;
  senderAccountId: string;
  invitedAt?: Date;
}

/** Every invitation the account can see in the Region (AWS drops answered ones after about 7 days). */
export async function listInvitations(target: ClientTarget): Promise<ResourceShareInvitation[]> {
  const out: ResourceShareInvitation[] = [];
  for await (const page of paginateGetResourceShareInvitations({ client: getClient(RAMClient, target) }, {})) {
    out.push(...(page.resourceShareInvitations ?? []));
  }
  return out;
}

/** The invitations still waiting for `accountId`'s answer. */
export async function pendingInvitations(accountId: string, region: string): Promise<PendingInvitation[]> {
  return (await listInvitations({ region }))
    .filter((invitation) => invitation.status === 'PENDING' && invitation.receiverAccountId === accountId)
    .map((invitation) => ({
      arn: invitation.resourceShareInvitationArn!,
      shareName: invitation.resourceShareName ?? invitation.resourceShareArn ?? '',
      senderAccountId: invitation.senderAccountId ?? '',
      invitedAt: invitation.invitationTimestamp,
    }));
}
