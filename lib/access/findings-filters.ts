// The findings' filters and search, read from the URL (pure): account (either side), OU, kind, severity,
// inside or outside the organization, open or accepted.
import { z } from 'zod';
import { FINDING_KINDS, SEVERITIES, type Finding } from './findings';
import type { AccessOrganization } from './paths';

const text = z.string().trim().max(300).optional().transform((v) => v || undefined);

export const findingFiltersSchema = z.object({
  q: text,
  account: text.pipe(z.string().regex(/^\d{12}$/).optional().catch(undefined)),
  ou: text.pipe(z.string().regex(/^(ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32})$/).optional().catch(undefined)),
  kind: z.enum(Object.keys(FINDING_KINDS) as [keyof typeof FINDING_KINDS]).optional().catch(undefined),
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  scope: z.enum(['inside', 'outside']).optional().catch(undefined),
  state: z.enum(['open', 'accepted']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type FindingFilters = z.infer<typeof findingFiltersSchema>;

export function parseFindingFilters(params: Record<string, string | string[] | undefined>): FindingFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return findingFiltersSchema.parse(flat);
}

/** Findings about an account: its own roles and shares, or its principals reaching elsewhere. */
export const concerns = (f: Finding, accountId: string) => f.accountId === accountId || f.otherAccountId === accountId;

export function filterFindings(findings: Finding[], filters: FindingFilters, organization: AccessOrganization): Finding[] {
  const q = filters.q?.toLowerCase();
  const underOu = (id: string | undefined) => !!id && !!filters.ou && (organization.accounts[id]?.parents.includes(filters.ou) ?? false);
  return findings.filter((f) => {
    if (filters.kind && f.kind !== filters.kind) return false;
    if (filters.severity && f.severity !== filters.severity) return false;
    if (filters.scope && (filters.scope === 'inside') !== f.inside) return false;
    if (filters.state && (filters.state === 'accepted') !== !!f.accepted) return false;
    if (filters.account && !concerns(f, filters.account)) return false;
    if (filters.ou && !underOu(f.accountId) && !underOu(f.otherAccountId)) return false;
    if (q && !`${f.title} ${f.detail} ${f.accountId} ${f.otherAccountId ?? ''} ${organization.accounts[f.accountId]?.name ?? ''}`.toLowerCase().includes(q)) return false;
    return true;
  });
}

/** Open (not accepted) findings by severity: the dashboard's figures. */
export function openBySeverity(findings: Finding[]): Record<(typeof SEVERITIES)[number], number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<(typeof SEVERITIES)[number], number>;
  for (const f of findings) if (!f.accepted) counts[f.severity]++;
  return counts;
}
