// The console's schema, one migration after another, run at start (lib/state/database.ts). A migration is never
// changed once released: a new one is added at the end, so every database, SQLite or PostgreSQL, reaches the
// same schema from wherever it is.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Kysely, Migration } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

// Before one storage layer, each store had its own SQLite file in the data dir, with tables made by hand.
const LEGACY_FILES = {
  audit: 'audit.sqlite',
  sessions: 'sessions.sqlite',
  invitations: 'invitations.sqlite',
  plans: 'plans.sqlite',
  drafts: 'wizard-drafts.sqlite',
} as const;
const BATCH = 500;

/** Copies the rows of `table` in the older SQLite file, if there is one, through `map`, in batches. */
async function importLegacy(
  db: Kysely<unknown>,
  dataDir: string,
  file: string,
  table: string,
  map: (row: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const legacyFile = path.join(dataDir, file);
  if (!fs.existsSync(/*turbopackIgnore: true*/ legacyFile)) return;
  const legacy = new Database(legacyFile, { fileMustExist: true });
  try {
    if (!legacy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)) return;
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      if (batch.length) await (db as Kysely<Record<string, Record<string, unknown>>>).insertInto(table).values(batch).execute();
      batch = [];
    };
    for (const row of legacy.prepare(`SELECT * FROM ${table}`).iterate() as IterableIterator<Record<string, unknown>>) {
      batch.push(map(row));
      if (batch.length === BATCH) await flush();
    }
    await flush();
  } finally {
    legacy.close();
  }
}

