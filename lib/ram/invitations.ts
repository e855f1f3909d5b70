// Resource share invitations across the organization: each receiving account (the console's own, and every
// member through the member role) in each Region of CROSSING_REGIONS, read with bounded concurrency, with the
// resources each pending one holds (which decide its expiry). At most a minute old (single-flight memo,
// lib/cache/memo.ts: one read in flight); the last reading stays available, whatever its age, for the navigation's
// count and the dashboard; forgotten when the console answers invitations.
import {
  paginateGetResourceShareInvitations,
  paginateListPendingInvitationResources,
  RAMClient,
  type ResourceShareInvitation,
} from '@aws-sdk/client-ram';
import { awsNow, getClient, type ClientTarget } from '../aws/clients';
import { explainAwsError } from '../aws/errors';
import { fanOut, type FanOutTarget } from '../aws/fan-out';
import type { ConsoleContext } from '../aws/identity';
import { memo } from '../cache/memo';
import { config } from '../config';
import { organizationAccounts } from '../organizations/accounts';
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

export interface UnreachableTarget {
  accountId: string;
  accountName: string;
  regions: string[];
  error: string;
}

export interface InvitationsSnapshot {
  /** Soonest expiry first; answered and expired ones after the pending ones. */
  invitations: OrgInvitation[];
  unreachable: UnreachableTarget[];
  accounts: number;
  regions: string[];
  /** Epoch ms (host clock) when the read finished. */
  fetchedAt: number;
}

/** Every invitation the account can see in the Region (AWS drops answered ones after about 7 days). */
export async function listInvitations(target: ClientTarget): Promise<ResourceShareInvitation[]> {
  const out: ResourceShareInvitation[] = [];
  for await (const page of paginateGetResourceShareInvitations({ client: getClient(RAMClient, target) }, {})) {
    out.push(...(page.resourceShareInvitations ?? []));
  }
  return out;
}

async function pendingResources(target: FanOutTarget, arn: string): Promise<{ arn: string; type: string }[]> {
  const out: { arn: string; type: string }[] = [];
  const client = getClient(RAMClient, target);
  for await (const page of paginateListPendingInvitationResources({ client }, { resourceShareInvitationArn: arn })) {
    out.push(...(page.resources ?? []).map((r) => ({ arn: r.arn!, type: r.type! })));
  }
  return out;
}

