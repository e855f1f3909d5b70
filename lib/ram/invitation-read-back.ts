// What AWS reads back after invitations were answered: each invitation's status in its receiving account, and
// for accepted ones the resources that account now receives. Where AWS reads the answer this plan's own step
// gave, the history records who decided (the admin who applied the plan) and when.
import { GetResourceShareInvitationsCommand, paginateListResources, RAMClient } from '@aws-sdk/client-ram';
import { getClient } from '../aws/clients';
import { explainAwsError } from '../aws/errors';
import type { ConsoleContext } from '../aws/identity';
import type { ReadBack } from '../console/read-back';
import type { StoredPlan } from '../plan/types';
import { recordDecision } from './invitation-history';
import type { AnsweredInvitation, InvitationDecision } from './invitation-plan';
import { invalidateOrganizationInvitations } from './invitations';

async function receivedResources(invitation: AnsweredInvitation): Promise<string[]> {
  const client = getClient(RAMClient, { accountId: invitation.receiverAccountId, region: invitation.region });
  const out: string[] = [];
  for await (const page of paginateListResources({ client }, { resourceOwner: 'OTHER-ACCOUNTS', resourceShareArns: [invitation.resourceShareArn] })) {
    out.push(...(page.resources ?? []).map((r) => `${r.type} ${r.arn}`));
  }
  return out;
}

export async function answerInvitationsReadBack(plan: StoredPlan, _context: ConsoleContext): Promise<ReadBack> {
  invalidateOrganizationInvitations();
  const decision = plan.context?.decision as InvitationDecision;
  const expected = decision === 'accept' ? 'ACCEPTED' : 'REJECTED';
  const invitations = (plan.context?.invitations ?? []) as AnsweredInvitation[];
  const problems: string[] = [];
  let asAsked = 0;
  let received = 0;
  const facts = await Promise.all(
    invitations.map(async (invitation, index) => {
      const label = `${invitation.shareName} for ${plan.accountNames?.[invitation.receiverAccountId] ?? invitation.receiverAccountId} (${invitation.region})`;
      const target = { accountId: invitation.receiverAccountId, region: invitation.region };
      try {
        const out = await getClient(RAMClient, target).send(new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: [invitation.arn] }));
        const status = out.resourceShareInvitations?.[0]?.status ?? 'not listed';
        if (status !== expected) return { label, value: status };
        asAsked += 1;
        const state = plan.stepStates[index];
        // A step that found the invitation already answered has no output: someone else decided.
        if (state?.status === 'done' && state.output && plan.appliedBy) {
          await recordDecision({ arn: invitation.arn, status: expected, decidedBy: plan.appliedBy, decidedAt: state.finishedAt ?? plan.finishedAt!, planId: plan.id });
        }
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
}
