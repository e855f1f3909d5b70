'use server';
// The inbox's actions: the reading's progress and Refresh, and building the plan that accepts or rejects the
// selected invitations (any signed-in user may build it; only admins apply it, on the plan's page). The
// invitations are taken from the server's own reading, by ARN: the browser names them, it cannot say where they are.
import { z } from 'zod';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { awsNow } from '@/lib/aws/clients';
import { getConsoleContext } from '@/lib/aws/identity';
import type { SnapshotProgress } from '@/lib/cache/snapshots';
import { organizationNames } from '@/lib/organizations/accounts';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';
import { answerInvitations } from '@/lib/ram/answer-invitations';
import { getInvitationsSnapshot, invitationList, invitationsProgress, refreshInvitationsSnapshot } from '@/lib/ram/invitations';
import { invitationsSource } from '@/lib/ram/invitations-source';

const plan = userAction({
  action: answerInvitations.id,
  input: answerInvitations.input,
  async run(input, { user, region }) {
    const context = await getConsoleContext({ region });
    const { snapshot } = await getInvitationsSnapshot(invitationsSource(context));
    const byArn = new Map(invitationList(snapshot, await organizationNames(context)).map((i) => [i.arn, i]));
    const arns = [...new Set(input.invitationArns)];
    const missing = arns.filter((arn) => !byArn.has(arn));
    if (missing.length) throw new PlanError(`The inbox does not list ${missing.join(', ')}: refresh it (AWS drops invitations about 7 days after they are answered or expire).`);
    return (await savePlan(answerInvitations.plan(input, { invitations: arns.map((arn) => byArn.get(arn)!), now: awsNow() }), user)).id;
  },
});

const statusRead = userAction({
  action: 'ram:GetResourceShareInvitations',
  input: z.object({ refresh: z.boolean().default(false) }).strict(),
  async run({ refresh }, { region }) {
    const source = invitationsSource(await getConsoleContext({ region }));
    return invitationsProgress(refresh ? refreshInvitationsSnapshot(source) : await getInvitationsSnapshot(source));
  },
});

export async function planInvitationsAction(input: unknown): Promise<ActionResult<string>> {
  return plan(input);
}

export async function invitationsStatusAction(input: unknown): Promise<ActionResult<SnapshotProgress>> {
  return statusRead(input);
}
