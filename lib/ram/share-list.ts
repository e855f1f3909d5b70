// The organization-wide share list as the /shares page shows it: filters and search read from the URL, the
// three views of the RAM console (resource shares, shared resources, principals) computed from the snapshot,
// and one page of rows at a time, so thousands of shares stay quick to render. Pure: no AWS, no React.
import { z } from 'zod';
import { listQuery, pageOf, type ListPage } from '../paging';
import type { RamSnapshot, ShareRecord } from './snapshot';

export const SHARE_TABS = ['shares', 'resources', 'principals'] as const;
export type ShareTab = (typeof SHARE_TABS)[number];

/** Free text from a URL: trimmed, bounded, empty as absent. */
export const optional = z
  .string()
  .trim()
  .max(300)
  .optional()
  .transform((v) => v || undefined);

export const shareFiltersSchema = z.object({
  tab: z.enum(SHARE_TABS).catch('shares'),
  q: optional,
  owner: optional.pipe(z.string().regex(/^\d{12}$/).optional().catch(undefined)),
  region: optional.pipe(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/).optional().catch(undefined)),
  status: optional,
  type: optional,
  principal: optional,
  external: z
    .string()
    .optional()
    .transform((v) => v === '1'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type ShareFilters = z.infer<typeof shareFiltersSchema>;

/** Filters from the page's search parameters; anything malformed is dropped rather than failing the page. */
export function parseShareFilters(params: Record<string, string | string[] | undefined>): ShareFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return shareFiltersSchema.parse(flat);
}

/** Names from the organization: account ID, OU ID and organization ID → name. */
export type NameBook = Record<string, string>;

export type PrincipalKind = 'account' | 'organization' | 'organizational-unit' | 'role' | 'user' | 'service';

export function principalKind(id: string): PrincipalKind {
  if (/^\d{12}$/.test(id)) return 'account';
  if (/:organization\//.test(id) || /^o-[a-z0-9]+$/.test(id)) return 'organization';
  if (/:ou\//.test(id) || /^ou-/.test(id)) return 'organizational-unit';
  if (/:role\//.test(id)) return 'role';
  if (/:user\//.test(id)) return 'user';
  return 'service';
}

/** The name an admin knows a principal by: the account's or OU's name from the organization, a role's name. */
export function principalName(id: string, names: NameBook): string | undefined {
  switch (principalKind(id)) {
    case 'account':
      return names[id];
    case 'organization':
      return `Organization ${id.split('/').pop()}`;
    case 'organizational-unit':
      return names[id.split('/').pop()!];
    case 'role':
    case 'user':
      return id.split('/').pop();
    default:
      return undefined;
  }
}

export const hasExternal = (share: ShareRecord) => share.principals.some((p) => p.external);

export interface ShareRow {
  arn: string;
  id: string;
  name: string;
  owningAccountId: string;
  ownerName?: string;
  region: string;
  status: string;
  resourceCount: number;
  resourceTypes: string[];
  principalCount: number;
  external: boolean;
  creationTime?: number;
  /** Set for a share RAM created from a resource-based policy (CREATED_FROM_POLICY, PROMOTING_TO_STANDARD). */
  featureSet?: string;
}

export interface ResourceRow {
  arn: string;
  type: string;
  owningAccountId: string;
  ownerName?: string;
  region: string;
  shareCount: number;
  principalCount: number;
}

export interface PrincipalRow {
  id: string;
  kind: PrincipalKind;
  name?: string;
  external: boolean;
  shareCount: number;
  resourceCount: number;
}

export interface FilterOptions {
  regions: string[];
  statuses: string[];
  types: string[];
}

const searchText = new WeakMap<ShareRecord, string>();

function textOf(share: ShareRecord, names: NameBook): string {
  let text = searchText.get(share);
  if (text === undefined) {
    text = [
      share.name,
      share.arn,
      share.owningAccountId,
      names[share.owningAccountId] ?? '',
      ...share.resources.map((r) => r.arn),
      ...share.principals.map((p) => `${p.id} ${principalName(p.id, names) ?? ''}`),
      ...share.tags.map((t) => `${t.key}=${t.value}`),
    ]
      .join('\n')
      .toLowerCase();
    searchText.set(share, text);
  }
  return text;
}

/** Whether a principal filter (account ID, OU/organization ID or ARN, role ARN) names this association. */
const principalMatches = (id: string, wanted: string) => id === wanted || id.endsWith(`/${wanted}`);

const byName = (a: ShareRecord, b: ShareRecord) => a.name.localeCompare(b.name) || a.region.localeCompare(b.region) || a.arn.localeCompare(b.arn);

// The shares in list order, sorted once per snapshot object (a snapshot being filled changes its size).
const sortedShares = new WeakMap<RamSnapshot, { size: number; shares: ShareRecord[] }>();

function inListOrder(snapshot: RamSnapshot): ShareRecord[] {
  const all = Object.values(snapshot.shares);
  const cached = sortedShares.get(snapshot);
  if (cached && cached.size === all.length && cached.shares.every((s) => snapshot.shares[s.arn] === s)) return cached.shares;
  const shares = all.sort(byName);
  sortedShares.set(snapshot, { size: shares.length, shares });
  return shares;
}

/** The snapshot's shares that pass the filters (the tab does not filter), in list order. */
export function filterShares(snapshot: RamSnapshot, filters: ShareFilters, names: NameBook): ShareRecord[] {
  const q = filters.q?.toLowerCase();
  const out: ShareRecord[] = [];
  for (const share of inListOrder(snapshot)) {
    if (filters.owner && share.owningAccountId !== filters.owner) continue;
    if (filters.region && share.region !== filters.region) continue;
    if (filters.status && share.status !== filters.status) continue;
    if (filters.type && !share.resources.some((r) => r.type === filters.type)) continue;
    if (filters.principal && !share.principals.some((p) => principalMatches(p.id, filters.principal!))) continue;
    if (filters.external && !hasExternal(share)) continue;
    if (q && !textOf(share, names).includes(q)) continue;
    out.push(share);
  }
  return out;
}

/** Rows of shares in the order given (filterShares gives list order). */
export function shareRows(shares: ShareRecord[], names: NameBook, page: number): ListPage<ShareRow> {
  const current = pageOf(shares, page);
  return {
    ...current,
    rows: current.rows.map((s) => ({
      arn: s.arn,
      id: s.id,
      name: s.name,
      owningAccountId: s.owningAccountId,
      ownerName: names[s.owningAccountId],
      region: s.region,
      status: s.status,
      resourceCount: s.resources.length,
      resourceTypes: [...new Set(s.resources.map((r) => r.type))].sort(),
      principalCount: s.principals.length,
      external: hasExternal(s),
      creationTime: s.creationTime,
      ...(s.featureSet && s.featureSet !== 'STANDARD' && { featureSet: s.featureSet }),
    })),
  };
}

/** Each shared resource once, with how many of the (filtered) shares and distinct principals reach it. */
export function resourceRows(shares: ShareRecord[], names: NameBook, page: number): ListPage<ResourceRow> {
  const byArn = new Map<string, { row: ResourceRow; principals: Set<string> }>();
  for (const share of shares) {
    for (const r of share.resources) {
      let item = byArn.get(r.arn);
      if (!item) {
        const row = { arn: r.arn, type: r.type, owningAccountId: share.owningAccountId, ownerName: names[share.owningAccountId], region: share.region, shareCount: 0, principalCount: 0 };
        byArn.set(r.arn, (item = { row, principals: new Set() }));
      }
      item.row.shareCount++;
      for (const p of share.principals) item.principals.add(p.id);
    }
  }
  const rows = [...byArn.values()].map(({ row, principals }) => ({ ...row, principalCount: principals.size }));
  rows.sort((a, b) => a.type.localeCompare(b.type) || a.arn.localeCompare(b.arn));
  return pageOf(rows, page);
}

/** Each principal once, with the shares and distinct resources it receives: "what can this account use from others?". */
export function principalRows(shares: ShareRecord[], names: NameBook, page: number): ListPage<PrincipalRow> {
  const byId = new Map<string, { row: PrincipalRow; resources: Set<string> }>();
  for (const share of shares) {
    for (const p of share.principals) {
      let item = byId.get(p.id);
      if (!item) {
        const row = { id: p.id, kind: principalKind(p.id), name: principalName(p.id, names), external: p.external, shareCount: 0, resourceCount: 0 };
        byId.set(p.id, (item = { row, resources: new Set() }));
      }
      item.row.shareCount++;
      for (const r of share.resources) item.resources.add(r.arn);
    }
  }
  const rows = [...byId.values()].map(({ row, resources }) => ({ ...row, resourceCount: resources.size }));
  rows.sort((a, b) => b.shareCount - a.shareCount || a.id.localeCompare(b.id));
  return pageOf(rows, page);
}

export function filterOptions(snapshot: RamSnapshot): FilterOptions {
  const regions = new Set<string>();
  const statuses = new Set<string>();
  const types = new Set<string>();
  for (const share of Object.values(snapshot.shares)) {
    regions.add(share.region);
    statuses.add(share.status);
    for (const r of share.resources) types.add(r.type);
  }
  return {
    regions: [...regions].sort(),
    statuses: [...statuses].sort(),
    types: [...types].sort(),
  };
}

export interface ShareCounts {
  total: number;
  withExternalPrincipals: number;
}

export function shareCounts(snapshot: RamSnapshot): ShareCounts {
  const shares = Object.values(snapshot.shares);
  return { total: shares.length, withExternalPrincipals: shares.filter(hasExternal).length };
}

/** The share list's filters as a URL query (its first tab left out). */
export function filterQuery(filters: Partial<ShareFilters> | Record<string, string | number | boolean | undefined>): string {
  return listQuery({ ...filters, tab: filters.tab === 'shares' ? undefined : filters.tab });
}
