// npm run bench:access — who can reach what on the sandbox's `large` seed with IAM data (default 10,000
// accounts, 1,000 OUs, 5 roles per account: member access, in-organization cross-account, vendor with and
// without ExternalId, `*` and service roles, some unused for months) and throttles ON: Organizations at the
// core's default, IAM per account and STS for the console's account at the rates below (AWS publishes no
// GetAccountAuthorizationDetails rate; STS's documented one is higher than the default here, which is set to
// have a bound to meet within minutes):
//   IAM and STS calls used vs the fewest the page size (MaxItems 1000) allows, the cold snapshot's time vs the
//   throttles' lower bound, the snapshot's memory, the time to compute every path and every finding, the longest
//   event-loop pause while the pages work them out in slices; then in Chromium against the built console (npm
//   start's launcher, same seed): the first paths after a cold IAM snapshot, and an account's access page warm
//   (server and Chromium).
// Options: --accounts N --ous N --roles N, --concurrency N (default 16), --iam RATE:BURST (default 20:20),
// --sts RATE:BURST (default 50:50), --no-browser. Exit status 0 only when every target is met.
import { existsSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createSandboxServer } from '../sandbox/server';
import { DEFAULT_THROTTLE } from '../sandbox/core/throttle';
import { rateLimit, targetReport } from './report';
import { attachmentCount, boundaryUsageCount, collection, iamAccount, managedPolicies } from '../sandbox/iam/models';
import { organizationsState } from '../sandbox/organizations/models';
import type { World } from '../sandbox/core/types';
import { benchConsole, CHROMIUM_ARGS, signedInAdminPage } from './console';
import { getCallerIdentity } from '../lib/aws/clients';
import { pointAtSandbox } from '../tests/support/organization-sandbox';
import { AUTHORIZATION_DETAILS_PAGE } from '../lib/iam/snapshot';
import { completeIamSnapshot, forgetIamSnapshots, getIamSnapshot, syncIamSnapshot, type IamSnapshotSource } from '../lib/iam/snapshot-store';
import { computeFindings, EMPTY_ALLOWLIST, findingSteps } from '../lib/access/findings';
import { accessPathSteps, computeAccessPaths, type AccessOrganization } from '../lib/access/paths';
import { runInSlices } from '../lib/cache/slices';

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string', default: '10000' },
    ous: { type: 'string', default: '1000' },
    roles: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '16' },
    iam: { type: 'string', default: '20:20' },
    sts: { type: 'string', default: '50:50' },
    'no-browser': { type: 'boolean', default: false },
  },
});

const throttle = { organizations: DEFAULT_THROTTLE.organizations, iam: rateLimit(args.iam!), sts: rateLimit(args.sts!) };
const seedOptions = { accounts: Number(args.accounts), ous: Number(args.ous), roles: Number(args.roles), shares: 0 };
const { results, report, summary } = targetReport();

/** Entries GetAccountAuthorizationDetails lists for an account without AWS managed policies: users, groups, roles, customer managed policies. */
function authorizationItems(world: World, accountId: string): number {
  const state = iamAccount(world, accountId);
  return collection(state, 'users').size + collection(state, 'groups').size + state.roles.size + managedPolicies(world, accountId).filter((p) => !p.awsManaged).length;
}

/** AWS managed policies used anywhere: each read once (GetPolicy and GetPolicyVersion). */
function awsManagedInUse(world: World, accounts: string[]): number {
  const arns = new Set<string>();
  for (const id of accounts) for (const p of managedPolicies(world, id)) if (p.awsManaged && attachmentCount(world, id, p.arn) + boundaryUsageCount(world, id, p.arn) > 0) arns.add(p.arn);
  return arns.size;
}

/** The organization as the paths need it, straight from the sandbox's state (bench:org measures the crawl). */
function organizationOf(world: World): AccessOrganization {
  const state = organizationsState(world);
  const out: AccessOrganization = { id: state.organization!.id, managementAccountId: state.organization!.masterAccountId, rootId: state.root!.id, accounts: {}, groupNames: { [state.root!.id]: 'Root' } };
  for (const ou of state.ous.values()) out.groupNames[ou.id] = ou.name;
  const parentsOf = (id: string): string[] => {
    const parents: string[] = [];
    for (let p = state.members.get(id)?.parentId; p; p = state.ous.get(p)?.parentId) parents.unshift(p);
    return parents;
  };
  for (const id of state.members.keys()) out.accounts[id] = { name: world.accounts.get(id)?.name ?? id, parents: parentsOf(id) };
  return out;
}

