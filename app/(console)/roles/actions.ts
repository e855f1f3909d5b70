'use server';
// The cross-account access wizard's plan. Building a plan changes nothing, so any signed-in user may; applying is
// an admin's, on the plan's page.
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { crossAccountAccess } from '@/lib/iam/access';
import { readAccessFacts } from '@/lib/iam/access-facts';
import { savePlan } from '@/lib/plan/store';

const planAccess = userAction({
  action: 'plan:iam:cross-account-access',
  input: crossAccountAccess.input,
  async run(request, { user, region }) {
    const context = await getConsoleContext({ region });
    return savePlan(crossAccountAccess.plan(request, await readAccessFacts(request, context)), user.email).id;
  },
});

export async function planAccessAction(input: unknown): Promise<ActionResult<string>> {
  return planAccess(input);
}
