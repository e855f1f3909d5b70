// The databases the store tests run against: SQLite in a fresh data dir always, and PostgreSQL when `npm test`
// started one (CROSSING_TEST_POSTGRES_URL), each test file in a database of its own.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const POSTGRES_URL = process.env.CROSSING_TEST_POSTGRES_URL;
export const POSTGRES_SKIPPED = POSTGRES_URL
  ? undefined
  : 'skipped: CROSSING_TEST_POSTGRES_URL is not set (npm test starts a PostgreSQL and sets it; or point it at a superuser URL)';

if (POSTGRES_SKIPPED) console.warn(`PostgreSQL half of the store tests ${POSTGRES_SKIPPED}`);

export interface TestDatabase {
  name: string;
  dialect: 'sqlite' | 'postgres';
  skip?: string;
}

export const TEST_DATABASES: TestDatabase[] = [
  { name: 'SQLite', dialect: 'sqlite' },
  { name: POSTGRES_SKIPPED ? `PostgreSQL (${POSTGRES_SKIPPED})` : 'PostgreSQL', dialect: 'postgres', skip: POSTGRES_SKIPPED },
];

/** A new, empty PostgreSQL database on the test server; its URL. */
export async function createPostgresDatabase(): Promise<string> {
  const name = `crossing_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The environment for a console using a fresh store of `dialect`, set in process.env: a new data dir, and for
 * PostgreSQL a new database. Modules that read the configuration must be imported again afterwards (vi.resetModules).
 */
export async function useTestDatabase(dialect: TestDatabase['dialect'], prefix = 'crossing-store-'): Promise<Record<string, string>> {
  const env: Record<string, string> = { CROSSING_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), prefix)) };
  if (dialect === 'postgres') env.CROSSING_DATABASE_URL = await createPostgresDatabase();
  else for (const name of ['CROSSING_DATABASE_URL', 'PGHOST']) delete process.env[name];
  Object.assign(process.env, env);
  return env;
}
