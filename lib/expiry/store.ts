// Expirations in the console's state (lib/state), shared by every console process: each change of state is one
// conditional UPDATE, so of several processes acting at once exactly one claims a due expiration, sends its
// warning, or records its outcome. Times are epoch ms on the AWS clock, passed in by the caller.
import type { Selectable } from 'kysely';
import { state } from '../state/database';
import type { ExpirationTable } from '../state/tables';
import type { InverseChange } from '../plan/kind';

export type ExpirationRow = Selectable<ExpirationTable>;
export type ExpirationStatus = 'active' | 'revoking' | 'revoked' | 'failed';

export async function insertExpiration(row: { planId: string; requestId?: string; inverse: InverseChange[]; deadline: number; by: string; now: number }): Promise<void> {
  const db = await state();
  await db
    .insertInto('expirations')
    .values({
      plan_id: row.planId,
      request_id: row.requestId ?? null,
      inverse: JSON.stringify(row.inverse),
      deadline: row.deadline,
      state: 'active',
      warned: 0,
      inverse_plan_ids: '[]',
      attempts: 0,
      scheduled_by: row.by,
      scheduled_at: row.now,
    })
    .execute();
}

export async function readExpiration(planId: string): Promise<ExpirationRow | undefined> {
  return (await state()).selectFrom('expirations').selectAll().where('plan_id', '=', planId).executeTakeFirst();
}

/** Expirations not yet ended (active, being revoked, or failed and waiting for their next attempt), soonest first. */
export async function openExpirations(limit = 200): Promise<ExpirationRow[]> {
  return (await state()).selectFrom('expirations').selectAll().where('state', 'in', ['active', 'revoking', 'failed']).orderBy('deadline').limit(limit).execute();
}

/** What a scheduler may claim now: past the deadline (or asked to end early), a failed one due again, or a claim whose lease ran out. */
export async function dueExpirations(now: number, limit = 50): Promise<string[]> {
  const rows = await (await state())
    .selectFrom('expirations')
    .select('plan_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'active'), eb.or([eb('deadline', '<=', now), eb('revoke_by', 'is not', null)])]),
        eb.and([eb('state', '=', 'failed'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('state', '=', 'revoking'), eb('lease_until', '<=', now)]),
      ]),
    )
    .orderBy('deadline')
    .limit(limit)
    .execute();
  return rows.map((r) => r.plan_id);
}

/** Claims `planId` for `instance` until now + leaseMs if it is still due: true for exactly one claimer. */
export async function claimExpiration(planId: string, instance: string, now: number, leaseMs: number): Promise<boolean> {
  const result = await (await state())
    .updateTable('expirations')
    .set((eb) => ({ state: 'revoking', claimed_by: instance, lease_until: now + leaseMs, attempts: eb('attempts', '+', 1) }))
    .where('plan_id', '=', planId)
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'active'), eb.or([eb('deadline', '<=', now), eb('revoke_by', 'is not', null)])]),
        eb.and([eb('state', '=', 'failed'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('state', '=', 'revoking'), eb('lease_until', '<=', now)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Keeps the claim while the inverse runs; false when it was lost (the lease ran out and another took it). */
export async function renewClaim(planId: string, instance: string, until: number): Promise<boolean> {
  const result = await (await state())
    .updateTable('expirations')
    .set({ lease_until: until })
    .where('plan_id', '=', planId)
    .where('state', '=', 'revoking')
    .where('claimed_by', '=', instance)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordInversePlans(planId: string, instance: string, ids: (string | null)[]): Promise<void> {
  await (await state()).updateTable('expirations').set({ inverse_plan_ids: JSON.stringify(ids) }).where('plan_id', '=', planId).where('claimed_by', '=', instance).execute();
}

/** The claimer's outcome: revoked, or failed with the reason and when to try again. */
export async function settleClaim(planId: string, instance: string, outcome: { state: 'revoked'; now: number; detail?: string } | { state: 'failed'; error: string; retryAt: number }): Promise<boolean> {
  const result = await (await state())
    .updateTable('expirations')
    .set(
      outcome.state === 'revoked'
        ? { state: 'revoked', ended_at: outcome.now, error: outcome.detail ?? null, lease_until: null, next_attempt_at: null }
        : { state: 'failed', error: outcome.error, lease_until: null, next_attempt_at: outcome.retryAt },
    )
    .where('plan_id', '=', planId)
    .where('state', '=', 'revoking')
    .where('claimed_by', '=', instance)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Asks for the access to end now: an active or failed expiration becomes due at once. False when it has already ended or is being revoked. */
export async function requestEarlyEnd(planId: string, by: string, now: number): Promise<boolean> {
  const result = await (await state())
    .updateTable('expirations')
    .set({ revoke_by: by, next_attempt_at: now })
    .where('plan_id', '=', planId)
    .where('state', 'in', ['active', 'failed'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks the 'expiring-soon' warning as sent for the active expirations within `withinMs`: each returned to exactly one caller. */
export async function takeWarnings(now: number, withinMs: number): Promise<ExpirationRow[]> {
  return (await state())
    .updateTable('expirations')
    .set({ warned: 1 })
    .where('state', '=', 'active')
    .where('warned', '=', 0)
    .where('revoke_by', 'is', null)
    .where('deadline', '<=', now + withinMs)
    .where('deadline', '>', now)
    .returningAll()
    .execute();
}
