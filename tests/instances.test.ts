// Protects: console processes sharing one PostgreSQL act as one console: a session signed in on one is valid on
// the other, signing out on either ends it on both, the audit export on one has what the other wrote, a plan made
// on one and applied from two at once runs once, and a run whose process is killed shows as interrupted on the
// others and is resumed once; two reading a throttled organization of 1,000 accounts make the calls of one.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GetResourceSharesCommand, RAMClient } from '@aws-sdk/client-ram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../sandbox/seeds/demo-ids';
import { startSandbox, type TestSandbox } from '../sandbox/testing';
import { ensureBuild } from '../scripts/build-state';
import { consoleEnv, CRAWL_LISTINGS, useConsoleEnv } from './support/console-env';
import { ADMIN, call, Jar, signIn, signOut, startConsole, type ConsoleProcess as Instance } from './support/console-http';
import { createPostgresDatabase, POSTGRES_SKIPPED } from './support/databases';
import pg from 'pg';

const AUTH_SECRET = 'instances-test-secret-0123456789-abcdefghij';

/** Whom the instance takes the cookies for (undefined: nobody). */
async function signedInAs(instance: Instance, jar: Jar): Promise<string | undefined> {
  const session = (await (await call(instance, jar.copy(), '/api/auth/session')).json()) as { user?: { email?: string } } | null;
  return session?.user?.email;
}

const admin = { email: 'admin@example.com', name: 'Admin', role: 'admin' as const };

describe.skipIf(POSTGRES_SKIPPED)('two consoles sharing one PostgreSQL', () => {
  let sb: TestSandbox;
  const instances: Instance[] = [];
  let a: Instance;
  let b: Instance;
  let database: string;
  let shares = 0;
  // This test process is a third instance for plans: it makes them, and applies them where a test says so.
  let store: typeof import('../lib/plan/store');
  let engine: typeof import('../lib/changes/registry');
  let audit: typeof import('../lib/audit/log');
  let clients: typeof import('../lib/aws/clients');
  let plans: typeof import('./support/plans');

  /** A plan of two shares in the network account, named for the test. */
  const twoShares = async () => {
    const names = [`instances-${++shares}`, `instances-${++shares}`];
    const steps = names.map((name) => ({ operation: 'ram:CreateResourceShare', accountId: DEMO.accounts.network, region: 'us-east-1', input: { name }, reason: 'test' }));
    return store.savePlan({ kind: plans.TEST_KIND, title: names.join(' and '), steps }, admin.email);
  };
  const sharesNamed = async (name: string) => {
    const out = await clients.getClient(RAMClient, { accountId: DEMO.accounts.network, region: 'us-east-1' }).send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name }));
    return (out.resourceShares ?? []).filter((s) => s.status !== 'DELETED').length;
  };
  /** Another console process applying the plan (as its Apply button does), with a short run lease. */
  const applyElsewhere = (planId: string) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'support/apply-child.ts'), planId], {
      env: { ...process.env, CROSSING_RUN_LEASE_MS: '1000' },
      stdio: 'inherit',
    });
    return { child, exited: new Promise<number | null>((resolve) => child.on('exit', resolve)) };
  };
  /** The plan's status as instance B's plan page reads it. */
  const statusOn = async (instance: Instance, jar: Jar, planId: string) =>
    ((await (await call(instance, jar.copy(), `/plans/${planId}/status`)).json()) as { status: string }).status;

  beforeAll(async () => {
    // The build both consoles serve (npm test's end-to-end tests use the same one).
    if (!ensureBuild()) throw new Error('the console did not build');
    sb = await startSandbox({ seed: 'demo' });
    database = await createPostgresDatabase();
    for (const name of ['a', 'b']) {
      // Each has a data dir of its own: what they share is the database and the secret.
      const env = { ...consoleEnv(sb, `crossing-instance-${name}-`), CROSSING_DATABASE_URL: database, AUTH_SECRET, CROSSING_REGIONS: 'us-east-1' };
      instances.push(await startConsole(env));
    }
    [a, b] = instances;
    useConsoleEnv(sb, 'crossing-instance-tests-');
    process.env.CROSSING_DATABASE_URL = database;
    process.env.AUTH_SECRET = AUTH_SECRET;
    plans = await import('./support/plans');
    store = await import('../lib/plan/store');
    engine = await import('../lib/changes/registry');
    audit = await import('../lib/audit/log');
    clients = await import('../lib/aws/clients');
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

  it('a plan made on one instance and applied from two at the same moment runs once: one run, one share each', async () => {
    const plan = await twoShares();
    // Slow calls, so the run is still under way when the second process (started at once, loading slower) presses Apply.
    await sb.control.setFaults([{ service: 'ram', operation: 'CreateResourceShare', delayMs: 3_000 }]);
    const runs = [applyElsewhere(plan.id), applyElsewhere(plan.id)];
    expect(await Promise.all(runs.map((r) => r.exited))).toEqual([0, 0]);
    await sb.control.setFaults([]);
    const browser = new Jar();
    await signIn(b, browser);
    for (let i = 0; i < 100 && (await statusOn(b, browser, plan.id)) === 'running'; i++) await sleep(100);
    expect(await statusOn(b, browser, plan.id)).toBe('succeeded');
    expect((await audit.listAudit({ planId: plan.id })).entries.filter((e) => e.outcome === 'intent')).toHaveLength(2);
    for (const step of plan.steps) expect(await sharesNamed(step.input.name as string)).toBe(1);
  }, 120_000);

  it('a run whose process is killed mid-step shows as interrupted on the other instances, and is resumed once', async () => {
    const plan = await twoShares();
    await sb.control.setFaults([{ service: 'ram', operation: 'CreateResourceShare', delayMs: 3_000 }]);
    const run = applyElsewhere(plan.id);
    for (let i = 0; i < 600 && !(await audit.listAudit({ planId: plan.id })).entries.some((e) => e.outcome === 'intent'); i++) await sleep(50);
    await sleep(1_500);
    run.child.kill('SIGKILL');
    await run.exited;
    const browser = new Jar();
    await signIn(b, browser);
    // Once its lease lapses, B and A both show the run cut short.
    for (let i = 0; i < 100 && (await statusOn(b, browser, plan.id)) === 'running'; i++) await sleep(100);
    expect([await statusOn(b, browser, plan.id), await statusOn(a, browser, plan.id)]).toEqual(['interrupted', 'interrupted']);
    expect((await audit.listAudit({ planId: plan.id })).entries.map((e) => e.outcome)).toEqual(['intent']);

    // The sandbox, like AWS, finishes the call whose caller went away; Check in AWS finds it, Resume runs the rest.
    await sleep(2_500);
    await sb.control.setFaults([]);
    expect((await engine.checkUnknownSteps(plan.id, admin))!.stepStates.map((s) => s.status)).toEqual(['done', 'pending']);
    const resumes = await Promise.all([engine.applyPlan(plan.id, admin), engine.applyPlan(plan.id, admin)]);
    expect(resumes.map((r) => r.state).sort()).toEqual(['joined', 'started']);
    expect((await engine.runFinished(plan.id))!.stepStates.map((s) => s.status)).toEqual(['done', 'done']);
    expect(await statusOn(b, browser, plan.id)).toBe('succeeded');
    for (const step of plan.steps) expect(await sharesNamed(step.input.name as string)).toBe(1);
  }, 120_000);
});

