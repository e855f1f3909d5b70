// The allowlist and accepted findings, in the console's state (SQLite in the data dir, or PostgreSQL). Every
// change is audited with who made it; reads are for every signed-in user.
import { recordAudit } from '../audit/log';
import { state } from '../state/database';
import type { Acceptance, Allowlist } from './findings';

export const ALLOWLISTS = ['accounts', 'organizations', 'ous', 'lessTrustedOus'] as const satisfies readonly (keyof Allowlist)[];
export type AllowlistName = (typeof ALLOWLISTS)[number];

interface Actor {
  email: string;
  role: string;
}

export async function readAllowlist(): Promise<Allowlist> {
  const out: Allowlist = { accounts: [], organizations: [], ous: [], lessTrustedOus: [] };
  const rows = await (await state()).selectFrom('access_allowlist').select(['list', 'value']).orderBy('value').execute();
  for (const row of rows) if ((ALLOWLISTS as readonly string[]).includes(row.list)) out[row.list as AllowlistName].push(row.value);
  return out;
}

export async function setAllowlisted(list: AllowlistName, value: string, on: boolean, actor: Actor): Promise<void> {
  const db = await state();
  if (on) await db.insertInto('access_allowlist').values({ list, value, added_by: actor.email, added_at: new Date().toISOString() }).onConflict((c) => c.columns(['list', 'value']).doNothing()).execute();
  else await db.deleteFrom('access_allowlist').where('list', '=', list).where('value', '=', value).execute();
  await recordAudit({ actor: actor.email, role: actor.role, action: on ? 'crossing:AddToAllowlist' : 'crossing:RemoveFromAllowlist', parameters: { list, value }, outcome: 'success' });
}

export async function readAcceptances(): Promise<Acceptance[]> {
  const rows = await (await state()).selectFrom('accepted_findings').selectAll().execute();
  return rows.map((r) => ({ findingId: r.finding_id, reason: r.reason, acceptedBy: r.accepted_by, acceptedAt: Number(r.accepted_at), ...(r.expires_at !== null ? { expiresAt: Number(r.expires_at) } : {}) }));
}

export async function acceptFinding(findingId: string, reason: string, expiresAt: Date | undefined, actor: Actor): Promise<void> {
  const row = { finding_id: findingId, reason, accepted_by: actor.email, accepted_at: Date.now(), expires_at: expiresAt?.getTime() ?? null };
  await (await state())
    .insertInto('accepted_findings')
    .values(row)
    .onConflict((c) => c.column('finding_id').doUpdateSet({ reason: row.reason, accepted_by: row.accepted_by, accepted_at: row.accepted_at, expires_at: row.expires_at }))
    .execute();
  await recordAudit({ actor: actor.email, role: actor.role, action: 'crossing:AcceptFinding', parameters: { findingId, reason, expiresAt: expiresAt?.toISOString() }, outcome: 'success' });
}

export async function reopenFinding(findingId: string, actor: Actor): Promise<void> {
  await (await state()).deleteFrom('accepted_findings').where('finding_id', '=', findingId).execute();
  await recordAudit({ actor: actor.email, role: actor.role, action: 'crossing:ReopenFinding', parameters: { findingId }, outcome: 'success' });
}
