// A page of findings as its table shows them: only what a row renders (the paths behind it as lines, the accounts
// with their names, the fixes' kinds), so the page sends data rather than each row's rendered tree.
import { FINDING_KINDS, type Finding, type FindingFix, type Severity } from './findings';
import type { Named } from './path-rows';

/** Paths listed under a finding; the rest are counted. */
const LISTED_PATHS = 20;

export interface FindingRow {
  id: string;
  kind: Finding['kind'];
  kindLabel: string;
  severity: Severity;
  title: string;
  detail: string;
  account: AccountRef;
  other?: AccountRef;
  inside: boolean;
  paths: Array<{ id: string; line: string }>;
  pathCount: number;
  fixes: Array<FindingFix['kind']>;
  accepted?: AcceptedView;
}

/** An acceptance as shown: days as YYYY-MM-DD. */
export interface AcceptedView {
  reason: string;
  acceptedBy: string;
  acceptedAt: string;
  expiresAt?: string;
}

/** An account (linked, with its name when known) or another principal's ID (text). */
export interface AccountRef extends Named {
  isAccount: boolean;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function findingRows(findings: readonly Finding[], names: Record<string, string>): FindingRow[] {
  const ref = (id: string): AccountRef => ({ id, name: names[id], isAccount: /^\d{12}$/.test(id) });
  return findings.map((f) => ({
    id: f.id,
    kind: f.kind,
    kindLabel: FINDING_KINDS[f.kind],
    severity: f.severity,
    title: f.title,
    detail: f.detail,
    account: ref(f.accountId),
    other: f.otherAccountId ? ref(f.otherAccountId) : undefined,
    inside: f.inside,
    paths: f.paths.slice(0, LISTED_PATHS).map((p) => ({
      id: p.id,
      line: `${p.source.label} → ${p.target.name} (${p.status}${p.conditions.length ? `; ${p.conditions.map((c) => `${c.operator} ${c.key}`).join(', ')}` : ''})`,
    })),
    pathCount: f.paths.length,
    fixes: f.fixes.map((fix) => fix.kind),
    accepted: f.accepted && { reason: f.accepted.reason, acceptedBy: f.accepted.acceptedBy, acceptedAt: day(f.accepted.acceptedAt), expiresAt: f.accepted.expiresAt ? day(f.accepted.expiresAt) : undefined },
  }));
}
