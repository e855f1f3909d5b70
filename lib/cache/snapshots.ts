// One stale-while-revalidate store for organization-wide snapshots (the organization tree, the shares across every
// account and Region): a read answers at once from memory and starts a build in the background when the copy is
// older than the source's maxAgeMs, or when a build ran while the console changed what it reads; with no copy
// yet, it answers from the first build's partial snapshot as it fills. One build per key at a time; a failed
// build keeps the last snapshot and says why. Process-wide (lib/cache/process.ts).
// A source with a dataDir is persisted in the console's state (lib/state) and shared by every instance: the one
// holding the snapshot's lease builds, writing its partial snapshot as it fills and the complete one at the end;
// the others serve what it wrote and pick up a newer one, so N instances make the AWS calls of one.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorReason, log } from '../log';
import { state } from '../state/database';
import { acquireLease, releaseLease } from '../state/leases';
import { inBackground } from './background-work';
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
  /** What the snapshot is of (endpoint, console account, organization, …): one entry and one row per key. */
  key: string;
  /** The console's data dir: the snapshot is kept in its state and shared with the other instances; none: memory only. */
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

/** When a page first asked for each partial snapshot (a build's snapshot is one object, filled in place). */
const firstAsked = new WeakMap<Snapshot, number>();

/**
 * How much longer a page may wait for a partial snapshot: `boundMs` from the first page that asked for it. Later
 * pages never wait again for a build that showed nothing in that time (20 clients on a page would otherwise each
 * wait the whole bound).
 */
export function waitLeft(snapshot: Snapshot, boundMs: number): number {
  if (snapshot.complete) return 0;
  let first = firstAsked.get(snapshot);
  if (first === undefined) firstAsked.set(snapshot, (first = Date.now()));
  return Math.max(0, first + boundMs - Date.now());
}

/**
 * A read for a page's first paint: a first build (nothing complete yet) is given up to `boundMs` (see waitLeft) to
 * show something (`shown`); after that, or as soon as there is something, the page renders and its status line polls.
 */
export async function readSoon<St extends { snapshot: Snapshot }>(read: () => St, shown: (status: St) => boolean, boundMs: number): Promise<St> {
  let status = read();
  const until = Date.now() + waitLeft(status.snapshot, boundMs);
  while (!status.snapshot.complete && !shown(status) && Date.now() < until) {
    await sleep(50);
    status = read();
  }
  return status;
}

export interface SnapshotStoreSpec<S extends Snapshot, Src extends SnapshotSource, B extends SnapshotBuild<S>> {
  /** Names the store and its rows in the state: 'organization-snapshot'. */
  name: string;
  /** Starts a build for the source; `previous` is the last complete snapshot, for what a build may carry over. */
  build: (source: Src, previous?: S) => B;
  /** The stored copy: version, and how a snapshot is written and read (a copy of another version is ignored). */
  format: number;
  encode?: (snapshot: S) => unknown;
  decode?: (stored: unknown) => S;
}

interface Entry<S, B> {
  /** The snapshot served: complete, or (following another instance's first build) its partial one. */
  snapshot?: S;
  build?: B;
  stale: boolean;
  lastError?: string;
  persisted: boolean;
  /** When the stored row this instance holds was written (0: none). */
  writtenAt: number;
  /** Another instance holds the build's lease: this one serves what it writes. */
  following: boolean;
  checkedAt: number;
  /** How often this instance shares a first build's partial snapshot, and looks for a newer one: paced by their cost. */
  shareEveryMs: number;
  pullEveryMs: number;
  syncing?: Promise<void>;
}

export interface SnapshotStore<S extends Snapshot, Src extends SnapshotSource, B extends SnapshotBuild<S>> {
  /** The snapshot for reads, revalidated in the background when old or stale; never waits. */
  read(source: Src): SnapshotStatus<S> & { build?: B };
  /**
   * Takes up the shared snapshot before a read: the newest one another instance wrote, or, when none is there
   * yet, waits for the instance building it to write its first partial one (or builds it, holding the lease).
   */
  sync(source: Src): Promise<void>;
  /** Starts a build now (Refresh) unless one runs; the current snapshot stays in use until it completes. */
  refresh(source: Src): SnapshotStatus<S> & { build: B };
  /** The last complete snapshot, else the running (or a new) build's end. */
  complete(source: Src): Promise<S>;
  /** Changes every cached snapshot in place (the complete one, saved again, and a running build's). */
  update(change: (snapshot: S) => void, options?: { rebuildRunning?: boolean }): void;
  /** Drops everything in memory (tests; the next read starts from the shared copy). */
  forget(): void;
}