/** The migrations, by name (applied in name order). */
export function migrations(dialect: Dialect, dataDir: string): Record<string, Migration> {
  const pg = dialect === 'postgres';
  const instant = pg ? 'timestamptz' : 'text';
  return {
    '2026-12-02-01-audit-sessions-sign-in-invitations': {
      async up(db) {
        await db.schema
          .createTable('audit')
          .addColumn('id', pg ? 'bigint' : 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
          .addColumn('at', instant, (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('account_id', 'text')
          .addColumn('region', 'text')
          .addColumn('parameters', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('request_id', 'text')
          .addColumn('error', 'text')
          .addColumn('plan_id', 'text')
          .addColumn('step', 'integer')
          .execute();
        await db.schema.createIndex('audit_at').on('audit').column('at').execute();
        await db.schema.createIndex('audit_plan').on('audit').column('plan_id').execute();

        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_email', 'text', (c) => c.notNull())
          .addColumn('started_at', 'bigint', (c) => c.notNull())
          .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sessions_started').on('sessions').column('started_at').execute();

        await db.schema
          .createTable('sign_in_failures')
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sign_in_failures_key').on('sign_in_failures').columns(['key', 'at']).execute();
        await db.schema.createIndex('sign_in_failures_at').on('sign_in_failures').column('at').execute();

        await db.schema
          .createTable('invitations')
          .addColumn('arn', 'text', (c) => c.primaryKey())
          .addColumn('resource_share_arn', 'text', (c) => c.notNull())
          .addColumn('share_name', 'text', (c) => c.notNull())
          .addColumn('sender_account_id', 'text', (c) => c.notNull())
          .addColumn('receiver_account_id', 'text', (c) => c.notNull())
          .addColumn('region', 'text', (c) => c.notNull())
          .addColumn('invited_at', 'text')
          .addColumn('expires_at', 'text')
          .addColumn('resources', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('status_since', 'text', (c) => c.notNull())
          .addColumn('first_seen_at', 'text', (c) => c.notNull())
          .addColumn('last_seen_at', 'text', (c) => c.notNull())
          .addColumn('decided_by', 'text')
          .addColumn('decided_at', 'text')
          .addColumn('plan_id', 'text')
          .execute();
        await db.schema.createIndex('invitations_seen').on('invitations').column('last_seen_at').execute();
      },
    },
    // A data dir from before: its audit log, sessions (nobody is signed out by the upgrade) and invitation history
    // are copied in. The old files stay, unused, until the operator removes them. Only into SQLite: a new
    // PostgreSQL database starts empty (README: moving to PostgreSQL).
    '2026-12-02-02-import-sqlite-files': {
      async up(db) {
        if (pg) return;
        // Ids are kept (AUTOINCREMENT continues after the highest), so the log's order holds.
        await importLegacy(db, dataDir, LEGACY_FILES.audit, 'audit', (row) => ({
          id: row.id,
          at: row.at,
          actor: row.actor,
          role: row.role,
          action: row.action,
          account_id: row.account_id ?? null,
          region: row.region ?? null,
          parameters: row.parameters,
          outcome: row.outcome,
          request_id: row.request_id ?? null,
          error: row.error ?? null,
          plan_id: row.plan_id ?? null,
          step: row.step ?? null,
        }));
        await importLegacy(db, dataDir, LEGACY_FILES.sessions, 'sessions', (row) => ({
          id: row.id,
          user_email: row.user,
          started_at: row.started_at,
          last_seen_at: row.last_seen_at,
        }));
        await importLegacy(db, dataDir, LEGACY_FILES.invitations, 'invitations', (row) => row);
      },
    },
    '2026-12-02-03-leases': {
      async up(db) {
        await db.schema
          .createTable('leases')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('holder', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .execute();
      },
    },
    '2026-12-02-04-access-findings': {
      async up(db) {
        await db.schema
          .createTable('access_allowlist')
          .addColumn('list', 'text', (c) => c.notNull())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('added_by', 'text', (c) => c.notNull())
          .addColumn('added_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('access_allowlist_pk', ['list', 'value'])
          .execute();
        await db.schema
          .createTable('accepted_findings')
          .addColumn('finding_id', 'text', (c) => c.primaryKey())
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('accepted_by', 'text', (c) => c.notNull())
          .addColumn('accepted_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint')
          .execute();
      },
    },
    '2026-12-03-05-plans-runs-drafts': {
      async up(db) {
        await db.schema
          .createTable('plans')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('draft', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_role', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('run_owner', 'text')
          .addColumn('applied_by', 'text')
          .addColumn('started_at', 'text')
          .addColumn('finished_at', 'text')
          .execute();
        await db.schema.createIndex('plans_created').on('plans').column('created_at').execute();
        await db.schema
          .createTable('plan_steps')
          .addColumn('plan_id', 'text', (c) => c.notNull())
          .addColumn('idx', 'integer', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('plan_steps_pk', ['plan_id', 'idx'])
          .execute();
        await db.schema
          .createTable('wizard_drafts')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('wizard_drafts_updated').on('wizard_drafts').column('updated_at').execute();
        // A data dir from before: its plans (a run left running there reads as interrupted: nobody holds its
        // lease) and drafts are copied in, as the audit log was.
        if (pg) return;
        await importLegacy(db, dataDir, LEGACY_FILES.plans, 'plans', (row) => ({ created_role: null, ...row }));
        await importLegacy(db, dataDir, LEGACY_FILES.plans, 'plan_steps', (row) => row);
        await importLegacy(db, dataDir, LEGACY_FILES.drafts, 'wizard_drafts', (row) => row);
      },
    },
    '2026-12-03-06-snapshots': {
      async up(db) {
        // Snapshots were JSON files in the data dir: a cache, read again from AWS rather than imported.
        await db.schema
          .createTable('snapshots')
          .addColumn('store', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('format', 'integer', (c) => c.notNull())
          .addColumn('fetched_at', 'bigint', (c) => c.notNull())
          .addColumn('complete', 'integer', (c) => c.notNull())
          .addColumn('written_at', 'bigint', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('snapshots_pk', ['store', 'key'])
          .execute();
      },
    },
    '2026-12-03-01-access-requests': {
      async up(db) {
        await db.schema
          .createTable('access_requests')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('plan_id', 'text', (c) => c.notNull().unique())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('account_ids', 'text', (c) => c.notNull())
          .addColumn('requester', 'text', (c) => c.notNull())
          .addColumn('requester_role', 'text', (c) => c.notNull())
          .addColumn('justification', 'text', (c) => c.notNull())
          .addColumn('duration_ms', 'bigint')
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('detail', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('updated_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('access_requests_state').on('access_requests').columns(['state', 'created_at']).execute();
        await db.schema.createIndex('access_requests_requester').on('access_requests').columns(['requester', 'created_at']).execute();
        await db.schema
          .createTable('access_request_decisions')
          .addColumn('request_id', 'text', (c) => c.notNull())
          .addColumn('decided_by', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('decision', 'text', (c) => c.notNull())
          .addColumn('comment', 'text', (c) => c.notNull())
          .addColumn('decided_at', 'bigint', (c) => c.notNull())
          // One decision per person per request: two approvals are two people.
          .addPrimaryKeyConstraint('access_request_decisions_pk', ['request_id', 'decided_by'])
          .execute();
        await db.schema
          .createTable('webhook_deliveries')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('request_id', 'text')
          .addColumn('event', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
          .addColumn('last_error', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
        // The request behind a plan's calls, so the audit log names who asked and who approved (JSON).
        await db.schema.alterTable('audit').addColumn('access_request', 'text').execute();
      },
    },
    // Access granted for a while (lib/expiry): what takes it back, and when, on the AWS clock.
    '2026-12-03-02-expirations': {
      async up(db) {
        await db.schema
          .createTable('expirations')
          .addColumn('plan_id', 'text', (c) => c.primaryKey())
          .addColumn('request_id', 'text')
          .addColumn('inverse', 'text', (c) => c.notNull())
          .addColumn('deadline', 'bigint', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('warned', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('claimed_by', 'text')
          .addColumn('lease_until', 'bigint')
          .addColumn('inverse_plan_ids', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('error', 'text')
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('next_attempt_at', 'bigint')
          .addColumn('scheduled_by', 'text', (c) => c.notNull())
          .addColumn('scheduled_at', 'bigint', (c) => c.notNull())
          .addColumn('revoke_by', 'text')
          .addColumn('ended_at', 'bigint')
          .execute();
        await db.schema.createIndex('expirations_due').on('expirations').columns(['state', 'deadline']).execute();
      },
    },
  };
}
