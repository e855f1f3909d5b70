'use server';
// Applying a reviewed plan (through its access request, if it is one), resuming it, and checking steps a crash left unknown: admins only (audited when refused).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction, type ActionResult } from '@/lib/server-actions';
import { checkUnknownSteps } from '@/lib/changes/registry';
import { PlanError } from '@/lib/plan/build';
import { PLAN_ID } from '@/lib/plan/store';
import { applyPlanChecked } from '@/lib/requests/service';

const planInput = z.object({ planId: z.string().regex(PLAN_ID, 'A plan ID looks like p- and 20 hexadecimal digits.') }).strict();

const apply = adminAction({
  action: 'plan:apply',
  input: planInput,
  async run({ planId }, { user }) {
    // A plan submitted as a request is applied through it; four eyes refuses an admin's own plan (lib/requests).
    const outcome = await applyPlanChecked(planId, user);
    if (outcome.state === 'refused') throw new PlanError(outcome.error);
    return outcome.state;
  },
});

const check = adminAction({
  action: 'plan:check',
  input: planInput,
  async run({ planId }, { user }) {
    const plan = await checkUnknownSteps(planId, user);
    if (!plan) throw new PlanError('No such plan.');
    return plan.stepStates.filter((s) => s.status === 'unknown').length;
  },
});

export async function applyPlanAction(input: unknown): Promise<ActionResult<'started' | 'joined'>> {
  const result = await apply(input);
  revalidatePath('/plans');
  return result;
}

export async function checkPlanAction(input: unknown): Promise<ActionResult<number>> {
  const result = await check(input);
  revalidatePath('/plans');
  return result;
}