const heapMb = () => process.memoryUsage().heapUsed / 1e6;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function main() {
  const t0 = performance.now();
  const counted = { iam: 0, sts: 0, organizations: 0 };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crossing-bench-access-'));
  // The console's state (where snapshots are kept) in a fresh directory too: a cold snapshot is read from AWS.
  process.env.CROSSING_DATA_DIR = dataDir;
  const sandbox = await createSandboxServer({ seed: 'large', seedOptions, port: 0, throttle });
  const world = sandbox.runtime.world;
  const key = world.credentials.get(world.consoleAccessKeyId!)!;
  const accounts = [...organizationsState(world).members.keys()];
  const roles = accounts.reduce((n, id) => n + iamAccount(world, id).roles.size, 0);
  console.log(
    `sandbox large seed: ${accounts.length} accounts, ${roles} roles, started in ${Math.round(performance.now() - t0)} ms; ` +
      `throttles: IAM ${throttle.iam.rate} req/s (burst ${throttle.iam.burst}) per account, STS ${throttle.sts.rate} req/s (burst ${throttle.sts.burst}), Organizations ${throttle.organizations.rate} req/s`,
  );
  const perAccount = accounts.map((id) => Math.max(1, Math.ceil(authorizationItems(world, id) / AUTHORIZATION_DETAILS_PAGE)));
  const minIam = perAccount.reduce((a, b) => a + b, 0) + 2 * awsManagedInUse(world, accounts);
  // One AssumeRole per member account (not the console's own), and the console's GetCallerIdentity.
  const minSts = accounts.length - 1 + 1;
  const bound = Math.max(...perAccount.map((n) => Math.max(0, (n - throttle.iam.burst) / throttle.iam.rate)), Math.max(0, (minSts - throttle.sts.burst) / throttle.sts.rate));
  console.log(`minimum calls the page size (${AUTHORIZATION_DETAILS_PAGE}) allows: ${minIam} IAM + ${minSts} STS; throttles' lower bound ${bound.toFixed(1)} s\n`);

  pointAtSandbox(sandbox.endpoint, { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey });
  await getCallerIdentity();
  counted.sts = 1;
  await sleep(Math.max(throttle.sts.burst / throttle.sts.rate, throttle.iam.burst / throttle.iam.rate) * 1000 + 500);
  sandbox.runtime.observe = (event) => {
    if (event.service.name in counted) counted[event.service.name as keyof typeof counted]++;
  };
  const source: IamSnapshotSource = { key: 'bench', accountIds: async function* () {
      yield accounts;
    }, dataDir, maxAgeMs: Infinity, concurrency: Number(args.concurrency) };
  forgetIamSnapshots();
  console.log('— cold IAM snapshot');
  let start = performance.now();
  const snapshot = await completeIamSnapshot(source);
  const coldS = (performance.now() - start) / 1000;
  const unreadable = Object.values(snapshot.accounts).filter((a) => a.error);
  const readRoles = Object.values(snapshot.accounts).reduce((n, a) => n + a.roles.length, 0);
  report('snapshot', `${Object.keys(snapshot.accounts).length} accounts, ${readRoles} roles, ${snapshot.documents.length} distinct policy documents, ${unreadable.length} unreadable${unreadable[0] ? ` (${unreadable[0].error})` : ''}`, '', unreadable.length === 0 && readRoles === roles);
  report('IAM calls used', `${counted.iam} vs minimum ${minIam} = ${(counted.iam / minIam).toFixed(3)}×`, '≤ 1.05×', counted.iam / minIam <= 1.05);
  report('STS calls used', `${counted.sts} vs minimum ${minSts} = ${(counted.sts / minSts).toFixed(3)}×`, '≤ 1.05×', counted.sts / minSts <= 1.05);
  console.log(`  (Organizations calls for the SCPs and RCPs with their targets: ${counted.organizations})`);
  report('cold snapshot time', `${coldS.toFixed(1)} s vs lower bound ${bound.toFixed(1)} s = ${(coldS / bound).toFixed(3)}×`, '≤ 1.15×', coldS / bound <= 1.15);

  const organization = organizationOf(world);
  computeAccessPaths({ iam: snapshot, organization });
  const times: number[] = [];
  let count = 0;
  for (let i = 0; i < 3; i++) {
    start = performance.now();
    count = computeAccessPaths({ iam: snapshot, organization }).paths.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  report('time to compute every path', `${count} paths in ${(times[1] / 1000).toFixed(2)} s (median of 3)`, '≤ 5 s', times[1] <= 5000);

  // Every finding, with one OU in ten marked less trusted (each of their accounts' chains followed).
  const index = computeAccessPaths({ iam: snapshot, organization });
  const lessTrustedOus = Object.keys(organization.groupNames).filter((id, i) => id.startsWith('ou-') && i % 10 === 0);
  const findingTimes: number[] = [];
  let findings = 0;
  for (let i = 0; i < 3; i++) {
    start = performance.now();
    findings = computeFindings({ index, iam: snapshot, allowlist: { ...EMPTY_ALLOWLIST, lessTrustedOus }, acceptances: [], now: Date.now() }).length;
    findingTimes.push(performance.now() - start);
  }
  findingTimes.sort((a, b) => a - b);
  report('time to compute every finding (from the paths)', `${findings} findings in ${(findingTimes[1] / 1000).toFixed(2)} s (median of 3; ${lessTrustedOus.length} less-trusted OUs)`, '');

  // As the console works them out for its pages: in slices, the event loop free between them.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  start = performance.now();
  const sliced = await runInSlices(accessPathSteps({ iam: snapshot, organization }));
  await runInSlices(findingSteps({ index: sliced, iam: snapshot, allowlist: { ...EMPTY_ALLOWLIST, lessTrustedOus }, acceptances: [], now: Date.now() }));
  const slicedS = (performance.now() - start) / 1000;
  delay.disable();
  const pauseMs = delay.max / 1e6;
  report('longest event-loop pause while paths and findings are worked out for the pages', `${pauseMs.toFixed(0)} ms (in ${slicedS.toFixed(2)} s)`, '≤ 50 ms', pauseMs <= 50);

  const json = JSON.stringify(snapshot).length;
  forgetIamSnapshots();
  // The snapshot's memory: the heap a reading takes once loaded (from the data directory, as after a restart).
  gc();
  const heapBefore = heapMb();
  start = performance.now();
  const refused = (): AsyncIterable<string[]> => {
    throw new Error('a warm start must not read AWS');
  };
  const restarted = { ...source, accountIds: refused };
  await syncIamSnapshot(restarted);
  const warm = getIamSnapshot(restarted);
  const warmMs = performance.now() - start;
  gc();
  report('snapshot memory', `${(heapMb() - heapBefore).toFixed(0)} MB of heap${(globalThis as { gc?: unknown }).gc ? '' : ' (run with NODE_OPTIONS=--expose-gc for an exact figure)'}, ${(json / 1e6).toFixed(1)} MB as JSON`, '');
  report('snapshot after a restart (read from the data directory)', `${Math.round(warmMs)} ms, ${Object.keys(warm.snapshot.accounts).length} accounts`, '');
  rmSync(dataDir, { recursive: true, force: true });
  await sandbox.close();

  if (args['no-browser']) console.log('\n(Chromium figures skipped: --no-browser)');
  else await browserFigures();
  process.exitCode = summary() === 0 ? 0 : 1;
}

/** /access and an account's page in Chromium against the built console on npm start's large seed with IAM data. */
async function browserFigures(): Promise<void> {
  const dist = process.env.CROSSING_NEXT_DIST_DIR || '.next';
  const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path.join(dist, 'BUILD_ID')) || !existsSync(chromiumPath)) {
    console.log(`\n(Chromium figures skipped: ${existsSync(chromiumPath) ? `no build in ${dist} — run npm run build` : `no ${chromiumPath}`})`);
    results.push(['Chromium figures', false]);
    return;
  }
  const { chromium } = await import('@playwright/test');
  const target = await benchConsole('large', {
    SANDBOX_ROLES: args.roles,
    SANDBOX_THROTTLE: `iam=${args.iam} sts=${args.sts}`,
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    await target.start();
    const page = await signedInAdminPage(browser, target.baseURL, '/organization');
    // The IAM snapshot reads the organization's account list: /shares/received waits for the complete
    // organization snapshot and reads no IAM, so "cold" below means no IAM snapshot at all.
    console.log('\n— in Chromium (large seed; organization snapshot warm, IAM snapshot cold)');
    await page.goto('/shares/received', { timeout: 600_000 });
    let start = performance.now();
    await page.goto('/access', { waitUntil: 'commit' });
    await page.getByTestId('path-row').first().waitFor({ timeout: 120_000 });
    const cold = performance.now() - start;
    report('first paths visible in Chromium, cold IAM snapshot', `${Math.round(cold)} ms`, '≤ 2000 ms', cold <= 2000);
    await page.getByTestId('snapshot-status').getByText(/Read \d+/).waitFor({ timeout: 1_200_000 });
    const account = '200000000042';
    await page.goto(`/accounts/${account}`);
    await page.getByTestId('inbound-table').waitFor();
    const browserTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      start = performance.now();
      await page.goto(`/accounts/${account}`, { waitUntil: 'commit' });
      await page.getByTestId('access-graph').locator('.react-flow__node').first().waitFor();
      browserTimes.push(performance.now() - start);
    }
    browserTimes.sort((a, b) => a - b);
    report(`account page warm in Chromium (/accounts/${account}, graph drawn)`, `median ${Math.round(browserTimes[2])} ms (min ${Math.round(browserTimes[0])}, max ${Math.round(browserTimes[4])})`, '≤ 500 ms', browserTimes[2] <= 500);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const serverTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      start = performance.now();
      const response = await fetch(`${target.baseURL}/accounts/${account}`, { headers: { cookie } });
      await response.text();
      serverTimes.push(performance.now() - start);
    }
    serverTimes.sort((a, b) => a - b);
    report('account page warm on the server (whole HTML)', `median ${Math.round(serverTimes[2])} ms`, '≤ 200 ms', serverTimes[2] <= 200);
  } finally {
    await browser.close();
    await target.stop();
    rmSync(target.dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
