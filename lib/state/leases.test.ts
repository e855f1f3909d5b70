// Protects: a lease has one holder at a time across instances sharing the database, even when many ask at once;
// it passes to another instance only once its holder stops renewing, on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../../tests/support/databases';

describe.each(TEST_DATABASES)('leases on $name', ({ dialect, skip }) => {
  let leases: typeof import('./leases');
  let store: typeof import('./database');

  beforeAll(async () => {
    if (skip) return;
    process.env.AWS_ENDPOINT_URL ??= 'http://127.0.0.1:1';
    await useTestDatabase(dialect, 'crossing-leases-');
    vi.resetModules();
    store = await import('./database');
    leases = await import('./leases');
  });
  afterAll(() => store?.closeState());

  it.skipIf(skip)('has one holder until it expires, then passes to whoever asks', async () => {
    const t0 = 1_000_000;
    expect(await leases.acquireLease('org-read', 30_000, 'a', t0)).toBe(true);
    expect(await leases.acquireLease('org-read', 30_000, 'b', t0 + 1_000)).toBe(false);
    // The holder renews; the other still waits.
    expect(await leases.acquireLease('org-read', 30_000, 'a', t0 + 20_000)).toBe(true);
    expect(await leases.acquireLease('org-read', 30_000, 'b', t0 + 40_000)).toBe(false);
    expect(await leases.leaseHolder('org-read', t0 + 40_000)).toEqual({ holder: 'a', expiresAt: t0 + 50_000 });
    // The holder stops renewing (it died): once expired, another takes it, and the old holder cannot renew.
    expect(await leases.leaseHolder('org-read', t0 + 50_000)).toBeUndefined();
    expect(await leases.acquireLease('org-read', 30_000, 'b', t0 + 50_000)).toBe(true);
    expect(await leases.acquireLease('org-read', 30_000, 'a', t0 + 51_000)).toBe(false);
    // Only the holder can release it.
    await leases.releaseLease('org-read', 'a');
    expect((await leases.leaseHolder('org-read', t0 + 51_000))?.holder).toBe('b');
    await leases.releaseLease('org-read', 'b');
    expect(await leases.acquireLease('org-read', 30_000, 'a', t0 + 52_000)).toBe(true);
  });

  it.skipIf(skip)('goes to exactly one of many asking at once', async () => {
    const now = Date.now();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => leases.acquireLease('run:p-1', 60_000, `instance-${i}`, now)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await leases.leaseHolder('run:p-1', now))?.holder).toBe(`instance-${results.indexOf(true)}`);
  });

  it.skipIf(skip)("names this process as the default holder", async () => {
    expect(await leases.acquireLease('deadline:r-1', 10_000)).toBe(true);
    expect((await leases.leaseHolder('deadline:r-1'))?.holder).toBe(leases.INSTANCE_ID);
  });
});
