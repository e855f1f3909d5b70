// Single-flight memo for reads many views repeat: a value younger than its time to live is shared, and at most one
// read per key is in flight — concurrent callers wait for the same one, or are given the value before it when
// `previousWhileReadingMs` allows (20 people on a page then wait for nobody's read but the one who started it).
// Process-wide (lib/cache/process.ts).
import { setTimeout as sleep } from 'node:timers/promises';
import { processWide } from './process';

export interface Memo<V> {
  /** The value when fresh (unless `refresh`), else the one read in flight for the key, started if none is. */
  get(key: string, load: () => Promise<V>, options?: { refresh?: boolean }): Promise<V>;
  /**
   * The last value read for the key, whatever its age, without reading: undefined when none or invalidated, unless
   * `stale` asks for an invalidated one too (a count that keeps showing until the next read).
   */
  peek(key: string, options?: { stale?: boolean }): { value: V; at: number } | undefined;
  /**
   * As get, but a read that takes longer than `waitMs` is not waited for when there is a last value (not
   * invalidated): that one is given (`late`), with when it was read, and the read goes on behind it.
   */
  within(key: string, load: () => Promise<V>, waitMs: number): Promise<{ value: V; at: number; late: boolean }>;
  /** Forget one key or all (after the console changed what they read): a read in flight is not kept either. */
  invalidate(key?: string): void;
}

interface Slot<V> {
  value?: { value: V; at: number };
  /** Invalidated: never served by get, only by peek({ stale: true }). */
  stale?: boolean;
  loading?: Promise<V>;
  generation: number;
}

export interface MemoOptions {
  /** While a read is in flight, callers are given the value before it if it is at most this old (not invalidated). */
  previousWhileReadingMs?: number;
  clock?: () => number;
}

/** `name` makes it one per process, whichever copy of the calling module asks. */
export function memo<V>(name: string, ttlMs: number, options: MemoOptions = {}): Memo<V> {
  const { previousWhileReadingMs = 0, clock = Date.now } = options;
  const slots = processWide(`memo:${name}`, () => new Map<string, Slot<V>>());
  const slotOf = (key: string) => {
    let slot = slots.get(key);
    if (!slot) slots.set(key, (slot = { generation: 0 }));
    return slot;
  };
  return {
    get(key, load, options = {}) {
      const slot = slotOf(key);
      if (!options.refresh && slot.value && !slot.stale && clock() - slot.value.at < ttlMs) return Promise.resolve(slot.value.value);
      if (slot.loading) {
        const previous = slot.value && !slot.stale && clock() - slot.value.at <= previousWhileReadingMs ? slot.value : undefined;
        return previous && !options.refresh ? Promise.resolve(previous.value) : slot.loading;
      }
      const generation = slot.generation;
      const loading = load().then((value) => {
        if (slot.generation === generation) {
          slot.value = { value, at: clock() };
          slot.stale = false;
        }
        return value;
      });
      slot.loading = loading;
      // A failed read is not kept: the next caller tries again.
      void loading.then(
        () => slot.loading === loading && (slot.loading = undefined),
        () => slot.loading === loading && (slot.loading = undefined),
      );
      return loading;
    },
    async within(key, load, waitMs) {
      const last = this.peek(key);
      const read = this.get(key, load);
      // Handed the value before a running read (previousWhileReadingMs): as late as one given after waitMs.
      const handedOver = !!last && !!slots.get(key)?.loading;
      const reading = read.then((value) => (handedOver && value === last!.value ? { ...last!, late: true } : { value, at: this.peek(key)?.at ?? clock(), late: false }));
      if (!last) return reading;
      // Met later by whoever waits for it; here only raced.
      reading.catch(() => undefined);
      const late = sleep(waitMs, undefined, { ref: false });
      return (await Promise.race([reading, late])) ?? { ...last, late: true };
    },
    peek(key, options = {}) {
      const slot = slots.get(key);
      return slot?.value && (!slot.stale || options.stale) ? slot.value : undefined;
    },
    invalidate(key) {
      for (const [k, slot] of slots) {
        if (key !== undefined && k !== key) continue;
        slot.generation += 1;
        slot.stale = true;
        slot.loading = undefined;
      }
    },
  };
}
