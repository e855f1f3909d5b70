// The wrappers every server action uses: the session and role checked on the server, input validated with
// zod, and one result shape the UI shows. Refused attempts at admin actions are audited (signed out or
// viewer); the changes themselves are made by plans, which audit each AWS call.
import { z } from 'zod';
import { recordAudit } from './audit/log';
import { currentUser, requireAdmin, type SignedInUser } from './auth/guard';
import { explainAwsError } from './aws/errors';
import { PlanError } from './plan/build';
import { currentRegion } from './region';

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export interface ActionContext {
  user: SignedInUser;
  /** The Region the admin works in (header selector). */
  region: string;
}

export interface ActionSpec<S extends z.ZodType, T> {
  /** What the action does, for the audit log of refusals: 'plan:apply', 'ram:EnableSharingWithAwsOrganization'. */
  action: string;
  input: S;
  run: (input: z.infer<S>, ctx: ActionContext) => Promise<T>;
}

export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.join('.') || '_'] ??= []).push(issue.message);
  return out;
}

async function runChecked<S extends z.ZodType, T>(spec: ActionSpec<S, T>, raw: unknown, user: SignedInUser): Promise<ActionResult<T>> {
  const parsed = spec.input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Check the highlighted fields.', fieldErrors: fieldErrors(parsed.error) };
  try {
    return { ok: true, data: await spec.run(parsed.data, { user, region: await currentRegion() }) };
  } catch (error) {
    if (error instanceof PlanError) return { ok: false, error: error.message, ...(error.fieldErrors && { fieldErrors: error.fieldErrors }) };
    return { ok: false, error: explainAwsError(error, { operation: spec.action }) };
  }
}

/** Admins only: anyone else is refused before the input is even read, and the attempt is audited. */
export function adminAction<S extends z.ZodType, T>(spec: ActionSpec<S, T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const check = await requireAdmin();
    if (!check.ok) {
      const parsed = spec.input.safeParse(raw);
      await recordAudit({
        actor: check.status === 403 ? check.user.email : 'anonymous',
        role: check.status === 403 ? check.user.role : '-',
        action: spec.action,
        region: await currentRegion(),
        parameters: parsed.success ? parsed.data : undefined,
        outcome: check.status === 403 ? 'denied' : 'unauthenticated',
        error: check.error,
      });
      return { ok: false, error: check.error };
    }
    return runChecked(spec, raw, check.user);
  };
}

/** Any signed-in user: reads, and building plans to review (building changes nothing). */
export function userAction<S extends z.ZodType, T>(spec: ActionSpec<S, T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const user = await currentUser();
    if (!user) return { ok: false, error: 'Not signed in: sign in again.' };
    return runChecked(spec, raw, user);
  };
}
