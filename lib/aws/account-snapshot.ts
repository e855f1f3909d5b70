// An organization-wide read kept as a snapshot in the one store (lib/cache/snapshots.ts): every account is read
// in the Regions chosen for it (lib/aws/regions.ts), one account at a time per account, many accounts at once;
// what each account holds arrives in the snapshot as soon as it is read, so a page shows the first accounts
// while the rest are read, and the accounts done / to do are its progress. The Regions enabled for each account
// are carried over from the last complete reading (a Region is rarely enabled; Refresh reads them again). After
// a change the console made, exactly the accounts and Regions it touched are read again into every reading.
import { config } from '../config';
import {
  progressOf,
  readSoon,
  snapshotStore,
  type Snapshot,
  type SnapshotBuild,
  type SnapshotProgress,
  type SnapshotSource,
  type SnapshotStatus,
} from '../cache/snapshots';
import { derived } from '../cache/derived';
import { explainAwsError } from './errors';
import { accountTargets, fanOut, type FanOutTarget } from './fan-out';
import { enabledRegions, regionsToRead } from './regions';

export interface AccountRead {
  accountId: string;
  /** Regions read in the account. */
  regions: string[];
  /** The Regions enabled for the account (undefined when CROSSING_REGIONS chose them). */
  enabledRegions?: string[];
  /** Epoch ms the read finished. */
  readAt: number;
  /** Region → why it could not be read; '*' when the whole account could not be. */
  errors?: Record<string, string>;
}

export interface AccountSnapshot<T> extends Snapshot {
  /** Accounts to read. */
  accountCount: number;
  /** Account ID → how its read went, for every account read so far. */
  accounts: Record<string, AccountRead>;
  /** Item key → item. */
  items: Record<string, T>;
  /** Calls (pages) made, retries excluded. */
  calls: number;
}

export interface AccountSnapshotSource<T> extends SnapshotSource {
  /** The accounts to read, in batches as the organization's reading finds them (each account once). */
  accountIds: () => AsyncIterable<string[]>;
  /** CROSSING_REGIONS when set. */
  pinnedRegions?: string[];
  /** Regions where the service is seen in use, given the last complete reading; undefined: read every enabled Region. */
  usedRegions?: (previous?: AccountSnapshot<T>) => Promise<ReadonlySet<string> | undefined>;
  /** Accounts read at once (default ACCOUNTS_AT_ONCE); within one account its Regions are read two at a time. */
  concurrency?: number;
  /** Drops the enabled Regions carried over from the last reading (Refresh). */
  rereadRegions?: boolean;
}

export interface AccountSnapshotSpec<T> {
  /** Names the store and its files. */
  name: string;
  format: number;
  /** The operation named in failure explanations. */
  operation: string;
  /** What one account holds in one Region; `count` is told of each call. */
  read: (target: FanOutTarget, count: () => void) => Promise<T[]>;
  key: (item: T) => string;
  /** The account and Region an item was read from. */
  targetOf: (item: T) => FanOutTarget;
  /** Told of every account's items as they arrive (history, …). */
  onItems?: (items: T[]) => Promise<void>;
  /**
   * For items many accounts answer alike (one key for all): the item kept when another account answers it again,
   * which then belongs to that account's reading.
   */
  merge?: (held: T, item: T) => T;
}

export interface AccountSnapshotStatus<T> extends SnapshotStatus<AccountSnapshot<T>> {
  /** Accounts read / to read by the running build. */
  progress?: { done: number; total: number };
}

const REGIONS_AT_ONCE = 2;
// An account's Regions take seconds under RAM's per-account throttle while member sessions come at STS's rate:
// enough accounts at once to keep up with the sessions (bench:invitations, 1,000 accounts in 17 Regions: 16 at
// once took 4× the throttles' bound, 64 1.18×, 128 1.13×).
const ACCOUNTS_AT_ONCE = 128;

