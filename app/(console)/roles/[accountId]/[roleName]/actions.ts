'use server';
// A role's page: plans that change the conditions on a trusted principal or remove its access, and verification.
// Building a plan and verifying change nothing, so any signed-in user may; applying is an admin's, on the plan's page.
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { readRemovalFacts } from '@/lib/iam/access-facts';
import { roleArnSchema, trustEdit, trustedPrincipalSchema } from '@/lib/iam/trust-edit';
import { verifyAccess, type LiveVerification } from '@/lib/iam/verify-live';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';

const planTrustEdit = userAction({
  action: 'plan:iam:trust-edit',
  input: trustEdit.input,
  async run(input, { user, region }) {
    const context = await getConsoleContext({ region });
    const facts = await readRemovalFacts(input.roleArn, input.principal, context);
    if (!facts) throw new PlanError(`Role ${input.roleArn} does not exist.`);
    return (await savePlan(trustEdit.plan(input, { ...facts, organizationId: context.organization?.id }), user)).id;
  },
});

const verify = userAction({
  action: 'iam:verify-access',
  input: z.object({ roleArn: roleArnSchema, principal: trustedPrincipalSchema, withMfa: z.boolean().default(false) }).strict(),
  async run(input, { region }) {
    return verifyAccess(input, await getConsoleContext({ region }));
  },
});

export async function planTrustEditAction(input: unknown): Promise<ActionResult<string>> {
  return planTrustEdit(input);
}

export async function verifyAccessAction(input: unknown): Promise<ActionResult<LiveVerification>> {
  return verify(input);
}
