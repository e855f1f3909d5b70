// Protects the plan and draft stores on SQLite and on PostgreSQL: a plan reads back as saved, of many claims at
// once exactly one wins, a run whose lease lapsed reads as interrupted (its in-flight step unknown) and can be
// claimed again, a finished run cannot, a run whose lease may have lapsed makes no further call; drafts belong to
// their maker; a data dir's older plans.sqlite and wizard-drafts.sqlite are carried over.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../../tests/support/databases';
import type { PlanDraft } from './types';

const draft: PlanDraft = {
  kind: 'test:store',
  title: 'Two steps',
  steps: ['a', 'b'].map((name) => ({ operation: 'ram:CreateResourceShare', accountId: '100000000002', region: 'us-east-1', input: { name }, reason: 'test' })),
};

describe.each(TEST_DATABASES)('the plan store on $name', ({ dialect, skip }) => {
  let store: typeof import('./store');
  let drafts: typeof import('../wizard/drafts');
  let state: typeof import('../state/database');

  beforeAll(async () => {
    if (skip) return;
    process.env.AWS_ENDPOINT_URL ??= 'http://127.0.0.1:1';
    await useTestDatabase(dialect, 'crossing-plan-store-');
    vi.resetModules();
    state = await import('../state/database');
    store = await import('./store');
    drafts = await import('../wizard/drafts');
  });
  afterAll(() => state?.closeState());

  it.skipIf(skip)('lets exactly one of many claims at once run a plan, and none once it finished', async () => {
    const plan = await store.savePlan(draft, { email: 'admin@example.com', role: 'admin' });
    expect(await store.getPlan(plan.id)).toMatchObject({ status: 'ready', title: 'Two steps', createdBy: 'admin@example.com', stepStates: [{ status: 'pending' }, { status: 'pending' }] });
    const claims = await Promise.all(Array.from({ length: 8 }, () => store.claimRun(plan.id, 'admin@example.com')));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect((await store.getPlan(plan.id))!.status).toBe('running');
    await store.finishRun(plan.id, 'succeeded');
    expect(await store.claimRun(plan.id, 'admin@example.com')).toBe(false);
    expect((await store.listPlans()).find((p) => p.id === plan.id)).toMatchObject({ status: 'succeeded', steps: 2 });
  });

  it.skipIf(skip)('lets a run call AWS only while its lease holds with time to spare', async () => {
    const plan = await store.savePlan(draft, { email: 'admin@example.com', role: 'admin' });
    expect(await store.claimRun(plan.id, 'admin@example.com')).toBe(true);
    const fresh = store.keepRunAlive(plan.id);
    // Taken a lease's length ago and never renewed since (the store was out of reach): another may resume it.
    const stale = store.keepRunAlive(plan.id, Date.now() - 15_000);
    expect([fresh.held(), stale.held()]).toEqual([true, false]);
    fresh.stop();
    stale.stop();
    await store.finishRun(plan.id, 'succeeded');
  });

  it.skipIf(skip)('shows a run whose lease lapsed as interrupted, its step under way unknown, and lets it be claimed again', async () => {
    const plan = await store.savePlan(draft, 'admin@example.com');
    expect(await store.claimRun(plan.id, 'admin@example.com')).toBe(true);
    await store.saveStepState(plan.id, 0, { status: 'running', startedAt: new Date().toISOString() });
    const later = new Date(Date.now() + 60_000);
    const cut = (await store.getPlan(plan.id, later))!;
    expect([cut.status, cut.stepStates.map((s) => s.status)]).toEqual(['interrupted', ['unknown', 'pending']]);
    expect((await store.listPlans(50, later)).find((p) => p.id === plan.id)?.status).toBe('interrupted');
    expect(await store.claimRun(plan.id, 'other@example.com', later)).toBe(true);
    expect((await store.getPlan(plan.id, later))!).toMatchObject({ status: 'running', appliedBy: 'other@example.com' });
  });

  it.skipIf(skip)('keeps a draft for its maker only', async () => {
    const made = await drafts.createDraft('test:wizard', 'admin@example.com', { finished: 0 });
    await drafts.finishStep(made, 1, 'finished', 1);
    expect((await drafts.getDraft('test:wizard', made.id, 'admin@example.com'))?.state.finished).toBe(1);
    expect(await drafts.getDraft('test:wizard', made.id, 'viewer@example.com')).toBeUndefined();
  });
});

describe('an older data dir', () => {
  it('has its plans and drafts carried into the state', async () => {
    const env = await useTestDatabase('sqlite', 'crossing-plan-legacy-');
    const plans = new Database(path.join(env.CROSSING_DATA_DIR, 'plans.sqlite'));
    // As the hand-written DDL made it, before plans recorded their maker's role.
    plans.exec(`CREATE TABLE plans (id TEXT PRIMARY KEY, kind TEXT NOT NULL, draft TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL, status TEXT NOT NULL, run_owner TEXT, applied_by TEXT, started_at TEXT, finished_at TEXT);
      CREATE TABLE plan_steps (plan_id TEXT NOT NULL, idx INTEGER NOT NULL, state TEXT NOT NULL, PRIMARY KEY (plan_id, idx));`);
    const id = 'p-0123456789abcdef0123';
    const now = new Date().toISOString();
    plans.prepare('INSERT INTO plans VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)').run(id, draft.kind, JSON.stringify(draft), 'admin@example.com', now, '2999-01-01T00:00:00.000Z', 'running', 'gone-process', 'admin@example.com', now);
    plans.prepare('INSERT INTO plan_steps VALUES (?, 0, ?), (?, 1, ?)').run(id, JSON.stringify({ status: 'done' }), id, JSON.stringify({ status: 'running' }));
    plans.close();
    const wizard = new Database(path.join(env.CROSSING_DATA_DIR, 'wizard-drafts.sqlite'));
    wizard.exec('CREATE TABLE wizard_drafts (id TEXT PRIMARY KEY, kind TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, state TEXT NOT NULL)');
    wizard.prepare('INSERT INTO wizard_drafts VALUES (?, ?, ?, ?, ?)').run('d-0123456789abcdef0123', 'test:wizard', 'admin@example.com', now, '{"finished":2}');
    wizard.close();

    vi.resetModules();
    const state = await import('../state/database');
    const store = await import('./store');
    const drafts = await import('../wizard/drafts');
    try {
      // The run cut short by the upgrade reads as interrupted: nobody holds its lease.
      expect((await store.getPlan(id))!).toMatchObject({ status: 'interrupted', createdByViewer: false, stepStates: [{ status: 'done' }, { status: 'unknown' }] });
      expect((await drafts.getDraft('test:wizard', 'd-0123456789abcdef0123', 'admin@example.com'))?.state).toEqual({ finished: 2 });
    } finally {
      await state.closeState();
      fs.rmSync(env.CROSSING_DATA_DIR, { recursive: true, force: true });
    }
  });
});
