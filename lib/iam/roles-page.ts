// /roles' data (server only): the IAM snapshot as it stands (never waiting for a whole read) with the
// organization's account names, queried on the server; a cold console gives a first read a moment to show its
// first accounts.
import type { ConsoleContext } from '../aws/identity';
import { readSoon } from '../cache/snapshots';
import { config } from '../config';
import { organizationNames } from '../organizations/accounts';
import { queryRoles, roleRowsOf, type RoleFilters, type RolesPage } from './roles-view';
import { getIamSnapshot, type IamSnapshotStatus } from './snapshot-store';
import { iamSnapshotSource } from './snapshot-source';

export interface RolesView {
  iam: IamSnapshotStatus;
  names: Record<string, string>;
  page: RolesPage;
  memberRole: string;
}

export async function rolesView(context: ConsoleContext, filters: RoleFilters, firstAccountsWaitMs: number): Promise<RolesView> {
  const source = iamSnapshotSource(context);
  const names = await organizationNames(context);
  // Counted from the first view that asked (waitLeft): a crawl not yet at its first account is not waited for on every view.
  const iam = await readSoon(() => getIamSnapshot(source), (status) => Object.keys(status.snapshot.accounts).length > 0, firstAccountsWaitMs);
  const memberRole = config().memberRole;
  return { iam, names, memberRole, page: queryRoles(roleRowsOf(iam.snapshot, names, memberRole), filters) };
}
