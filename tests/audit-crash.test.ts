// Protects: when the console is killed (SIGKILL) in the middle of a burst of changes, every change AWS made has
// its audit intent, written before the call, and no intent is lost or written twice, on SQLite and on PostgreSQL.
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { paginateGetResourceShares, RAMClient } from '@aws-sdk/client-ram';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO } from '../sandbox/seeds/demo-ids';
import { startSandbox, type TestSandbox } from '../sandbox/testing';
import { useConsoleEnv } from './support/console-env';
import { TEST_DATABASES, useTestDatabase } from './support/databases';
import { TEST_KIND } from './support/plans';

const NETWORK = DEMO.accounts.network;
const BURST = 40;

describe.each(TEST_DATABASES)('a console killed during a burst of changes, its state on $name', ({ dialect, skip }) => {
  let sb: TestSandbox;
  let env: Record<string, string>;
  let listAudit: typeof import('../lib/audit/log').listAudit;
  let getClient: typeof import('../lib/aws/clients').getClient;
  let savePlan: typeof import('../lib/plan/store').savePlan;

  beforeAll(async () => {
    if (skip) return;
    sb = await startSandbox({ seed: 'demo' });
    env = { ...useConsoleEnv(sb, 'crossing-audit-crash-'), ...(await useTestDatabase(dialect, 'crossing-audit-crash-')) };
    vi.resetModules();
    ({ listAudit } = await import('../lib/audit/log'));
    ({ getClient } = await import('../lib/aws/clients'));
    ({ savePlan } = await import('../lib/plan/store'));
  });

  afterAll(async () => {
    await sb?.close();
  });

  it.skipIf(skip)('leaves an audit intent for every share AWS made, each exactly once', async () => {
    const plans = await Promise.all(Array.from({ length: BURST }, (_, i) =>
      savePlan(
        {
          kind: TEST_KIND,
          title: `burst ${i}`,
          steps: [{ operation: 'ram:CreateResourceShare', accountId: NETWORK, region: 'us-east-1', input: { name: `burst-${i}` }, reason: 'One change of the burst.' }],
        },
        'admin@example.com',
      ),
    ));
    // Each call held back a little, so the kill lands while calls are in flight rather than between runs.
    await sb.control.setFaults([{ service: 'ram', operation: 'CreateResourceShare', delayMs: 40 }]);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'support/apply-child.ts'), ...plans.map((p) => p.id)], {
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const intents = async () => (await listAudit({ action: 'ram:CreateResourceShare', outcome: 'intent' })).total;
    while ((await intents()) < BURST / 2) await sleep(20);
    child.kill('SIGKILL');
    await exited;
    await sleep(200); // the call in flight finishes in AWS

    const made: string[] = [];
    for await (const page of paginateGetResourceShares({ client: getClient(RAMClient, { accountId: NETWORK, region: 'us-east-1' }) }, { resourceOwner: 'SELF' })) {
      made.push(...(page.resourceShares ?? []).map((s) => s.name!).filter((name) => name.startsWith('burst-')));
    }
    const audit = await listAudit({ action: 'ram:CreateResourceShare' }, 1);
    const entries = (await Promise.all(Array.from({ length: audit.pages }, async (_, i) => (await listAudit({ action: 'ram:CreateResourceShare' }, i + 1)).entries))).flat();
    const intentNames = entries.filter((e) => e.outcome === 'intent').map((e) => (e.parameters as { name: string }).name);
    expect(made.length).toBeGreaterThan(0);
    expect(made.length).toBeLessThan(BURST);
    for (const name of made) expect(intentNames, `the intent for ${name}`).toContain(name);
    expect(new Set(intentNames).size).toBe(intentNames.length);
    // At most the one call the kill cut short has an intent without an outcome.
    const outcomes = new Set(entries.filter((e) => e.outcome !== 'intent').map((e) => e.planId));
    expect(entries.filter((e) => e.outcome === 'intent' && !outcomes.has(e.planId)).length).toBeLessThanOrEqual(1);
  });
});
