// The dashboard's live organization summary: counts from the organization snapshot the tree also uses
// (cached stale-while-revalidate, so a large organization is not re-listed on every visit), sharing status,
// and the resource share invitations pending across the organization (from the inbox's brief cache).
import { setTimeout as sleep } from 'node:timers/promises';
import { explainingReader } from './aws/errors';
import type { ConsoleContext } from './aws/identity';
import { completeSnapshot, getOrganizationSnapshot } from './organizations/cache';
import { organizationSource } from './organizations/snapshot-source';
import type { OrganizationSnapshot } from './organizations/types';
import { cachedOrganizationInvitations, getOrganizationInvitations, summarizeInvitations, type InvitationSummary, type InvitationsSnapshot } from './ram/invitations';
import { shareCounts, type ShareCounts } from './ram/share-list';
import { getShareSnapshot } from './ram/snapshot';
import { shareSnapshotSource } from './ram/snapshot-source';

export interface OrganizationSummary {
  accounts?: number;
  organizationalUnits?: number;
  /** False while the first crawl of a large organization is still running: the counts are partial. */
  complete?: boolean;
  /** Epoch ms the counts date from. */
  fetchedAt?: number;
  invitations?: InvitationSummary;
  /** True while the first reading of the organization's invitations is still under way. */
  invitationsReading?: boolean;
  /** From the organization's RAM snapshot (never waited for: partial while its first read runs). */
  shares?: ShareCounts & { complete: boolean };
  problems: string[];
}

// How long a page waits for a cold crawl to finish before it shows partial counts.
const COLD_WAIT_MS = 8_000;

async function countOrganization(context: ConsoleContext) {
  const source = await organizationSource(context);
  let snapshot: OrganizationSnapshot = (await getOrganizationSnapshot(source)).snapshot;
  if (!snapshot.complete) {
    const partial = snapshot;
    snapshot = await Promise.race([completeSnapshot(source), sleep(COLD_WAIT_MS, partial, { ref: false })]);
  }
  let accounts = 0;
  let organizationalUnits = 0;
  for (const node of Object.values(snapshot.nodes)) {
    if (node.type === 'ACCOUNT') accounts += 1;
    else if (node.type === 'ORGANIZATIONAL_UNIT') organizationalUnits += 1;
  }
  return { accounts, organizationalUnits, complete: snapshot.complete, fetchedAt: snapshot.fetchedAt };
}

/**
 * The organization's invitations for the dashboard: the last reading while a newer one is fetched behind it
 * (one read across every account and Region is too slow to wait for on every view); with no reading yet, the
 * first one for as long as the counts wait, then 'reading' while it goes on.
 */
async function recentInvitations(context: ConsoleContext): Promise<InvitationsSnapshot | 'reading'> {
  const cached = cachedOrganizationInvitations(context);
  const reading = getOrganizationInvitations(context);
  // A failed background read is explained where it is read in full: on the inbox.
  if (cached) {
    reading.catch(() => {});
    return cached;
  }
  return Promise.race([reading, sleep(COLD_WAIT_MS, 'reading' as const, { ref: false })]);
}

export async function getOrganizationSummary(context: ConsoleContext): Promise<OrganizationSummary> {
  const problems: string[] = [];
  const read = explainingReader(problems, { accountId: context.accountId, region: context.region });
  const canList = context.standing === 'management' || context.standing === 'delegated-admin';
  const [counts, invitations] = await Promise.all([
    canList ? read('organizations:ListAccountsForParent', () => countOrganization(context)) : undefined,
    read('ram:GetResourceShareInvitations', () => recentInvitations(context)),
  ]);
  const { snapshot } = getShareSnapshot(shareSnapshotSource(context));
  return {
    ...counts,
    invitations: invitations && invitations !== 'reading' ? summarizeInvitations(invitations, context.region) : undefined,
    invitationsReading: invitations === 'reading',
    shares: { ...shareCounts(snapshot), complete: snapshot.complete },
    problems,
  };
}
