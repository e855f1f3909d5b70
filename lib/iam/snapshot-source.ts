// The console's IAM snapshot source: the snapshot store wired to the console's configuration (data directory,
// refresh age) and the organization's accounts. Server only.
import { config } from '../config';
import type { ConsoleContext } from '../aws/identity';
import { organizationAccountsAsRead } from '../organizations/accounts';
import type { IamSnapshotSource } from './snapshot-store';

/** Keyed by endpoint, console account and organization, so a switch never shows another organization's IAM. */
export function iamSnapshotSource(context: ConsoleContext): IamSnapshotSource {
  const c = config();
  return {
    key: ['iam', c.endpoint ?? 'aws', context.accountId, context.organization?.id ?? 'none'].join('|'),
    accountIds: async function* () {
      for await (const accounts of organizationAccountsAsRead(context)) yield accounts.map((a) => a.id);
    },
    dataDir: c.dataDir,
    // The organization snapshot's age setting: all are inventories an admin refreshes on demand.
    maxAgeMs: c.orgSnapshotMaxAgeSeconds * 1000,
  };
}
