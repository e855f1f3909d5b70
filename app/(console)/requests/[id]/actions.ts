'use server';
// A request's decisions and buttons: any signed-in user may try; lib/requests checks on the server who may do what.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { PlanError } from '@/lib/plan/build';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { applyRequest, decideRequest, revokeRequest, withdrawRequest } from '@/lib/requests/service';
import { REQUEST_ID } from '@/lib/requests/store';

const requestId = z.string().regex(REQUEST_ID, 'A request ID looks like r- and 20 hexadecimal digits.');
const decisionInput = z.object({ requestId, comment: z.string().trim().max(2000, 'The comment can be at most 2000 characters.').default('') }).strict();
const plainInput = z.object({ requestId }).strict();

const approve = userAction({ action: 'request:approve', input: decisionInput, run: async ({ requestId: id, comment }, { user }) => (await decideRequest(user, id, 'approve', comment)).state });
const reject = userAction({ action: 'request:reject', input: decisionInput, run: async ({ requestId: id, comment }, { user }) => (await decideRequest(user, id, 'reject', comment)).state });
const withdraw = userAction({ action: 'request:withdraw', input: plainInput, run: async ({ requestId: id }, { user }) => (await withdrawRequest(user, id)).state });
const revoke = userAction({ action: 'request:revoke', input: plainInput, run: async ({ requestId: id }, { user }) => (await revokeRequest(user, id)).state });
const apply = userAction({
  action: 'request:apply',
  input: plainInput,
  async run({ requestId: id }, { user }) {
    const outcome = await applyRequest(user, id);
    if (outcome.state === 'refused') throw new PlanError(outcome.error);
    return outcome.state;
  },
});

async function refreshed<T>(result: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const done = await result;
  revalidatePath('/requests');
  return done;
}

export async function approveRequestAction(input: unknown) {
  return refreshed(approve(input));
}
export async function rejectRequestAction(input: unknown) {
  return refreshed(reject(input));
}
export async function withdrawRequestAction(input: unknown) {
  return refreshed(withdraw(input));
}
export async function revokeRequestAction(input: unknown) {
  return refreshed(revoke(input));
}
export async function applyRequestAction(input: unknown) {
  return refreshed(apply(input));
}
