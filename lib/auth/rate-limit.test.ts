// Protects: repeated failed sign-ins are refused for a while, so passwords cannot be guessed quickly, also when
// the guesses are spread over several console instances sharing one database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../../tests/support/databases';

describe.each(TEST_DATABASES)('sign-in rate limit on $name', ({ dialect, skip }) => {
  type Instance = { limit: typeof import('./rate-limit'); store: typeof import('../state/database') };
  let a: Instance;
  let b: Instance;

  /** One console instance: its own copy of the modules (and its own connection), the same database. */
  async function instance(): Promise<Instance> {
    vi.resetModules();
    return { store: await import('../state/database'), limit: await import('./rate-limit') };
  }

  beforeAll(async () => {
    if (skip) return;
    process.env.AWS_ENDPOINT_URL ??= 'http://127.0.0.1:1';
    await useTestDatabase(dialect, 'crossing-rate-limit-');
    a = await instance();
    b = await instance();
  });
  afterAll(async () => {
    await a?.store.closeState();
    await b?.store.closeState();
  });

  it.skipIf(skip)('limits after five failures in fifteen minutes and forgets them later', async () => {
    const keys = ['email:a@example.com'];
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) await a.limit.recordSignInFailure(keys, t0 + i);
    expect(await a.limit.isSignInLimited(keys, t0 + 10)).toBe(false);
    await a.limit.recordSignInFailure(keys, t0 + 20);
    expect(await a.limit.isSignInLimited(keys, t0 + 30)).toBe(true);
    expect(await a.limit.isSignInLimited(keys, t0 + 16 * 60 * 1000)).toBe(false);
    await a.limit.recordSignInFailure(keys, t0);
    await a.limit.clearSignInFailures(keys);
    expect(await a.limit.isSignInLimited(keys, t0)).toBe(false);
  });

  it.skipIf(skip)('allows more failures from one address than for one email', async () => {
    const keys = ['address:10.0.0.1'];
    for (let i = 0; i < 19; i++) await a.limit.recordSignInFailure(keys, 5_000_000 + i);
    expect(await a.limit.isSignInLimited(keys, 5_000_100)).toBe(false);
    await a.limit.recordSignInFailure(keys, 5_000_050);
    expect(await a.limit.isSignInLimited(keys, 5_000_100)).toBe(true);
  });

  it.skipIf(skip)('counts failures made on every instance', async () => {
    const keys = ['email:spread@example.com', 'address:10.0.0.2'];
    const t0 = 9_000_000;
    for (let i = 0; i < 5; i++) await (i % 2 ? a : b).limit.recordSignInFailure(keys, t0 + i);
    expect(await a.limit.isSignInLimited(keys.slice(0, 1), t0 + 10)).toBe(true);
    expect(await b.limit.isSignInLimited(keys.slice(0, 1), t0 + 10)).toBe(true);
    // A successful sign-in on one instance clears the email's count on all of them.
    await b.limit.clearSignInFailures(keys.slice(0, 1));
    expect(await a.limit.isSignInLimited(keys.slice(0, 1), t0 + 10)).toBe(false);
  });
});
