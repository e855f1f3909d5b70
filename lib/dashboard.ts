// The dashboard's live organization summary: counts from the organization snapshot the tree also uses
// (cached stale-while-revalidate, so a large organization is not re-listed on every visit), sharing status,
// and the resource share invitations pending across the organization (the inbox's last complete reading: never
// waited for).
import { setTimeout as sleep } from 'node:timers/promises';
import { waitLeft } from './cache/snapshots';
import { explainingReader } from './aws/errors';
import type { ConsoleContext } from './aws/identity';
import { completeSnapshot, getOrganizationSnapshot } from './organizations/cache';
import { organizationSource } from './organizations/snapshot-source';
import type { OrganizationSnapshot } from './organizations/types';
import { getInvitationsSnapshot, summarizeInvitations, type InvitationSummary } from './ram/invitations';
import { invitationsSource } from './ram/invitations-source';
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
  /** How old the invitations' reading is. */
  invitationsAgeMs?: number;
  /** While the first reading of the organization's invitations is under way: accounts read / to read. */
  invitationsReading?: { done: number; total: number };
  /** From the organization's RAM snapshot (never waited for: partial while its first read runs). */
  shares?: ShareCounts & { complete: boolean };
  problems: string[];
}

// How long the dashboard waits for a cold crawl to finish (from its first view) before it shows partial counts: a
// small organization is read by then; 10,000 accounts take minutes, and the page comes within a second regardless.
const COLD_WAIT_MS = 800;

async function countOrganization(context: ConsoleContext) {
  const source = await organizationSource(context);
  let snapshot: OrganizationSnapshot = (await getOrganizationSnapshot(source)).snapshot;
  if (!snapshot.complete) {
    const partial = snapshot;
    snapshot = await Promise.race([completeSnapshot(source), sleep(waitLeft(partial, COLD_WAIT_MS), partial, { ref: false })]);
  }
  let accounts = 0;
  let organizationalUnits = 0;
  for (const node of Object.values(snapshot.nodes)) {
    if (node.type === 'ACCOUNT') accounts += 1;
    else if (node.type === 'ORGANIZATIONAL_UNIT') organizationalUnits += 1;
  }
  return { accounts, organizationalUnits, complete: snapshot.complete, fetchedAt: snapshot.fetchedAt };
}

export async function getOrganizationSummary(context: ConsoleContext): Promise<OrganizationSummary> {
  const problems: string[] = [];
  const read = explainingReader(problems, { accountId: context.accountId, region: context.region });
  const canList = context.standing === 'management' || context.standing === 'delegated-admin';
  const counts = canList ? await read('organizations:ListAccountsForParent', () => countOrganization(context)) : undefined;
  const { snapshot } = getShareSnapshot(shareSnapshotSource(context));
  // The inbox's last complete reading, whatever its age; a first reading only says how far it is.
  const invitations = await getInvitationsSnapshot(invitationsSource(context));
  const reading = invitations.snapshot.complete ? undefined : (invitations.progress ?? { done: 0, total: 0 });
  if (invitations.lastError && !invitations.snapshot.complete) problems.push(`The invitations could not be read: ${invitations.lastError}`);
  return {
    ...counts,
    invitations: reading ? undefined : summarizeInvitations(invitations.snapshot, context.region),
    invitationsAgeMs: reading ? undefined : invitations.ageMs,
    invitationsReading: reading,
    shares: { ...shareCounts(snapshot), complete: snapshot.complete },
    problems,
  };
}
