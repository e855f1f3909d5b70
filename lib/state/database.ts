// The console's state (audit log, sessions, sign-in failures, invitation history, leases) in one database: SQLite in the
// data dir by default (WAL, private to the console's user), PostgreSQL when configured, so that several
// console instances share it. Opened once per process; its schema is brought up to date on first use and at start.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, sql, SqliteAdapter, SqliteDialect, type DialectAdapter, type Driver } from 'kysely';
import pg from 'pg';
import { config, type DatabaseConfig } from '../config';
import { errorReason, log } from '../log';
import { ensurePrivateDir } from '../private-file';
import { migrations } from './migrations';
import type { StateTables } from './tables';

export type State = Kysely<StateTables>;

/** The database cannot be used: unreachable, refused, or its schema is newer than this console. The message says which. */
export class StateUnavailable extends Error {}

const MIGRATION_TABLE = 'crossing_migration';
const INT8_OID = 20;

/** Where the state is, for messages (never the password). */
export function describeDatabase(settings: DatabaseConfig, env: NodeJS.ProcessEnv = process.env): string {
  if (settings.dialect === 'sqlite') return `SQLite database ${settings.file}`;
  let host = env.PGHOST ?? 'localhost';
  let port = env.PGPORT ?? '5432';
  let name = env.PGDATABASE ?? env.PGUSER ?? '';
  if (settings.url) {
    const url = new URL(settings.url);
    host = url.hostname || host;
    port = url.port || port;
    name = decodeURIComponent(url.pathname.slice(1)) || name;
  }
  return `PostgreSQL database "${name}" at ${host}:${port}${settings.url ? ' (CROSSING_DATABASE_URL)' : ' (PG* variables)'}`;
}

function openSqlite(file: string): State {
  ensurePrivateDir(path.dirname(file));
  const database = new Database(file);
  // SQLite gives the -wal and -shm files the same mode.
  fs.chmodSync(/*turbopackIgnore: true*/ file, 0o600);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  return new Kysely<StateTables>({ dialect: new ImmediateSqliteDialect({ database }) });
}

/**
 * Transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE), waiting for another process's: a
 * transaction that read first and then wrote would fail instead of waiting when another process wrote in between
 * (two processes migrating one file at once, a plan run in a child process). Migrations run in a transaction, as
 * SQLite allows (Kysely assumes it does not), so one that fails leaves nothing half done.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new (class extends SqliteAdapter {
      override get supportsTransactionalDdl() {
        return true;
      }
    })();
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

function tls(settings: Extract<DatabaseConfig, { dialect: 'postgres' }>): pg.PoolConfig['ssl'] {
  const ca = settings.caFile ? fs.readFileSync(/*turbopackIgnore: true*/ settings.caFile, 'utf8') : undefined;
  switch (settings.sslMode) {
    case 'disable':
      return false;
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-full':
      return { rejectUnauthorized: true, ca };
    default:
      return ca ? { rejectUnauthorized: true, ca } : undefined;
  }
}

