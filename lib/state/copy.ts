// Moving a console from SQLite to PostgreSQL: the state in a SQLite file (a data dir's crossing.sqlite) copied
// into the configured PostgreSQL, audit entries with their ids and order, so the audit log stays one log; plans,
// runs, drafts and requests with it, so nothing under way is lost.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { config } from '../config';
import { state, StateUnavailable } from './database';
import { migrations } from './migrations';

// Everything kept, not what is read again (snapshots) or lapses within minutes (leases, sign-in counters).
const TABLES = [
  'audit',
  'sessions',
  'invitations',
  'plans',
  'plan_steps',
  'wizard_drafts',
  'access_requests',
  'access_request_decisions',
  'webhook_deliveries',
  'expirations',
  'accepted_findings',
  'access_allowlist',
] as const;
const BATCH = 500;

/** Copies `file`'s state (audit log, sessions, plans, requests, …) into the configured PostgreSQL; the counts copied. */
export async function copySqliteState(file: string): Promise<Record<(typeof TABLES)[number], number>> {
  const { database: settings, dataDir } = config();
  if (settings.dialect !== 'postgres') throw new StateUnavailable('Set CROSSING_DATABASE_URL (or PGHOST) to the PostgreSQL to copy into.');
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) throw new StateUnavailable(`${file} does not exist.`);
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const known = Object.keys(migrations('sqlite', dataDir));
    const applied = (source.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'crossing_migration'").get()
      ? (source.prepare('SELECT name FROM crossing_migration').all() as { name: string }[])
      : []
    ).map((r) => r.name);
    if (!applied.length) throw new StateUnavailable(`${file} is not a Crossing state database (start the console on it once to upgrade an older data dir).`);
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length) throw new StateUnavailable(`${file} was migrated by a newer Crossing (${unknown.join(', ')}): copy it with that version.`);

    const db = await state();
    const present = await db.selectFrom('audit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(present.n) > 0) throw new StateUnavailable('The PostgreSQL database already has audit entries: copy only into a new one, so no entry is mixed up or lost.');
    const copied = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<(typeof TABLES)[number], number>;
    await db.transaction().execute(async (trx) => {
      for (const table of TABLES) {
        let batch: Record<string, unknown>[] = [];
        const flush = async () => {
          if (batch.length) await (trx as unknown as Kysely<Record<string, Record<string, unknown>>>).insertInto(table).values(batch).execute();
          copied[table] += batch.length;
          batch = [];
        };
        for (const row of source.prepare(`SELECT * FROM ${table} ORDER BY rowid`).iterate() as IterableIterator<Record<string, unknown>>) {
          batch.push(row);
          if (batch.length === BATCH) await flush();
        }
        await flush();
      }
      // New entries continue after the highest id copied.
      await sql`SELECT setval(pg_get_serial_sequence('audit', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM audit), false)`.execute(trx);
    });
    return copied;
  } finally {
    source.close();
  }
}
