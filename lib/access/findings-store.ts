// The allowlist and accepted findings, in SQLite in the data dir (one small store: it moves onto the query
// builder with its own migration). Every change is audited with who made it; reads are for every signed-in user.
import { recordAudit } from '../audit/log';
import { privateDatabase } from '../db';
import type { Acceptance, Allowlist } from './findings';

const SCHEMA = `CREATE TABLE IF NOT EXISTS allowlist (
    list TEXT NOT NULL,
    value TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (list, value)
  );
  CREATE TABLE IF NOT EXISTS accepted_findings (
    finding_id TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    accepted_by TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    expires_at TEXT
  );`;

export const ALLOWLISTS = ['accounts', 'organizations', 'ous', 'lessTrustedOus'] as const satisfies readonly (keyof Allowlist)[];
export type AllowlistName = (typeof ALLOWLISTS)[number];

const db = () => privateDatabase('findings.sqlite', SCHEMA);

export function readAllowlist(): Allowlist {
  const out: Allowlist = { accounts: [], organizations: [], ous: [], lessTrustedOus: [] };
  for (const row of db().prepare('SELECT list, value FROM allowlist ORDER BY value').all() as { list: AllowlistName; value: string }[]) {
    if (ALLOWLISTS.includes(row.list)) out[row.list].push(row.value);
  }
  return out;
}

interface Actor {
  email: string;
  role: string;
}

export function setAllowlisted(list: AllowlistName, value: string, on: boolean, actor: Actor): void {
  if (on) db().prepare('INSERT OR IGNORE INTO allowlist (list, value, added_by, added_at) VALUES (?, ?, ?, ?)').run(list, value, actor.email, new Date().toISOString());
  else db().prepare('DELETE FROM allowlist WHERE list = ? AND value = ?').run(list, value);
  recordAudit({ actor: actor.email, role: actor.role, action: on ? 'crossing:AddToAllowlist' : 'crossing:RemoveFromAllowlist', parameters: { list, value }, outcome: 'success' });
}

export function readAcceptances(): Acceptance[] {
  const rows = db().prepare('SELECT finding_id, reason, accepted_by, accepted_at, expires_at FROM accepted_findings').all() as {
    finding_id: string;
    reason: string;
    accepted_by: string;
    accepted_at: string;
    expires_at: string | null;
  }[];
  return rows.map((r) => ({ findingId: r.finding_id, reason: r.reason, acceptedBy: r.accepted_by, acceptedAt: Date.parse(r.accepted_at), ...(r.expires_at ? { expiresAt: Date.parse(r.expires_at) } : {}) }));
}

export function acceptFinding(findingId: string, reason: string, expiresAt: Date | undefined, actor: Actor): void {
  db()
    .prepare('INSERT OR REPLACE INTO accepted_findings (finding_id, reason, accepted_by, accepted_at, expires_at) VALUES (?, ?, ?, ?, ?)')
    .run(findingId, reason, actor.email, new Date().toISOString(), expiresAt?.toISOString() ?? null);
  recordAudit({ actor: actor.email, role: actor.role, action: 'crossing:AcceptFinding', parameters: { findingId, reason, expiresAt: expiresAt?.toISOString() }, outcome: 'success' });
}

export function reopenFinding(findingId: string, actor: Actor): void {
  db().prepare('DELETE FROM accepted_findings WHERE finding_id = ?').run(findingId);
  recordAudit({ actor: actor.email, role: actor.role, action: 'crossing:ReopenFinding', parameters: { findingId }, outcome: 'success' });
}