function openPostgres(settings: Extract<DatabaseConfig, { dialect: 'postgres' }>): State {
  const pool = new pg.Pool({
    connectionString: settings.url,
    max: settings.poolSize,
    ssl: tls(settings),
    application_name: 'crossing',
    connectionTimeoutMillis: 10_000,
    // Counts and millisecond times are bigint: read as numbers (exact up to 2^53).
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // Without a listener, a connection dropped while idle (PostgreSQL restarted, a failover) would end the process.
  pool.on('error', (error) => log('warn', 'an idle PostgreSQL connection failed; the pool opens a new one', { reason: errorReason(error) }));
  return new Kysely<StateTables>({ dialect: new PostgresDialect({ pool }) });
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused (is PostgreSQL running there?)',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be resolved',
  ETIMEDOUT: 'it did not answer in time',
  EHOSTUNREACH: 'the host is unreachable',
  '28P01': 'the password was refused',
  '28000': 'the user may not connect',
  '3D000': 'the database does not exist (create it first: createdb)',
  '42501': 'the user lacks a privilege the console needs (it must be able to create tables in its database)',
};

function unreachable(where: string, error: unknown): StateUnavailable {
  const code = (error as { code?: string }).code;
  const timeout = /timeout/i.test(errorReason(error));
  const reason = (code && REASONS[code]) ?? (timeout ? REASONS.ETIMEDOUT : errorReason(error));
  return new StateUnavailable(`Cannot use the ${where}: ${reason}.`);
}

/** Refuses a database migrated by a newer console: its schema may hold what this version would misread or lose. */
async function refuseNewerSchema(db: State, known: string[], where: string): Promise<void> {
  const tables = await db.introspection.getTables();
  if (!tables.some((t) => t.name === MIGRATION_TABLE)) return;
  const applied = await sql<{ name: string }>`SELECT name FROM ${sql.table(MIGRATION_TABLE)}`.execute(db);
  const unknown = applied.rows.map((r) => r.name).filter((name) => !known.includes(name));
  if (unknown.length) {
    throw new StateUnavailable(
      `The ${where} has a schema newer than this console: it was migrated by a newer version of Crossing (${unknown.join(', ')}). ` +
        'Run that version or a later one, or restore the backup taken before the upgrade.',
    );
  }
}

async function migrate(db: State, settings: DatabaseConfig, dataDir: string): Promise<void> {
  const where = describeDatabase(settings);
  try {
    await sql`SELECT 1`.execute(db);
  } catch (error) {
    throw unreachable(where, error);
  }
  const all = migrations(settings.dialect, dataDir);
  await refuseNewerSchema(db, Object.keys(all), where);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => all },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
  });
  // Instances starting together wait for each other: PostgreSQL's migration lock, SQLite's write lock.
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw new StateUnavailable(`Could not bring the ${where} up to date: ${errorReason(error)}.`);
  const done = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (done.length) log('info', 'database schema brought up to date', { database: where, migrations: done.join(', ') });
}

// One per process, kept on globalThis: Next bundles this module more than once (the proxy, pages, actions), and
// with SQLite a second connection in the same thread would wait on the first one's transaction while holding
// the thread that transaction needs to finish.
const shared = globalThis as { __crossingState?: { key: string; db: Promise<State> } };

/** The console's state, its schema up to date. Rejects with StateUnavailable, saying why, when it cannot be used. */
export function state(): Promise<State> {
  const { database: settings, dataDir } = config();
  const key = JSON.stringify(settings);
  const current = shared.__crossingState;
  if (current?.key === key) return current.db;
  // Another database configured in this process (tests): the one before is closed.
  current?.db.then((db) => db.destroy()).catch(() => undefined);
  const db = open(settings, dataDir);
  const entry = { key, db };
  shared.__crossingState = entry;
  // A database that could not be reached is tried again on the next use, not given up on for good.
  db.catch(() => {
    if (shared.__crossingState === entry) shared.__crossingState = undefined;
  });
  return db;
}

async function open(settings: DatabaseConfig, dataDir: string): Promise<State> {
  let db: State;
  try {
    db = settings.dialect === 'sqlite' ? openSqlite(settings.file) : openPostgres(settings);
  } catch (error) {
    throw unreachable(describeDatabase(settings), error);
  }
  try {
    await migrate(db, settings, dataDir);
    return db;
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}

/** Whether the database answers now (a load balancer's health check): a round trip, nothing written. */
export async function stateAnswers(): Promise<boolean> {
  try {
    await sql`SELECT 1`.execute(await state());
    return true;
  } catch (error) {
    log('warn', 'health check: the database does not answer', { reason: errorReason(error) });
    return false;
  }
}

/** Closes the database (shutdown, tests); the next use opens it again. */
export async function closeState(): Promise<void> {
  const current = shared.__crossingState;
  shared.__crossingState = undefined;
  const db = await current?.db.catch(() => undefined);
  await db?.destroy();
}
