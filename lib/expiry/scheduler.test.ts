// Protects the deadline scheduler: access is taken back exactly once when several console processes share the
// store, overdue deadlines are caught up after downtime, a dead claimer's work is resumed by another, a refused
// revocation is retried with backoff, and deadlines are judged on the AWS clock — on SQLite and on PostgreSQL.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../../tests/support/databases';
import type { ExpiryEvent } from './events';
import type { RevocationOutcome } from './revoke';
import type { ExpirationRow } from './store';

const HOUR = 3600_000;
const T0 = 1_900_000_000_000;
const change = [{ kind: 'iam:trust-edit', input: {}, summary: 'alice can no longer assume Auditor' }];

describe.each(TEST_DATABASES)('the deadline scheduler on $name', ({ dialect, skip }) => {
  let store: typeof import('./store');
  let scheduler: typeof import('./scheduler');
  let events: ExpiryEvent[];
  let n = 0;

  beforeAll(async () => {
    if (skip) return;
    process.env.AWS_ENDPOINT_URL ??= 'http://127.0.0.1:1';
    await useTestDatabase(dialect, 'crossing-expiry-');
    vi.resetModules();
    store = await import('./store');
    scheduler = await import('./scheduler');
    (await import('./events')).onExpiryEvent((e) => void events.push(e));
  });
  afterAll(async () => (await import('../state/database')).closeState());
  beforeEach(() => {
    events = [];
  });

  /** Expirations with these deadlines, each for a new plan id. */
  async function schedule(...deadlines: number[]): Promise<string[]> {
    const ids: string[] = [];
    for (const deadline of deadlines) {
      const planId = `p-${dialect}${String(++n).padStart(14, '0')}`;
      await store.insertExpiration({ planId, requestId: `r-${n}`, inverse: change, deadline, by: 'requester@example.com', now: T0 });
      ids.push(planId);
    }
    return ids;
  }

  /** A console process's revocation, counted: it takes a while, as AWS calls do. */
  function revoker(calls: string[], outcome: () => RevocationOutcome = () => ({ ok: true, inversePlanIds: ['p-inverse00000000000000'] })) {
    return async (row: ExpirationRow) => {
      calls.push(row.plan_id);
      await sleep(5);
      return outcome();
    };
  }

  it.skipIf(skip)('takes each access back exactly once when two console processes race for the same deadlines', async () => {
    const ids = await schedule(...Array.from({ length: 12 }, (_, i) => T0 + i));
    const calls: string[] = [];
    const at = T0 + HOUR;
    await Promise.all([
      scheduler.expiryTick({ now: () => at, instance: 'console-a', revoke: revoker(calls) }),
      scheduler.expiryTick({ now: () => at, instance: 'console-b', revoke: revoker(calls) }),
      scheduler.expiryTick({ now: () => at, instance: 'console-a2', revoke: revoker(calls) }),
    ]);
    expect(calls.filter((id) => ids.includes(id)).sort()).toEqual(ids.sort());
    for (const id of ids) expect((await store.readExpiration(id))?.state).toBe('revoked');
    expect(events.filter((e) => e.type === 'expired' && ids.includes(e.planId))).toHaveLength(ids.length);
    // Later ticks find nothing left to do.
    const again: string[] = [];
    await scheduler.expiryTick({ now: () => at + HOUR, instance: 'console-b', revoke: revoker(again) });
    expect(again.filter((id) => ids.includes(id))).toEqual([]);
  });

  it.skipIf(skip)('catches up at its first tick on every deadline that passed while no console ran', async () => {
    const ids = await schedule(T0 + 2 * HOUR, T0 + 3 * HOUR, T0 + 4 * HOUR, T0 + 30 * HOUR);
    const calls: string[] = [];
    // The console was down from T0 to T0 + 5 h; it starts again.
    await scheduler.expiryTick({ now: () => T0 + 5 * HOUR, instance: 'restarted', revoke: revoker(calls) });
    expect(calls.filter((id) => ids.includes(id))).toEqual(ids.slice(0, 3));
    expect((await store.readExpiration(ids[3]))?.state).toBe('active');
  });

  it.skipIf(skip)('judges deadlines on the AWS clock it is given, not the host clock', async () => {
    // AWS's clock is 2 h ahead of this host: a 1-hour grant made now ends at AWS time now + 3 h.
    const awsAhead = Date.now() + 2 * HOUR;
    const [id] = await schedule(awsAhead + HOUR);
    const calls: string[] = [];
    await scheduler.expiryTick({ now: () => awsAhead + HOUR - 1000, instance: 'skewed', revoke: revoker(calls) });
    expect(calls).not.toContain(id);
    await scheduler.expiryTick({ now: () => awsAhead + HOUR + 1000, instance: 'skewed', revoke: revoker(calls) });
    expect(calls).toContain(id);
  });

  it.skipIf(skip)('resumes the work of a claimer that died once its lease runs out, and not before', async () => {
    const [id] = await schedule(T0);
    expect(await store.claimExpiration(id, 'died', T0 + 10, scheduler.LEASE_MS)).toBe(true);
    await store.recordInversePlans(id, 'died', ['p-madebythedeadone0000']);
    const calls: string[] = [];
    const rows: ExpirationRow[] = [];
    const revoke = async (row: ExpirationRow) => {
      rows.push(row);
      return revoker(calls)(row);
    };
    await scheduler.expiryTick({ now: () => T0 + scheduler.LEASE_MS / 2, instance: 'survivor', revoke });
    expect(calls).not.toContain(id);
    await scheduler.expiryTick({ now: () => T0 + scheduler.LEASE_MS + 20, instance: 'survivor', revoke });
    expect(calls).toContain(id);
    // The survivor gets the plan the dead one made, to resume it rather than run another.
    expect(JSON.parse(rows.find((r) => r.plan_id === id)!.inverse_plan_ids)).toEqual(['p-madebythedeadone0000']);
    expect((await store.readExpiration(id))?.state).toBe('revoked');
  });

  it.skipIf(skip)('records a revocation AWS refused, announces it, and tries again with backoff until it succeeds', async () => {
    const [id] = await schedule(T0);
    const calls: string[] = [];
    let refuse = true;
    const revoke = revoker(calls, () => (refuse ? { ok: false, inversePlanIds: ['p-inverse00000000000000'], error: 'step 1 (iam:UpdateAssumeRolePolicy): AccessDenied' } : { ok: true, inversePlanIds: ['p-inverse00000000000000'] }));
    await scheduler.expiryTick({ now: () => T0 + 1, instance: 'a', revoke });
    const failed = await store.readExpiration(id);
    expect(failed).toMatchObject({ state: 'failed', error: 'step 1 (iam:UpdateAssumeRolePolicy): AccessDenied' });
    expect(Number(failed!.next_attempt_at)).toBe(T0 + 1 + 60_000);
    expect(events).toContainEqual(expect.objectContaining({ type: 'revocation-failed', planId: id, detail: expect.stringContaining('AccessDenied') }));
    await scheduler.expiryTick({ now: () => T0 + 30_000, instance: 'b', revoke });
    expect(calls.filter((c) => c === id)).toHaveLength(1);
    // The second refusal waits twice as long.
    await scheduler.expiryTick({ now: () => T0 + 60_001, instance: 'b', revoke });
    expect(Number((await store.readExpiration(id))!.next_attempt_at)).toBe(T0 + 60_001 + 120_000);
    refuse = false;
    await scheduler.expiryTick({ now: () => T0 + 60_001 + 120_000, instance: 'a', revoke });
    expect(await store.readExpiration(id)).toMatchObject({ state: 'revoked', attempts: 3 });
    expect(events.filter((e) => e.planId === id).map((e) => e.type)).toEqual(['revocation-failed', 'revocation-failed', 'expired']);
  });

  it.skipIf(skip)('warns once, an hour before the deadline, whichever process sees it first', async () => {
    const [soon, later] = await schedule(T0 + 50 * 60_000, T0 + 2 * HOUR);
    const none = revoker([]);
    await Promise.all([scheduler.expiryTick({ now: () => T0, instance: 'a', revoke: none }), scheduler.expiryTick({ now: () => T0, instance: 'b', revoke: none })]);
    await scheduler.expiryTick({ now: () => T0 + 60_000, instance: 'a', revoke: none });
    expect(events.filter((e) => e.type === 'expiring-soon').map((e) => e.planId)).toEqual([soon]);
    expect(events.map((e) => e.planId)).not.toContain(later);
  });
});
