'use server';
// "Request this change": whoever made the plan (viewer, requester or admin) submits it for approval.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { PLAN_ID } from '@/lib/plan/store';
import { MAX_DURATION_MS, MIN_DURATION_MS } from '@/lib/requests/rules';
import { submitRequest } from '@/lib/requests/service';
import { userAction, type ActionResult } from '@/lib/server-actions';

const submitInput = z
  .object({
    planId: z.string().regex(PLAN_ID, 'A plan ID looks like p- and 20 hexadecimal digits.'),
    justification: z.string().trim().min(1, 'Say why this change is needed: approvers decide on it.').max(2000, 'The justification can be at most 2000 characters.'),
    durationHours: z
      .number('The duration must be a number of hours.')
      .min(MIN_DURATION_MS / 3600_000, 'The duration must be at least 1 hour.')
      .max(MAX_DURATION_MS / 3600_000, 'The duration must be at most 90 days (2160 hours).')
      .optional(),
  })
  .strict();

const submit = userAction({
  action: 'request:submit',
  input: submitInput,
  run: async (input, { user }) => (await submitRequest(user, input)).id,
});

export async function submitRequestAction(input: unknown): Promise<ActionResult<string>> {
  const result = await submit(input);
  revalidatePath('/requests');
  return result;
}
