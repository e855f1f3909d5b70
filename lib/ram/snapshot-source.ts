// The console's RAM snapshot source: the share snapshot cache wired to the console's configuration (Regions,
// data directory, refresh age) and the organization's accounts. Server only.
import { config } from '../config';
import type { ConsoleContext } from '../aws/identity';
import { organizationAccounts } from '../organizations/accounts';
import { getOrganizationSnapshot } from '../organizations/cache';
import { organizationSource } from '../organizations/snapshot-source';
import type { OrganizationSnapshot } from '../organizations/types';
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
  if (context.standing !== 'management' && context.standing !== 'delegated-admin') return { [context.accountId]: context.accountId };
  const { snapshot } = await getOrganizationSnapshot(await organizationSource(context));
  let names = namesOf.get(snapshot);
  // A snapshot still being crawled gains nodes: its names are cached only once it is complete.
  if (!names || !snapshot.complete) {
    names = { [context.accountId]: context.accountId };
    for (const node of Object.values(snapshot.nodes)) if (node.type !== 'ROOT') names[node.id] = node.name;
    if (snapshot.complete) namesOf.set(snapshot, names);
  }
  return names;
}

const namesOf = new WeakMap<OrganizationSnapshot, NameBook>();
