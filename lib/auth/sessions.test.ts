// Protects: signing out ends the session for every copy of its cookie, also after the console restarts, and a
// session ends after its lifetime or when idle too long; the session record is readable by its owner only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

let sessions: typeof import('./sessions');
let db: typeof import('../db');
const MINUTE = 60_000;

async function load(env: Record<string, string> = {}) {
  db?.closeDatabases();
  vi.resetModules();
  Object.assign(process.env, env);
  db = await import('../db');
  sessions = await import('./sessions');
}

beforeAll(async () => {
  Object.assign(process.env, {
    CROSSING_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-sessions-')),
    AWS_ENDPOINT_URL: 'http://127.0.0.1:1',
    CROSSING_SESSION_MAX_AGE_SECONDS: String(8 * 3600),
    CROSSING_SESSION_IDLE_TIMEOUT_SECONDS: String(3600),
  });
  await load();
});
afterAll(() => db.closeDatabases());

describe('sessions', () => {
  it('count from sign-in until sign-out, for the owner only', () => {
    const t0 = Date.now();
    const id = sessions.startSession('ops@example.com', t0);
    expect(sessions.continueSession(id, t0 + MINUTE)).toBe(true);
    sessions.endSession(id);
    expect(sessions.continueSession(id, t0 + 2 * MINUTE)).toBe(false);
    expect(fs.statSync(path.join(process.env.CROSSING_DATA_DIR!, 'sessions.sqlite')).mode & 0o777).toBe(0o600);
  });

  it('stay ended, and stay valid, when the console restarts', async () => {
    const t0 = Date.now();
    const signedOut = sessions.startSession('a@example.com', t0);
    const signedIn = sessions.startSession('b@example.com', t0);
    sessions.endSession(signedOut);
    await load();
    expect(sessions.continueSession(signedOut, t0 + MINUTE)).toBe(false);
    expect(sessions.continueSession(signedIn, t0 + MINUTE)).toBe(true);
  });

  it('end when idle for longer than the idle timeout, counted from the last request', () => {
    const t0 = Date.now();
    const id = sessions.startSession('idle@example.com', t0);
    // Active every 50 minutes: never idle for an hour.
    for (let t = t0 + 50 * MINUTE; t < t0 + 5 * 60 * MINUTE; t += 50 * MINUTE) expect(sessions.continueSession(id, t)).toBe(true);
    const other = sessions.startSession('idle@example.com', t0);
    expect(sessions.continueSession(other, t0 + 61 * MINUTE)).toBe(false);
    // Once ended, it does not come back.
    expect(sessions.continueSession(other, t0 + 62 * MINUTE)).toBe(false);
  });

  it('end at their lifetime from sign-in, however active', () => {
    const t0 = Date.now();
    const id = sessions.startSession('busy@example.com', t0);
    for (let t = t0 + 30 * MINUTE; t < t0 + 8 * 60 * MINUTE; t += 30 * MINUTE) expect(sessions.continueSession(id, t)).toBe(true);
    expect(sessions.continueSession(id, t0 + 8 * 60 * MINUTE)).toBe(false);
  });

  it('follow the configured lifetime and idle timeout', async () => {
    await load({ CROSSING_SESSION_MAX_AGE_SECONDS: '600', CROSSING_SESSION_IDLE_TIMEOUT_SECONDS: '300' });
    const t0 = Date.now();
    const id = sessions.startSession('short@example.com', t0);
    expect(sessions.continueSession(id, t0 + 4 * MINUTE)).toBe(true);
    expect(sessions.continueSession(id, t0 + 8 * MINUTE)).toBe(true);
    expect(sessions.continueSession(id, t0 + 10 * MINUTE)).toBe(false);
    expect(sessions.continueSession(sessions.startSession('short@example.com', t0), t0 + 5 * MINUTE)).toBe(false);
  });

  it('never count a cookie without a recorded session', () => {
    expect(sessions.continueSession(undefined)).toBe(false);
    expect(sessions.continueSession('made-up-id')).toBe(false);
    expect(sessions.continueSession(42)).toBe(false);
  });
});
