// The console's RAM snapshot source: the share snapshot cache wired to the console's configuration (Regions,
// data directory, refresh age) and the organization's accounts. Server only.
import { config } from '../config';
import type { ConsoleContext } from '../aws/identity';
import { organizationAccounts } from '../organizations/accounts';
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
