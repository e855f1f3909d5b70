// The console's SQLite databases in the data dir (audit log, plans): private to the console's user, WAL so
// readers never wait for the writer, and each opened once per process and data dir.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { config } from './config';
import { ensurePrivateDir } from './private-file';

const open = new Map<string, Database.Database>();

/** The database `name` in the data dir, created with `schema` (idempotent DDL) on first open. */
export function privateDatabase(name: string, schema: string): Database.Database {
  const file = path.join(config().dataDir, name);
  let db = open.get(file);
  if (db) return db;
  ensurePrivateDir(path.dirname(file));
  db = new Database(file);
  // SQLite gives the -wal and -shm files the same mode.
  fs.chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(schema);
  open.set(file, db);
  return db;
}

/** Adds `column` to `table` when an older database lacks it. */
export function ensureColumn(db: Database.Database, table: string, column: string, type: string): void {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
  if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
}

/** Closes every database (tests, shutdown). */
export function closeDatabases(): void {
  for (const db of open.values()) db.close();
  open.clear();
}
