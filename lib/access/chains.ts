// Role chains (pure): a principal assumes a role, whose session assumes another role, and so on. Followed up
// to MAX_CHAIN_HOPS roles, through paths not blocked, never through the same role twice. A chained session
// lasts at most one hour, whatever the roles' MaxSessionDuration (AWS's role-chaining limit).
import type { AccessIndex, AccessPath } from './paths';

export const MAX_CHAIN_HOPS = 3;
export const CHAINED_SESSION_LIMIT_SECONDS = 3600;
// An account page shows chains, not every combination of a hub's fan-out.
export const MAX_CHAINS = 200;

export interface Chain {
  hops: AccessPath[];
}

const usable = (path: AccessPath) => path.kind === 'role' && path.status !== 'blocked';

/** Chains of two or more hops that start from a principal of `accountId`. */
export function chainsFrom(index: AccessIndex, accountId: string): Chain[] {
  const chains: Chain[] = [];
  const extend = (hops: AccessPath[]) => {
    if (chains.length >= MAX_CHAINS) return;
    if (hops.length >= 2) chains.push({ hops });
    if (hops.length >= MAX_CHAIN_HOPS) return;
    const last = hops[hops.length - 1];
    for (const i of index.bySourcePrincipal.get(last.target.arn) ?? []) {
      const next = index.paths[i];
      if (usable(next) && !hops.some((h) => h.target.arn === next.target.arn)) extend([...hops, next]);
    }
  };
  for (const i of index.outbound.get(accountId) ?? []) {
    const first = index.paths[i];
    if (usable(first) && first.source.kind === 'principal') extend([first]);
  }
  return chains;
}

/** Chains of two or more hops that end in a role of `accountId`. */
export function chainsInto(index: AccessIndex, accountId: string): Chain[] {
  const chains: Chain[] = [];
  const extend = (hops: AccessPath[]) => {
    if (chains.length >= MAX_CHAINS) return;
    if (hops.length >= 2) chains.push({ hops });
    if (hops.length >= MAX_CHAIN_HOPS) return;
    const first = hops[0];
    if (first.source.kind !== 'principal') return;
    for (const i of index.byTarget.get(first.source.id) ?? []) {
      const before = index.paths[i];
      if (usable(before) && !hops.some((h) => h.target.arn === before.target.arn)) extend([before, ...hops]);
    }
  };
  for (const i of index.inbound.get(accountId) ?? []) {
    const last = index.paths[i];
    if (usable(last)) extend([last]);
  }
  return chains;
}
