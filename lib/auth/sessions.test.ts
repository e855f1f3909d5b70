// Protects: signing out ends the session for every copy of its cookie, also after the console restarts and on
// every instance sharing the database, and a session ends after its lifetime or when idle too long; on SQLite
// the session record is readable by its owner only.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../../tests/support/databases';

const MINUTE = 60_000;

describe.each(TEST_DATABASES)('sessions on $name', ({ dialect, skip }) => {
  let sessions: typeof import('./sessions');
  let store: typeof import('../state/database');

  /** A console process (re)started with `env`: its modules loaded afresh, reading the same database. */
  async function load(env: Record<string, string> = {}) {
    await store?.closeState();
    vi.resetModules();
    Object.assign(process.env, env);
    store = await import('../state/database');
    sessions = await import('./sessions');
  }

  beforeAll(async () => {
    if (skip) return;
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: 'http://127.0.0.1:1',
      CROSSING_SESSION_MAX_AGE_SECONDS: String(8 * 3600),
      CROSSING_SESSION_IDLE_TIMEOUT_SECONDS: String(3600),
    });
    await useTestDatabase(dialect, 'crossing-sessions-');
    await load();
  });
  afterAll(() => store?.closeState());

  it.skipIf(skip)('count from sign-in until sign-out', async () => {
    const t0 = Date.now();
    const id = await sessions.startSession('ops@example.com', t0);
    expect(await sessions.continueSession(id, t0 + MINUTE)).toBe(true);
    await sessions.endSession(id);
    expect(await sessions.continueSession(id, t0 + 2 * MINUTE)).toBe(false);
    if (dialect === 'sqlite') expect(fs.statSync(path.join(process.env.CROSSING_DATA_DIR!, 'crossing.sqlite')).mode & 0o777).toBe(0o600);
  });

  it.skipIf(skip)('stay ended, and stay valid, when the console restarts or another instance reads them', async () => {
    const t0 = Date.now();
    const signedOut = await sessions.startSession('a@example.com', t0);
    const signedIn = await sessions.startSession('b@example.com', t0);
    await sessions.endSession(signedOut);
    await load();
    expect(await sessions.continueSession(signedOut, t0 + MINUTE)).toBe(false);
    expect(await sessions.continueSession(signedIn, t0 + MINUTE)).toBe(true);
  });

  it.skipIf(skip)('end when idle for longer than the idle timeout, counted from the last request', async () => {
    const t0 = Date.now();
    const id = await sessions.startSession('idle@example.com', t0);
    // Active every 50 minutes: never idle for an hour.
    for (let t = t0 + 50 * MINUTE; t < t0 + 5 * 60 * MINUTE; t += 50 * MINUTE) expect(await sessions.continueSession(id, t)).toBe(true);
    const other = await sessions.startSession('idle@example.com', t0);
    expect(await sessions.continueSession(other, t0 + 61 * MINUTE)).toBe(false);
    // Once ended, it does not come back.
    expect(await sessions.continueSession(other, t0 + 62 * MINUTE)).toBe(false);
  });

  it.skipIf(skip)('end at their lifetime from sign-in, however active', async () => {
    const t0 = Date.now();
    const id = await sessions.startSession('busy@example.com', t0);
    for (let t = t0 + 30 * MINUTE; t < t0 + 8 * 60 * MINUTE; t += 30 * MINUTE) expect(await sessions.continueSession(id, t)).toBe(true);
    expect(await sessions.continueSession(id, t0 + 8 * 60 * MINUTE)).toBe(false);
  });

  it.skipIf(skip)('follow the configured lifetime and idle timeout', async () => {
    await load({ CROSSING_SESSION_MAX_AGE_SECONDS: '600', CROSSING_SESSION_IDLE_TIMEOUT_SECONDS: '300' });
    const t0 = Date.now();
    const id = await sessions.startSession('short@example.com', t0);
    expect(await sessions.continueSession(id, t0 + 4 * MINUTE)).toBe(true);
    expect(await sessions.continueSession(id, t0 + 8 * MINUTE)).toBe(true);
    expect(await sessions.continueSession(id, t0 + 10 * MINUTE)).toBe(false);
    expect(await sessions.continueSession(await sessions.startSession('short@example.com', t0), t0 + 5 * MINUTE)).toBe(false);
  });

  it.skipIf(skip)('never count a cookie without a recorded session', async () => {
    expect(await sessions.continueSession(undefined)).toBe(false);
    expect(await sessions.continueSession('made-up-id')).toBe(false);
    expect(await sessions.continueSession(42)).toBe(false);
  });
});
