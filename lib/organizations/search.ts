// Search over account name, ID and email and OU name. The lowercase haystacks are built once per
// snapshot, in name order, so a query is one substring scan with no sort (a few ms at 10,000 accounts).
import type { OrgNodeView, OrganizationSnapshot } from './types';
import { nodeView } from './view';

export interface SearchIndex {
  ids: string[];
  haystacks: string[];
  names: string[];
}

export interface SearchResult {
  hits: OrgNodeView[];
  /** Matches in all; `hits` holds the best `limit` of them. */
  total: number;
}

const indexes = new WeakMap<OrganizationSnapshot, { index: SearchIndex; size: number; complete: boolean }>();

export function buildSearchIndex(snapshot: Pick<OrganizationSnapshot, 'nodes'>): SearchIndex {
  const entries = Object.values(snapshot.nodes)
    .filter((node) => node.type !== 'ROOT')
    .map((node) => ({ id: node.id, name: node.name.toLowerCase(), haystack: `${node.name}\n${node.id}\n${node.email ?? ''}`.toLowerCase() }));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ids: entries.map((e) => e.id), names: entries.map((e) => e.name), haystacks: entries.map((e) => e.haystack) };
}

/** The index of this snapshot; rebuilt while a crawl adds nodes (a complete snapshot only moves accounts, which keeps it). */
export function searchIndexFor(snapshot: OrganizationSnapshot): SearchIndex {
  const cached = indexes.get(snapshot);
  if (cached && snapshot.complete && cached.complete) return cached.index;
  const size = Object.keys(snapshot.nodes).length;
  if (cached && cached.size === size) return cached.index;
  const index = buildSearchIndex(snapshot);
  indexes.set(snapshot, { index, size, complete: snapshot.complete });
  return index;
}

/** Every whitespace-separated term must occur; exact name/ID first, then name prefixes, then the rest. */
export function searchOrganization(snapshot: OrganizationSnapshot, query: string, limit = 50): SearchResult {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return { hits: [], total: 0 };
  const { ids, haystacks, names } = searchIndexFor(snapshot);
  const whole = terms.join(' ');
  // Rank buckets filled in name order: exact name or ID, name prefix, anywhere.
  const buckets: number[][] = [[], [], []];
  let total = 0;
  for (let i = 0; i < haystacks.length; i++) {
    const h = haystacks[i];
    let all = true;
    for (const t of terms) if (!h.includes(t)) { all = false; break; }
    if (!all) continue;
    total++;
    const rank = names[i] === whole || ids[i] === whole ? 0 : names[i].startsWith(terms[0]) ? 1 : 2;
    if (buckets[rank].length < limit) buckets[rank].push(i);
  }
  return {
    total,
    hits: buckets.flat().slice(0, limit).map((i) => nodeView(snapshot, ids[i])!),
  };
}
