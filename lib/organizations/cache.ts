// The organization snapshot: the tree of roots, OUs and accounts, read by a crawl of Organizations and kept in the
// one snapshot store (lib/cache/snapshots.ts) — as stale as the source's maxAgeMs (CROSSING_ORG_SNAPSHOT_MAX_AGE_SECONDS)
// before a read revalidates it in the background, and saved in the data directory. Only a cold start waits, and
// only for the root level.
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import { snapshotStore, type SnapshotSource as StoreSource, type SnapshotStatus as StoreStatus } from '../cache/snapshots';
import { startOrganizationCrawl, type CrawlOptions, type OrganizationCrawl } from './crawl';
import { decodeSnapshot, encodeSnapshot, type PersistedSnapshot } from './persist';
import type { OrganizationSnapshot } from './types';

export interface SnapshotSource extends StoreSource {
  client: () => OrganizationsClient | Promise<OrganizationsClient>;
  crawl?: Omit<CrawlOptions, 'key' | 'onParentLoaded' | 'now'>;
}

export type SnapshotStatus = StoreStatus<OrganizationSnapshot>;

/** A crawl whose client may still be coming: the crawl object is needed synchronously (prioritize, firstLevel). */
function crawlOf(source: SnapshotSource): OrganizationCrawl {
  const pending = (async () => startOrganizationCrawl(await source.client(), { ...source.crawl, key: source.key, now: source.now }))();
  let started: OrganizationCrawl | undefined;
  const placeholder = emptySnapshot(source.key);
  void pending.then((c) => (started = c), () => {});
  return {
    get snapshot() {
      return started?.snapshot ?? placeholder;
    },
    firstLevel: pending.then((c) => c.firstLevel),
    done: pending.then((c) => c.done),
    prioritize: (id) => pending.then((c) => c.prioritize(id)),
  };
}

const snapshots = snapshotStore({
  name: 'organization-snapshot',
  build: crawlOf,
  format: 3,
  encode: encodeSnapshot,
  decode: (stored) => decodeSnapshot(stored as PersistedSnapshot),
});

function emptySnapshot(key: string): OrganizationSnapshot {
  return {
    key,
    organization: { id: '', arn: '', featureSet: '', managementAccountId: '' },
    rootId: '',
    nodes: {},
    complete: false,
    fetchedAt: Date.now(),
    calls: 0,
    throttled: 0,
  };
}

const withoutBuild = ({ build: _build, ...status }: SnapshotStatus & { build?: unknown }): SnapshotStatus => status;

/**
 * The snapshot for reads. Warm: answers at once and revalidates in the background when stale.
 * Cold: waits for the root level of a new crawl (the rest keeps arriving; see ensureChildren).
 * A failing cold crawl throws.
 */
export async function getOrganizationSnapshot(source: SnapshotSource): Promise<SnapshotStatus> {
  await snapshots.sync(source);
  const status = snapshots.read(source);
  if (status.snapshot.complete || !status.build) return withoutBuild(status);
  await status.build.firstLevel;
  return withoutBuild(snapshots.read(source));
}

/** Starts a crawl now (the Refresh button) unless one runs; the current snapshot stays in use until it completes. */
export function refreshOrganizationSnapshot(source: SnapshotSource): SnapshotStatus | undefined {
  const status = snapshots.refresh(source);
  return status.snapshot.rootId ? withoutBuild(status) : undefined;
}

/** Resolves once the current snapshot has this parent's children (asks a cold crawl to list them next). */
export async function ensureChildren(source: SnapshotSource, parentId: string): Promise<OrganizationSnapshot> {
  const status = snapshots.read(source);
  if (status.snapshot.complete || !status.build) return status.snapshot;
  await status.build.prioritize(parentId);
  return snapshots.read(source).snapshot;
}

/** Resolves with the next complete snapshot (search covers the whole organization). */
export function completeSnapshot(source: SnapshotSource): Promise<OrganizationSnapshot> {
  return snapshots.complete(source);
}

/** Drops everything in memory (tests; a restart's warm start then comes from the data directory). */
export function forgetOrganizationSnapshots(): void {
  snapshots.forget();
}

export interface AccountMove {
  accountId: string;
  sourceParentId: string;
  destinationParentId: string;
}

/** A MoveAccount made through the console, applied to the cached snapshots so the tree shows it at once. */
export function applyAccountMoved(move: AccountMove): void {
  snapshots.update(
    (snapshot) => {
      const account = snapshot.nodes[move.accountId];
      const from = snapshot.nodes[move.sourceParentId];
      const to = snapshot.nodes[move.destinationParentId];
      if (!account || account.type !== 'ACCOUNT') return;
      if (from?.childIds?.includes(move.accountId)) {
        from.childIds = from.childIds.filter((id) => id !== move.accountId);
        from.accountCount = Math.max(0, (from.accountCount ?? 1) - 1);
      }
      account.parentId = move.destinationParentId;
      if (to) {
        account.depth = to.depth + 1;
        if (to.childrenLoaded && !to.childIds?.includes(move.accountId)) {
          to.childIds = [...(to.childIds ?? []), move.accountId];
          to.accountCount = (to.accountCount ?? 0) + 1;
        }
      }
    },
    // A crawl running now may have listed the parents before the move: check again afterwards.
    { rebuildRunning: true },
  );
}
