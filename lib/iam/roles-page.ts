// /roles' data (server only): the IAM snapshot as it stands (never waiting for a whole read) with the
// organization's account names, queried on the server; a cold console gives a first read a moment to show its
// first accounts.
import type { ConsoleContext } from '../aws/identity';
import { config } from '../config';
import { getOrganizationSnapshot } from '../organizations/cache';
import { organizationSource } from '../organizations/snapshot-source';
import { queryRoles, roleRowsOf, type RoleFilters, type RolesPage } from './roles-view';
import { getIamSnapshot, type IamSnapshotStatus } from './snapshot-store';
import { iamSnapshotSource } from './snapshot-source';

export interface RolesView {
  iam: IamSnapshotStatus;
  names: Record<string, string>;
  page: RolesPage;
  memberRole: string;
}

async function accountNames(context: ConsoleContext): Promise<Record<string, string>> {
  if (context.standing !== 'management' && context.standing !== 'delegated-admin') return {};
  const { snapshot } = await getOrganizationSnapshot(await organizationSource(context));
  const names: Record<string, string> = {};
  for (const node of Object.values(snapshot.nodes)) if (node.type === 'ACCOUNT') names[node.id] = node.name;
  return names;
}

export async function rolesView(context: ConsoleContext, filters: RoleFilters, firstAccountsWaitMs: number): Promise<RolesView> {
  const source = iamSnapshotSource(context);
  const names = await accountNames(context);
  const started = Date.now();
  let iam = getIamSnapshot(source);
  while (!iam.snapshot.complete && Object.keys(iam.snapshot.accounts).length === 0 && Date.now() - started < firstAccountsWaitMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    iam = getIamSnapshot(source);
  }
  const memberRole = config().memberRole;
  return { iam, names, memberRole, page: queryRoles(roleRowsOf(iam.snapshot, names, memberRole), filters) };
}
