'use server';
// The MoveAccount plan, built from the organization as it is now (any signed-in user; applying is an admin's).
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/console/actions';
import { completeOrganization } from '@/lib/organizations/accounts';
import { buildMoveAccountPlan } from '@/lib/organizations/move-account';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';

const planMove = userAction({
  action: 'plan:organizations:MoveAccount',
  input: z
    .object({
      accountId: z.string().regex(/^\d{12}$/, 'Account: a 12-digit account ID.'),
      destinationParentId: z.string().regex(/^(ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32})$/, 'Destination: an OU ID (ou-…) or the root (r-…).'),
    })
    .strict(),
  async run({ accountId, destinationParentId }, { user, region }) {
    const snapshot = await completeOrganization(await getConsoleContext({ region }));
    if (!snapshot) throw new PlanError('The console cannot list the organization: moving accounts needs the management account or a delegated administrator.');
    return savePlan(buildMoveAccountPlan(accountId, destinationParentId, snapshot), user.email).id;
  },
});

export async function planMoveAccountAction(input: unknown): Promise<ActionResult<string>> {
  return planMove(input);
}
