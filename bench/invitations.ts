// npm run bench:invitations — the invitations inbox's organization-wide reading against the sandbox's `large`
// seed (default 1,000 accounts and 3,000 pending invitations from senders outside the organization) with
// throttles ON: RAM per account and STS for the console's account at the rates below (the same as bench:shares:
// AWS publishes no RAM limit, and STS's is far higher, so the benchmark sets tight ones to have a bound to meet).
// A first reading, before the share list says where RAM is used, covers every Region enabled for each account.
// Prints RAM, STS and EC2 calls vs the fewest the page sizes allow, the cold reading's time vs the throttles'
// lower bound, when the first invitation arrived, and the warm start from the data directory.
// Targets (issue 18): time ≤ 1.15× the bound, calls ≤ 1.05× the minimum, a restart ≤ 200 ms. Exit status 1
// when one is missed. Options: --accounts N --invitations N, --concurrency N (default: the console's), --ram RATE:BURST
// (default 5:10), --sts RATE:BURST (default 20:20).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createSandboxServer } from '../sandbox/server';
import { DEFAULT_THROTTLE } from '../sandbox/core/throttle';
import { describeRegions } from '../sandbox/ec2/models';
import { organizationsState } from '../sandbox/organizations/models';
import { invitationsFor } from '../sandbox/ram/models';
import { invitationStatus } from '../sandbox/ram/state';
import { getCallerIdentity } from '../lib/aws/clients';
import { completeInvitationsSnapshot, forgetInvitationsSnapshots, getInvitationsSnapshot, type InvitationsSource } from '../lib/ram/invitations';
import { pointAtSandbox } from '../tests/support/organization-sandbox';
import { rateLimit, targetReport } from './report';

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000' },
    invitations: { type: 'string', default: '3000' },
    concurrency: { type: 'string' },
    ram: { type: 'string', default: '5:10' },
    sts: { type: 'string', default: '20:20' },
  },
});

