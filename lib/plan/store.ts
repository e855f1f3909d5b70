// Plans are kept server-side in the console's state (lib/state): the browser holds only a plan's id, so nothing
// it sends can change the steps. A run is claimed atomically across every instance sharing the database (a row
// lock on PostgreSQL, SQLite's single writer), so a plan is applied at most once at a time; the run holds a
// lease it renews while it works, so a run whose instance died reads as interrupted once the lease lapses.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { config } from '../config';
import { log, errorReason } from '../log';
import { state } from '../state/database';
import { acquireLease, INSTANCE_ID, releaseLease, takeLease } from '../state/leases';
import type { PlanTable, StateTables } from '../state/tables';
import { checkPlan } from './build';
import type { SignedInUser } from '../auth/roles';
import type { PlanDraft, PlanStatus, StepState, StoredPlan } from './types';

/** How long a reviewed plan can still be applied, or a failed or interrupted run resumed. */
export const PLAN_TTL_MS = 60 * 60 * 1000;

/** How long a run's lease lasts unless renewed: how soon a run whose instance died reads as interrupted. */
const RUN_LEASE_MS = Number(process.env.CROSSING_RUN_LEASE_MS) || 15_000;

const runLease = (id: string) => `plan-run:${id}`;

export const PLAN_ID = /^p-[0-9a-f]{20}$/;

/** `createdBy`: the signed-in user (their role tells an admin's plan from one a viewer made to show an admin). */
export async function savePlan(draft: PlanDraft, createdBy: Pick<SignedInUser, 'email' | 'role'> | string, now = new Date()): Promise<StoredPlan> {
  const maker = typeof createdBy === 'string' ? { email: createdBy, role: undefined } : createdBy;
  checkPlan(draft);
  const id = `p-${randomBytes(10).toString('hex')}`;
  const expiresAt = new Date(now.getTime() + PLAN_TTL_MS).toISOString();
  await (await state()).transaction().execute(async (trx) => {
    await trx
      .insertInto('plans')
      .values({ id, kind: draft.kind, draft: JSON.stringify(draft), created_by: maker.email, created_role: maker.role ?? null, created_at: now.toISOString(), expires_at: expiresAt, status: 'ready' })
      .execute();
    if (draft.steps.length) {
      await trx
        .insertInto('plan_steps')
        .values(draft.steps.map((_, idx) => ({ plan_id: id, idx, state: JSON.stringify({ status: 'pending' } satisfies StepState) })))
        .execute();
    }
  });
  return (await getPlan(id, now))!;
}

/** The plans among `ids` whose run's lease is held now (their instance is alive and working on them). */
async function liveRuns(db: Kysely<StateTables>, ids: string[], now: Date): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('leases')
    .select('name')
    .where('name', 'in', ids.map(runLease))
    .where('expires_at', '>', now.getTime())
    .execute();
  return new Set(rows.map((r) => r.name.slice(runLease('').length)));
}

const cutShort = (row: PlanTable, live: Set<string>) => row.status === 'running' && !live.has(row.id);

// Past its lifetime a plan that is not finished or running is expired, whatever it did before: AWS may have
// changed since it was reviewed, so neither applying nor resuming it is what the admin approved.
function effectiveStatus(row: PlanTable, live: Set<string>, now: Date): PlanStatus {
  const status = cutShort(row, live) ? 'interrupted' : (row.status as PlanStatus);
  const unfinished = status === 'ready' || status === 'failed' || status === 'interrupted';
  return unfinished && now.toISOString() >= row.expires_at ? 'expired' : status;
}

/** The plan as the admin sees it; a run cut short shows its in-flight step as unknown. */
export async function getPlan(id: string, now = new Date()): Promise<StoredPlan | undefined> {
  if (!PLAN_ID.test(id)) return undefined;
  const db = await state();
  const row = await db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const live = await liveRuns(db, row.status === 'running' ? [id] : [], now);
  const steps = await db.selectFrom('plan_steps').select('state').where('plan_id', '=', id).orderBy('idx').execute();
  const states = steps.map((r) => JSON.parse(r.state) as StepState);
  const draft = JSON.parse(row.draft) as PlanDraft;
  return {
    ...draft,
    id,
    createdBy: row.created_by,
    createdByViewer: !!row.created_role && row.created_role !== 'admin',
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    status: effectiveStatus(row, live, now),
    appliedBy: row.applied_by ?? undefined,
    startedAt: row.started_at ?? undefined,
    finishedAt: row.finished_at ?? undefined,
    stepStates: cutShort(row, live) ? states.map((s) => (s.status === 'running' ? { ...s, status: 'unknown' } : s)) : states,
  };
}

