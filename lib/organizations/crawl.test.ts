// Protects the organization tree's data: a complete, correct snapshot from few, polite Organizations calls (empty pages, throttling, 5 levels).
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/testing';
import { DEMO } from '../../sandbox/seeds/demo-ids';
import { organizationsState } from '../../sandbox/organizations/models';
import type { World } from '../../sandbox/core/types';
import { getClient } from '../aws/clients';
import { config } from '../config';
import { crawlOrganization, minimumCrawlCalls, startOrganizationCrawl } from './crawl';
import { listServiceControlPolicies, describePolicy } from './policies';
import { recordingClient, pointAtSandbox } from '../../tests/support/organization-sandbox';
import { fullPath, nodeView } from './view';
import type { OrganizationSnapshot } from './types';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const LIST_OPERATIONS = new Set(['DescribeOrganization', 'ListRoots', 'ListOrganizationalUnitsForParent', 'ListAccountsForParent']);

/** The world's tree as parent → sorted child ids, to compare with a snapshot. */
function worldTree(world: World): Map<string, string[]> {
  const s = organizationsState(world);
  const tree = new Map<string, string[]>();
  const parents = [s.root!.id, ...s.ous.keys()];
  for (const p of parents) tree.set(p, [...(s.childOus.get(p) ?? []), ...(s.childAccounts.get(p) ?? [])].sort());
  return tree;
}

function snapshotTree(snapshot: OrganizationSnapshot): Map<string, string[]> {
  const tree = new Map<string, string[]>();
  for (const node of Object.values(snapshot.nodes)) if (node.type !== 'ACCOUNT') tree.set(node.id, [...(node.childIds ?? [])].sort());
  return tree;
}

/** The fewest calls the page-size limit allows, from the world itself. */
function worldMinimumCalls(world: World): number {
  const s = organizationsState(world);
  let calls = 2;
  for (const p of [s.root!.id, ...s.ous.keys()]) {
    calls += Math.max(1, Math.ceil((s.childOus.get(p)?.length ?? 0) / 20));
    calls += Math.max(1, Math.ceil((s.childAccounts.get(p)?.length ?? 0) / 20));
  }
  return calls;
}

// One sandbox for the file: the console's client factory reads its endpoint from the environment once.
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  // The console's setting, low so that a throttle that never stops gives up within seconds (default 5: ~15 s of backoff).
  process.env.CROSSING_MAX_ATTEMPTS = '2';
  pointAtSandbox(sb.endpoint, sb.consoleCredentials);
});
afterAll(async () => {
  await sb?.close();
});

