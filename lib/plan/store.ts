// Plans are kept server-side in SQLite in the data dir: the browser holds only a plan's id, so nothing it
// sends can change the steps. A run is claimed atomically, so a plan is applied at most once at a time,
// and a run that a crash cut short is recognised after a restart (its owner is another process).
import { randomBytes, randomUUID } from 'node:crypto';
import { processWide } from '../cache/process';
import { privateDatabase } from '../db';
import { checkPlan } from './build';
import type { SignedInUser } from '../auth/roles';
import type { PlanDraft, PlanStatus, StepState, StoredPlan } from './types';

/** How long a reviewed plan can still be applied, or a failed or interrupted run resumed. */
export const PLAN_TTL_MS = 60 * 60 * 1000;

// One id per console process.
const owner = processWide('plan-run-owner', () => ({ id: randomUUID() }));

const SCHEMA = `CREATE TABLE IF NOT EXISTS plans (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    draft TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_role TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    status TEXT NOT NULL,
    run_owner TEXT,
    applied_by TEXT,
    started_at TEXT,
    finished_at TEXT
  );
  CREATE INDEX IF NOT EXISTS plans_created ON plans (created_at);
  CREATE TABLE IF NOT EXISTS plan_steps (
    plan_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (plan_id, idx)
  );`;

const migrated = new WeakSet<object>();

function db() {
  const database = privateDatabase('plans.sqlite', SCHEMA);
  if (!migrated.has(database)) {
    // Stores made before plans recorded their maker's role.
    const columns = database.prepare('PRAGMA table_info(plans)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'created_role')) database.exec('ALTER TABLE plans ADD COLUMN created_role TEXT');
    migrated.add(database);
  }
  return database;
}

type Row = Record<string, string | null>;

export const PLAN_ID = /^p-[0-9a-f]{20}$/;

/** `createdBy`: the signed-in user (their role tells an admin's plan from one a viewer made to show an admin). */
export function savePlan(draft: PlanDraft, createdBy: Pick<SignedInUser, 'email' | 'role'> | string, now = new Date()): StoredPlan {
  const maker = typeof createdBy === 'string' ? { email: createdBy, role: undefined } : createdBy;
  checkPlan(draft);
  const id = `p-${randomBytes(10).toString('hex')}`;
  const expiresAt = new Date(now.getTime() + PLAN_TTL_MS).toISOString();
  const insert = db().transaction(() => {
    db()
      .prepare('INSERT INTO plans (id, kind, draft, created_by, created_role, created_at, expires_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, draft.kind, JSON.stringify(draft), maker.email, maker.role ?? null, now.toISOString(), expiresAt, 'ready');
    const step = db().prepare('INSERT INTO plan_steps (plan_id, idx, state) VALUES (?, ?, ?)');
    draft.steps.forEach((_, i) => step.run(id, i, JSON.stringify({ status: 'pending' } satisfies StepState)));
  });
  insert();
  return getPlan(id)!;
}

const cutShort = (row: Row) => row.status === 'running' && row.run_owner !== owner.id;

// Past its lifetime a plan that is not finished or running here is expired, whatever it did before: AWS may
// have changed since it was reviewed, so neither applying nor resuming it is what the admin approved.
function effectiveStatus(row: Row, now: Date): PlanStatus {
  const status = cutShort(row) ? 'interrupted' : (row.status as PlanStatus);
  const unfinished = status === 'ready' || status === 'failed' || status === 'interrupted';
  return unfinished && now.toISOString() >= row.expires_at! ? 'expired' : status;
}

/** The plan as the admin sees it; a run cut short shows its in-flight step as unknown. */
export function getPlan(id: string, now = new Date()): StoredPlan | undefined {
  if (!PLAN_ID.test(id)) return undefined;
  const row = db().prepare('SELECT * FROM plans WHERE id = ?').get(id) as Row | undefined;
  if (!row) return undefined;
  const status = effectiveStatus(row, now);
  const states = (db().prepare('SELECT state FROM plan_steps WHERE plan_id = ? ORDER BY idx').all(id) as { state: string }[]).map(
    (r) => JSON.parse(r.state) as StepState,
  );
  const draft = JSON.parse(row.draft!) as PlanDraft;
  return {
    ...draft,
    id,
    createdBy: row.created_by!,
    createdByViewer: !!row.created_role && row.created_role !== 'admin',
    createdAt: row.created_at!,
    expiresAt: row.expires_at!,
    status,
    appliedBy: row.applied_by ?? undefined,
    startedAt: row.started_at ?? undefined,
    finishedAt: row.finished_at ?? undefined,
    stepStates: cutShort(row) ? states.map((s) => (s.status === 'running' ? { ...s, status: 'unknown' } : s)) : states,
  };
}

/**
 * Claims the plan for a run by this process: from ready, failed or interrupted, within its lifetime. False when
 * another run holds it, it has finished or it has expired.
 */
export function claimRun(id: string, appliedBy: string, now = new Date()): boolean {
  const result = db()
    .prepare(
      `UPDATE plans SET status = 'running', run_owner = ?, applied_by = ?, started_at = COALESCE(started_at, ?), finished_at = NULL
       WHERE id = ? AND expires_at > ? AND (status IN ('ready', 'failed') OR (status = 'running' AND run_owner IS NOT ?))`,
    )
    .run(owner.id, appliedBy, now.toISOString(), id, now.toISOString(), owner.id);
  return result.changes === 1;
}

export function saveStepState(id: string, index: number, state: StepState): void {
  db().prepare('UPDATE plan_steps SET state = ? WHERE plan_id = ? AND idx = ?').run(JSON.stringify(state), id, index);
}

export function finishRun(id: string, status: 'succeeded' | 'failed', now = new Date()): void {
  db().prepare('UPDATE plans SET status = ?, finished_at = ? WHERE id = ? AND run_owner = ?').run(status, now.toISOString(), id, owner.id);
}

export interface PlanListing {
  id: string;
  kind: string;
  title: string;
  createdBy: string;
  createdByViewer: boolean;
  createdAt: string;
  status: PlanStatus;
  appliedBy?: string;
  steps: number;
}

export function listPlans(limit = 50, now = new Date()): PlanListing[] {
  const rows = db().prepare('SELECT * FROM plans ORDER BY created_at DESC LIMIT ?').all(limit) as Row[];
  return rows.map((row) => {
    const draft = JSON.parse(row.draft!) as PlanDraft;
    return {
      id: row.id!,
      kind: row.kind!,
      title: draft.title,
      createdBy: row.created_by!,
      createdByViewer: !!row.created_role && row.created_role !== 'admin',
      createdAt: row.created_at!,
      status: effectiveStatus(row, now),
      appliedBy: row.applied_by ?? undefined,
      steps: draft.steps.length,
    };
  });
}
