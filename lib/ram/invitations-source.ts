// The console's invitations snapshot source: the snapshot wired to the console's configuration (Regions, data
// directory, refresh age), the organization's accounts, and where the organization is seen to use RAM. Server only.
import type { ConsoleContext } from '../aws/identity';
import { config } from '../config';
import { organizationAccountsAsRead } from '../organizations/accounts';
import { seenRegions } from './invitation-history';
import type { InvitationsSource } from './invitations';
import { getShareSnapshot } from './snapshot';
import { shareSnapshotSource } from './snapshot-source';

/**
 * Regions worth reading for RAM: the console's own, where the RAM snapshot's last complete reading found shares,
 * and where invitations were ever seen. Undefined while the RAM snapshot has no complete reading: every Region
 * enabled for the account is read then.
 */
export async function ramRegionsInUse(context: ConsoleContext, alsoSeen: Iterable<string> = []): Promise<ReadonlySet<string> | undefined> {
  const { snapshot } = getShareSnapshot(shareSnapshotSource(context));
  if (!snapshot.complete) return undefined;
  const used = new Set<string>([context.region, ...alsoSeen, ...(await seenRegions())]);
  for (const share of Object.values(snapshot.shares)) used.add(share.region);
  return used;
}

/** Keyed by endpoint, console account, organization and Region setting, so a switch never shows another's invitations. */
export function invitationsSource(context: ConsoleContext): InvitationsSource {
  const c = config();
  return {
    key: ['invitations', c.endpoint ?? 'aws', context.accountId, context.organization?.id ?? 'none', c.regionsPinned ? c.regions.join(',') : 'in-use'].join('|'),
    // Suspended and closing accounts receive nothing that can be answered.
    accountIds: async function* () {
      for await (const accounts of organizationAccountsAsRead(context)) yield accounts.filter((a) => a.status !== 'SUSPENDED' && a.status !== 'PENDING_CLOSURE').map((a) => a.id);
    },
    pinnedRegions: c.regionsPinned ? c.regions : undefined,
    usedRegions: (previous) => ramRegionsInUse(context, previous ? Object.values(previous.items).map((i) => i.region) : []),
    dataDir: c.dataDir,
    maxAgeMs: c.invitationsMaxAgeSeconds * 1000,
  };
}