describe('organization crawl on the demo organization', () => {
  beforeAll(() => {
    // Shards of 2 behind the listings (the demo seed uses 4): any list longer than 2 has an empty page with a NextToken.
    organizationsState(sb.world).pageShardSize = 2;
  });

  it('lists every OU and account, paging past empty pages, with list calls only', async () => {
    const rec = recordingClient();
    const snapshot = await crawlOrganization(rec.client);

    expect(snapshot.complete).toBe(true);
    expect(snapshotTree(snapshot)).toEqual(worldTree(sb.world));
    expect(rec.attempts.some((a) => a.items === 0 && a.nextToken)).toBe(true);
    expect(new Set(rec.attempts.map((a) => a.operation))).toEqual(LIST_OPERATIONS);
    expect(rec.attempts.filter((a) => a.operation === 'ListParents')).toHaveLength(0);
    expect(snapshot.calls).toBe(rec.attempts.length);
    expect(minimumCrawlCalls(snapshot)).toBe(worldMinimumCalls(sb.world));
  });

  it('records names, paths, account facts and child counts', async () => {
    const snapshot = await crawlOrganization(getClient(OrganizationsClient));
    expect(snapshot.organization).toMatchObject({ id: DEMO.organizationId, featureSet: 'ALL', managementAccountId: DEMO.managementAccountId });
    expect(snapshot.rootId).toBe(DEMO.rootId);

    const prod = nodeView(snapshot, DEMO.ouIds.Prod)!;
    expect(fullPath(prod)).toBe('Root / Workloads / Prod');
    expect(prod).toMatchObject({ type: 'ORGANIZATIONAL_UNIT', depth: 2, ouCount: 0, accountCount: 2 });

    const payments = nodeView(snapshot, DEMO.accounts['payments-prod'])!;
    expect(payments.pathNames).toEqual(['Root', 'Workloads', 'Prod']);
    expect(payments).toMatchObject({ type: 'ACCOUNT', name: 'payments-prod', status: 'ACTIVE', depth: 3 });
    expect(payments.email).toMatch(/@/);
    expect(new Date(payments.joinedTimestamp!).getTime()).not.toBeNaN();
    expect(payments.arn).toBe(`arn:aws:organizations::${DEMO.managementAccountId}:account/${DEMO.organizationId}/${payments.id}`);

    const workloads = snapshot.nodes[DEMO.ouIds.Workloads];
    // OUs first, then accounts.
    expect(workloads.childIds!.slice(0, 2).sort()).toEqual([DEMO.ouIds.Dev, DEMO.ouIds.Prod].sort());
    expect(snapshot.nodes[DEMO.accounts['partner-co']]).toBeUndefined();
  });

  it('paints the root level first and lists an opened node next', async () => {
    const rec = recordingClient();
    const loaded: string[] = [];
    const crawl = startOrganizationCrawl(rec.client, { concurrency: 1, onParentLoaded: (id) => loaded.push(id) });
    const first = await crawl.firstLevel;
    expect(first.nodes[DEMO.rootId].childrenLoaded).toBe(true);
    expect(first.nodes[DEMO.ouIds.Workloads]).toBeDefined();
    await crawl.prioritize(DEMO.ouIds.Workloads);
    expect(crawl.snapshot.nodes[DEMO.ouIds.Workloads].childrenLoaded).toBe(true);
    await crawl.done;
    expect(loaded[0]).toBe(DEMO.rootId);
    // Workloads was asked for before its siblings were listed.
    expect(loaded[1]).toBe(DEMO.ouIds.Workloads);
  });

  it('loads the SCPs of a node and their JSON on demand', async () => {
    const client = getClient(OrganizationsClient);
    const result = await listServiceControlPolicies(client, DEMO.ouIds.Sandbox);
    expect(result.ok).toBe(true);
    const ids = result.ok ? result.policies.map((p) => p.id) : [];
    expect(ids).toContain(DEMO.sandboxScpId);
    expect(ids).toContain('p-FullAWSAccess');
    const policy = await describePolicy(client, DEMO.sandboxScpId);
    expect(JSON.parse(policy.content)).toHaveProperty('Statement');
  });
});

describe('organization crawl at depth', () => {
  beforeAll(async () => {
    await sb.control.reset('large', { accounts: 400, ous: 80, depth: 5 });
    pointAtSandbox(sb.endpoint, sb.consoleCredentials);
  });

  it('crawls a 5-level organization completely with at most 4 calls in flight', async () => {
    const rec = recordingClient();
    const snapshot = await crawlOrganization(rec.client, { concurrency: 4 });
    expect(snapshotTree(snapshot)).toEqual(worldTree(sb.world));
    const depths = Object.values(snapshot.nodes).filter((n) => n.type === 'ORGANIZATIONAL_UNIT').map((n) => n.depth);
    expect(Math.max(...depths)).toBe(5);
    const deepest = Object.values(snapshot.nodes).find((n) => n.type === 'ORGANIZATIONAL_UNIT' && n.depth === 5)!;
    expect(nodeView(snapshot, deepest.id)!.pathNames).toHaveLength(5);
    expect(rec.maxInFlight()).toBeLessThanOrEqual(4);
    expect(rec.maxInFlight()).toBeGreaterThan(1);
    expect(rec.attempts.length).toBeLessThanOrEqual(Math.ceil(worldMinimumCalls(sb.world) * 1.05));
  });

  it("gives up with the error once the SDK's attempts are spent when throttling never stops", async () => {
    await sb.control.setFaults([{ service: 'organizations', operation: 'ListRoots', code: 'TooManyRequestsException', status: 400, rate: 1 }]);
    try {
      const rec = recordingClient();
      await expect(crawlOrganization(rec.client)).rejects.toMatchObject({ name: 'TooManyRequestsException' });
      // The SDK's retry is the only one: no crawler retry multiplies its attempts.
      expect(rec.attempts.filter((a) => a.operation === 'ListRoots')).toHaveLength(config().maxAttempts);
    } finally {
      await sb.control.setFaults([]);
    }
  });
});
