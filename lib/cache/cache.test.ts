// Protects: the one cache every organization-wide read goes through — one read in flight per key for any number of
// concurrent views (or the value before it, when recent and not invalidated), a value reused until it is too old, a
// failure never served; snapshots answered at once while
// they are rebuilt behind, a failed rebuild keeping the last one, and the copy in the console's state after a restart.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { closeState } from '../state/database';
import { memo } from './memo';
import { processWide } from './process';
import { snapshotStore, type Snapshot, type SnapshotBuild, type SnapshotSource } from './snapshots';

/** A read the test finishes by hand, counting how many were started. */
function reads() {
  const started: Array<(value: string) => void> = [];
  return {
    started,
    load: () => new Promise<string>((resolve) => started.push(resolve)),
  };
}

describe('the single-flight memo', () => {
  it('makes one read for concurrent callers, reuses it until it is too old, and forgets it when told', async () => {
    let now = 0;
    let reads = 0;
    const cache = memo<number>('test-single-flight', 5_000, { clock: () => now });
    const load = async () => {
      reads++;
      await sleep(5);
      return reads;
    };
    expect(await Promise.all(Array.from({ length: 20 }, () => cache.get('k', load)))).toEqual(Array(20).fill(1));
    now = 4_999;
    expect(await cache.get('k', load)).toBe(1);
    now = 5_000;
    expect(await cache.get('k', load)).toBe(2);
    expect(await cache.get('k', load, { refresh: true })).toBe(3);
    cache.invalidate('k');
    expect(cache.peek('k')).toBeUndefined();
    expect(await cache.get('k', load)).toBe(4);
    expect(cache.peek('k')).toEqual({ value: 4, at: 5_000 });
    expect(reads).toBe(4);
  });

  it('does not keep a failure, nor a read that was in flight when the value was forgotten', async () => {
    const cache = memo<string>('test-failure', 60_000);
    await expect(cache.get('k', () => Promise.reject(new Error('throttled')))).rejects.toThrow('throttled');
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
    const before = cache.get('j', () => sleep(10).then(() => 'before the change'));
    cache.invalidate();
    expect(await before).toBe('before the change');
    expect(await cache.get('j', async () => 'after the change')).toBe('after the change');
  });

  it('gives the value before a running read to callers within previousWhileReadingMs, and makes the one who started it wait', async () => {
    let now = 0;
    const m = memo<string>(`test-previous-${Math.random()}`, 1_000, { previousWhileReadingMs: 5_000, clock: () => now });
    const r = reads();
    const first = m.get('k', r.load);
    r.started[0]('a');
    await first;
    now = 2_000;
    let starterDone = false;
    const starter = m.get('k', r.load).then((v) => ((starterDone = true), v));
    expect(await m.get('k', r.load)).toBe('a');
    expect(starterDone).toBe(false);
    now = 6_000;
    // Too old to give: this caller waits for the running read like its starter.
    const late = m.get('k', r.load);
    r.started[1]('b');
    expect(await Promise.all([starter, late])).toEqual(['b', 'b']);
    expect(r.started).toHaveLength(2);
  });

  it('never gives a value the console invalidated, even while a read runs', async () => {
    let now = 0;
    const m = memo<string>(`test-invalidated-${Math.random()}`, 1_000, { previousWhileReadingMs: 5_000, clock: () => now });
    const r = reads();
    const first = m.get('k', r.load);
    r.started[0]('before the change');
    await first;
    m.invalidate('k');
    now = 100;
    const starter = m.get('k', r.load);
    const other = m.get('k', r.load);
    r.started[1]('after the change');
    expect(await Promise.all([starter, other])).toEqual(['after the change', 'after the change']);
  });
  it('within: gives the last value when a read is slow, the read going on behind it; waits when there is none', async () => {
    const m = memo<string>(`test-within-${Math.random()}`, 0);
    const r = reads();
    const first = m.within('k', r.load, 20);
    r.started[0]('a');
    expect(await first).toMatchObject({ value: 'a', late: false });
    const slow = await m.within('k', r.load, 20);
    expect(slow).toMatchObject({ value: 'a', late: true });
    r.started[1]('b');
    await sleep(1);
    expect(await m.within('k', async () => 'c', 20)).toMatchObject({ value: 'c', late: false });
    expect(m.peek('k')?.value).toBe('c');
    m.invalidate('k');
    const afterChange = m.within('k', r.load, 20);
    await sleep(40);
    r.started[2]('after the change');
    expect(await afterChange).toMatchObject({ value: 'after the change', late: false });
  });

  it('within: says the value before a running read, handed over at once, is late', async () => {
    let now = 0;
    const m = memo<string>(`test-within-previous-${Math.random()}`, 0, { previousWhileReadingMs: 60_000, clock: () => now });
    const r = reads();
    const first = m.get('k', r.load);
    r.started[0]('a');
    await first;
    now = 1_000;
    void m.get('k', r.load);
    expect(await m.within('k', r.load, 60_000)).toEqual({ value: 'a', at: 0, late: true });
    r.started[1]('b');
    await sleep(1);
    now = 2_000;
    const fresh = m.within('k', r.load, 60_000);
    r.started[2]('c');
    expect(await fresh).toEqual({ value: 'c', at: 2_000, late: false });
  });

  it('is one per process, whichever copy of a module asks for it by name', async () => {
    const a = memo<string>('test-shared', 60_000);
    const b = memo<string>('test-shared', 60_000);
    await a.get('k', async () => 'read once');
    expect(await b.get('k', async () => 'read twice')).toBe('read once');
    expect(processWide('test-slot', () => ({ n: 1 }))).toBe(processWide('test-slot', () => ({ n: 2 })));
  });
});

