// The organization snapshot, cached stale-while-revalidate: a read answers from memory (or from the
// copy in the data directory after a restart) and starts a background crawl when the copy is older
// than maxAgeMs; only a cold start waits, and only for the root level.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';
import { startOrganizationCrawl, type CrawlOptions, type OrganizationCrawl } from './crawl';
import { writePrivateFile } from '../private-file';
import { decodeSnapshot, encodeSnapshot, type PersistedSnapshot } from './persist';
import type { OrganizationSnapshot } from './types';

export interface SnapshotSource {
  /** What the snapshot is of, e.g. endpoint + console account + organization id. */
  key: string;
  client: () => OrganizationsClient | Promise<OrganizationsClient>;
  /** Where the JSON copy lives; none: memory only. */
  dataDir?: string;
  /** Age after which a read revalidates (the console's: CROSSING_ORG_SNAPSHOT_MAX_AGE_SECONDS). */
  maxAgeMs: number;
  crawl?: Omit<CrawlOptions, 'key' | 'onParentLoaded' | 'now'>;
  now?: () => number;
}

export interface SnapshotStatus {
  /** The snapshot reads use: the last complete one, else the first crawl's partial one. */
  snapshot: OrganizationSnapshot;
  ageMs: number;
  /** A crawl is running (the first one, or a refresh behind a complete snapshot). */
  refreshing: boolean;
  /** The last refresh failed; the snapshot is the previous one. */
  lastError?: string;
}

interface Entry {
  dataDir?: string;
  snapshot?: OrganizationSnapshot;
  crawl?: OrganizationCrawl;
  /** Invalidated, or changed through the console while a crawl ran: revalidate on the next read. */
  stale: boolean;
  lastError?: string;
}

// On globalThis: Next may evaluate this module once per route bundle; the cache must be one.
const store: Map<string, Entry> = ((globalThis as Record<string, unknown>).__crossingOrgSnapshots ??= new Map()) as Map<string, Entry>;

function fileFor(dataDir: string, key: string): string {
  return path.join(dataDir, `organization-snapshot-${createHash('sha256').update(key).digest('hex').slice(0, 16)}.json`);
}

function readPersisted(dataDir: string, key: string): OrganizationSnapshot | undefined {
  try {
    const persisted = JSON.parse(readFileSync(fileFor(dataDir, key), 'utf8')) as PersistedSnapshot;
    return persisted.format === 2 && persisted.key === key && persisted.complete ? decodeSnapshot(persisted) : undefined;
  } catch {
    return undefined;
  }
}

function persist(dataDir: string | undefined, snapshot: OrganizationSnapshot): void {
  if (!dataDir) return;
  try {
    // The organization's accounts and emails are for the console's operators only, like the users file and audit log.
    writePrivateFile(fileFor(dataDir, snapshot.key), JSON.stringify(encodeSnapshot(snapshot)));
  } catch (error) {
    console.warn(`organization snapshot not saved in ${dataDir}: ${(error as Error).message}`);
  }
}

function entryFor(source: SnapshotSource): Entry {
  let entry = store.get(source.key);
  if (!entry) {
    entry = { stale: false, dataDir: source.dataDir, snapshot: source.dataDir ? readPersisted(source.dataDir, source.key) : undefined };
    store.set(source.key, entry);
  }
  return entry;
}

function startCrawl(source: SnapshotSource, entry: Entry): OrganizationCrawl {
  if (entry.crawl) return entry.crawl;
  entry.stale = false;
  const pending = (async () => startOrganizationCrawl(await source.client(), { ...source.crawl, key: source.key, now: source.now }))();
  // The crawl object is needed synchronously (prioritize, firstLevel): proxy it until the client is there.
  const crawl: OrganizationCrawl = {
    get snapshot() {
      return started?.snapshot ?? placeholder;
    },
    firstLevel: pending.then((c) => c.firstLevel),
    done: pending.then((c) => c.done),
    prioritize: (id) => pending.then((c) => c.prioritize(id)),
  };
  let started: OrganizationCrawl | undefined;
  const placeholder = emptySnapshot(source.key);
  void pending.then((c) => (started = c), () => {});
  entry.crawl = crawl;
  crawl.done.then(
    (snapshot) => {
      if (entry.crawl !== crawl) return;
      entry.crawl = undefined;
      entry.snapshot = snapshot;
      entry.lastError = undefined;
      persist(source.dataDir, snapshot);
    },
    (error: unknown) => {
      if (entry.crawl !== crawl) return;
      entry.crawl = undefined;
      entry.lastError = (error as Error)?.message ?? String(error);
    },
  );
  return crawl;
}

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

