// Resource share invitations across the organization: each receiving account (the console's own, and every
// member through the member role) in the Regions chosen for it (lib/aws/regions.ts: CROSSING_REGIONS, else its
// enabled Regions where the organization is seen to use RAM), with the resources each pending one holds (which
// decide its expiry). A persisted stale-while-revalidate snapshot (lib/aws/account-snapshot.ts): the inbox,
// the navigation's count and the dashboard answer from the last complete reading at once, a first reading
// shows its invitations as they are found, and the console's answers re-read exactly the accounts and Regions
// they touched. Account names are the organization's, filled in when a reading is viewed.
import {
  paginateGetResourceShareInvitations,
  paginateListPendingInvitationResources,
  RAMClient,
  type ResourceShareInvitation,
} from '@aws-sdk/client-ram';
import { accountSnapshots, type AccountSnapshot, type AccountSnapshotSource, type AccountSnapshotStatus } from '../aws/account-snapshot';
import { awsNow, getClient, type ClientTarget } from '../aws/clients';
import { explainAwsError } from '../aws/errors';
import type { FanOutTarget } from '../aws/fan-out';
import { recordSeen } from './invitation-history';
import { invitationExpiresAt, invitationTermHours } from './invitation-expiry';

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED';

export interface OrgInvitation {
  arn: string;
  resourceShareArn: string;
  shareName: string;
  senderAccountId: string;
  /** The sender's name when it is an account of the organization; undefined: outside it. */
  senderName?: string;
  receiverAccountId: string;
  receiverName: string;
  region: string;
  status: InvitationStatus;
  /** Epoch ms (AWS's invitationTimestamp). */
  invitedAt: number;
  /** What a pending invitation holds (ListPendingInvitationResources); undefined for answered or expired ones. */
  resources?: { arn: string; type: string }[];
  /** Why the resources could not be read (the expiry then assumes the shorter, 12-hour term). */
  resourcesError?: string;
  /** Epoch ms on the AWS clock, for pending invitations. */
  expiresAt?: number;
  termHours?: number;
}

/** As read and kept: the organization's names are added when it is viewed (invitationList). */
export type InvitationRecord = Omit<OrgInvitation, 'senderName' | 'receiverName'>;

export type InvitationsSnapshot = AccountSnapshot<InvitationRecord>;
export type InvitationsStatus = AccountSnapshotStatus<InvitationRecord>;
export type InvitationsSource = AccountSnapshotSource<InvitationRecord>;

/** Every invitation the account can see in the Region (AWS drops answered ones after about 7 days), 500 a page. */
export async function listInvitations(target: ClientTarget, count: () => void = () => {}): Promise<ResourceShareInvitation[]> {
  const out: ResourceShareInvitation[] = [];
  for await (const page of paginateGetResourceShareInvitations({ client: getClient(RAMClient, target), pageSize: PAGE_SIZE }, {})) {
    count();
    out.push(...(page.resourceShareInvitations ?? []));
  }
  return out;
}

// RAM's maxResults is 1–500 (botocore's MaxResults): the fewest calls.
const PAGE_SIZE = 500;

async function pendingResources(target: FanOutTarget, arn: string, count: () => void): Promise<{ arn: string; type: string }[]> {
  const out: { arn: string; type: string }[] = [];
  const client = getClient(RAMClient, target);
  for await (const page of paginateListPendingInvitationResources({ client, pageSize: PAGE_SIZE }, { resourceShareInvitationArn: arn })) {
    count();
    out.push(...(page.resources ?? []).map((r) => ({ arn: r.arn!, type: r.type! })));
  }
  return out;
}

/** The invitations received by one account in one Region, pending ones with their resources and expiry. */
export async function readInvitationsOf(target: FanOutTarget, count: () => void = () => {}): Promise<InvitationRecord[]> {
  const received = (await listInvitations(target, count)).filter((i) => i.receiverAccountId === target.accountId);
  return Promise.all(
    received.map(async (i): Promise<InvitationRecord> => {
      const invitation: InvitationRecord = {
        arn: i.resourceShareInvitationArn!,
        resourceShareArn: i.resourceShareArn ?? '',
        shareName: i.resourceShareName ?? i.resourceShareArn ?? '',
        senderAccountId: i.senderAccountId ?? '',
        receiverAccountId: target.accountId,
        region: target.region,
        status: (i.status ?? 'PENDING') as InvitationStatus,
        invitedAt: i.invitationTimestamp?.getTime() ?? 0,
      };
      if (invitation.status !== 'PENDING') return invitation;
      try {
        invitation.resources = await pendingResources(target, invitation.arn, count);
      } catch (error) {
        invitation.resourcesError = explainAwsError(error, { operation: 'ram:ListPendingInvitationResources', ...target });
      }
      const types = (invitation.resources ?? []).map((r) => r.type);
      invitation.termHours = invitationTermHours(types);
      invitation.expiresAt = invitationExpiresAt(invitation.invitedAt, types);
      return invitation;
    }),
  );
}

