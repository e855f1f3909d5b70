// Protects: the console's state survives an upgrade (a data dir made by the previous version, one SQLite file
// per store, is carried over, nothing lost), and the console says plainly when its database cannot be reached or
// was migrated by a newer version, on SQLite and on PostgreSQL.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../sandbox/testing/free-port';
import { createPostgresDatabase, TEST_DATABASES, useTestDatabase } from '../../tests/support/databases';

process.env.AWS_ENDPOINT_URL ??= 'http://127.0.0.1:1';

type Modules = { store: typeof import('./database'); audit: typeof import('../audit/log'); sessions: typeof import('../auth/sessions'); history: typeof import('../ram/invitation-history'); plans: typeof import('../plan/store') };
const opened: Modules[] = [];

/** A console process starting: its modules loaded afresh from the current environment. */
async function start(): Promise<Modules> {
  vi.resetModules();
  const modules = {
    store: await import('./database'),
    audit: await import('../audit/log'),
    sessions: await import('../auth/sessions'),
    history: await import('../ram/invitation-history'),
    plans: await import('../plan/store'),
  };
  opened.push(modules);
  return modules;
}

afterEach(async () => {
  for (const m of opened.splice(0)) await m.store.closeState();
});

/** The files the previous version kept in the data dir, with its DDL (audit.sqlite from before plans had steps). */
function previousVersionDataDir(dir: string): void {
  const audit = new Database(path.join(dir, 'audit.sqlite'));
  audit.pragma('journal_mode = WAL');
  audit.exec(`CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,
    action TEXT NOT NULL, account_id TEXT, region TEXT, parameters TEXT NOT NULL, outcome TEXT NOT NULL, request_id TEXT, error TEXT);
    CREATE INDEX IF NOT EXISTS audit_at ON audit (at);`);
  const insert = audit.prepare(`INSERT INTO audit (at, actor, role, action, account_id, region, parameters, outcome, request_id, error) VALUES (?, ?, 'admin', ?, '100000000001', 'us-east-1', ?, ?, ?, NULL)`);
  for (let i = 1; i <= 120; i++) insert.run(new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(), `old${i}@example.com`, 'iam:CreateRole', JSON.stringify({ i }), i % 2 ? 'intent' : 'success', `req-${i}`);
  // Left with its WAL not checkpointed, as a console killed mid-write leaves it.
  const sessions = new Database(path.join(dir, 'sessions.sqlite'));
  sessions.exec('CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, user TEXT NOT NULL, started_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL)');
  sessions.prepare('INSERT INTO sessions VALUES (?, ?, ?, ?)').run('kept-session', 'ops@example.com', Date.now(), Date.now());
  const invitations = new Database(path.join(dir, 'invitations.sqlite'));
  invitations.exec(`CREATE TABLE IF NOT EXISTS invitations (arn TEXT PRIMARY KEY, resource_share_arn TEXT NOT NULL, share_name TEXT NOT NULL,
    sender_account_id TEXT NOT NULL, receiver_account_id TEXT NOT NULL, region TEXT NOT NULL, invited_at TEXT, expires_at TEXT,
    resources TEXT NOT NULL DEFAULT '[]', status TEXT NOT NULL, status_since TEXT NOT NULL, first_seen_at TEXT NOT NULL, last_seen_at TEXT NOT NULL,
    decided_by TEXT, decided_at TEXT, plan_id TEXT); CREATE INDEX IF NOT EXISTS invitations_seen ON invitations (last_seen_at);`);
  invitations
    .prepare(`INSERT INTO invitations (arn, resource_share_arn, share_name, sender_account_id, receiver_account_id, region, resources, status, status_since, first_seen_at, last_seen_at, decided_by, decided_at, plan_id)
      VALUES ('arn:aws:ram:us-east-1:1:resource-share-invitation/x', 'arn:aws:ram:us-east-1:1:resource-share/y', 'partner', '100000000001', '100000000002', 'us-east-1',
      '[{"arn":"arn:aws:ec2:us-east-1:1:subnet/subnet-1","type":"ec2:Subnet"}]', 'ACCEPTED', '2026-11-01T00:00:00.000Z', '2026-10-30T00:00:00.000Z', '2026-11-01T00:00:00.000Z',
      'admin@example.com', '2026-11-01T00:00:00.000Z', 'p-00000000000000000009')`)
    .run();
  audit.close();
  invitations.close();
  // sessions stays open until the test has started the new version: its write is still in the WAL.
  process.once('beforeExit', () => sessions.close());
}

describe('upgrading a data dir made by the previous version (SQLite)', () => {
  it('carries over its audit log, sessions and invitation history, in order, privately', async () => {
    const { CROSSING_DATA_DIR: dir } = await useTestDatabase('sqlite', 'crossing-upgrade-');
    previousVersionDataDir(dir);
    const { audit, sessions, history } = await start();
    const listed = await audit.listAudit({}, 1);
    expect(listed.total).toBe(120);
    expect(listed.entries[0]).toMatchObject({ id: 120, actor: 'old120@example.com', outcome: 'success', requestId: 'req-120', parameters: { i: 120 }, planId: undefined });
    expect(listed.entries[0].at.toISOString()).toBe('2026-11-01T02:00:00.000Z');
    // New entries come after the old ones.
    expect(await audit.recordAudit({ actor: 'new@example.com', role: 'admin', action: 'iam:DeleteRole', outcome: 'intent' })).toBe(121);
    expect(await sessions.continueSession('kept-session')).toBe(true);
    expect(await history.listHistory({ decidedBy: 'admin@example.com' })).toEqual([
      expect.objectContaining({ shareName: 'partner', status: 'ACCEPTED', planId: 'p-00000000000000000009', resources: [{ arn: 'arn:aws:ec2:us-east-1:1:subnet/subnet-1', type: 'ec2:Subnet' }] }),
    ]);
    expect(fs.statSync(path.join(dir, 'crossing.sqlite')).mode & 0o777).toBe(0o600);

    // Copied once: the next start does not copy them again.
    const again = await start();
    expect((await again.audit.listAudit()).total).toBe(121);
  });
});

