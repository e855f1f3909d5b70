// Every invitation the console has seen, kept in the console's state (lib/state) after AWS forgets it (about 7 days after it is
// answered or expires): its final state, and who accepted or rejected it through the console, and when.
import { sql } from 'kysely';
import { state } from '../state/database';
import type { InvitationRecord, InvitationStatus } from './invitations';

export interface HistoryEntry {
  arn: string;
  resourceShareArn: string;
  shareName: string;
  senderAccountId: string;
  receiverAccountId: string;
  region: string;
  invitedAt?: string;
  expiresAt?: string;
  resources: { arn: string; type: string }[];
  status: InvitationStatus;
  statusSince: string;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Who accepted or rejected it through the console (undefined: answered elsewhere, or not answered). */
  decidedBy?: string;
  decidedAt?: string;
  planId?: string;
}

const iso = (ms?: number) => (ms === undefined ? null : new Date(ms).toISOString());

// Rows an upsert carries at most: 13 values each, within SQLite's and PostgreSQL's limits on a statement's parameters.
const ROWS_A_STATEMENT = 500;

/**
 * Records what AWS reads for each invitation now; resources and expiry read earlier are kept once AWS stops listing
 * them. One upsert a batch rather than a transaction of one statement per invitation: a read of 10,000 accounts
 * records thousands, on the one connection (SQLite) that every page's session check uses too.
 */
export async function recordSeen(invitations: InvitationRecord[], seenAt = new Date()): Promise<void> {
  if (!invitations.length) return;
  const at = seenAt.toISOString();
  const db = await state();
  // One row per invitation: an upsert may not touch a row twice.
  const rows = [...new Map(invitations.map((i) => [i.arn, i])).values()].map((i) => ({
    arn: i.arn,
    resource_share_arn: i.resourceShareArn,
    share_name: i.shareName,
    sender_account_id: i.senderAccountId,
    receiver_account_id: i.receiverAccountId,
    region: i.region,
    invited_at: iso(i.invitedAt),
    expires_at: iso(i.expiresAt),
    resources: JSON.stringify(i.resources ?? []),
    status: i.status,
    status_since: at,
    first_seen_at: at,
    last_seen_at: at,
  }));
  for (let from = 0; from < rows.length; from += ROWS_A_STATEMENT) {
    await db
      .insertInto('invitations')
      .values(rows.slice(from, from + ROWS_A_STATEMENT))
      .onConflict((oc) =>
        oc.column('arn').doUpdateSet({
          share_name: sql`excluded.share_name`,
          expires_at: sql`COALESCE(excluded.expires_at, invitations.expires_at)`,
          resources: sql`CASE WHEN excluded.resources = '[]' THEN invitations.resources ELSE excluded.resources END`,
          status_since: sql`CASE WHEN excluded.status = invitations.status THEN invitations.status_since ELSE excluded.status_since END`,
          status: sql`excluded.status`,
          last_seen_at: sql`excluded.last_seen_at`,
        }),
      )
      .execute();
  }
}

/** Records that `decidedBy` answered the invitation through the console's plan `planId`, as AWS now reads it. */
export async function recordDecision(decision: { arn: string; status: 'ACCEPTED' | 'REJECTED'; decidedBy: string; decidedAt: string; planId: string }): Promise<void> {
  const db = await state();
  await db
    .updateTable('invitations')
    .set({
      status: decision.status,
      status_since: sql`CASE WHEN status = ${decision.status} THEN status_since ELSE ${decision.decidedAt} END`,
      decided_by: decision.decidedBy,
      decided_at: decision.decidedAt,
      plan_id: decision.planId,
    })
    .where('arn', '=', decision.arn)
    .execute();
}

export interface HistoryFilters {
  receiverAccountId?: string;
  senderAccountId?: string;
  status?: string;
  decidedBy?: string;
}

export async function listHistory(filters: HistoryFilters = {}, limit = 500): Promise<HistoryEntry[]> {
  const db = await state();
  let query = db.selectFrom('invitations').selectAll();
  if (filters.receiverAccountId) query = query.where('receiver_account_id', '=', filters.receiverAccountId);
  if (filters.senderAccountId) query = query.where('sender_account_id', '=', filters.senderAccountId);
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.decidedBy) query = query.where('decided_by', '=', filters.decidedBy);
  const rows = await query.orderBy(sql`COALESCE(decided_at, status_since)`, 'desc').limit(Math.floor(limit)).execute();
  return rows.map((r) => ({
    arn: r.arn,
    resourceShareArn: r.resource_share_arn,
    shareName: r.share_name,
    senderAccountId: r.sender_account_id,
    receiverAccountId: r.receiver_account_id,
    region: r.region,
    invitedAt: r.invited_at ?? undefined,
    expiresAt: r.expires_at ?? undefined,
    resources: JSON.parse(r.resources),
    status: r.status as InvitationStatus,
    statusSince: r.status_since,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    decidedBy: r.decided_by ?? undefined,
    decidedAt: r.decided_at ?? undefined,
    planId: r.plan_id ?? undefined,
  }));
}

/** Every Region an invitation to the organization was ever seen in (where the inbox keeps looking). */
export async function seenRegions(): Promise<string[]> {
  const db = await state();
  return (await db.selectFrom('invitations').select('region').distinct().execute()).map((r) => r.region);
}
