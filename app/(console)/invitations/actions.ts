'use server';
// The inbox's actions: reading AWS again now, and building the plan that accepts or rejects the selected
// invitations (any signed-in user may build it; only admins apply it, on the plan's page). The invitations are
// taken from the server's own reading, by ARN: the browser names them, it cannot say where they are.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { userAction, type ActionResult } from '@/lib/console/actions';
import { awsNow } from '@/lib/aws/clients';
import { getConsoleContext } from '@/lib/aws/identity';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';
import { answerInvitationsPlan, ANSWER_INVITATIONS_KIND } from '@/lib/ram/invitation-plan';
import { getOrganizationInvitations } from '@/lib/ram/invitations';

const invitationArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:ram:[a-z0-9-]+:\d{12}:resource-share-invitation\/[0-9a-f-]+$/, 'An invitation ARN looks like arn:aws:ram:REGION:ACCOUNT:resource-share-invitation/ID.');

const decisionInput = z
  .object({
    decision: z.enum(['accept', 'reject'], 'Decide accept or reject.'),
    invitationArns: z.array(invitationArn).min(1, 'Select at least one invitation.').max(100, 'Answer at most 100 invitations in one plan.'),
  })
  .strict();

const plan = userAction({
  action: ANSWER_INVITATIONS_KIND,
  input: decisionInput,
  async run({ decision, invitationArns }, { user, region }) {
    const snapshot = await getOrganizationInvitations(await getConsoleContext({ region }));
    const byArn = new Map(snapshot.invitations.map((i) => [i.arn, i]));
    const arns = [...new Set(invitationArns)];
    const missing = arns.filter((arn) => !byArn.has(arn));
    if (missing.length) throw new PlanError(`The inbox does not list ${missing.join(', ')}: refresh it (AWS drops invitations about 7 days after they are answered or expire).`);
    return savePlan(answerInvitationsPlan(decision, arns.map((arn) => byArn.get(arn)!), awsNow()), user).id;
  },
});

const refresh = userAction({
  action: 'ram:GetResourceShareInvitations',
  input: z.object({}).strict(),
  async run(_input, { region }) {
    return (await getOrganizationInvitations(await getConsoleContext({ region }), { refresh: true })).fetchedAt;
  },
});

export async function planInvitationsAction(input: unknown): Promise<ActionResult<string>> {
  return plan(input);
}

export async function refreshInvitationsAction(input: unknown): Promise<ActionResult<number>> {
  const result = await refresh(input);
  revalidatePath('/invitations');
  return result;
}