/** The invitations received by one account in one Region, pending ones with their resources and expiry. */
async function readTarget(target: FanOutTarget, names: Map<string, string>): Promise<OrgInvitation[]> {
  const received = (await listInvitations(target)).filter((i) => i.receiverAccountId === target.accountId);
  return Promise.all(
    received.map(async (i): Promise<OrgInvitation> => {
      const invitation: OrgInvitation = {
        arn: i.resourceShareInvitationArn!,
        resourceShareArn: i.resourceShareArn ?? '',
        shareName: i.resourceShareName ?? i.resourceShareArn ?? '',
        senderAccountId: i.senderAccountId ?? '',
        senderName: names.get(i.senderAccountId ?? ''),
        receiverAccountId: target.accountId,
        receiverName: names.get(target.accountId) ?? target.accountId,
        region: target.region,
        status: (i.status ?? 'PENDING') as InvitationStatus,
        invitedAt: i.invitationTimestamp?.getTime() ?? 0,
      };
      if (invitation.status !== 'PENDING') return invitation;
      try {
        invitation.resources = await pendingResources(target, invitation.arn);
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

export function sortInvitations(invitations: OrgInvitation[]): OrgInvitation[] {
  return invitations.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) ||
      b.invitedAt - a.invitedAt ||
      a.arn.localeCompare(b.arn),
  );
}

/** Reads every invitation of the organization now (no cache), and records what it saw in the history. */
export async function readOrganizationInvitations(context: ConsoleContext, regions = config().regions): Promise<InvitationsSnapshot> {
  const accounts = (await organizationAccounts(context)).filter((a) => a.status !== 'SUSPENDED' && a.status !== 'PENDING_CLOSURE');
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  const targets = accounts.flatMap((a) => regions.map((region) => ({ accountId: a.id, region })));
  const results = await fanOut(targets, (target) => readTarget(target, names), { operation: 'ram:GetResourceShareInvitations' });
  const invitations: OrgInvitation[] = [];
  const unreachable = new Map<string, UnreachableTarget>();
  for (const result of results) {
    if (result.ok) {
      invitations.push(...result.value);
      continue;
    }
    const key = `${result.accountId}|${result.error}`;
    const entry = unreachable.get(key);
    if (entry) entry.regions.push(result.region);
    else unreachable.set(key, { accountId: result.accountId, accountName: names.get(result.accountId) ?? result.accountId, regions: [result.region], error: result.error });
  }
  await recordSeen(invitations);
  return {
    invitations: sortInvitations(invitations),
    unreachable: [...unreachable.values()].sort((a, b) => a.accountName.localeCompare(b.accountName)),
    accounts: accounts.length,
    regions,
    fetchedAt: Date.now(),
  };
}

export const INVITATIONS_MAX_AGE_MS = 60_000;

const recent = memo<InvitationsSnapshot>('organization-invitations', INVITATIONS_MAX_AGE_MS);

const keyOf = (context: ConsoleContext) => `${context.accountId}|${config().regions.join(',')}`;

/** The cached snapshot when fresh (or `refresh` is not asked), else one read shared by every caller. */
export function getOrganizationInvitations(context: ConsoleContext, options: { refresh?: boolean } = {}): Promise<InvitationsSnapshot> {
  return recent.get(keyOf(context), () => readOrganizationInvitations(context), options);
}

/**
 * The last snapshot read, without calling AWS; after a decision only when `stale` is asked (the navigation's
 * count keeps showing until the next read, instead of vanishing).
 */
export function cachedOrganizationInvitations(context: ConsoleContext, options: { stale?: boolean } = {}): InvitationsSnapshot | undefined {
  return recent.peek(keyOf(context), options)?.value;
}

/** After a decision: the next read goes to AWS (the navigation keeps counting from the last one meanwhile). */
export function invalidateOrganizationInvitations(): void {
  recent.invalidate();
}

/** Pending invitations that are still open on the AWS clock, soonest expiry first. */
export function openInvitations(snapshot: InvitationsSnapshot, now = awsNow()): OrgInvitation[] {
  return snapshot.invitations.filter((i) => i.status === 'PENDING' && (i.expiresAt ?? Infinity) > now);
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
  const open = openInvitations(snapshot, now);
  const soonest = open.find((i) => i.expiresAt !== undefined);
  return {
    pending: open.length,
    pendingInRegion: region === undefined ? undefined : open.filter((i) => i.region === region).length,
    soonestExpiresInMs: soonest ? soonest.expiresAt! - now : undefined,
    unreachableAccounts: new Set(snapshot.unreachable.map((u) => u.accountId)).size,
  };
}

/** RAM's quota of pending invitations per sharing account (aws-facts.md: 20). */
export const PENDING_INVITATIONS_QUOTA = 20;
const NEAR_QUOTA = 15;

/** Senders with so many invitations pending to this organization alone that they near RAM's quota. */
export function sendersNearQuota(snapshot: InvitationsSnapshot, now = awsNow()): { senderAccountId: string; senderName?: string; pending: number }[] {
  const bySender = new Map<string, { senderAccountId: string; senderName?: string; pending: number }>();
  for (const i of openInvitations(snapshot, now)) {
    const entry = bySender.get(i.senderAccountId) ?? { senderAccountId: i.senderAccountId, senderName: i.senderName, pending: 0 };
    entry.pending += 1;
    bySender.set(i.senderAccountId, entry);
  }
  return [...bySender.values()].filter((s) => s.pending >= NEAR_QUOTA).sort((a, b) => b.pending - a.pending);
}
