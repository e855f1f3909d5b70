// Named leases in the console's state: at most one holder at a time across every instance sharing the database,
// for as long as it keeps renewing; a holder that dies stops renewing and another takes over once the lease
// expires. The building block for work one instance must do for all (a background read, a plan run, a deadline).
// Instances compare expiry times from their own clocks: keep them in sync (NTP), as AWS's request signing needs anyway.
import crypto from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import { state } from './database';
import type { StateTables } from './tables';

/** This process, as a lease holder: host, process and a random part (a restarted process is a new holder). */
export const INSTANCE_ID = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;

/**
 * Takes the lease `name` for `ttlMs` when it is free or expired, or renews it when `holder` holds it already.
 * True when `holder` holds it now. Atomic: of instances asking at once, exactly one gets it.
 */
export async function acquireLease(name: string, ttlMs: number, holder = INSTANCE_ID, now = Date.now()): Promise<boolean> {
  return takeLease(await state(), name, ttlMs, holder, now);
}

/** acquireLease within `db`, a transaction that takes the lease with what it claims (a plan's run). */
export async function takeLease(db: Kysely<StateTables>, name: string, ttlMs: number, holder = INSTANCE_ID, now = Date.now()): Promise<boolean> {
  const taken = await db
    .insertInto('leases')
    .values({ name, holder, expires_at: now + ttlMs })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet((eb) => ({ holder: eb.ref('excluded.holder'), expires_at: eb.ref('excluded.expires_at') }))
        .where((eb) => eb.or([eb('leases.expires_at', '<=', now), eb('leases.holder', '=', eb.ref('excluded.holder'))])),
    )
    .returning('holder')
    .executeTakeFirst();
  return taken?.holder === holder;
}

/** Gives the lease up, if `holder` holds it, so another instance need not wait for it to expire. */
export async function releaseLease(name: string, holder = INSTANCE_ID): Promise<void> {
  await (await state()).deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
}

/** Who holds the lease now, and until when (undefined: nobody, or it expired). */
export async function leaseHolder(name: string, now = Date.now()): Promise<{ holder: string; expiresAt: number } | undefined> {
  const row = await (await state()).selectFrom('leases').select(['holder', 'expires_at']).where('name', '=', name).where('expires_at', '>', now).executeTakeFirst();
  return row && { holder: row.holder, expiresAt: Number(row.expires_at) };
}
