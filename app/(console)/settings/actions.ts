'use server';
// Settings' change: the plan that enables RAM sharing with AWS Organizations (applied from the plan's page).
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/console/actions';
import { savePlan } from '@/lib/plan/store';
import { getSharingStatus, planEnableSharing } from '@/lib/ram/sharing';

const plan = userAction({
  action: 'plan:ram:EnableSharingWithAwsOrganization',
  input: z.object({}).strict(),
  async run(_input, { user, region }) {
    const context = await getConsoleContext({ region });
    return savePlan(planEnableSharing(context, await getSharingStatus(context)), user).id;
  },
});

export async function planEnableSharingAction(input: unknown): Promise<ActionResult<string>> {
  return plan(input);
}
