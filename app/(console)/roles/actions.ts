'use server';
// Cross-account access on a role's page: the plans (change conditions, remove) and verification. Building a plan and
// verifying change nothing, so any signed-in user may; applying is an admin's, on the plan's page.
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/console/actions';
import { buildConditionsPlan, buildRemovalPlan, grantFor } from '@/lib/iam/access';
import { readRemovalFacts } from '@/lib/iam/access-facts';
import { conditionsSchema, principalArnSchema } from '@/lib/iam/validation';
import { verifyAccess, type LiveVerification } from '@/lib/iam/verify-live';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';

const roleArn = z.string().regex(/^arn:aws:iam::\d{12}:role\/(?:[\x21-\x7E]+\/)?[\w+=,.@-]{1,64}$/, 'Role: a role ARN, arn:aws:iam::ACCOUNT:role/NAME.');
const trusted = z.union([principalArnSchema, z.string().regex(/^arn:aws:iam::\d{12}:root$/, 'Principal: a user or role ARN, or arn:aws:iam::ACCOUNT:root.')]);

const planRemoval = userAction({
  action: 'plan:iam:remove-access',
  input: z.object({ roleArn, principal: trusted }).strict(),
  async run({ roleArn, principal }, { user, region }) {
    const facts = await readRemovalFacts(roleArn, principal, await getConsoleContext({ region }));
    if (!facts) throw new PlanError(`Role ${roleArn} does not exist.`);
    return savePlan(buildRemovalPlan(principal, facts), user).id;
  },
});

const planConditions = userAction({
  action: 'plan:iam:trust-conditions',
  input: z.object({ roleArn, principal: trusted, conditions: conditionsSchema }).strict(),
  async run({ roleArn, principal, conditions }, { user, region }) {
    const context = await getConsoleContext({ region });
    const facts = await readRemovalFacts(roleArn, principal, context);
    if (!facts) throw new PlanError(`Role ${roleArn} does not exist.`);
    const inOrganization = principal.split(':')[4] in facts.accountNames;
    if (conditions.restrictToOrganization && !inOrganization) throw new PlanError('Restrict to the organization: the principal is outside the organization.');
    const { draft } = buildConditionsPlan(principal, grantFor(principal, conditions, context.organization?.id), facts);
    return savePlan(draft, user).id;
  },
});

const verify = userAction({
  action: 'iam:verify-access',
  input: z.object({ roleArn, principal: trusted, withMfa: z.boolean().default(false) }).strict(),
  async run(input, { region }) {
    return verifyAccess(input, await getConsoleContext({ region }));
  },
});

export async function planRemovalAction(input: unknown): Promise<ActionResult<string>> {
  return planRemoval(input);
}

export async function planConditionsAction(input: unknown): Promise<ActionResult<string>> {
  return planConditions(input);
}

export async function verifyAccessAction(input: unknown): Promise<ActionResult<LiveVerification>> {
  return verify(input);
}