function status(source: SnapshotSource, entry: Entry, snapshot: OrganizationSnapshot): SnapshotStatus {
  const now = source.now?.() ?? Date.now();
  return { snapshot, ageMs: Math.max(0, now - snapshot.fetchedAt), refreshing: !!entry.crawl, lastError: entry.lastError };
}

/**
 * The snapshot for reads. Warm: answers at once and revalidates in the background when stale.
 * Cold: waits for the root level of a new crawl (the rest keeps arriving; see ensureChildren).
 * A failing cold crawl throws.
 */
export async function getOrganizationSnapshot(source: SnapshotSource): Promise<SnapshotStatus> {
  const entry = entryFor(source);
  if (entry.snapshot) {
    const now = source.now?.() ?? Date.now();
    if (entry.stale || now - entry.snapshot.fetchedAt > source.maxAgeMs) startCrawl(source, entry);
    return status(source, entry, entry.snapshot);
  }
  const crawl = startCrawl(source, entry);
  await crawl.firstLevel;
  return status(source, entry, entry.snapshot ?? crawl.snapshot);
}

/** Starts a crawl now (the Refresh button) unless one runs; the current snapshot stays in use until it completes. */
export function refreshOrganizationSnapshot(source: SnapshotSource): SnapshotStatus | undefined {
  const entry = entryFor(source);
  const crawl = startCrawl(source, entry);
  const snapshot = entry.snapshot ?? crawl.snapshot;
  return snapshot.rootId ? status(source, entry, snapshot) : undefined;
}

/** Resolves once the current snapshot has this parent's children (asks a cold crawl to list them next). */
export async function ensureChildren(source: SnapshotSource, parentId: string): Promise<OrganizationSnapshot> {
  const entry = entryFor(source);
  if (entry.snapshot) return entry.snapshot;
  const crawl = startCrawl(source, entry);
  await crawl.prioritize(parentId);
  return entry.snapshot ?? crawl.snapshot;
}

/** Resolves with the next complete snapshot (search covers the whole organization). */
export async function completeSnapshot(source: SnapshotSource): Promise<OrganizationSnapshot> {
  const entry = entryFor(source);
  if (entry.snapshot) return entry.snapshot;
  return startCrawl(source, entry).done;
}

/** Marks every cached snapshot stale: the next read answers from it and revalidates. */
export function invalidateOrganizationSnapshot(): void {
  for (const entry of store.values()) entry.stale = true;
}

/** Drops everything in memory (tests; a restart's warm start then comes from the data directory). */
export function forgetOrganizationSnapshots(): void {
  store.clear();
}

export interface AccountMove {
  accountId: string;
  sourceParentId: string;
  destinationParentId: string;
}

/** A MoveAccount made through the console, applied to the cached snapshots so the tree shows it at once. */
export function applyAccountMoved(move: AccountMove): void {
  for (const entry of store.values()) {
    const snapshots = [entry.snapshot, entry.crawl?.snapshot].filter((s): s is OrganizationSnapshot => !!s);
    for (const snapshot of new Set(snapshots)) {
      const account = snapshot.nodes[move.accountId];
      const from = snapshot.nodes[move.sourceParentId];
      const to = snapshot.nodes[move.destinationParentId];
      if (!account || account.type !== 'ACCOUNT') continue;
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
      if (snapshot === entry.snapshot && snapshot.complete) persist(entry.dataDir, snapshot);
    }
    // A crawl running now may have listed the parents before the move: check again afterwards.
    if (entry.crawl) entry.stale = true;
  }
}
