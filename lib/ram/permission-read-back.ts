// What AWS reads back after a managed-permission plan ran: the account's permissions in the Region read again,
// each change checked against them; after shares were moved to another version, the share list learns it too.
import type { ReadBack } from '../console/read-back';
import type { StoredPlan } from '../plan/types';
import { readManagedPermissions, type ManagedPermissionsView } from './managed-permissions';
import { refreshSharesOf } from './snapshot';

/** Pure: the verdict on a permission plan from the permissions as read after it ran. */
export function permissionEditVerdict(plan: StoredPlan, view: ManagedPermissionsView): ReadBack {
  const context = plan.context as { permissionArn: string; edit: string; version?: string };
  const permission = view.permissions.find((p) => p.arn === context.permissionArn);
  const facts = permission
    ? [
        { label: 'Permission (ram:ListPermissions)', value: `${permission.name} for ${permission.resourceType}` },
        { label: 'Versions (ram:ListPermissionVersions)', value: permission.versions.map((v) => `v${v.version}${v.isDefault ? ' (default)' : ''}: ${v.actions.join(', ')}`).join('; ') },
        { label: 'Used by (ram:ListPermissionAssociations)', value: permission.usedBy.map((u) => `${u.shareName} v${u.version}`).join('; ') || 'no share' },
      ]
    : [{ label: 'Permission (ram:ListPermissions)', value: 'not listed' }];
  const done = (title: string): ReadBack => ({ tone: 'success', title, facts, problems: [], links: [{ href: '/shares/permissions', label: 'Managed permissions' }] });
  const notYet = (title: string): ReadBack => ({ tone: plan.status === 'succeeded' ? 'warning' : 'error', title, facts, problems: [], links: [{ href: '/shares/permissions', label: 'Managed permissions' }] });
  switch (context.edit) {
    case 'create':
      return permission ? done(`${permission.name} exists, version 1 is its default.`) : notYet('The permission is not listed.');
    case 'add-version': {
      const newest = permission?.versions.at(-1);
      return newest?.isDefault ? done(`Version ${newest.version} is the default version.`) : notYet('No new default version reads back.');
    }
    case 'set-default':
      return permission?.defaultVersion === context.version ? done(`Version ${context.version} is the default version.`) : notYet(`Version ${context.version} is not the default version.`);
    case 'delete-version':
      return permission && !permission.versions.some((v) => v.version === context.version) ? done(`Version ${context.version} is deleted.`) : notYet(`Version ${context.version} is still listed.`);
    case 'delete':
      return permission ? notYet('The permission is still listed.') : done('The permission is deleted.');
    case 'update-shares': {
      const left = permission?.usedBy.filter((u) => u.version === context.version) ?? [];
      return left.length
        ? notYet(`${left.map((u) => u.shareName).join(', ')} still hold version ${context.version}.`)
        : done(`Every share now holds version ${permission?.defaultVersion} (the default).`);
    }
    default:
      return notYet('Unknown change.');
  }
}

export async function permissionEditReadBack(plan: StoredPlan): Promise<ReadBack> {
  const { accountId, region, edit } = plan.context as { accountId: string; region: string; edit: string };
  // Shares moved to another version: the organization's share list reads this account and Region again.
  if (edit === 'update-shares') await refreshSharesOf(accountId, region).catch(() => undefined);
  return permissionEditVerdict(plan, await readManagedPermissions({ accountId, region }));
}
