// Failed sign-ins are limited per email and per client address, so passwords cannot be guessed quickly.
const WINDOW_MS = 15 * 60 * 1000;
// Per email: few. Per client address: more, since several people may share one (a proxy, an office).
const MAX_FAILURES: Record<string, number> = { email: 5, address: 20 };
const maxFor = (key: string) => MAX_FAILURES[key.split(':')[0]] ?? 5;

const failures = new Map<string, number[]>();

function recent(key: string, at: number): number[] {
  const list = (failures.get(key) ?? []).filter((t) => at - t < WINDOW_MS);
  if (list.length) failures.set(key, list);
  else failures.delete(key);
  return list;
}

/** True when any of the keys has had too many failures in the window. */
export function isSignInLimited(keys: string[], at = Date.now()): boolean {
  return keys.some((key) => recent(key, at).length >= maxFor(key));
}

// Every failure with a new email adds a key: past this many, expired ones are dropped so memory stays bounded.
const SWEEP_ABOVE = 10_000;

export function recordSignInFailure(keys: string[], at = Date.now()): void {
  if (failures.size > SWEEP_ABOVE) for (const key of [...failures.keys()]) recent(key, at);
  for (const key of keys) failures.set(key, [...recent(key, at), at]);
}

export function clearSignInFailures(keys: string[]): void {
  for (const key of keys) failures.delete(key);
}
