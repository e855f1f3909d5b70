// Short-lived caches for reads many pages repeat (the dashboard under many clients): a value younger than its
// time to live is shared, and at most one read per key is in flight — concurrent callers wait for the same one.
export interface Memo<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  /** Forget one key (after the console changed what it reads) or all. */
  invalidate(key?: string): void;
}

export function memo<V>(ttlMs: number, clock: () => number = Date.now): Memo<V> {
  const entries = new Map<string, { at: number; value: Promise<V> }>();
  return {
    get(key, load) {
      const hit = entries.get(key);
      if (hit && clock() - hit.at < ttlMs) return hit.value;
      const value = load();
      const entry = { at: clock(), value };
      entries.set(key, entry);
      // A failed read is not kept: the next caller tries again.
      value.catch(() => entries.get(key) === entry && entries.delete(key));
      return value;
    },
    invalidate(key) {
      if (key === undefined) entries.clear();
      else entries.delete(key);
    },
  };
}