const STATUS_ORDER: Record<InvitationStatus, number> = { PENDING: 0, EXPIRED: 1, ACCEPTED: 2, REJECTED: 3 };

export function sortInvitations<I extends InvitationRecord>(invitations: I[]): I[] {
  return invitations.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) ||
      b.invitedAt - a.invitedAt ||
      a.arn.localeCompare(b.arn),
  );
}

const invitations = accountSnapshots<InvitationRecord>({
  name: 'invitations-snapshot',
  format: 1,
  operation: 'ram:GetResourceShareInvitations',
  read: readInvitationsOf,
  key: (i) => i.arn,
  targetOf: (i) => ({ accountId: i.receiverAccountId, region: i.region }),
  // The history keeps what was seen after AWS forgets it.
  onItems: (items) => recordSeen(items),
});

/** The last complete reading (revalidated behind it when old), else the first one as it fills. Never waits. */
export const getInvitationsSnapshot = invitations.read;
/** As getInvitationsSnapshot, a first reading given up to `boundMs` to find its first invitations. */
export const getInvitationsSnapshotSoon = invitations.readSoon;
/** Refresh: a reading now (enabled Regions read again); the last one answers until it completes. */
export const refreshInvitationsSnapshot = invitations.refresh;
/** The last complete reading, else the first one's end. */
export const completeInvitationsSnapshot = invitations.complete;
/** A complete reading made now (or the one running). */
export const readInvitationsNow = invitations.readNow;
/** Reads exactly these receiving accounts and Regions again into every reading (after the console answered there). */
export const refreshInvitationsOf = invitations.refreshTargets;
export const invitationsProgress = invitations.progress;
/** Drops everything in memory (tests; a restart's warm start then comes from the data directory). */
export const forgetInvitationsSnapshots = invitations.forget;

/** The reading's invitations with the organization's names, soonest expiry first. */
export function invitationList(snapshot: InvitationsSnapshot, names: Record<string, string> = {}): OrgInvitation[] {
  return sortInvitations(
    Object.values(snapshot.items).map((i) => ({ ...i, senderName: names[i.senderAccountId], receiverName: names[i.receiverAccountId] ?? i.receiverAccountId })),
  );
}

/** Pending invitations that are still open on the AWS clock, soonest expiry first. */
export function openInvitations<I extends InvitationRecord>(invitations: I[], now = awsNow()): I[] {
  return invitations.filter((i) => i.status === 'PENDING' && (i.expiresAt ?? Infinity) > now);
}

export interface InvitationSummary {
  pending: number;
  /** Pending in one Region (the one the page works in). */
  pendingInRegion?: number;
  /** Time left before the first open invitation expires, on the AWS clock. */
  soonestExpiresInMs?: number;
  unreachableAccounts: number;
}

export function summarizeInvitations(snapshot: InvitationsSnapshot, region?: string, now = awsNow()): InvitationSummary {
  const open = sortInvitations(openInvitations(Object.values(snapshot.items), now));
  const soonest = open.find((i) => i.expiresAt !== undefined);
  return {
    pending: open.length,
    pendingInRegion: region === undefined ? undefined : open.filter((i) => i.region === region).length,
    soonestExpiresInMs: soonest ? soonest.expiresAt! - now : undefined,
    unreachableAccounts: Object.values(snapshot.accounts).filter((a) => a.errors && Object.keys(a.errors).length).length,
  };
}

/** RAM's quota of pending invitations per sharing account (aws-facts.md: 20). */
export const PENDING_INVITATIONS_QUOTA = 20;
const NEAR_QUOTA = 15;

/** Senders with so many invitations pending to this organization alone that they near RAM's quota. */
export function sendersNearQuota(invitations: OrgInvitation[], now = awsNow()): { senderAccountId: string; senderName?: string; pending: number }[] {
  const bySender = new Map<string, { senderAccountId: string; senderName?: string; pending: number }>();
  for (const i of openInvitations(invitations, now)) {
    const entry = bySender.get(i.senderAccountId) ?? { senderAccountId: i.senderAccountId, senderName: i.senderName, pending: 0 };
    entry.pending += 1;
    bySender.set(i.senderAccountId, entry);
  }
  return [...bySender.values()].filter((s) => s.pending >= NEAR_QUOTA).sort((a, b) => b.pending - a.pending);
}
