// One stale-while-revalidate store for organization-wide snapshots (the organization tree, the shares across every
// account and Region): a read answers at once from memory — or from the copy in the data directory after a
// restart — and starts a build in the background when the copy is older than the source's maxAgeMs, or when a
// build ran while the console changed what it reads; with no copy yet, it answers from the first build's partial
// snapshot as it fills. One build per key at a time; a failed build keeps the last snapshot and says why.
// Process-wide (lib/cache/process.ts).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { log } from '../log';
import { writePrivateFile } from '../private-file';
import { processWide } from './process';

export interface Snapshot {
  key: string;
  /** Epoch ms the build started: the data is at least this old. */
  fetchedAt: number;
  complete: boolean;
}

/** A build under way: its snapshot fills as it goes; `done` resolves with the complete one. */
export interface SnapshotBuild<S> {
  readonly snapshot: S;
  done: Promise<S>;
}

export interface SnapshotSource {
  /** What the snapshot is of (endpoint, console account, organization, …): one entry and one file per key. */
  key: string;
  /** Where the copy lives; none: memory only. */
  dataDir?: string;
  /** Age after which a read revalidates. */
  maxAgeMs: number;
  now?: () => number;
}

export interface SnapshotStatus<S> {
  /** The last complete snapshot, else the running build's partial one. */
  snapshot: S;
  ageMs: number;
  /** A build is running (the first one, or a refresh behind a complete snapshot). */
  refreshing: boolean;
  /** The last build failed; the snapshot is the previous one. */
  lastError?: string;
}

/** What a snapshot's status line shows as it is built; `shares` counts what has arrived (shares, accounts). */
export interface SnapshotProgress {
  fetchedAt: number;
  complete: boolean;
  refreshing: boolean;
  done?: number;
  total?: number;
  /** What done and total count: 'account-Regions', 'accounts'. */
  unit?: string;
  shares: number;
  lastError?: string;
}

export function progressOf(status: SnapshotStatus<Snapshot> & { progress?: { done: number; total: number } }, arrived: number, unit?: string): SnapshotProgress {
  return {
    fetchedAt: status.snapshot.fetchedAt,
    complete: status.snapshot.complete,
    refreshing: status.refreshing,
    done: status.progress?.done,
    total: status.progress?.total,
    unit,
    shares: arrived,
    lastError: status.lastError,
  };
}

/**
 * A read for a page's first paint: a first build (nothing complete yet) is given up to `boundMs` to show
 * something (`shown`); after that, or as soon as there is something, the page renders and its status line polls.
 */
export async function readSoon<St extends { snapshot: Snapshot }>(read: () => St, shown: (status: St) => boolean, boundMs: number): Promise<St> {
  const started = Date.now();
  let status = read();
  while (!status.snapshot.complete && !shown(status) && Date.now() - started < boundMs) {
    await sleep(50);
    status = read();
  }
  return status;
}

export interface SnapshotStoreSpec<S extends Snapshot, Src extends SnapshotSource, B extends SnapshotBuild<S>> {
  /** Names the store and its files in the data directory: 'organization-snapshot'. */
  name: string;
  /** Starts a build for the source; `previous` is the last complete snapshot, for what a build may carry over. */
  build: (source: Src, previous?: S) => B;
  /** The copy on disk: version, and how a snapshot is written and read (a copy of another version is ignored). */
  format: number;
  encode?: (snapshot: S) => unknown;
  decode?: (stored: unknown) => S;
}

interface Entry<S, B> {
  snapshot?: S;
  build?: B;
  stale: boolean;
  lastError?: string;
  dataDir?: string;
}

export interface SnapshotStore<S extends Snapshot, Src extends SnapshotSource, B extends SnapshotBuild<S>> {
  /** The snapshot for reads, revalidated in the background when old or stale; never waits. */
  read(source: Src): SnapshotStatus<S> & { build?: B };
  /** Starts a build now (Refresh) unless one runs; the current snapshot stays in use until it completes. */
  refresh(source: Src): SnapshotStatus<S> & { build: B };
  /** The last complete snapshot, else the running (or a new) build's end. */
  complete(source: Src): Promise<S>;
  /** Changes every cached snapshot in place (the complete one, saved again, and a running build's). */
  update(change: (snapshot: S) => void, options?: { rebuildRunning?: boolean }): void;
  /** Drops everything in memory (tests; a restart's warm start then comes from the data directory). */
  forget(): void;
}

