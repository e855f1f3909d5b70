// Protects: requests and decisions are kept alike on SQLite and PostgreSQL: one request per plan, one decision per
// person, a state moved only from the states allowed (two instances cannot both move it), newest first in pages.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../../tests/support/databases';

describe.each(TEST_DATABASES)('access request store on $name', ({ dialect, skip }) => {
  let store: typeof import('./store');
  let database: typeof import('../state/database');

  beforeAll(async () => {
    if (skip) return;
    process.env.AWS_ENDPOINT_URL ??= 'http://127.0.0.1:1';
    await useTestDatabase(dialect, 'crossing-requests-store-');
    vi.resetModules();
    database = await import('../state/database');
    store = await import('./store');
  });
  afterAll(() => database?.closeState());

  const request = (planId: string) => ({
    planId,
    title: 'Let alice assume Deploy in payments-prod',
    accountPaths: { '100000000005': ['r-ab12', 'ou-ab12-prod0001'] },
    requester: 'rita@example.com',
    requesterRole: 'requester',
    justification: '<script>alert(1)</script> & incident',
    durationMs: 7200_000,
  });

  it.skipIf(skip)('keeps one request per plan, with its facts as given', async () => {
    const made = await store.createRequest(request('p-00000000000000000001'), 1_000);
    expect(made).toMatchObject({ ...request('p-00000000000000000001'), state: 'pending', decisions: [], createdAt: new Date(1_000) });
    expect(await store.requestForPlan('p-00000000000000000001')).toEqual(made);
    await expect(store.createRequest(request('p-00000000000000000001'))).rejects.toThrow('already been submitted');
    expect(await store.getRequest('r-not-an-id')).toBeUndefined();
  });

  it.skipIf(skip)('records one decision per person, and moves a state only from the states allowed', async () => {
    const { id } = await store.createRequest(request('p-00000000000000000002'), 2_000);
    expect(await store.recordDecision(id, { by: 'Ada@example.com', role: 'admin', decision: 'approve', comment: 'ok' }, 3_000)).toBe(true);
    expect(await store.recordDecision(id, { by: 'ada@example.com', role: 'admin', decision: 'reject', comment: 'changed my mind' })).toBe(false);
    const moves = await Promise.all([store.moveRequest(id, ['pending'], 'approved'), store.moveRequest(id, ['pending'], 'approved')]);
    expect(moves.filter(Boolean)).toHaveLength(1);
    expect(await store.moveRequest(id, ['pending'], 'withdrawn')).toBe(false);
    expect(await store.getRequest(id)).toMatchObject({ state: 'approved', decisions: [{ by: 'ada@example.com', decision: 'approve', comment: 'ok', at: new Date(3_000) }] });
  });

  it.skipIf(skip)('lists newest first, by requester and state, in pages', async () => {
    for (let i = 10; i < 40; i++) await store.createRequest({ ...request(`p-000000000000000000${i}`), requester: i % 2 ? 'odd@example.com' : 'even@example.com' }, 10_000 + i);
    const first = await store.listRequests({ requester: 'odd@example.com' });
    expect(first).toMatchObject({ total: 15, page: 1, pages: 1 });
    expect(first.requests[0].planId).toBe('p-00000000000000000039');
    const all = await store.listRequests({ states: ['pending'] }, 2);
    expect(all).toMatchObject({ total: 31, page: 2, pages: 2 });
    expect(all.requests).toHaveLength(31 - store.REQUESTS_PAGE_SIZE);
    expect((await store.pendingRequests()).length).toBe(31);
  });
});
