// A page of access paths as its table shows them: only what a row renders, with the accounts' names, so the page
// sends a few hundred bytes a row rather than each row's rendered tree (the rows render in the browser's bundle).
import type { AccessPath, PathSource } from './paths';

export interface PathRow {
  id: string;
  kind: AccessPath['kind'];
  status: AccessPath['status'];
  inside: boolean;
  source: { kind: PathSource['kind']; label: string; account?: Named };
  target: { name: string; detail?: string };
  via?: AccessPath['via'];
  destination: Named;
  /** The conditions' keys, each once per operator. */
  conditions: Array<{ operator: string; key: string }>;
  blockedBecause?: string;
}

/** An account ID and its name, when the organization knows it. */
export interface Named {
  id: string;
  name?: string;
}

export function pathRows(paths: readonly AccessPath[], names: Record<string, string>): PathRow[] {
  const named = (id: string): Named => ({ id, name: names[id] });
  return paths.map((p) => ({
    id: p.id,
    kind: p.kind,
    status: p.status,
    inside: p.inside,
    source: { kind: p.source.kind, label: p.source.label, account: p.source.accountId && names[p.source.accountId] ? named(p.source.accountId) : undefined },
    target: { name: p.target.name, detail: p.target.detail },
    via: p.via,
    destination: named(p.destinationAccount),
    conditions: p.conditions.map(({ operator, key }) => ({ operator, key })),
    blockedBecause: p.blockedBy?.why,
  }));
}