/**
 * Claims the plan for a run by this instance: from ready, failed or interrupted (running, its lease lapsed),
 * within its lifetime, taking the run's lease in the same transaction. False when another run holds it (or is
 * claiming it this moment), it has finished or it has expired.
 */
export async function claimRun(id: string, appliedBy: string, now = new Date()): Promise<boolean> {
  const db = await state();
  return db.transaction().execute(async (trx) => {
    // PostgreSQL: a claim under way elsewhere holds the row, and this one gives up at once rather than wait.
    // SQLite: the transaction holds the database's one write lock (BEGIN IMMEDIATE).
    let query = trx.selectFrom('plans').selectAll().where('id', '=', id);
    if (config().database.dialect === 'postgres') query = query.forUpdate().skipLocked();
    const row = await query.executeTakeFirst();
    if (!row || now.toISOString() >= row.expires_at) return false;
    const live = await liveRuns(trx, [id], now);
    if (!(row.status === 'ready' || row.status === 'failed' || cutShort(row, live))) return false;
    if (!(await takeLease(trx, runLease(id), RUN_LEASE_MS, INSTANCE_ID, now.getTime()))) return false;
    await trx
      .updateTable('plans')
      .set({ status: 'running', run_owner: INSTANCE_ID, applied_by: appliedBy, started_at: sql<string>`COALESCE(started_at, ${now.toISOString()})`, finished_at: null })
      .where('id', '=', id)
      .execute();
    return true;
  });
}

/** A run's hold on its plan: renewed in the background; `held()` is false once it may have lapsed. */
export interface RunHold {
  held(): boolean;
  stop(): void;
}

/**
 * Renews the run's lease while it works (every third of its lifetime), until stopped. A run that could not renew
 * it in time, or finds it taken, no longer holds the plan: it makes no further call (another instance may resume it).
 */
export function keepRunAlive(id: string, now = Date.now()): RunHold {
  let heldUntil = now + RUN_LEASE_MS;
  const timer = setInterval(() => {
    const asked = Date.now();
    acquireLease(runLease(id), RUN_LEASE_MS, INSTANCE_ID, asked).then(
      (held) => {
        if (held) heldUntil = asked + RUN_LEASE_MS;
        else {
          heldUntil = 0;
          log('error', 'a plan run lost its lease: it makes no further call, and another instance may resume it', { planId: id });
        }
      },
      (error: unknown) => log('warn', 'could not renew a plan run lease', { planId: id, reason: errorReason(error) }),
    );
  }, RUN_LEASE_MS / 3);
  timer.unref();
  // A third of the lease to spare: a call started now is under way well before another instance could take over.
  return { held: () => Date.now() < heldUntil - RUN_LEASE_MS / 3, stop: () => clearInterval(timer) };
}

export async function saveStepState(id: string, index: number, stepState: StepState): Promise<void> {
  await (await state()).updateTable('plan_steps').set({ state: JSON.stringify(stepState) }).where('plan_id', '=', id).where('idx', '=', index).execute();
}

export async function finishRun(id: string, status: 'succeeded' | 'failed', now = new Date()): Promise<void> {
  await (await state()).updateTable('plans').set({ status, finished_at: now.toISOString() }).where('id', '=', id).where('run_owner', '=', INSTANCE_ID).execute();
  await releaseLease(runLease(id));
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

export async function listPlans(limit = 50, now = new Date()): Promise<PlanListing[]> {
  const db = await state();
  const rows = await db.selectFrom('plans').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
  const live = await liveRuns(db, rows.filter((r) => r.status === 'running').map((r) => r.id), now);
  return rows.map((row) => {
    const draft = JSON.parse(row.draft) as PlanDraft;
    return {
      id: row.id,
      kind: row.kind,
      title: draft.title,
      createdBy: row.created_by,
      createdByViewer: !!row.created_role && row.created_role !== 'admin',
      createdAt: row.created_at,
      status: effectiveStatus(row, live, now),
      appliedBy: row.applied_by ?? undefined,
      steps: draft.steps.length,
    };
  });
}
