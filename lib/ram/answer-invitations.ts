// Kind of change: accepting or rejecting invitations, one plan — one AcceptResourceShareInvitation (or Reject) per
// invitation, each in its receiving account and Region. The steps are independent, so one invitation AWS refuses
// (already answered, expired) does not hold the others back. Read back: each invitation's status in its receiving
// account, and for accepted ones the resources that account now receives. Once the run finishes, the history
// records who decided (the admin who applied it) where this plan's own step gave the answer, and the inbox reads
// AWS again.
import { GetResourceShareInvitationsCommand, paginateListResources, RAMClient } from '@aws-sdk/client-ram';
import { z } from 'zod';
import { getClient } from '../aws/clients';
import { explainAwsError } from '../aws/errors';
import { PlanError } from '../plan/build';
import { defineKind } from '../plan/kind';
import { formatDuration } from './invitation-expiry';
import { recordDecision } from './invitation-history';
import { refreshInvitationsOf, type OrgInvitation } from './invitations';
import { refreshReceivedOf } from './received';

const DECISIONS = ['accept', 'reject'] as const;
export type InvitationDecision = (typeof DECISIONS)[number];

export const DECISION_OPERATION = {
  accept: 'ram:AcceptResourceShareInvitation',
  reject: 'ram:RejectResourceShareInvitation',
} as const;

/** What the read-back needs to tell each invitation apart. */
const answeredInvitation = z.object({ arn: z.string(), resourceShareArn: z.string(), shareName: z.string(), receiverAccountId: z.string(), region: z.string() });
type AnsweredInvitation = z.infer<typeof answeredInvitation>;

const invitationArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:ram:[a-z0-9-]+:\d{12}:resource-share-invitation\/[0-9a-f-]+$/, 'An invitation ARN looks like arn:aws:ram:REGION:ACCOUNT:resource-share-invitation/ID.');

export const senderLabel = (i: Pick<OrgInvitation, 'senderAccountId' | 'senderName'>) =>
  i.senderName ? `${i.senderName} (${i.senderAccountId})` : `${i.senderAccountId} (outside the organization)`;

async function receivedResources(invitation: AnsweredInvitation): Promise<string[]> {
  const client = getClient(RAMClient, { accountId: invitation.receiverAccountId, region: invitation.region });
  const out: string[] = [];
  for await (const page of paginateListResources({ client }, { resourceOwner: 'OTHER-ACCOUNTS', resourceShareArns: [invitation.resourceShareArn] })) {
    out.push(...(page.resources ?? []).map((r) => `${r.type} ${r.arn}`));
  }
  return out;
}

export const answerInvitations = defineKind({
  id: 'ram:answer-invitations',
  input: z
    .object({
      decision: z.enum(DECISIONS, 'Decide accept or reject.'),
      invitationArns: z.array(invitationArn).min(1, 'Select at least one invitation.').max(100, 'Answer at most 100 invitations in one plan.'),
    })
    .strict(),
  context: z.object({ decision: z.enum(DECISIONS), invitations: z.array(answeredInvitation) }),
  /** The invitations named, taken from the server's reading; refuses any no longer open as of `now` on the AWS clock. */
  build({ decision }, { invitations, now }: { invitations: OrgInvitation[]; now: number }) {
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
  },
  async readBack(plan) {
    const { decision, invitations } = plan.context;
    const expected = decision === 'accept' ? 'ACCEPTED' : 'REJECTED';
    const problems: string[] = [];
    let asAsked = 0;
    let received = 0;
    const facts = await Promise.all(
      invitations.map(async (invitation) => {
        const label = `${invitation.shareName} for ${plan.accountNames?.[invitation.receiverAccountId] ?? invitation.receiverAccountId} (${invitation.region})`;
        const target = { accountId: invitation.receiverAccountId, region: invitation.region };
        try {
          const out = await getClient(RAMClient, target).send(new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: [invitation.arn] }));
          const status = out.resourceShareInvitations?.[0]?.status ?? 'not listed';
          if (status !== expected) return { label, value: status };
          asAsked += 1;
          if (status !== 'ACCEPTED') return { label, value: status };
          const resources = await receivedResources(invitation);
          received += resources.length;
          return { label, value: resources.length ? `${status}; now receives ${resources.join(', ')}` : `${status}; no resources received yet` };
        } catch (error) {
          problems.push(explainAwsError(error, { operation: 'ram:GetResourceShareInvitations', ...target }));
          return { label, value: 'unknown (see below)' };
        }
      }),
    );
    const all = asAsked === invitations.length;
    const word = decision === 'accept' ? 'accepted' : 'rejected';
    return {
      tone: all ? 'success' : asAsked ? 'warning' : 'error',
      title:
        invitations.length === 1
          ? all
            ? `AWS reads the invitation as ${word}.`
            : `AWS does not read the invitation as ${word}.`
          : `AWS reads ${asAsked} of ${invitations.length} invitations as ${word}.`,
      facts,
      problems,
      links: received ? [{ href: '/shares/received', label: 'See the resources in Shared with me' }] : undefined,
    };
  },
  async afterApply(plan) {
    const status = plan.context.decision === 'accept' ? 'ACCEPTED' : 'REJECTED';
    for (const [index, invitation] of plan.context.invitations.entries()) {
      const state = plan.stepStates[index];
      // A step that found the invitation already answered has no output: someone else decided.
      if (state?.status === 'done' && state.output && plan.appliedBy) {
        await recordDecision({ arn: invitation.arn, status, decidedBy: plan.appliedBy, decidedAt: state.finishedAt ?? plan.finishedAt!, planId: plan.id });
      }
    }
    // Exactly the receiving accounts and Regions answered in are read again: the inbox (and, for an accepted
    // invitation, Shared with me) shows AWS's answer at once.
    const touched = plan.context.invitations.map((i) => ({ accountId: i.receiverAccountId, region: i.region }));
    await Promise.all([refreshInvitationsOf(touched), plan.context.decision === 'accept' ? refreshReceivedOf(touched) : undefined]);
  },
});
