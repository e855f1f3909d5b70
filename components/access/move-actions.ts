'use server';
// The MoveAccount plan, built from the organization as it is now (any signed-in user; applying is an admin's).
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { completeOrganization } from '@/lib/organizations/accounts';
import { moveAccount } from '@/lib/organizations/move-account';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';

const planMove = userAction({
  action: 'plan:organizations:MoveAccount',
  input: moveAccount.input,
  async run(input, { user, region }) {
    const snapshot = await completeOrganization(await getConsoleContext({ region }));
    if (!snapshot) throw new PlanError('The console cannot list the organization: moving accounts needs the management account or a delegated administrator.');
    return (await savePlan(moveAccount.plan(input, snapshot), user)).id;
  },
});

export async function planMoveAccountAction(input: unknown): Promise<ActionResult<string>> {
  return planMove(input);
}
