'use server';
// Settings' change: the plan that enables RAM sharing with AWS Organizations (applied from the plan's page).
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { savePlan } from '@/lib/plan/store';
import { enableSharing } from '@/lib/ram/enable-sharing';
import { getSharingStatus } from '@/lib/ram/sharing';

const plan = userAction({
  action: 'plan:ram:EnableSharingWithAwsOrganization',
  input: enableSharing.input,
  async run(input, { user, region }) {
    const context = await getConsoleContext({ region });
    return (await savePlan(enableSharing.plan(input, { context, status: await getSharingStatus(context) }), user)).id;
  },
});

export async function planEnableSharingAction(input: unknown): Promise<ActionResult<string>> {
  return plan(input);
}
