// Accepting or rejecting invitations is one plan: one AcceptResourceShareInvitation (or Reject) per invitation,
// each in its receiving account and Region. The steps are independent, so one invitation AWS refuses (already
// answered, expired) does not hold the others back.
import { PlanError } from '../plan/build';
import type { PlanDraft } from '../plan/types';
import { formatDuration } from './invitation-expiry';
import type { OrgInvitation } from './invitations';

export const ANSWER_INVITATIONS_KIND = 'ram:answer-invitations';

export type InvitationDecision = 'accept' | 'reject';

export const DECISION_OPERATION = {
  accept: 'ram:AcceptResourceShareInvitation',
  reject: 'ram:RejectResourceShareInvitation',
} as const;

/** What the read-back needs to tell each invitation apart. */
export interface AnsweredInvitation {
  arn: string;
  resourceShareArn: string;
  shareName: string;
  receiverAccountId: string;
  region: string;
}

export const senderLabel = (i: Pick<OrgInvitation, 'senderAccountId' | 'senderName'>) =>
  i.senderName ? `${i.senderName} (${i.senderAccountId})` : `${i.senderAccountId} (outside the organization)`;

/** The plan answering `invitations` with `decision`, as of `now` on the AWS clock; refuses any no longer open. */
export function answerInvitationsPlan(decision: InvitationDecision, invitations: OrgInvitation[], now: number): PlanDraft {
  if (invitations.length === 0) throw new PlanError('Select at least one invitation.');
  const closed = invitations.filter((i) => i.status !== 'PENDING' || (i.expiresAt !== undefined && i.expiresAt <= now));
  if (closed.length) {
    const what = closed.map((i) => `${i.shareName} for ${i.receiverName} (${i.region}) is ${i.status === 'PENDING' ? 'expired' : i.status.toLowerCase()}`);
    throw new PlanError(
      `Only pending invitations can be ${decision === 'accept' ? 'accepted' : 'rejected'}: ${what.join('; ')}. An expired invitation cannot be answered: its sender must share again.`,
    );
  }
  const verb = decision === 'accept' ? 'Accept' : 'Reject';
  const accountNames: Record<string, string> = {};
  for (const i of invitations) {
    accountNames[i.receiverAccountId] = i.receiverName;
    if (i.senderName) accountNames[i.senderAccountId] = i.senderName;
  }
  const steps = invitations.map((i) => {
    const held = i.resources?.length ? i.resources.map((r) => `${r.type} ${r.arn}`).join(', ') : 'resources not read';
    const left = i.expiresAt === undefined ? '' : `; expires in ${formatDuration(i.expiresAt - now)}`;
    return {
      operation: DECISION_OPERATION[decision],
      accountId: i.receiverAccountId,
      region: i.region,
      input: { resourceShareInvitationArn: i.arn },
      reason: `${verb} ${senderLabel(i)}'s invitation to ${i.shareName} for ${i.receiverName}: ${held}${left}.`,
      about: { resourceShareArn: i.resourceShareArn },
    };
  });
  const title =
    invitations.length === 1
      ? `${verb} ${invitations[0].shareName} for ${invitations[0].receiverName} (${invitations[0].region})`
      : `${verb} ${invitations.length} resource share invitations`;
  const answered: AnsweredInvitation[] = invitations.map(({ arn, resourceShareArn, shareName, receiverAccountId, region }) => ({ arn, resourceShareArn, shareName, receiverAccountId, region }));
  return {
    kind: ANSWER_INVITATIONS_KIND,
    title,
    accountNames,
    steps,
    independentSteps: true,
    notes: [
      invitations.length > 1
        ? 'Each invitation is answered on its own: one that AWS refuses (already answered, expired) does not stop the others, and each shows its own outcome.'
        : 'The invitation is answered in its receiving account, through the member role where it is not the console’s own account.',
      ...(decision === 'reject' ? ['A rejected invitation cannot be accepted later: the sender must share again.'] : []),
    ],
    context: { decision, invitations: answered },
  };
}
