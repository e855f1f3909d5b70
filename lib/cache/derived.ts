// What pages work out from a snapshot (lists and counts over 10,000 accounts), kept per snapshot object for a
// moment: 20 people on a page do the work once, not once each, and a snapshot that changes in place (a reading
// filling in) shows its change within `maxAgeMs`, and its completing at once: a page that says a reading is
// complete shows all of it (its status bar, seeing nothing new after, would never refresh what it shows).
const kept = new WeakMap<object, Map<string, { at: number; value: unknown; mark?: string; complete?: unknown }>>();

function valuesOf(snapshot: object) {
  let values = kept.get(snapshot);
  if (!values) kept.set(snapshot, (values = new Map()));
  return values;
}

export function derived<V>(snapshot: object, name: string, compute: () => V, maxAgeMs = 1_000): V {
  const values = valuesOf(snapshot);
  const held = values.get(name);
  const complete = (snapshot as { complete?: unknown }).complete;
  if (held && held.complete === complete && Date.now() - held.at < maxAgeMs) return held.value as V;
  const value = compute();
  values.set(name, { at: Date.now(), value, complete });
  return value;
}

const ids = new WeakMap<object, number>();
let nextId = 0;

/** A number for an object (the same while it lives), to put what a value was worked out from in a mark. */
export function identity(of: object): number {
  let id = ids.get(of);
  if (id === undefined) ids.set(of, (id = ++nextId));
  return id;
}

/**
 * What a page works out from a snapshot that says when it changed (`mark`: its revision and inputs): kept until the
 * mark changes; while the snapshot is still filling in (its mark changing with every account read), kept for
 * `fillingMaxAgeMs` after all.
 */
export function derivedUntilChanged<V>(snapshot: { complete: boolean }, name: string, mark: string, compute: () => V, fillingMaxAgeMs = 1_000): V {
  const values = valuesOf(snapshot);
  const held = values.get(name);
  if (held && (held.mark === mark || (!snapshot.complete && Date.now() - held.at < fillingMaxAgeMs))) return held.value as V;
  const value = compute();
  values.set(name, { at: Date.now(), value, mark });
  return value;
}
