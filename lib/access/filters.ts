// /access's filters and search, read from the URL, and one page of paths at a time (pure).
import { z } from 'zod';
import { derived } from '../cache/derived';
import type { AccessIndex, AccessPath } from './paths';

export const PATH_KINDS = ['role', 'share', 'service', 'federated', 'any-principal'] as const;

const text = z.string().trim().max(300).optional().transform((v) => v || undefined);
// An account ID, an OU ID or the root's.
const place = text.pipe(z.string().regex(/^(\d{12}|ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32})$/).optional().catch(undefined));

export const accessFiltersSchema = z.object({
  q: text,
  from: place,
  to: place,
  kind: z.enum(PATH_KINDS).optional().catch(undefined),
  scope: z.enum(['inside', 'outside']).optional().catch(undefined),
  conditions: z.enum(['with', 'without']).optional().catch(undefined),
  status: z.enum(['open', 'conditional', 'blocked']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type AccessFilters = z.infer<typeof accessFiltersSchema>;

/** Filters from the page's search parameters; anything malformed is dropped rather than failing the page. */
export function parseAccessFilters(params: Record<string, string | string[] | undefined>): AccessFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return accessFiltersSchema.parse(flat);
}

export function kindOf(path: AccessPath): (typeof PATH_KINDS)[number] {
  if (path.kind === 'share') return 'share';
  if (path.source.kind === 'service') return 'service';
  if (path.source.kind === 'federated') return 'federated';
  if (path.source.kind === 'any' || path.source.kind === 'organization') return 'any-principal';
  return 'role';
}

/** Whether an account or group ID is `place` or lies under it (an OU or the root). */
function within(index: AccessIndex, id: string | undefined, place: string): boolean {
  if (!id) return false;
  if (id === place) return true;
  return index.organization.accounts[id]?.parents.includes(place) ?? false;
}

const STANDING = { open: 0, conditional: 1, blocked: 2 } as const;

/** The paths in the order /access lists them: open, then conditional, then blocked; each from outside the organization first. Once per reading. */
function listed(index: AccessIndex): readonly AccessPath[] {
  return derived(
    index,
    'listed',
    () => {
      const groups: AccessPath[][] = Array.from({ length: 6 }, () => []);
      for (const p of index.paths) groups[STANDING[p.status] * 2 + (p.inside ? 1 : 0)].push(p);
      return groups.flat();
    },
    Infinity,
  );
}

export function filterPaths(index: AccessIndex, filters: AccessFilters, names: Record<string, string>): readonly AccessPath[] {
  const q = filters.q?.toLowerCase();
  // Unfiltered, the page is a slice of every path: no copy of 50,000 on each view.
  if (Object.entries(filters).every(([name, value]) => name === 'page' || value === undefined)) return listed(index);
  return listed(index).filter((p) => {
    if (filters.kind && kindOf(p) !== filters.kind) return false;
    if (filters.scope && (filters.scope === 'inside') !== p.inside) return false;
    if (filters.conditions && (filters.conditions === 'with') !== p.conditions.length > 0) return false;
    if (filters.status && p.status !== filters.status) return false;
    if (filters.to && !within(index, p.destinationAccount, filters.to)) return false;
    if (filters.from && !within(index, p.source.accountId, filters.from) && p.source.id !== filters.from) return false;
    if (q) {
      const hay = `${p.source.label} ${p.source.id} ${p.target.name} ${p.target.arn} ${names[p.destinationAccount] ?? ''} ${p.destinationAccount}`.toLowerCase();
      if (!hay.includes(q)) return false;
    }
    return true;
  });
}

export interface AccessCounts {
  total: number;
  outside: number;
  withoutConditions: number;
  blocked: number;
}

/** The paths' counts: once per index (a reading's paths, never changed in place), not per view. */
export function countPaths(index: AccessIndex): AccessCounts {
  return derived(
    index,
    'counts',
    () => {
      const counts: AccessCounts = { total: 0, outside: 0, withoutConditions: 0, blocked: 0 };
      for (const p of index.paths) {
        counts.total++;
        if (!p.inside) counts.outside++;
        if (p.conditions.length === 0 && p.status !== 'blocked') counts.withoutConditions++;
        if (p.status === 'blocked') counts.blocked++;
      }
      return counts;
    },
    Infinity,
  );
}
