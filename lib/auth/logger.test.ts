// Protects: a request with a junk session cookie writes one short log line with the reason (not a stack trace
// of some 48 lines), in JSON when CROSSING_LOG_FORMAT=json, and a wrong password writes none.
import { format } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
// next-auth's core, the code the console runs (next-auth itself only loads inside Next.js).
import { Auth } from '@auth/core';
import { CredentialsSignin } from '@auth/core/errors';
import { authLogger } from './logger';

function captureStderr(): { lines: () => string[] } {
  const written: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  // As console.error prints (an Error with its stack and causes).
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => written.push(`${format(...args)}\n`));
  return { lines: () => written.join('').split('\n').filter(Boolean) };
}

/** next-auth's own session endpoint, with the console's logger, asked with a cookie that is not a session. */
async function askWithJunkCookie(): Promise<Response> {
  return Auth(new Request('http://127.0.0.1:3000/api/auth/session', { headers: { cookie: 'authjs.session-token=junk' } }), {
    secret: 'a-test-secret-that-is-long-enough-0123456789',
    trustHost: true,
    basePath: '/api/auth',
    providers: [],
    logger: authLogger,
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.CROSSING_LOG_FORMAT;
});

describe("next-auth's log", () => {
  it('is one line with the reason for a junk session cookie', async () => {
    const stderr = captureStderr();
    const response = await askWithJunkCookie();
    expect(await response.json()).toBeNull();
    expect(stderr.lines()).toHaveLength(1);
    expect(stderr.lines()[0]).toMatch(/^crossing: warn: sign-in or session refused reason="JWTSessionError: .*Invalid Compact JWE"$/);
    expect(stderr.lines()[0]).not.toMatch(/\bat \S+ \(|node_modules/);
  });

  it('is a JSON line with CROSSING_LOG_FORMAT=json', async () => {
    process.env.CROSSING_LOG_FORMAT = 'json';
    const stderr = captureStderr();
    await askWithJunkCookie();
    expect(stderr.lines()).toHaveLength(1);
    const entry = JSON.parse(stderr.lines()[0]);
    expect(entry).toMatchObject({ level: 'warn', message: 'sign-in or session refused' });
    expect(entry.reason).toMatch(/^JWTSessionError: .*Invalid Compact JWE$/);
    expect(new Date(entry.time).getTime()).not.toBeNaN();
  });

  it('says nothing about a wrong password', () => {
    const stderr = captureStderr();
    authLogger.error!(new CredentialsSignin());
    expect(stderr.lines()).toEqual([]);
  });
});
