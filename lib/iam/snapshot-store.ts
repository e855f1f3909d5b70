// The IAM snapshot's stale-while-revalidate store: the last complete reading (in memory and in the data
// directory, so it survives a restart) answers at once; a build runs behind it when it is older than
// maxAgeMs or marked stale, and a first build is shown as it fills. One account is re-read into every
// reading after the console changed it. Shaped as lib/cache/snapshots.ts's store (branch i17: read, refresh,
// complete, update, forget; startIamBuild is its `build`): on it, the Entry/persist code below becomes
// `snapshotStore({ name: 'iam-snapshot', build: startIamBuild, format: 1 })` and refreshIamOf's loop its update().
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writePrivateFile } from '../private-file';
import { adoptAccount, buildIamSnapshot, emptyIamSnapshot, readAccountAlone, type IamSnapshot } from './snapshot';

export interface IamSnapshotSource {
  key: string;
  /** The accounts to read (may wait for a cold organization crawl). */
  accountIds: () => Promise<string[]>;
  dataDir?: string;
  maxAgeMs: number;
  concurrency?: number;
}

export interface IamSnapshotStatus {
  snapshot: IamSnapshot;
  ageMs: number;
  refreshing: boolean;
  progress?: { done: number; total: number };
  lastError?: string;
}

/** What the snapshot status bar shows (the share list's shape: `shares` counts what arrived, here accounts). */
export interface IamProgress {
  fetchedAt: number;
  complete: boolean;
  refreshing: boolean;
  done?: number;
  total?: number;
  shares: number;
  lastError?: string;
}

export const iamProgress = (status: IamSnapshotStatus): IamProgress => ({
  fetchedAt: status.snapshot.fetchedAt,
  complete: status.snapshot.complete,
  refreshing: status.refreshing,
  done: status.progress?.done,
  total: status.progress?.total,
  shares: Object.keys(status.snapshot.accounts).length,
  lastError: status.lastError,
});

interface Entry {
  snapshot?: IamSnapshot;
  build?: { snapshot: IamSnapshot; done: Promise<IamSnapshot> };
  stale: boolean;
  lastError?: string;
  source: IamSnapshotSource;
}

// On globalThis: Next may evaluate this module once per route bundle; the store must be one.
const store: Map<string, Entry> = ((globalThis as Record<string, unknown>).__crossingIamSnapshots ??= new Map()) as Map<string, Entry>;

const FORMAT = 1;
const fileFor = (dataDir: string, key: string) => path.join(dataDir, `iam-snapshot-${createHash('sha256').update(key).digest('hex').slice(0, 16)}.json`);

function readPersisted(source: IamSnapshotSource): IamSnapshot | undefined {
  if (!source.dataDir) return undefined;
  try {
    const saved = JSON.parse(readFileSync(fileFor(source.dataDir, source.key), 'utf8')) as IamSnapshot & { format?: number };
    return saved.format === FORMAT && saved.key === source.key && saved.complete ? saved : undefined;
  } catch {
    return undefined;
  }
}

function persist(source: IamSnapshotSource, snapshot: IamSnapshot): void {
  if (!source.dataDir) return;
  try {
    // Who may reach what is for the console's operators only.
    writePrivateFile(fileFor(source.dataDir, source.key), JSON.stringify({ format: FORMAT, ...snapshot }));
  } catch (error) {
    console.warn(`IAM snapshot not saved in ${source.dataDir}: ${(error as Error).message}`);
  }
}

function entryFor(source: IamSnapshotSource): Entry {
  let entry = store.get(source.key);
  if (!entry) store.set(source.key, (entry = { stale: false, snapshot: readPersisted(source), source }));
  entry.source = source;
  return entry;
}

/** A build: its snapshot fills account by account; `done` resolves with the complete one (lib/cache's SnapshotBuild). */
export function startIamBuild(source: IamSnapshotSource): { snapshot: IamSnapshot; done: Promise<IamSnapshot> } {
  const snapshot = emptyIamSnapshot(source.key, Date.now());
  return { snapshot, done: source.accountIds().then((ids) => buildIamSnapshot(snapshot, ids, { concurrency: source.concurrency })) };
}

function startBuild(entry: Entry): NonNullable<Entry['build']> {
  if (entry.build) return entry.build;
  const { source } = entry;
  entry.stale = false;
  const build = startIamBuild(source);
  const { done } = build;
  entry.build = build;
  done.then(
    (complete) => {
      if (entry.build !== build) return;
      entry.build = undefined;
      entry.snapshot = complete;
      entry.lastError = undefined;
      persist(source, complete);
    },
    (error: unknown) => {
      if (entry.build !== build) return;
      entry.build = undefined;
      entry.lastError = (error as Error)?.message ?? String(error);
    },
  );
  return build;
}

function statusOf(entry: Entry, snapshot: IamSnapshot): IamSnapshotStatus {
  const build = entry.build;
  return {
    snapshot,
    ageMs: Math.max(0, Date.now() - snapshot.fetchedAt),
    refreshing: !!build,
    progress: build && { done: Object.keys(build.snapshot.accounts).length, total: build.snapshot.accountCount },
    lastError: entry.lastError,
  };
}

/** The last complete snapshot (revalidated behind it when old or stale), else the first build's as it fills. Never waits. */
export function getIamSnapshot(source: IamSnapshotSource): IamSnapshotStatus {
  const entry = entryFor(source);
  if (entry.snapshot) {
    if (entry.stale || Date.now() - entry.snapshot.fetchedAt > source.maxAgeMs) startBuild(entry);
    return statusOf(entry, entry.snapshot);
  }
  return statusOf(entry, startBuild(entry).snapshot);
}

/** Refresh: a build now unless one runs; the current snapshot answers until it completes. */
export function refreshIamSnapshot(source: IamSnapshotSource): IamSnapshotStatus {
  const entry = entryFor(source);
  const build = startBuild(entry);
  return statusOf(entry, entry.snapshot ?? build.snapshot);
}

/** The next complete snapshot. */
export function completeIamSnapshot(source: IamSnapshotSource): Promise<IamSnapshot> {
  const entry = entryFor(source);
  if (entry.snapshot && !entry.build) return Promise.resolve(entry.snapshot);
  return startBuild(entry).done;
}

/**
 * Re-reads one account into every reading (and the running build) after the console changed IAM there, so
 * its paths show AWS's answer without a full rebuild.
 */
export async function refreshIamOf(accountId: string): Promise<void> {
  // Read once, then put into every reading (lib/cache's store.update(change)).
  const reading = await readAccountAlone(accountId);
  for (const entry of store.values()) {
    for (const snapshot of new Set([entry.snapshot, entry.build?.snapshot])) {
      if (!snapshot || !(accountId in snapshot.accounts)) continue;
      adoptAccount(snapshot, reading);
      if (snapshot === entry.snapshot) persist(entry.source, snapshot);
    }
  }
}

/** Drops everything in memory (tests; a restart's warm start then comes from the data directory). */
export function forgetIamSnapshots(): void {
  store.clear();
}
