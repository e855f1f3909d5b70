'use server';
// Shared with me: the plan for a receiving account to leave a share (viewers may build it; applying is an admin's).
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { organizationNames } from '@/lib/organizations/accounts';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';
import { leaveShare } from '@/lib/ram/leave-share';
import { readReceivedShares } from '@/lib/ram/received';

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
