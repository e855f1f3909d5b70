// The wrapper every admin server action uses: require the admin role, validate input with zod, run, record
// the audit entry, and return a typed result the UI shows. Nothing reaches AWS before the first two pass.
import { z } from 'zod';
import { recordAudit } from './audit/log';
import { requireAdmin, type SignedInUser } from './auth/guard';
import { getCallerIdentity, MemberAccessError } from './aws/clients';
import { awsRequestId, explainAwsError } from './aws/errors';
import { currentRegion } from './region';

export type ActionResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export interface ActionContext {
  user: SignedInUser;
  /** The Region the admin works in (header selector). */
  region: string;
}

export interface AdminActionSpec<S extends z.ZodType, T extends object> {
  /** Audit action name, in AWS's words when it is one call: 'ram:EnableSharingWithAwsOrganization'. */
  action: string;
  input: S;
  /** The account and Region the change is made in; default: the console's own account, the current Region. */
  target?: (input: z.infer<S>, ctx: ActionContext) => { accountId?: string; region?: string };
  run: (input: z.infer<S>, ctx: ActionContext) => Promise<{ result: T; requestId?: string }>;
}

export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.join('.') || '_'] ??= []).push(issue.message);
  return out;
}

async function ownAccountId(): Promise<string | undefined> {
  try {
    return (await getCallerIdentity()).accountId;
  } catch {
    return undefined;
  }
}

/** Builds a server action body: `export async function enable(input: unknown) { return enableAction(input); }`. */
export function adminAction<S extends z.ZodType, T extends object>(spec: AdminActionSpec<S, T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    // The role first: a viewer is refused (and the attempt recorded) whatever the input looks like.
    const check = await requireAdmin();
    const parsed = spec.input.safeParse(raw);
    if (!check.ok) {
      if (check.status === 403) {
        recordAudit({
          actor: check.user.email,
          role: check.user.role,
          action: spec.action,
          accountId: await ownAccountId(),
          region: await currentRegion(),
          parameters: parsed.success ? parsed.data : undefined,
          outcome: 'denied',
          error: check.error,
        });
      }
      return { ok: false, error: check.error };
    }
    if (!parsed.success) return { ok: false, error: 'Check the highlighted fields.', fieldErrors: fieldErrors(parsed.error) };
    const ctx: ActionContext = { user: check.user, region: await currentRegion() };
    const target = spec.target?.(parsed.data, ctx) ?? {};
    const accountId = target.accountId ?? (await ownAccountId());
    const region = target.region ?? ctx.region;
    const base = { actor: ctx.user.email, role: ctx.user.role, action: spec.action, accountId, region, parameters: parsed.data };
    let outcome: { result: T; requestId?: string };
    try {
      outcome = await spec.run(parsed.data, ctx);
    } catch (error) {
      const message = explainAwsError(error, { operation: spec.action, accountId, region });
      const requestId = awsRequestId(error instanceof MemberAccessError ? error.cause : error);
      recordAudit({ ...base, outcome: 'failure', requestId, error: message });
      return { ok: false, error: message };
    }
    // Outside the try: a change AWS made must never be reported (or audited) as a failure.
    recordAudit({ ...base, outcome: 'success', requestId: outcome.requestId });
    return { ok: true, ...outcome.result };
  };
}
