// The deadline scheduler: a timer in each console process that, judged on the AWS clock, claims the expirations
// that are due (one conditional UPDATE: of several processes sharing the store, exactly one gets each), applies
// their inverse and records the outcome. Nothing is kept in memory between ticks: a process that starts (after a
// restart, or after downtime) catches up on everything overdue at its first tick; a claimer that dies stops
// renewing its lease, and once it runs out another process takes over through the plan engine's resume.
// A revocation AWS refuses is recorded as failed with its reason, announced ('revocation-failed'), and tried again
// with backoff (1 min, doubling, at most 1 h) until it succeeds or an admin settles it.
import { errorReason, log } from '../log';
import { emitExpiryEvent } from './events';
import type { RevocationOutcome } from './revoke';
import { claimExpiration, dueExpirations, readExpiration, renewClaim, settleClaim, takeWarnings, type ExpirationRow } from './store';

export const TICK_MS = 15_000;
/** How long a claim holds without renewal: longer than a renewal interval, short enough for a quick takeover. */
export const LEASE_MS = 120_000;
export const WARNING_MS = 60 * 60 * 1000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;

export const backoffMs = (attempts: number): number => Math.min(60_000 * 2 ** Math.max(attempts - 1, 0), MAX_BACKOFF_MS);

export interface SchedulerOptions {
  /** Now on the AWS clock (epoch ms). */
  now: () => number | Promise<number>;
  /** The claimer's name in the store. */
  instance: string;
  /** Applies the inverse of a claimed expiration. */
  revoke: (row: ExpirationRow, instance: string) => Promise<RevocationOutcome>;
}

/** Applies the inverse of `planId`, claimed by this instance, keeping the lease alive meanwhile; records and announces the outcome. */
export async function revokeClaimed(planId: string, options: SchedulerOptions): Promise<ExpirationRow | undefined> {
  const row = await readExpiration(planId);
  if (!row) return undefined;
  const renewal = setInterval(() => {
    void Promise.resolve(options.now())
      .then((now) => renewClaim(planId, options.instance, now + LEASE_MS))
      .catch((error: unknown) => log('warn', 'could not renew an expiry claim', { planId, reason: errorReason(error) }));
  }, LEASE_MS / 4);
  renewal.unref();
  let outcome: RevocationOutcome;
  try {
    outcome = await options.revoke(row, options.instance);
  } catch (error) {
    outcome = { ok: false, inversePlanIds: JSON.parse(row.inverse_plan_ids) as (string | null)[], error: errorReason(error) };
  } finally {
    clearInterval(renewal);
  }
  const now = await options.now();
  const settled = outcome.ok
    ? await settleClaim(planId, options.instance, { state: 'revoked', now, detail: outcome.detail })
    : await settleClaim(planId, options.instance, { state: 'failed', error: outcome.error, retryAt: now + backoffMs(row.attempts) });
  // Lost the claim meanwhile (its lease ran out): the process that took it over records and announces the outcome.
  if (!settled) return readExpiration(planId);
  const base = { planId, requestId: row.request_id ?? undefined, deadline: Number(row.deadline), inversePlanId: outcome.inversePlanIds.find(Boolean) ?? undefined };
  if (outcome.ok) await emitExpiryEvent({ ...base, type: row.revoke_by ? 'revoked' : 'expired', detail: outcome.detail });
  else {
    log('error', 'a revocation failed; it is tried again', { planId, attempts: row.attempts, reason: outcome.error });
    await emitExpiryEvent({ ...base, type: 'revocation-failed', detail: outcome.error });
  }
  return readExpiration(planId);
}

/** One pass: warnings for deadlines within the hour, then every due expiration this instance manages to claim. */
export async function expiryTick(options: SchedulerOptions): Promise<string[]> {
  const now = await options.now();
  for (const row of await takeWarnings(now, WARNING_MS)) {
    await emitExpiryEvent({ type: 'expiring-soon', planId: row.plan_id, requestId: row.request_id ?? undefined, deadline: Number(row.deadline) });
  }
  const revoked: string[] = [];
  for (const planId of await dueExpirations(now)) {
    if (!(await claimExpiration(planId, options.instance, now, LEASE_MS))) continue;
    await revokeClaimed(planId, options);
    revoked.push(planId);
  }
  return revoked;
}

interface Running {
  timer?: NodeJS.Timeout;
  ticking?: Promise<unknown>;
}

/** Starts the timer in this process (once), with a first tick now: whatever fell due while no console ran is caught up. */
export function startExpiryScheduler(running: Running, intervalMs: number, once: () => Promise<unknown>): void {
  if (running.timer) return;
  const tick = () => {
    if (running.ticking) return;
    running.ticking = once()
      .catch((error: unknown) => log('warn', 'the expiry scheduler could not run', { reason: errorReason(error) }))
      .finally(() => (running.ticking = undefined));
  };
  running.timer = setInterval(tick, intervalMs);
  running.timer.unref();
  tick();
}