/** A build's lease: renewed every third of it while the build runs; another instance takes over once it lapses. */
const LEASE_MS = 30_000;
/** How often a build's partial snapshot is shared, and how often another instance looks for a newer one, at most. */
const SHARE_EVERY_MS = 1_000;
/**
 * Sharing or taking up a snapshot takes at most 1/SHARE_DUTY of the time: a snapshot of 10,000 accounts costs
 * tens of milliseconds to write and read, and is shared less often than a small one.
 */
const SHARE_DUTY = 100;
const paced = (startedAt: number) => Math.max(SHARE_EVERY_MS, (performance.now() - startedAt) * SHARE_DUTY);

export function snapshotStore<S extends Snapshot, Src extends SnapshotSource, B extends SnapshotBuild<S>>(spec: SnapshotStoreSpec<S, Src, B>): SnapshotStore<S, Src, B> {
  const entries = processWide(`snapshots:${spec.name}`, () => new Map<string, Entry<S, B>>());
  const leaseFor = (key: string) => `snapshot:${spec.name}:${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;

  /** Writes the snapshot for every instance; a partial one never replaces a complete one. */
  async function write(entry: Entry<S, B>, snapshot: S): Promise<void> {
    const startedAt = performance.now();
    const row = {
      format: spec.format,
      fetched_at: snapshot.fetchedAt,
      complete: snapshot.complete ? 1 : 0,
      written_at: Date.now(),
      // A partial snapshot as it is in memory: the encoding is of complete ones.
      body: JSON.stringify(spec.encode && snapshot.complete ? spec.encode(snapshot) : snapshot),
    };
    await (await state())
      .insertInto('snapshots')
      .values({ store: spec.name, key: snapshot.key, ...row })
      .onConflict((oc) => {
        const update = oc.columns(['store', 'key']).doUpdateSet(row);
        return snapshot.complete ? update : update.where('snapshots.complete', '=', 0);
      })
      .execute();
    entry.writtenAt = Math.max(entry.writtenAt, row.written_at);
    entry.shareEveryMs = paced(startedAt);
  }

  function save(entry: Entry<S, B>, snapshot: S): void {
    if (!entry.persisted) return;
    write(entry, snapshot).catch((error: unknown) => log('warn', `${spec.name} not saved`, { reason: errorReason(error) }));
  }

  /** Takes up a row another instance wrote since the one this instance holds. */
  async function pull(source: Src, entry: Entry<S, B>): Promise<void> {
    const startedAt = performance.now();
    const row = await (await state())
      .selectFrom('snapshots')
      .select(['format', 'complete', 'written_at', 'body'])
      .where('store', '=', spec.name)
      .where('key', '=', source.key)
      .where('written_at', '>', entry.writtenAt)
      .executeTakeFirst();
    entry.checkedAt = Date.now();
    if (!row || row.format !== spec.format || entry.build) return;
    if (!row.complete && entry.snapshot?.complete) return;
    const stored = JSON.parse(row.body) as unknown;
    entry.snapshot = spec.decode && row.complete ? spec.decode(stored) : (stored as S);
    entry.writtenAt = Number(row.written_at);
    entry.lastError = undefined;
    entry.pullEveryMs = paced(startedAt);
  }

  function due(source: Src, entry: Entry<S, B>): boolean {
    const snapshot = entry.snapshot;
    return !snapshot || !snapshot.complete || entry.stale || (source.now ?? Date.now)() - snapshot.fetchedAt > source.maxAgeMs;
  }

  /** The newest shared snapshot; when a build is due, it is this instance's if it gets the lease, else it follows. */
  async function coordinate(source: Src, entry: Entry<S, B>): Promise<void> {
    await pull(source, entry);
    if (entry.build || !due(source, entry)) {
      entry.following = false;
      return;
    }
    entry.following = !(await acquireLease(leaseFor(source.key), LEASE_MS));
    if (!entry.following) start(source, entry, true);
  }

  function kick(source: Src, entry: Entry<S, B>): Promise<void> {
    entry.syncing ??= coordinate(source, entry)
      .catch((error: unknown) => log('warn', `${spec.name}: the shared snapshot could not be read`, { reason: errorReason(error) }))
      .finally(() => (entry.syncing = undefined));
    return entry.syncing;
  }

  function entryFor(source: Src): Entry<S, B> {
    let entry = entries.get(source.key);
    if (!entry) entries.set(source.key, (entry = { stale: false, persisted: !!source.dataDir, writtenAt: 0, following: false, checkedAt: 0, shareEveryMs: SHARE_EVERY_MS, pullEveryMs: SHARE_EVERY_MS }));
    return entry;
  }

  /** Builds here; `leased`: this instance holds the build's lease already (else it asks for it, to be followed). */
  function start(source: Src, entry: Entry<S, B>, leased = false): B {
    if (entry.build) return entry.build;
    entry.stale = false;
    entry.following = false;
    // A build is background work down to its last call (./background-work.ts).
    const build = inBackground(() => spec.build(source, entry.snapshot));
    entry.build = build;
    const lease = leaseFor(source.key);
    let renewing: NodeJS.Timeout | undefined;
    let sharing: NodeJS.Timeout | undefined;
    if (entry.persisted) {
      const renew = () => void acquireLease(lease, LEASE_MS).catch(() => undefined);
      if (!leased) renew();
      // A first build's partial snapshot, for a restart and the other instances; behind a complete one, nothing to share.
      const share = async () => {
        if (!build.snapshot.complete && !entry.snapshot?.complete) await write(entry, build.snapshot).catch((error: unknown) => log('warn', `${spec.name} not saved`, { reason: errorReason(error) }));
        if (entry.build === build) sharing = setTimeout(share, entry.shareEveryMs).unref();
      };
      renewing = setInterval(renew, LEASE_MS / 3).unref();
      sharing = setTimeout(share, entry.shareEveryMs).unref();
    }
    const ended = async () => {
      clearInterval(renewing);
      clearTimeout(sharing);
      if (entry.persisted) await releaseLease(lease).catch(() => undefined);
    };
    build.done.then(
      async (complete) => {
        if (entry.build !== build) return;
        entry.build = undefined;
        entry.snapshot = complete;
        entry.lastError = undefined;
        // Written before the lease is given up: whoever takes it next finds this snapshot and need not build.
        if (entry.persisted) await write(entry, complete).catch((error: unknown) => log('warn', `${spec.name} not saved`, { reason: errorReason(error) }));
        await ended();
      },
      async (error: unknown) => {
        if (entry.build !== build) return;
        entry.build = undefined;
        entry.lastError = (error as Error)?.message ?? String(error);
        await ended();
      },
    );
    return build;
  }

  function status(source: Src, entry: Entry<S, B>, snapshot: S): SnapshotStatus<S> & { build?: B } {
    const now = (source.now ?? Date.now)();
    return { snapshot, ageMs: Math.max(0, now - snapshot.fetchedAt), refreshing: !!entry.build || entry.following, lastError: entry.lastError, build: entry.build };
  }

  return {
    read(source) {
      const entry = entryFor(source);
      if (entry.persisted) {
        if (due(source, entry) || Date.now() - entry.checkedAt >= entry.pullEveryMs) void kick(source, entry);
      } else if (entry.snapshot && due(source, entry)) start(source, entry);
      const shown = entry.snapshot?.complete ? entry.snapshot : (entry.build?.snapshot ?? entry.snapshot ?? start(source, entry).snapshot);
      return status(source, entry, shown);
    },
    async sync(source) {
      const entry = entryFor(source);
      if (!entry.persisted) return;
      // Looked at within the last interval and nothing due: a busy page asks the database once a second, not per request.
      if (!due(source, entry) && Date.now() - entry.checkedAt < entry.pullEveryMs) return;
      await kick(source, entry);
      // Following a first build: its partial snapshot arrives within a share interval (or its lease lapses).
      while (entry.following && !entry.snapshot && !entry.build) {
        await sleep(SHARE_EVERY_MS / 4);
        await kick(source, entry);
      }
    },
    refresh(source) {
      const entry = entryFor(source);
      const build = start(source, entry);
      return { ...status(source, entry, entry.snapshot ?? build.snapshot), build };
    },
    async complete(source) {
      const entry = entryFor(source);
      if (entry.persisted) await this.sync(source);
      while (entry.following && !entry.snapshot?.complete) {
        await sleep(SHARE_EVERY_MS / 4);
        await kick(source, entry);
      }
      if (entry.snapshot?.complete) return entry.snapshot;
      return (entry.build ?? start(source, entry)).done;
    },
    update(change, options = {}) {
      for (const entry of entries.values()) {
        for (const snapshot of new Set([entry.snapshot, entry.build?.snapshot])) {
          if (!snapshot) continue;
          change(snapshot);
          if (snapshot === entry.snapshot && snapshot.complete) save(entry, snapshot);
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