const throttle = { organizations: DEFAULT_THROTTLE.organizations, ram: rateLimit(args.ram!), sts: rateLimit(args.sts!) };
// RAM's maxResults is 1–500 for both listings (botocore).
const PAGE = 500;
const { report, summary } = targetReport();

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'crossing-bench-invitations-'));
  // The inbox keeps a history of what it saw, in the console's state.
  process.env.CROSSING_DATA_DIR = dataDir;
  const t0 = performance.now();
  const sandbox = await createSandboxServer({ seed: 'large', seedOptions: { accounts: Number(args.accounts), shares: 0, invitations: Number(args.invitations) }, port: 0, throttle });
  const world = sandbox.runtime.world;
  const key = world.credentials.get(world.consoleAccessKeyId!)!;
  const own = key.identity.accountId;
  const accounts = [own, ...organizationsState(world).members.keys()].filter((v, i, a) => a.indexOf(v) === i);

  // The fewest calls: per account one DescribeRegions; per enabled Region a page of invitations per 500, and
  // a listing of each pending invitation's resources; one AssumeRole per member account.
  const ramPerAccount = accounts.map((accountId) =>
    describeRegions(world, accountId, false).reduce((calls, { region }) => {
      const received = invitationsFor(world, accountId, region);
      return calls + Math.max(1, Math.ceil(received.length / PAGE)) + received.filter((i) => invitationStatus(world, i) === 'PENDING').length;
    }, 0),
  );
  const minRam = ramPerAccount.reduce((a, b) => a + b, 0);
  const minSts = accounts.length - 1;
  const minEc2 = accounts.length;
  // An account is read only once its session is: the last session comes after STS's bound, and its account's
  // own Regions take at least their RAM bound after that (the cheapest account's, at best).
  const ramBound = ramPerAccount.map((n) => Math.max(0, (n - throttle.ram.burst) / throttle.ram.rate));
  const stsBound = Math.max(0, (minSts - throttle.sts.burst) / throttle.sts.rate);
  const bound = Math.max(...ramBound, stsBound + Math.min(...ramBound));
  const expected = accounts.reduce((n, accountId) => n + describeRegions(world, accountId, false).reduce((m, { region }) => m + invitationsFor(world, accountId, region).length, 0), 0);
  console.log(
    `sandbox large seed: ${accounts.length} accounts, ${expected} invitations received by them, started in ${Math.round(performance.now() - t0)} ms; ` +
      `throttles: RAM ${throttle.ram.rate} req/s per account (burst ${throttle.ram.burst}), STS ${throttle.sts.rate} req/s (burst ${throttle.sts.burst})`,
  );
  console.log(`minimum calls the page size (${PAGE}) allows: ${minRam} RAM + ${minSts} STS + ${minEc2} EC2; throttles' lower bound ${bound.toFixed(1)} s (STS ${stsBound.toFixed(1)} s, then an account's RAM ${Math.min(...ramBound).toFixed(1)} s)\n`);

  pointAtSandbox(sandbox.endpoint, { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey });
  await getCallerIdentity();
  // Full buckets, as after a quiet period.
  await sleep(Math.max(throttle.sts.burst / throttle.sts.rate, throttle.ram.burst / throttle.ram.rate) * 1000 + 500);
  const counted = new Map<string, number>();
  let lastSessionAt = 0;
  sandbox.runtime.observe = (event) => {
    counted.set(event.service.name, (counted.get(event.service.name) ?? 0) + 1);
    if (event.service.name === 'sts') lastSessionAt = performance.now();
  };
  const source: InvitationsSource = {
    key: 'bench',
    accountIds: async function* () {
      yield accounts;
    },
    dataDir,
    maxAgeMs: Infinity,
    concurrency: args.concurrency ? Number(args.concurrency) : undefined,
  };

  forgetInvitationsSnapshots();
  const start = performance.now();
  let firstAt: number | undefined;
  const watch = setInterval(async () => {
    if (firstAt === undefined && Object.keys((await getInvitationsSnapshot(source)).snapshot.items).length) firstAt = performance.now() - start;
  }, 50);
  const snapshot = await completeInvitationsSnapshot(source);
  const coldS = (performance.now() - start) / 1000;
  clearInterval(watch);
  // The sandbox counts a call once its answer has gone out, a moment after the console has it.
  await sleep(200);
  const calls = (service: string) => counted.get(service) ?? 0;
  const regions = new Set(Object.values(snapshot.accounts).flatMap((a) => a.regions));
  const failed = Object.values(snapshot.accounts).filter((a) => a.errors && Object.keys(a.errors).length).length;
  report('reading', `${Object.keys(snapshot.items).length} invitations of ${Object.keys(snapshot.accounts).length} accounts in ${regions.size} Regions, ${failed} accounts with errors`, `all ${expected}, 0 errors`, Object.keys(snapshot.items).length === expected && failed === 0);
  report('last member session (AssumeRole) answered', `${((lastSessionAt - start) / 1000).toFixed(1)} s`, '');
  report('first invitation in the reading', firstAt === undefined ? 'never' : `${Math.round(firstAt)} ms`, '');
  report('RAM calls used', `${calls('ram')} vs minimum ${minRam} = ${(calls('ram') / minRam).toFixed(3)}×`, '≤ 1.05×', calls('ram') / minRam <= 1.05);
  report('STS calls used', `${calls('sts')} vs minimum ${minSts} = ${(calls('sts') / minSts).toFixed(3)}×`, '≤ 1.05×', calls('sts') / minSts <= 1.05);
  report('EC2 calls used', `${calls('ec2')} vs minimum ${minEc2} = ${(calls('ec2') / minEc2).toFixed(3)}×`, '≤ 1.05×', calls('ec2') / minEc2 <= 1.05);
  report('cold reading time', `${coldS.toFixed(1)} s vs lower bound ${bound.toFixed(1)} s = ${(coldS / bound).toFixed(3)}×`, '≤ 1.15×', coldS / bound <= 1.15);

  forgetInvitationsSnapshots();
  const restarted = performance.now();
  const refused = (): AsyncIterable<string[]> => {
    throw new Error('a warm start must not read AWS');
  };
  const warm = await getInvitationsSnapshot({ ...source, accountIds: refused });
  const warmMs = performance.now() - restarted;
  report('reading after a restart (from the data directory)', `${Math.round(warmMs)} ms, ${Object.keys(warm.snapshot.items).length} invitations`, '≤ 200 ms', warmMs <= 200 && warm.snapshot.complete);
  await sandbox.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(summary() ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
