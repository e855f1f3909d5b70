// Protects: two console processes sharing one PostgreSQL act as one console for sessions and the audit log: a
// session signed in on one is valid on the other, signing out on either ends it on both, and the audit export
// on one has what the other wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../sandbox/testing';
import { ensureBuild } from '../scripts/build-state';
import { consoleEnv } from './support/console-env';
import { ADMIN, call, Jar, signIn, signOut, startConsole, type ConsoleProcess as Instance } from './support/console-http';
import { createPostgresDatabase, POSTGRES_SKIPPED } from './support/databases';

const AUTH_SECRET = 'instances-test-secret-0123456789-abcdefghij';

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

  it('each answers a load balancer\'s health check without a session', async () => {
    for (const instance of [a, b]) {
      const health = await call(instance, new Jar(), '/api/health');
      expect([health.status, await health.text()]).toEqual([200, 'ok\n']);
    }
  });

  it('a session signed in on A is valid on B; signing out on B ends it on A too', async () => {
    const browser = new Jar();
    expect((await signIn(a, browser)).status).toBe(302);
    const copied = browser.copy();
    expect(await signedInAs(a, browser)).toBe(ADMIN.email);
    expect(await signedInAs(b, browser)).toBe(ADMIN.email);
    expect((await call(b, browser.copy(), '/audit')).status).toBe(200);

    expect((await signOut(b, browser)).status).toBe(302);
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
    await signIn(b, viewer, { email: 'viewer@crossing.local', password: 'crossing-viewer' });
    const refused = await call(a, viewer, `/audit/export?from=${from}&to=${to}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/^Not allowed/);
  });
});
