// The console's received-shares snapshot source (Shared with me, every account): the snapshot wired to the
// console's configuration and the organization's accounts, in the Regions where RAM is in use. Server only.
import type { ConsoleContext } from '../aws/identity';
import { config } from '../config';
import { organizationAccountsAsRead } from '../organizations/accounts';
import { ramRegionsInUse } from './invitations-source';
import type { ReceivedSharesSource } from './received';

export function receivedSharesSource(context: ConsoleContext): ReceivedSharesSource {
  const c = config();
  return {
    key: ['received', c.endpoint ?? 'aws', context.accountId, context.organization?.id ?? 'none', c.regionsPinned ? c.regions.join(',') : 'in-use'].join('|'),
    accountIds: async function* () {
      for await (const accounts of organizationAccountsAsRead(context)) yield accounts.map((a) => a.id);
    },
    pinnedRegions: c.regionsPinned ? c.regions : undefined,
    usedRegions: (previous) => ramRegionsInUse(context, previous ? Object.values(previous.items).map((s) => s.region) : []),
    dataDir: c.dataDir,
    maxAgeMs: c.receivedSharesMaxAgeSeconds * 1000,
  };
}