describe.each(TEST_DATABASES)('the database on $name', ({ dialect, skip }) => {
  it.skipIf(skip)('is refused, saying why, when a newer console has migrated it', async () => {
    await useTestDatabase(dialect, 'crossing-newer-');
    const first = await start();
    const db = await first.store.state();
    await sql`INSERT INTO crossing_migration (name, timestamp) VALUES ('2099-01-01-01-requests', '2099-01-01T00:00:00.000Z')`.execute(db);
    await first.store.closeState();
    const next = await start();
    await expect(next.store.state()).rejects.toThrow(
      /has a schema newer than this console: it was migrated by a newer version of Crossing \(2099-01-01-01-requests\)\. Run that version or a later one, or restore the backup/,
    );
    await expect(next.audit.listAudit()).rejects.toBeInstanceOf(next.store.StateUnavailable);
  });

  it.skipIf(skip)('is migrated once when several console processes start together', async () => {
    await useTestDatabase(dialect, 'crossing-together-');
    const exits = Array.from({ length: 3 }, (_, n) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../../tests/support/state-child.ts'), `p${n}@example.com`], {
        env: process.env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      return new Promise((resolve) => child.on('exit', resolve));
    });
    expect(await Promise.all(exits)).toEqual([0, 0, 0]);
    const { audit } = await start();
    expect((await audit.listAudit({ action: 'test:Start' })).entries.map((e) => e.actor).sort()).toEqual(['p0@example.com', 'p1@example.com', 'p2@example.com']);
  });
});

describe.skipIf(TEST_DATABASES[1].skip)('moving a console from SQLite to PostgreSQL (npm run state:copy)', () => {
  it('carries the audit log over with its ids and order, and the plans, and refuses a database that has one already', async () => {
    const { CROSSING_DATA_DIR: dir } = await useTestDatabase('sqlite', 'crossing-move-');
    const before = await start();
    for (let i = 1; i <= 620; i++) await before.audit.recordAudit({ actor: `a${i}@example.com`, role: 'admin', action: 'iam:CreateRole', outcome: 'success', parameters: { i } });
    const session = await before.sessions.startSession('ops@example.com');
    const plan = await before.plans.savePlan({ kind: 'test:copy', title: 'Under review', steps: [{ operation: 'iam:CreateRole', accountId: '100000000002', region: 'us-east-1', input: { RoleName: 'Copied' }, reason: 'test' }] }, 'ops@example.com');
    await before.store.closeState();

    process.env.CROSSING_DATABASE_URL = await createPostgresDatabase();
    const after = await start();
    const { copySqliteState } = await import('./copy');
    expect(await copySqliteState(path.join(dir, 'crossing.sqlite'))).toMatchObject({ audit: 620, sessions: 1, invitations: 0, plans: 1 });
    expect(await after.plans.getPlan(plan.id)).toMatchObject({ title: 'Under review', status: 'ready', createdBy: 'ops@example.com' });
    const listed = await after.audit.listAudit();
    expect(listed.total).toBe(620);
    expect(listed.entries[0]).toMatchObject({ id: 620, actor: 'a620@example.com', parameters: { i: 620 } });
    expect(await after.sessions.continueSession(session)).toBe(true);
    expect(await after.audit.recordAudit({ actor: 'new@example.com', role: 'admin', action: 'iam:DeleteRole', outcome: 'intent' })).toBe(621);
    await expect(copySqliteState(path.join(dir, 'crossing.sqlite'))).rejects.toThrow(/already has audit entries/);
  });
});

describe('a PostgreSQL database that cannot be used', () => {
  it('is named with the reason when nothing listens there', async () => {
    const port = await freePort();
    process.env.CROSSING_DATABASE_URL = `postgres://crossing:secret-password@127.0.0.1:${port}/crossing`;
    const { store, sessions } = await start();
    const refusal = `Cannot use the PostgreSQL database "crossing" at 127.0.0.1:${port} (CROSSING_DATABASE_URL): the connection was refused (is PostgreSQL running there?).`;
    await expect(store.state()).rejects.toThrow(refusal);
    // Asked again on the next use, not given up on; the password is never shown.
    await expect(sessions.continueSession('x')).rejects.toThrow(refusal);
    await expect(store.state()).rejects.not.toThrow(/secret-password/);
    // A load balancer's health check says so, and the next check asks again.
    expect(await store.stateAnswers()).toBe(false);
  });

  it.skipIf(TEST_DATABASES[1].skip)('is named with the reason when the database does not exist', async () => {
    const url = new URL(await createPostgresDatabase());
    url.pathname = '/no_such_database';
    process.env.CROSSING_DATABASE_URL = url.toString();
    const { store } = await start();
    await expect(store.state()).rejects.toThrow(/Cannot use the PostgreSQL database "no_such_database" at .*: the database does not exist \(create it first: createdb\)\./);
  });
});
