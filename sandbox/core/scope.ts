// Per-(account, Region) state: how the Regional services (EC2, Route 53 Resolver, License
// Manager, ACM PCA) key their maps, so each account sees only its own resources in each Region.

/** Key of a service's per-(account, Region) state. */
export const scopeKey = (accountId: string, region: string) => `${accountId}/${region}`;

/** One account's map in a Region, from a service's maps keyed by scopeKey; `create` adds it when missing. */
export function scopedMap<T>(scopes: Map<string, Map<string, T>>, accountId: string, region: string, create = false): Map<string, T> | undefined {
  const key = scopeKey(accountId, region);
  if (!scopes.has(key) && create) scopes.set(key, new Map());
  return scopes.get(key);
}
