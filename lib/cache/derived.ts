// What pages work out from a snapshot (lists and counts over 10,000 accounts), kept per snapshot object for a
// moment: 20 people on a page do the work once, not once each, and a snapshot that changes in place (a reading
// filling in) shows its change within `maxAgeMs`.
const kept = new WeakMap<object, Map<string, { at: number; value: unknown }>>();

export function derived<V>(snapshot: object, name: string, compute: () => V, maxAgeMs = 1_000): V {
  let values = kept.get(snapshot);
  if (!values) kept.set(snapshot, (values = new Map()));
  const held = values.get(name);
  if (held && Date.now() - held.at < maxAgeMs) return held.value as V;
  const value = compute();
  values.set(name, { at: Date.now(), value });
  return value;
}
