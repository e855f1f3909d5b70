// The console's RAM snapshot source: the share snapshot cache wired to the console's configuration (Regions,
// data directory, refresh age) and the organization's accounts. Server only.
import { config } from '../config';
import type { ConsoleContext } from '../aws/identity';
import { organizationAccounts } from '../organizations/accounts';
import { getOrganizationSnapshot } from '../organizations/cache';
import { organizationSource } from '../organizations/snapshot-source';
import type { NameBook } from './share-list';
import type { ShareSnapshotSource } from './snapshot';

/** Keyed by endpoint, console account, organization and Regions, so a switch never shows another organization's shares. */
export function shareSnapshotSource(context: ConsoleContext): ShareSnapshotSource {
  const c = config();
  return {
    key: ['ram', c.endpoint ?? 'aws', context.accountId, context.organization?.id ?? 'none', c.regions.join(',')].join('|'),
    accounts: () => organizationAccounts(context),
    regions: c.regions,
    dataDir: c.dataDir,
    // The organization snapshot's age setting: both are inventories an admin refreshes on demand.
    maxAgeMs: c.orgSnapshotMaxAgeSeconds * 1000,
  };
}

/** Names of the organization's accounts, OUs and the organization itself, from the organization snapshot (as far as it is read). */
export async function organizationNames(context: ConsoleContext): Promise<NameBook> {
  const names: NameBook = { [context.accountId]: context.accountId };
  if (context.standing !== 'management' && context.standing !== 'delegated-admin') return names;
  const { snapshot } = await getOrganizationSnapshot(await organizationSource(context));
  for (const node of Object.values(snapshot.nodes)) if (node.type !== 'ROOT') names[node.id] = node.name;
  return names;
}
