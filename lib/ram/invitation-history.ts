// Every invitation the console has seen, kept in the data dir after AWS forgets it (about 7 days after it is
// answered or expires): its final state, and who accepted or rejected it through the console, and when.
import { privateDatabase } from '../db';
import type { InvitationStatus, OrgInvitation } from './invitations';

const SCHEMA = `CREATE TABLE IF NOT EXISTS invitations (
    arn TEXT PRIMARY KEY,
    resource_share_arn TEXT NOT NULL,
    share_name TEXT NOT NULL,
    sender_account_id TEXT NOT NULL,
    receiver_account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    invited_at TEXT,
    expires_at TEXT,
    resources TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL,
    status_since TEXT NOT NULL,
    first_seen_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    decided_by TEXT,
    decided_at TEXT,
    plan_id TEXT
  );
  CREATE INDEX IF NOT EXISTS invitations_seen ON invitations (last_seen_at);`;

const db = () => privateDatabase('invitations.sqlite', SCHEMA);

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

/** Records what AWS reads for each invitation now; resources and expiry read earlier are kept once AWS stops listing them. */
export function recordSeen(invitations: OrgInvitation[], seenAt = new Date()): void {
  const at = seenAt.toISOString();
  const upsert = db().prepare(
    `INSERT INTO invitations (arn, resource_share_arn, share_name, sender_account_id, receiver_account_id, region, invited_at, expires_at,
       resources, status, status_since, first_seen_at, last_seen_at)
     VALUES (@arn, @shareArn, @shareName, @sender, @receiver, @region, @invitedAt, @expiresAt, @resources, @status, @at, @at, @at)
     ON CONFLICT (arn) DO UPDATE SET
       share_name = excluded.share_name,
       expires_at = COALESCE(excluded.expires_at, invitations.expires_at),
       resources = CASE WHEN excluded.resources = '[]' THEN invitations.resources ELSE excluded.resources END,
       status_since = CASE WHEN excluded.status = invitations.status THEN invitations.status_since ELSE excluded.status_since END,
       status = excluded.status,
       last_seen_at = excluded.last_seen_at`,
  );
  db().transaction(() => {
    for (const i of invitations) {
      upsert.run({
        arn: i.arn,
        shareArn: i.resourceShareArn,
        shareName: i.shareName,
        sender: i.senderAccountId,
        receiver: i.receiverAccountId,
        region: i.region,
        invitedAt: iso(i.invitedAt),
        expiresAt: iso(i.expiresAt),
        resources: JSON.stringify(i.resources ?? []),
        status: i.status,
        at,
      });
    }
  })();
}

/** Records that `decidedBy` answered the invitation through the console's plan `planId`, as AWS now reads it. */
export function recordDecision(decision: { arn: string; status: 'ACCEPTED' | 'REJECTED'; decidedBy: string; decidedAt: string; planId: string }): void {
  db()
    .prepare(
      `UPDATE invitations SET status = @status, status_since = CASE WHEN status = @status THEN status_since ELSE @decidedAt END,
         decided_by = @decidedBy, decided_at = @decidedAt, plan_id = @planId WHERE arn = @arn`,
    )
    .run(decision);
}

export interface HistoryFilters {
  receiverAccountId?: string;
  senderAccountId?: string;
  status?: string;
  decidedBy?: string;
}

type Row = Record<string, string | null>;

export function listHistory(filters: HistoryFilters = {}, limit = 500): HistoryEntry[] {
  const where: string[] = [];
  const params: Record<string, string> = {};
  const columns = { receiverAccountId: 'receiver_account_id', senderAccountId: 'sender_account_id', status: 'status', decidedBy: 'decided_by' } as const;
  for (const [key, column] of Object.entries(columns)) {
    const value = filters[key as keyof HistoryFilters];
    if (value) {
      where.push(`${column} = @${key}`);
      params[key] = value;
    }
  }
  const rows = db()
    .prepare(`SELECT * FROM invitations ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY COALESCE(decided_at, status_since) DESC LIMIT ${Math.floor(limit)}`)
    .all(params) as Row[];
  return rows.map((r) => ({
    arn: r.arn!,
    resourceShareArn: r.resource_share_arn!,
    shareName: r.share_name!,
    senderAccountId: r.sender_account_id!,
    receiverAccountId: r.receiver_account_id!,
    region: r.region!,
    invitedAt: r.invited_at ?? undefined,
    expiresAt: r.expires_at ?? undefined,
    resources: JSON.parse(r.resources!),
    status: r.status as InvitationStatus,
    statusSince: r.status_since!,
    firstSeenAt: r.first_seen_at!,
    lastSeenAt: r.last_seen_at!,
    decidedBy: r.decided_by ?? undefined,
    decidedAt: r.decided_at ?? undefined,
    planId: r.plan_id ?? undefined,
  }));
}
