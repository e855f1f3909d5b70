// npm run bench:share-wizard — the create-share wizard's server work on the sandbox's `large` seed
// (10,000 accounts, 1,000 OUs; throttling off, so the figures are the console's own cost):
//   the principal tree opening (whether sharing with Organizations is on, read from AWS; the organization from
//   the warm snapshot; the root's children, serialized as the page sends them), opening the biggest OU, a search finding an account (warm), and listing an
//   account's subnets when it owns 1,000 of them (through the member role, cold and warm).
// Targets (issue 9): tree open ≤ 200 ms, search ≤ 50 ms warm, 1,000 subnets ≤ 1 s.
// Options: --accounts N --ous N (default 10000/1000), --subnets N (default 1000).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createSandboxServer } from '../sandbox/server';
import { createSubnet, createVpc, ownSubnets } from '../sandbox/ec2/models';
import { organizationsState } from '../sandbox/organizations/models';
import { LARGE } from '../sandbox/seeds/large';
import { getConsoleContext } from '../lib/aws/identity';
import { childViews } from '../lib/organizations/view';
import { searchOrganization } from '../lib/organizations/search';
import { pointAtSandbox } from '../tests/support/organization-sandbox';
import { principalTreeOf } from '../lib/ram/create-share';
import { completeOrganization } from '../lib/organizations/accounts';
import { listOwnedResources } from '../lib/ram/resources';
import { getSharingStatus } from '../lib/ram/sharing';

// The SDK's notice about future Node versions, once per client, would drown the figures.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string', default: '10000' },
    ous: { type: 'string', default: '1000' },
    subnets: { type: 'string', default: '1000' },
  },
});

let failed = false;
const report = (label: string, ms: number, target: number, extra = '') => {
  const ok = ms <= target;
  failed ||= !ok;
  console.log(`${ok ? '✓' : '✗'} ${label}: ${ms.toFixed(2)} ms${extra}   (target ≤ ${target} ms)`);
};

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

async function main() {
  const t0 = performance.now();
  const sandbox = await createSandboxServer({ seed: 'large', seedOptions: { accounts: Number(args.accounts), ous: Number(args.ous) }, port: 0, throttle: {} });
  const world = sandbox.runtime.world;
  const org = organizationsState(world);
  const key = world.credentials.get(world.consoleAccessKeyId!)!;
  process.env.CROSSING_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'crossing-bench-share-'));
  pointAtSandbox(sandbox.endpoint, { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey });

  // One member account owns N subnets in one VPC (/26s of a /16: up to 1,024). Not one of the seed's share
  // owners: they already own the subnets their shares hold, which the listing would count too.
  const owner = [...org.members.keys()].find((id) => id !== LARGE.managementAccountId && ownSubnets(world, id, 'us-east-1').length === 0)!;
  const count = Number(args.subnets);
  const vpc = createVpc(world, owner, 'us-east-1', { cidrBlock: '10.0.0.0/16' });
  for (let i = 0; i < count; i++) {
    createSubnet(world, owner, 'us-east-1', { vpcId: vpc.vpcId, cidrBlock: `10.0.${Math.floor(i / 4)}.${(i % 4) * 64}/26`, tags: { Name: `bench-${i}` } });
  }
  console.log(`sandbox large seed: ${org.members.size} accounts, ${org.ous.size} OUs; ${count} subnets in ${owner}; ready in ${Math.round(performance.now() - t0)} ms\n`);

  const context = await getConsoleContext();
  const cold = await timed(() => completeOrganization(context));
  console.log(`  (cold crawl of the organization, not a target: ${(cold.ms / 1000).toFixed(1)} s)`);

  // Tree open: what the principals step does once the snapshot is warm.
  const opens: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 20; i++) {
    const { ms, value } = await timed(async () => {
      const [sharing, organization] = await Promise.all([getSharingStatus(context), completeOrganization(context)]);
      return JSON.stringify({ offered: sharing.enabled, ...principalTreeOf(organization!) });
    });
    opens.push(ms);
    bytes = value.length;
  }
  report('principal tree opens (sharing status from AWS + organization snapshot + root level, serialized)', median(opens), 200, `, p95 ${p95(opens).toFixed(1)} ms, ${Math.round(bytes / 1024)} KiB`);

  const snapshot = cold.value!;
  const biggest = Object.values(snapshot.nodes)
    .filter((n) => n.type === 'ORGANIZATIONAL_UNIT')
    .sort((a, b) => (b.childIds?.length ?? 0) - (a.childIds?.length ?? 0))[0];
  const opened = await timed(() => JSON.stringify(childViews(snapshot, biggest.id)));
  report(`opening the biggest OU (${biggest.childIds?.length} children)`, opened.ms, 200);

  // Search (warm): an account found by its name, its ID, part of its email.
  const accounts = Object.values(snapshot.nodes).filter((n) => n.type === 'ACCOUNT');
  searchOrganization(snapshot, 'warm-up');
  const searches: number[] = [];
  let found = 0;
  for (let i = 0; i < 300; i++) {
    const a = accounts[(i * 7919) % accounts.length];
    const query = [a.name, a.id, (a.email ?? a.id).split('@')[0]][i % 3];
    const { ms, value } = await timed(() => searchOrganization(snapshot, query));
    searches.push(ms);
    if (value.hits.some((h) => h.id === a.id)) found++;
  }
  report(`search finds an account among ${accounts.length} (warm, ${searches.length} queries, ${found} found it)`, median(searches), 50, `, p95 ${p95(searches).toFixed(1)} ms, max ${Math.max(...searches).toFixed(1)} ms`);
  if (found !== searches.length) failed = true;

  // The owner's subnets, through the member role, as step 1 lists them.
  const target = { accountId: owner, region: 'us-east-1' };
  const first = await timed(() => listOwnedResources(target, 'ec2:Subnet'));
  report(`listing ${first.value.resources.length} subnets, first (AssumeRole included)`, first.ms, 1000);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) warm.push((await timed(() => listOwnedResources(target, 'ec2:Subnet'))).ms);
  report(`listing ${count} subnets, warm session`, median(warm), 1000, `, max ${Math.max(...warm).toFixed(1)} ms`);
  if (first.value.resources.length !== count) failed = true;

  await sandbox.close();
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