export function snapshotStore<S extends Snapshot, Src extends SnapshotSource, B extends SnapshotBuild<S>>(spec: SnapshotStoreSpec<S, Src, B>): SnapshotStore<S, Src, B> {
  const entries = processWide(`snapshots:${spec.name}`, () => new Map<string, Entry<S, B>>());
  const fileFor = (dataDir: string, key: string) => path.join(dataDir, `${spec.name}-${createHash('sha256').update(key).digest('hex').slice(0, 16)}.json`);

  function readCopy(source: Src): S | undefined {
    if (!source.dataDir) return undefined;
    try {
      const stored = JSON.parse(readFileSync(fileFor(source.dataDir, source.key), 'utf8')) as { format?: number; key?: string; complete?: boolean; snapshot: unknown };
      if (stored.format !== spec.format || stored.key !== source.key || !stored.complete) return undefined;
      return spec.decode ? spec.decode(stored.snapshot) : (stored.snapshot as S);
    } catch {
      return undefined;
    }
  }

  function save(dataDir: string | undefined, snapshot: S): void {
    if (!dataDir || !snapshot.complete) return;
    try {
      // What the organization holds is for the console's operators only, like the users file and audit log.
      const stored = { format: spec.format, key: snapshot.key, complete: true, snapshot: spec.encode ? spec.encode(snapshot) : snapshot };
      writePrivateFile(fileFor(dataDir, snapshot.key), JSON.stringify(stored));
    } catch (error) {
      log('warn', `${spec.name} not saved`, { dataDir, reason: (error as Error).message });
    }
  }

  function entryFor(source: Src): Entry<S, B> {
    let entry = entries.get(source.key);
    if (!entry) entries.set(source.key, (entry = { stale: false, dataDir: source.dataDir, snapshot: readCopy(source) }));
    return entry;
  }

  function start(source: Src, entry: Entry<S, B>): B {
    if (entry.build) return entry.build;
    entry.stale = false;
    const build = spec.build(source, entry.snapshot);
    entry.build = build;
    build.done.then(
      (complete) => {
        if (entry.build !== build) return;
        entry.build = undefined;
        entry.snapshot = complete;
        entry.lastError = undefined;
        save(source.dataDir, complete);
      },
      (error: unknown) => {
        if (entry.build !== build) return;
        entry.build = undefined;
        entry.lastError = (error as Error)?.message ?? String(error);
      },
    );
    return build;
  }

  function status(source: Src, entry: Entry<S, B>, snapshot: S): SnapshotStatus<S> & { build?: B } {
    const now = (source.now ?? Date.now)();
    return { snapshot, ageMs: Math.max(0, now - snapshot.fetchedAt), refreshing: !!entry.build, lastError: entry.lastError, build: entry.build };
  }

  return {
    read(source) {
      const entry = entryFor(source);
      if (!entry.snapshot) return status(source, entry, start(source, entry).snapshot);
      if (entry.stale || (source.now ?? Date.now)() - entry.snapshot.fetchedAt > source.maxAgeMs) start(source, entry);
      return status(source, entry, entry.snapshot);
    },
    refresh(source) {
      const entry = entryFor(source);
      const build = start(source, entry);
      return { ...status(source, entry, entry.snapshot ?? build.snapshot), build };
    },
    complete(source) {
      const entry = entryFor(source);
      return entry.snapshot ? Promise.resolve(entry.snapshot) : start(source, entry).done;
    },
    update(change, options = {}) {
      for (const entry of entries.values()) {
        for (const snapshot of new Set([entry.snapshot, entry.build?.snapshot])) {
          if (!snapshot) continue;
          change(snapshot);
          if (snapshot === entry.snapshot) save(entry.dataDir, snapshot);
        }
        // A build running now may have read what changed before the change: build again afterwards.
        if (options.rebuildRunning && entry.build) entry.stale = true;
      }
    },
    forget() {
      entries.clear();
    },
  };
}
