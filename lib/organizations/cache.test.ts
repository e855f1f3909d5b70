// Protects the tree's snapshot as the organization reader keeps it: a cold read answers with the root level and an
// opened node first, a restart is warm, and an account moved through the console shows without a crawl (stale-while-
// revalidate itself is tested once, in lib/cache).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/testing';
import { DEMO } from '../../sandbox/seeds/demo-ids';
import { getClient } from '../aws/clients';
import { closeState, state } from '../state/database';
import {
  applyAccountMoved,
  completeSnapshot,
  ensureChildren,
  forgetOrganizationSnapshots,
  getOrganizationSnapshot,
  type SnapshotSource,
} from './cache';
import { pointAtSandbox } from '../../tests/support/organization-sandbox';
import { childViews } from './view';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

describe('organization snapshot cache', () => {
  let sb: Sandbox;
  let dataDir: string;
  let clock = Date.now();
  let clientsMade = 0;
  // Each test's snapshot is of a key of its own: the state (and so the shared copy) lasts the whole file.
  let run = 0;

  const source = (over: Partial<SnapshotSource> = {}): SnapshotSource => ({
    key: `${sb.endpoint}|test|${run}`,
    client: () => {
      clientsMade++;
      return getClient(OrganizationsClient);
    },
    dataDir,
    maxAgeMs: 60_000,
    now: () => clock,
    ...over,
  });

  beforeAll(async () => {
    process.env.CROSSING_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'crossing-org-state-'));
    sb = await startSandbox({ seed: 'demo' });
    pointAtSandbox(sb.endpoint, sb.consoleCredentials);
  });
  afterAll(async () => {
    await closeState();
    await sb?.close();
  });
  afterEach(async () => {
    forgetOrganizationSnapshots();
    rmSync(dataDir, { recursive: true, force: true });
    await sb.control.reset('demo');
  });
  const fresh = () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'crossing-org-'));
    clock = Date.now();
    clientsMade = 0;
    run++;
  };

  it('answers a cold read with the root level, then completes and persists; a restart is warm', async () => {
    fresh();
    const cold = await getOrganizationSnapshot(source());
    expect(cold.snapshot.nodes[DEMO.rootId].childrenLoaded).toBe(true);
    expect(cold.refreshing || cold.snapshot.complete).toBe(true);
    const complete = await completeSnapshot(source());
    expect(complete.complete).toBe(true);
    const stored = await (await state()).selectFrom('snapshots').select(['complete']).where('store', '=', 'organization-snapshot').where('key', '=', source().key).execute();
    expect(stored).toEqual([{ complete: 1 }]);

    forgetOrganizationSnapshots(); // a restart
    clientsMade = 0;
    const warm = await getOrganizationSnapshot(source());
    expect(warm.snapshot.complete).toBe(true);
    expect(warm.refreshing).toBe(false);
    expect(clientsMade).toBe(0);
    expect(warm.snapshot).toEqual(complete);
    // A snapshot of another organization (key) is not reused.
    const other = await getOrganizationSnapshot(source({ key: `${sb.endpoint}|other` }));
    expect(clientsMade).toBe(1);
    await completeSnapshot(source({ key: `${sb.endpoint}|other` }));
    expect(other.snapshot.key).toBe(`${sb.endpoint}|other`);
  });

  it('lists an opened node first during a cold crawl', async () => {
    fresh();
    await getOrganizationSnapshot(source());
    const snapshot = await ensureChildren(source(), DEMO.ouIds.Prod);
    expect(childViews(snapshot, DEMO.ouIds.Prod)!.map((v) => v.name).sort()).toEqual(['payments-prod', 'web-prod']);
  });

  it('applies an account moved through the console without a crawl, and persists it', async () => {
    fresh();
    await completeSnapshot(source());
    clientsMade = 0;
    applyAccountMoved({ accountId: DEMO.accounts['web-dev'], sourceParentId: DEMO.ouIds.Dev, destinationParentId: DEMO.ouIds.Prod });
    const { snapshot, refreshing } = await getOrganizationSnapshot(source());
    expect(refreshing).toBe(false);
    expect(snapshot.nodes[DEMO.accounts['web-dev']].parentId).toBe(DEMO.ouIds.Prod);
    expect(snapshot.nodes[DEMO.ouIds.Dev].childIds).not.toContain(DEMO.accounts['web-dev']);
    expect(snapshot.nodes[DEMO.ouIds.Prod].childIds).toContain(DEMO.accounts['web-dev']);
    expect(snapshot.nodes[DEMO.ouIds.Dev].accountCount).toBe(1);

    forgetOrganizationSnapshots();
    const restarted = await getOrganizationSnapshot(source());
    expect(restarted.snapshot.nodes[DEMO.accounts['web-dev']].parentId).toBe(DEMO.ouIds.Prod);
    expect(clientsMade).toBe(0);
  });
});
