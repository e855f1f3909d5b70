// Protects: two console processes sharing one PostgreSQL act as one console for sessions and the audit log: a
// session signed in on one is valid on the other, signing out on either ends it on both, and the audit export
// on one has what the other wrote.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../sandbox/testing';
import { freePort } from '../sandbox/testing/free-port';
import { ensureBuild, ROOT } from '../scripts/build-state';
import { consoleEnv } from './support/console-env';
import { createPostgresDatabase, POSTGRES_SKIPPED } from './support/databases';

const AUTH_SECRET = 'instances-test-secret-0123456789-abcdefghij';
const ADMIN = { email: 'admin@crossing.local', password: 'crossing-admin' };

/** A browser's cookies, as far as these requests need them. */
class Jar {
  private cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  copy(): Jar {
    const jar = new Jar();
    jar.cookies = new Map(this.cookies);
    return jar;
  }
}

interface Instance {
  url: string;
  child: ChildProcess;
}

async function startConsole(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the console on port ${port} exited (${child.exitCode})`);
    const ok = await fetch(`${url}/signin`).then((r) => r.ok, () => false);
    if (ok) return { url, child };
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the console on port ${port} did not answer within 120 s`);
}

async function call(instance: Instance, jar: Jar, pathname: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${instance.url}${pathname}`, {
    ...init,
    redirect: 'manual',
    headers: { cookie: jar.header(), origin: instance.url, ...(init.headers as Record<string, string>) },
  });
  jar.take(response);
  return response;
}

async function csrf(instance: Instance, jar: Jar): Promise<string> {
  return ((await (await call(instance, jar, '/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
}

async function signIn(instance: Instance, jar: Jar): Promise<void> {
  const body = new URLSearchParams({ ...ADMIN, csrfToken: await csrf(instance, jar), callbackUrl: `${instance.url}/` });
  const response = await call(instance, jar, '/api/auth/callback/credentials', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(response.status).toBe(302);
  expect(jar.header()).toMatch(/authjs\.session-token=/);
}

async function signOut(instance: Instance, jar: Jar): Promise<void> {
  const body = new URLSearchParams({ csrfToken: await csrf(instance, jar), callbackUrl: `${instance.url}/signin` });
  const response = await call(instance, jar, '/api/auth/signout', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(response.status).toBe(302);
}

/** Whom the instance takes the cookies for (undefined: nobody). */
async function signedInAs(instance: Instance, jar: Jar): Promise<string | undefined> {
  const session = (await (await call(instance, jar.copy(), '/api/auth/session')).json()) as { user?: { email?: string } } | null;
  return session?.user?.email;
}

describe.skipIf(POSTGRES_SKIPPED)('two consoles sharing one PostgreSQL', () => {
  let sb: TestSandbox;
  const instances: Instance[] = [];
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    // The build both consoles serve (npm test's end-to-end tests use the same one).
    if (!ensureBuild()) throw new Error('the console did not build');
    sb = await startSandbox({ seed: 'demo' });
    const database = await createPostgresDatabase();
    for (const name of ['a', 'b']) {
      // Each has a data dir of its own: what they share is the database and the secret.
      const env = { ...consoleEnv(sb, `crossing-instance-${name}-`), CROSSING_DATABASE_URL: database, AUTH_SECRET, CROSSING_REGIONS: 'us-east-1' };
      instances.push(await startConsole(env));
    }
    [a, b] = instances;
  }, 900_000);

  afterAll(async () => {
    for (const { child } of instances) child.kill('SIGTERM');
    await Promise.all(instances.map(({ child }) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined)));
    await sb?.close();
  });

  it('a session signed in on A is valid on B; signing out on B ends it on A too', async () => {
    const browser = new Jar();
    await signIn(a, browser);
    const copied = browser.copy();
    expect(await signedInAs(a, browser)).toBe(ADMIN.email);
    expect(await signedInAs(b, browser)).toBe(ADMIN.email);
    expect((await call(b, browser.copy(), '/audit')).status).toBe(200);

    await signOut(b, browser);
    expect(await signedInAs(a, copied)).toBeUndefined();
    expect(await signedInAs(b, copied)).toBeUndefined();
    const page = await call(a, copied, '/audit');
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toMatch(/\/signin/);
  });

  it('the audit export on B streams what A recorded, as JSON lines, for admins only', async () => {
    const browser = new Jar();
    await signIn(a, browser);
    const from = new Date(Date.now() - 60_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    // A records the export it was asked for; B's export has it.
    expect((await call(a, browser.copy(), `/audit/export?from=${from}&to=${to}`)).status).toBe(200);
    const response = await call(b, browser.copy(), `/audit/export?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await response.text()).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.filter((l) => l.action === 'crossing:ExportAuditLog' && l.actor === ADMIN.email).length).toBeGreaterThanOrEqual(2);

    const bad = await call(b, browser.copy(), '/audit/export?from=yesterday&to=2026-12-01');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^Bad request: from is not a date \(2026-11-01, midnight UTC\) or a time with its zone/);

    const viewer = new Jar();
    const body = new URLSearchParams({ email: 'viewer@crossing.local', password: 'crossing-viewer', csrfToken: await csrf(b, viewer), callbackUrl: `${b.url}/` });
    await call(b, viewer, '/api/auth/callback/credentials', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const refused = await call(a, viewer, `/audit/export?from=${from}&to=${to}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/^Not allowed/);
  });
});