/** Runs `work` over `items`, `width` at a time. */
async function inPool<I>(items: I[], width: number, work: (item: I) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(width, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

export function accountSnapshots<T>(spec: AccountSnapshotSpec<T>) {
  type S = AccountSnapshot<T>;
  type Src = AccountSnapshotSource<T>;

  // Account → Region → the keys of its items, and how many items, per items record: an answer replaces its own items
  // and a page finds one account's items without a scan of every item (10,000 accounts answer one by one, and
  // what they received can be millions). Built once for a record read back from the state.
  interface ItemIndex {
    byAccount: Map<string, Map<string, Set<string>>>;
    count: number;
  }
  const indexes = new WeakMap<Record<string, T>, ItemIndex>();
  const targetKey = (t: FanOutTarget) => `${t.accountId}/${t.region}`;
  function indexOf(items: Record<string, T>): ItemIndex {
    let index = indexes.get(items);
    if (!index) {
      indexes.set(items, (index = { byAccount: new Map(), count: 0 }));
      for (const [key, item] of Object.entries(items)) {
        const { accountId, region } = spec.targetOf(item);
        const regions = index.byAccount.get(accountId) ?? new Map<string, Set<string>>();
        regions.set(region, (regions.get(region) ?? new Set()).add(key));
        index.byAccount.set(accountId, regions);
        index.count++;
      }
    }
    return index;
  }

  /** Puts one account-Region's answer into a snapshot: its items replace the ones it held before. */
  function applyTarget(snapshot: S, target: FanOutTarget, items: T[]): void {
    const index = indexOf(snapshot.items);
    const regions = index.byAccount.get(target.accountId) ?? new Map<string, Set<string>>();
    const at = targetKey(target);
    for (const key of regions.get(target.region) ?? []) {
      const held = snapshot.items[key];
      if (held && targetKey(spec.targetOf(held)) === at) {
        delete snapshot.items[key];
        index.count--;
      }
    }
    const keys = new Set<string>();
    for (const item of items) {
      const key = spec.key(item);
      const held = snapshot.items[key];
      if (held === undefined) index.count++;
      else if (spec.merge) {
        // Held by another account's reading: it moves to this one's.
        const was = spec.targetOf(held);
        if (targetKey(was) !== at) index.byAccount.get(was.accountId)?.get(was.region)?.delete(key);
      }
      snapshot.items[key] = held !== undefined && spec.merge ? spec.merge(held, item) : item;
      keys.add(key);
    }
    if (keys.size) regions.set(target.region, keys);
    else regions.delete(target.region);
    if (regions.size) index.byAccount.set(target.accountId, regions);
    else index.byAccount.delete(target.accountId);
  }

  /** The items an account holds in the reading, in every Region. */
  function itemsOf(snapshot: S, accountId: string): T[] {
    const regions = indexOf(snapshot.items).byAccount.get(accountId);
    return [...(regions?.values() ?? [])].flatMap((keys) => [...keys].flatMap((key) => snapshot.items[key] ?? []));
  }

  /** Reads one account in its Regions, into `snapshot` as each Region answers. */
  async function readAccount(snapshot: S, source: Src, accountId: string, known: string[] | undefined, used: ReadonlySet<string> | undefined): Promise<void> {
    const count = () => void snapshot.calls++;
    let enabled = known;
    if (!source.pinnedRegions && !enabled) {
      count();
      // An identity refused ec2:DescribeRegions still reads the Regions enabled by default (the next reading asks again).
      enabled = await enabledRegions(accountId, config().region).catch(() => undefined);
    }
    // The console's own Region first: where an organization's sharing most often is, so a first reading shows it soonest.
    const home = config().region;
    const regions = regionsToRead({ pinned: source.pinnedRegions, enabled, fallback: config().regions, used }).sort((a, b) => Number(b === home) - Number(a === home));
    const read: AccountRead = { accountId, regions, enabledRegions: source.pinnedRegions ? undefined : enabled, readAt: 0 };
    const arrived: T[] = [];
    await inPool(regions, REGIONS_AT_ONCE, async (region) => {
      try {
        const items = await spec.read({ accountId, region }, count);
        applyTarget(snapshot, { accountId, region }, items);
        arrived.push(...items);
      } catch (error) {
        (read.errors ??= {})[region] = explainAwsError(error, { operation: spec.operation, accountId, region });
      }
    });
    read.readAt = (source.now ?? Date.now)();
    snapshot.accounts[accountId] = read;
    if (arrived.length && spec.onItems) await spec.onItems(arrived);
  }

  function startBuild(source: Src, previous?: S): SnapshotBuild<S> {
    const now = source.now ?? Date.now;
    const snapshot: S = { key: source.key, fetchedAt: now(), complete: false, accountCount: 0, accounts: {}, items: {}, calls: 0 };
    const done = (async () => {
      const used = await source.usedRegions?.(previous);
      // A cold crawl of 10,000 accounts takes minutes: the first accounts are read while it lists the rest.
      const targets = accountTargets(source.accountIds(), config().region, (count) => (snapshot.accountCount += count));
      const carried = (id: string) => (source.rereadRegions ? undefined : previous?.accounts[id]?.enabledRegions);
      await fanOut(
        targets,
        (t) => readAccount(snapshot, source, t.accountId, carried(t.accountId), used),
        {
          operation: spec.operation,
          concurrency: source.concurrency ?? ACCOUNTS_AT_ONCE,
          perAccount: 1,
          background: true,
          onResult: (result) => {
            // The account's own reads keep their reasons; this is the account failing as a whole (its Regions, its role).
            if (!result.ok) snapshot.accounts[result.accountId] = { accountId: result.accountId, regions: [], readAt: now(), errors: { '*': result.error } };
          },
        },
      );
      snapshot.complete = true;
      return snapshot;
    })();
    return { snapshot, done };
  }

  const store = snapshotStore<S, Src, SnapshotBuild<S>>({ name: spec.name, build: startBuild, format: spec.format });

  function withProgress({ build, ...status }: SnapshotStatus<S> & { build?: SnapshotBuild<S> }): AccountSnapshotStatus<T> {
    return { ...status, progress: build && { done: Object.keys(build.snapshot.accounts).length, total: build.snapshot.accountCount } };
  }

  return {
    /** The last complete reading (revalidated behind it when old), else the first build's as it fills. Never waits. */
    read: async (source: Src) => {
      // The shared copy first: after a restart, or written by the instance that builds it.
      await store.sync(source);
      return withProgress(store.read(source));
    },
    /** As read, but a first build is given up to `boundMs` to show its first items (a page's first paint). */
    readSoon: async (source: Src, boundMs: number) => {
      await store.sync(source);
      return readSoon(() => withProgress(store.read(source)), (s) => indexOf(s.snapshot.items).count > 0, boundMs);
    },
    /** Refresh: a build now (enabled Regions read again) unless one runs; the current reading answers until it completes. */
    refresh: (source: Src) => withProgress(store.refresh({ ...source, rereadRegions: true })),
    /** The last complete reading, else the first build's end. */
    complete: (source: Src) => store.complete(source),
    /** A complete reading made now (or the one running): what Refresh ends in. */
    readNow: (source: Src) => store.refresh({ ...source, rereadRegions: true }).build.done,
    /**
     * Reads exactly these accounts and Regions again into every reading (and a running build), after the console
     * changed something there. A target that cannot be read keeps what was read before.
     */
    async refreshTargets(targets: FanOutTarget[]): Promise<void> {
      const unique = [...new Map(targets.map((t) => [targetKey(t), t])).values()];
      const answers = await Promise.all(unique.map(async (t) => ({ t, items: await spec.read(t, () => {}).catch(() => undefined) })));
      const arrived = answers.flatMap((a) => a.items ?? []);
      store.update((snapshot) => {
        for (const { t, items } of answers) {
          if (!items) continue;
          applyTarget(snapshot, t, items);
          const read = snapshot.accounts[t.accountId];
          if (!read) continue;
          if (!read.regions.includes(t.region)) read.regions.push(t.region);
          if (read.errors) delete read.errors[t.region];
          read.readAt = Date.now();
        }
      });
      if (arrived.length && spec.onItems) await spec.onItems(arrived);
    },
    /** What the status line shows: `shares` counts the items arrived. */
    progress: (status: AccountSnapshotStatus<T>): SnapshotProgress => progressOf(status, indexOf(status.snapshot.items).count, 'accounts'),
    itemsOf,
    /** Drops everything in memory (tests; a restart's warm start then comes from the shared copy). */
    forget: () => store.forget(),
  };
}

/** Every Region the reading covered, in order. */
export function regionsCovered(snapshot: AccountSnapshot<unknown>): string[] {
  return derived(snapshot, 'regions-covered', () => {
    const regions = new Set<string>();
    for (const read of Object.values(snapshot.accounts)) for (const r of read.regions) regions.add(r);
    return [...regions].sort();
  });
}

export interface Unreachable {
  accountId: string;
  /** Empty when the account could not be read at all. */
  regions: string[];
  error: string;
}

/** Accounts and Regions that could not be read, one entry per account and reason (Regions together). */
export function unreachableOf(snapshot: AccountSnapshot<unknown>): Unreachable[] {
  return derived(snapshot, 'unreachable', () => {
    const out = new Map<string, Unreachable>();
    for (const read of Object.values(snapshot.accounts)) {
      for (const [region, error] of Object.entries(read.errors ?? {})) {
        const key = `${read.accountId}|${error.replaceAll(region, '<region>')}`;
        const entry = out.get(key) ?? { accountId: read.accountId, regions: [], error };
        if (region !== '*') entry.regions.push(region);
        out.set(key, entry);
      }
    }
    return [...out.values()];
  });
}

export type { SnapshotProgress };
