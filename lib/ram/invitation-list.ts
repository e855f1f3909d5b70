// The inbox's view of a reading, filtered and paged on the server (10,000 accounts' invitations never travel to
// the browser): filters kept in the URL, counts per receiving account and per sender, one page of rows.
import { z } from 'zod';
import { awsNow } from '../aws/clients';
import { senderLabel } from './answer-invitations';
import type { InvitationStatus, OrgInvitation } from './invitations';
import { pageOf, type ListPage } from '../paging';
import { optional } from './share-list';

const STATUSES = ['PENDING', 'EXPIRED', 'ACCEPTED', 'REJECTED'] as const satisfies readonly InvitationStatus[];

const accountId = optional.pipe(z.string().regex(/^\d{12}$/).optional().catch(undefined));

export const invitationFiltersSchema = z.object({
  q: optional,
  receiver: accountId,
  sender: accountId,
  status: z.enum(STATUSES).optional().catch(undefined),
  region: optional.pipe(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/).optional().catch(undefined)),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type InvitationFilters = z.infer<typeof invitationFiltersSchema>;

export function parseInvitationFilters(params: Record<string, string | string[] | undefined>): InvitationFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return invitationFiltersSchema.parse(flat);
}

export interface InboxRow extends OrgInvitation {
  /** Time left on the AWS clock when the page was made (pending ones). */
  remainingMs?: number;
  /** AWS's status, or EXPIRED once the AWS clock has passed a pending invitation's expiry. */
  shownStatus: InvitationStatus;
  senderLabel: string;
}

export interface AccountCount {
  accountId: string;
  label: string;
  pending: number;
  total: number;
}

export interface InboxView {
  page: ListPage<InboxRow>;
  /** Pending (open on the AWS clock) among the matching ones. */
  pending: number;
  total: number;
  /** The receiving accounts and senders with the most pending invitations (matching the other filters). */
  byReceiver: AccountCount[];
  bySender: AccountCount[];
  regions: string[];
}

const COUNTED = 10;

function countBy(rows: InboxRow[], id: (r: InboxRow) => string, label: (r: InboxRow) => string): AccountCount[] {
  const out = new Map<string, AccountCount>();
  for (const r of rows) {
    const entry = out.get(id(r)) ?? { accountId: id(r), label: label(r), pending: 0, total: 0 };
    entry.total += 1;
    if (r.shownStatus === 'PENDING') entry.pending += 1;
    out.set(id(r), entry);
  }
  return [...out.values()].sort((a, b) => b.pending - a.pending || b.total - a.total || a.label.localeCompare(b.label)).slice(0, COUNTED);
}

const textOf = (r: InboxRow) => `${r.shareName} ${r.resourceShareArn} ${r.arn} ${r.senderLabel} ${r.receiverName} ${r.receiverAccountId}`.toLowerCase();

/** The rows the filters select (in the reading's order: soonest expiry first), one page of them, and the counts. */
export function inboxView(invitations: OrgInvitation[], filters: InvitationFilters, now = awsNow()): InboxView {
  const rows: InboxRow[] = invitations.map((i) => {
    const remainingMs = i.status === 'PENDING' && i.expiresAt !== undefined ? i.expiresAt - now : undefined;
    return { ...i, remainingMs, senderLabel: senderLabel(i), shownStatus: remainingMs !== undefined && remainingMs <= 0 ? 'EXPIRED' : i.status };
  });
  const q = filters.q?.toLowerCase();
  const base = rows.filter((r) => (!filters.status || r.shownStatus === filters.status) && (!filters.region || r.region === filters.region) && (!q || textOf(r).includes(q)));
  const matching = base.filter((r) => (!filters.receiver || r.receiverAccountId === filters.receiver) && (!filters.sender || r.senderAccountId === filters.sender));
  return {
    page: pageOf(matching, filters.page),
    pending: matching.filter((r) => r.shownStatus === 'PENDING').length,
    total: matching.length,
    byReceiver: countBy(filters.sender ? base.filter((r) => r.senderAccountId === filters.sender) : base, (r) => r.receiverAccountId, (r) => `${r.receiverName} (${r.receiverAccountId})`),
    bySender: countBy(filters.receiver ? base.filter((r) => r.receiverAccountId === filters.receiver) : base, (r) => r.senderAccountId, (r) => r.senderLabel),
    regions: [...new Set(rows.map((r) => r.region))].sort(),
  };
}
