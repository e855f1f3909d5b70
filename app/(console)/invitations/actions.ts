'use server';
// The inbox's actions: reading AWS again now, and building the plan that accepts or rejects the selected
// invitations (any signed-in user may build it; only admins apply it, on the plan's page). The invitations are
// taken from the server's own reading, by ARN: the browser names them, it cannot say where they are.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { awsNow } from '@/lib/aws/clients';
import { getConsoleContext } from '@/lib/aws/identity';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';
import { answerInvitations } from '@/lib/ram/answer-invitations';
import { getOrganizationInvitations } from '@/lib/ram/invitations';

const plan = userAction({
  action: answerInvitations.id,
  input: answerInvitations.input,
  async run(input, { user, region }) {
    const snapshot = await getOrganizationInvitations(await getConsoleContext({ region }));
    const byArn = new Map(snapshot.invitations.map((i) => [i.arn, i]));
    const arns = [...new Set(input.invitationArns)];
    const missing = arns.filter((arn) => !byArn.has(arn));
    if (missing.length) throw new PlanError(`The inbox does not list ${missing.join(', ')}: refresh it (AWS drops invitations about 7 days after they are answered or expire).`);
    return (await savePlan(answerInvitations.plan(input, { invitations: arns.map((arn) => byArn.get(arn)!), now: awsNow() }), user)).id;
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