interface Count extends Snapshot {
  value: number;
}

/** A store whose builds the test finishes by hand. */
function countingStore(name: string) {
  const builds: { resolve: (s: Count) => void; reject: (e: Error) => void; snapshot: Count }[] = [];
  const store = snapshotStore<Count, SnapshotSource, SnapshotBuild<Count>>({
    name,
    format: 1,
    build(source) {
      const snapshot: Count = { key: source.key, fetchedAt: source.now!(), complete: false, value: -1 };
      const done = new Promise<Count>((resolve, reject) => builds.push({ resolve, reject, snapshot }));
      return { snapshot, done };
    },
  });
  const finish = async (value: number, at: number) => {
    const build = builds.shift()!;
    build.resolve({ ...build.snapshot, value, complete: true, fetchedAt: at });
    await sleep(0);
  };
  return { store, builds, finish };
}

describe('the stale-while-revalidate snapshot store', () => {
  it('answers at once from the last snapshot while one rebuild runs behind it, and keeps it when a rebuild fails', async () => {
    let now = 1_000;
    const { store, builds, finish } = countingStore('test-swr');
    const source = { key: 'org', maxAgeMs: 60_000, now: () => now };
    const cold = store.read(source);
    expect(cold).toMatchObject({ refreshing: true, snapshot: { complete: false } });
    await finish(1, now);
    expect(store.read(source)).toMatchObject({ refreshing: false, snapshot: { value: 1 } });
    now += 60_001;
    // Old: the same snapshot answers, one rebuild starts, however many read.
    expect([store.read(source), store.read(source)].map((s) => [s.snapshot.value, s.refreshing])).toEqual([
      [1, true],
      [1, true],
    ]);
    expect(builds).toHaveLength(1);
    builds.shift()!.reject(new Error('AccessDenied'));
    await sleep(0);
    expect(store.read(source)).toMatchObject({ snapshot: { value: 1 }, lastError: 'AccessDenied' });
    await finish(2, now);
    expect(store.read(source)).toMatchObject({ snapshot: { value: 2 }, refreshing: false, lastError: undefined });
    // A change made while a build runs: the build may have read before it, so another follows.
    store.refresh(source);
    store.update((s) => (s.value += 10), { rebuildRunning: true });
    await finish(3, now);
    expect(store.read(source)).toMatchObject({ snapshot: { value: 3 }, refreshing: true });
  });

  it('starts warm from the data directory after a restart, and changes every cached snapshot in place', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-cache-'));
    process.env.CROSSING_DATA_DIR = dataDir;
    process.env.AWS_ENDPOINT_URL ??= 'http://127.0.0.1:1';
    const { store, finish } = countingStore('test-persist');
    const source = { key: 'org', maxAgeMs: 60_000, now: () => 5, dataDir };
    store.read(source);
    await finish(7, 5);
    store.update((s) => (s.value += 1));
    await sleep(50);
    store.forget();
    await store.sync(source);
    expect(store.read(source)).toMatchObject({ refreshing: false, snapshot: { value: 8, complete: true } });
    await closeState();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
