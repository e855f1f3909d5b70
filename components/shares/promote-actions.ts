'use server';
// Building the promotion plan of a share created from a resource policy (building changes nothing; applying is
// for admins on the plan's page). The share is read again from AWS first.
import { z } from 'zod';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';
import { planPromoteShare, promoteShareSchema } from '@/lib/ram/promote-share';
import { refreshSharesOf } from '@/lib/ram/snapshot';

const build = userAction({
  action: 'plan:ram:PromoteResourceShareCreatedFromPolicy',
  input: z
    .object({
      accountId: z.string().regex(/^\d{12}$/, 'A 12-digit account ID.'),
      region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'A Region code such as us-east-1.'),
      resourceShareArn: z.string().startsWith('arn:'),
    })
    .merge(promoteShareSchema)
    .strict(),
  async run({ accountId, region, resourceShareArn, permissionName }, { user }) {
    const share = (await refreshSharesOf(accountId, region)).find((s) => s.arn === resourceShareArn);
    if (!share) throw new PlanError(`Account ${accountId} no longer lists the share in ${region}.`);
    return (await savePlan(planPromoteShare(share, { permissionName }), user)).id;
  },
});

export async function planPromoteShareAction(input: unknown): Promise<ActionResult<string>> {
  return build(input);
}
