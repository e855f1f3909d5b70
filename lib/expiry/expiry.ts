// Access that ends by itself: the contract access requests (lib/requests) use. After a time-bound plan runs, its
// kind's inverse (lib/plan/kind.ts) and a deadline on the AWS clock are stored (lib/expiry/store.ts); at the
// deadline the scheduler of whichever console process gets there first builds the inverse against AWS as it is
// then and applies it through the plan engine, once (lib/expiry/scheduler.ts). Deadlines live in the shared
// store, not in a process: when no console runs at a deadline, the first one to start catches up.
import { processWide } from '../cache/process';
import { readAwsClock } from '../aws/clients';
import { changeKind } from '../plan/catalog';
import '../changes/registry';
import type { StoredPlan } from '../plan/types';
import { INSTANCE_ID } from '../state/leases';
import { claimExpiration, insertExpiration, openExpirations, readExpiration, requestEarlyEnd, type ExpirationRow } from './store';
import { applyInverse } from './revoke';
import { expiryTick, LEASE_MS, revokeClaimed, startExpiryScheduler, TICK_MS, type SchedulerOptions } from './scheduler';

export { onExpiryEvent, type ExpiryEvent } from './events';

export interface ExpiryState {
  planId: string;
  requestId?: string;
  /** Epoch ms on the AWS clock. */
  deadline: number;
  state: 'active' | 'revoking' | 'revoked' | 'failed';
  /** The first inverse plan applied (or tried); all of them in inversePlanIds. */
  inversePlanId?: string;
  inversePlanIds: string[];
  /** Why the last attempt failed (state 'failed'), or what was already gone (state 'revoked'). */
  error?: string;
  attempts: number;
  /** For a failed revocation: when it is tried again (AWS clock). */
  nextAttemptAt?: number;
  /** Who ended it early; undefined: the deadline. */
  revokedBy?: string;
  endedAt?: number;
  /** What ends, one line per grant. */
  ends: string[];
}

function stateOf(row: ExpirationRow): ExpiryState {
  const ids = (JSON.parse(row.inverse_plan_ids) as (string | null)[]).filter((id): id is string => !!id);
  return {
    planId: row.plan_id,
    requestId: row.request_id ?? undefined,
    deadline: Number(row.deadline),
    state: row.state as ExpiryState['state'],
    inversePlanId: ids[0],
    inversePlanIds: ids,
    error: row.error ?? undefined,
    attempts: row.attempts,
    nextAttemptAt: row.state === 'failed' && row.next_attempt_at !== null ? Number(row.next_attempt_at) : undefined,
    revokedBy: row.revoke_by ?? undefined,
    endedAt: row.ended_at === null ? undefined : Number(row.ended_at),
    ends: (JSON.parse(row.inverse) as { summary: string }[]).map((c) => c.summary),
  };
}

/** Whether this plan grants access that a duration can take back (its kind has an inverse for it). */
export function grantsAccess(plan: StoredPlan): boolean {
  try {
    return changeKind(plan.kind).inverse(plan).length > 0;
  } catch {
    // A plan of a kind this console no longer knows, or whose context it cannot read: nothing it can take back.
    return false;
  }
}

/** After a successful run of a time-bound plan: records its inverse and its deadline (now on the AWS clock + duration). */
export async function scheduleExpiry(args: { plan: StoredPlan; durationMs: number; requestId?: string; by: string }): Promise<ExpiryState> {
  const { plan, durationMs, requestId, by } = args;
  if (plan.status !== 'succeeded') throw new Error(`Plan ${plan.id} has not run successfully (${plan.status}): there is no access to end.`);
  if (!Number.isFinite(durationMs) || durationMs <= 0) throw new Error('Duration: a positive number of milliseconds.');
  const inverse = changeKind(plan.kind).inverse(plan);
  if (inverse.length === 0) throw new Error(`Plan ${plan.id} (${plan.kind}) grants no access the console can take back.`);
  // Extending is a new request with a plan of its own: a plan's deadline, once set, stays.
  if (await readExpiration(plan.id)) throw new Error(`Plan ${plan.id} already ends at a deadline: extend it by a new request.`);
  const now = await readAwsClock();
  await insertExpiration({ planId: plan.id, requestId, inverse, deadline: now + durationMs, by, now });
  return (await expiryOf(plan.id))!;
}

export async function expiryOf(planId: string): Promise<ExpiryState | undefined> {
  const row = await readExpiration(planId);
  return row && stateOf(row);
}

/** Every expiration not yet ended, soonest first (admins see failed revocations here). */
export async function openExpiries(): Promise<ExpiryState[]> {
  return (await openExpirations()).map(stateOf);
}

/**
 * Ends the access now (the requester or an admin; the caller checks who may), applying the inverse plan in this
 * process. When another process is already revoking it, returns its state as it is.
 */
export async function revokeNow(planId: string, by: string): Promise<ExpiryState> {
  const now = await readAwsClock();
  const current = await readExpiration(planId);
  if (!current) throw new Error(`Plan ${planId} has no access that ends: it was not applied for a while.`);
  if (current.state === 'revoked') return stateOf(current);
  await requestEarlyEnd(planId, by, now);
  if (await claimExpiration(planId, INSTANCE_ID, now, LEASE_MS)) await revokeClaimed(planId, consoleScheduler);
  return (await expiryOf(planId))!;
}

/** This console process as a scheduler: the AWS clock read afresh, its instance id, the plan engine. */
const consoleScheduler: SchedulerOptions = { now: readAwsClock, instance: INSTANCE_ID, revoke: applyInverse };

/** One pass of this process's scheduler (its first runs at start: the catch-up); the plans whose access it ended. */
export async function expiryTickNow(): Promise<string[]> {
  // Nothing open: no need to ask AWS the time.
  if ((await openExpirations(1)).length === 0) return [];
  return expiryTick(consoleScheduler);
}

const running = processWide('expiry-scheduler', () => ({}) as { timer?: NodeJS.Timeout; ticking?: Promise<unknown> });

/** Starts this process's deadline scheduler (once per process; at server start). */
export function startExpiry(): void {
  startExpiryScheduler(running, TICK_MS, expiryTickNow);
}
