'use server';
// Shared with me: the reading's progress and Refresh, and the plan for a receiving account to leave a share (viewers may build it; applying is an admin's).
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import type { SnapshotProgress } from '@/lib/cache/snapshots';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { organizationNames } from '@/lib/organizations/accounts';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';
import { leaveShare } from '@/lib/ram/leave-share';
import { getReceivedShares, readReceivedShares, receivedProgress, refreshReceivedShares } from '@/lib/ram/received';
import { receivedSharesSource } from '@/lib/ram/received-source';

const buildLeave = userAction({
  action: 'plan:ram:LeaveResourceShare',
  input: leaveShare.input,
  async run(input, { user, region: consoleRegion }) {
    const context = await getConsoleContext({ region: consoleRegion });
    const share = (await readReceivedShares(input.accountId, input.region)).find((s) => s.arn === input.resourceShareArn);
    if (!share) throw new PlanError(`Account ${input.accountId} does not receive ${input.resourceShareArn} in ${input.region}.`);
    return (await savePlan(leaveShare.plan(input, { share, names: await organizationNames(context) }), user)).id;
  },
});

export async function planLeaveShareAction(input: unknown): Promise<ActionResult<string>> {
  return buildLeave(input);
}

const statusRead = userAction({
  action: 'ram:GetResourceShares',
  input: z.object({ refresh: z.boolean().default(false) }).strict(),
  async run({ refresh }, { region }) {
    const source = receivedSharesSource(await getConsoleContext({ region }));
    return receivedProgress(refresh ? refreshReceivedShares(source) : await getReceivedShares(source));
  },
});

export async function receivedStatusAction(input: unknown): Promise<ActionResult<SnapshotProgress>> {
  return statusRead(input);
}