describe.skipIf(POSTGRES_SKIPPED)('two consoles reading one organization', () => {
  let sb: TestSandbox;
  const instances: Instance[] = [];
  let database: string;
  let calls = 0;

  beforeAll(async () => {
    if (!ensureBuild()) throw new Error('the console did not build');
    sb = await startSandbox({
      seed: 'large',
      seedOptions: { accounts: 1_000, ous: 100, depth: 3 },
      throttle: true,
      observe: (event) => {
        if (event.service.name === 'organizations' && CRAWL_LISTINGS.has(event.operation)) calls++;
      },
    });
    database = await createPostgresDatabase();
    for (const name of ['a', 'b']) instances.push(await startConsole({ ...consoleEnv(sb, `crossing-org-${name}-`), CROSSING_DATABASE_URL: database, AUTH_SECRET }));
  }, 900_000);

  afterAll(async () => {
    for (const { child } of instances) child.kill('SIGTERM');
    await Promise.all(instances.map(({ child }) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined)));
    await sb?.close();
  });

  it('make the calls of one: one reads the organization, the other serves what it shares', async () => {
    const jar = new Jar();
    await signIn(instances[0], jar);
    // Any page may start the organization-wide reads (the navigation's invitation count needs the accounts): counted
    // from the first page on. Each instance's own identity (the header) is its own, and not counted.
    calls = 0;
    for (const instance of instances) expect((await call(instance, jar.copy(), '/audit')).status).toBe(200);
    const pages = await Promise.all(instances.map((instance) => call(instance, jar.copy(), '/organization')));
    expect(pages.map((p) => p.status)).toEqual([200, 200]);
    const db = new pg.Client({ connectionString: database });
    await db.connect();
    try {
      let crawl: { calls: number } | undefined;
      for (let i = 0; i < 600 && !crawl; i++) {
        const { rows } = await db.query("SELECT body FROM snapshots WHERE store = 'organization-snapshot' AND complete = 1");
        crawl = rows[0] && (JSON.parse(rows[0].body) as { calls: number });
        if (!crawl) await sleep(500);
      }
      // Every listing the sandbox answered is one the one crawl counted (its count also has its DescribeOrganization).
      expect(crawl).toBeDefined();
      expect(calls).toBe(crawl!.calls - 1);
      // Asked again, neither reads AWS: both serve the shared snapshot.
      await Promise.all(instances.map((instance) => call(instance, jar.copy(), '/organization')));
      await sleep(2_000);
      expect(calls).toBe(crawl!.calls - 1);
    } finally {
      await db.end();
    }
  }, 300_000);
});

