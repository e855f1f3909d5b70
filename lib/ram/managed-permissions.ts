// The managed permissions of one account and Region as the Managed permissions page shows them: AWS managed
// and customer managed, every version with the actions it allows, and where each is used (shares, with the
// version they hold); and the actions a customer managed permission may allow for a resource type.
import {
  GetPermissionCommand,
  paginateGetResourceShares,
  paginateListPermissionAssociations,
  paginateListPermissions,
  paginateListPermissionVersions,
  RAMClient,
  type ResourceSharePermissionSummary,
} from '@aws-sdk/client-ram';
import { getClient } from '../aws/clients';
import { memo } from '../cache/memo';
import { templateActions } from './permissions';

export interface PermissionVersionRow {
  version: string;
  isDefault: boolean;
  actions: string[];
  /** The template's Condition as JSON, if any. */
  condition?: string;
  creationTime?: number;
}

export interface PermissionUse {
  resourceShareArn: string;
  shareName: string;
  version: string;
  resourceType: string;
}

export interface ManagedPermissionRow {
  arn: string;
  name: string;
  resourceType: string;
  permissionType: 'AWS_MANAGED' | 'CUSTOMER_MANAGED';
  /** CREATED_FROM_POLICY for a permission RAM made from a resource-based policy (not attachable). */
  featureSet: string;
  status: string;
  isResourceTypeDefault: boolean;
  defaultVersion: string;
  versions: PermissionVersionRow[];
  usedBy: PermissionUse[];
}

export interface ManagedPermissionsView {
  accountId: string;
  region: string;
  permissions: ManagedPermissionRow[];
}

// A permission's version never changes once made (a change is a new version): its template is read once per process,
// keyed by when the version was made too (a permission deleted and made again under its name starts at version 1).
const templates = new Map<string, Promise<ReturnType<typeof templateActions>>>();
const TEMPLATES_KEPT = 5_000;

function templateOf(client: RAMClient, permissionArn: string, version: number, creationTime: number | undefined): Promise<ReturnType<typeof templateActions>> {
  const key = `${permissionArn}|${version}|${creationTime}`;
  let template = templates.get(key);
  if (!template) {
    if (templates.size >= TEMPLATES_KEPT) templates.clear();
    template = client.send(new GetPermissionCommand({ permissionArn, permissionVersion: version })).then((got) => templateActions(got.permission?.permission));
    // A failed read is not kept.
    template.catch(() => templates.get(key) === template && templates.delete(key));
    templates.set(key, template);
  }
  return template;
}

async function versionsOf(client: RAMClient, p: ResourceSharePermissionSummary): Promise<PermissionVersionRow[]> {
  const listed: ResourceSharePermissionSummary[] = [];
  for await (const page of paginateListPermissionVersions({ client }, { permissionArn: p.arn! })) listed.push(...(page.permissions ?? []));
  return Promise.all(
    listed.map(async (v) => ({
      version: v.version ?? '1',
      isDefault: v.defaultVersion === true,
      creationTime: v.creationTime?.getTime(),
      ...(await templateOf(client, p.arn!, Number(v.version), v.creationTime?.getTime())),
    })),
  );
}

/** Every permission the account can use in the Region, with versions and the shares that hold them. */
export async function readManagedPermissions(target: { accountId: string; region: string }): Promise<ManagedPermissionsView> {
  const client = getClient(RAMClient, target);
  const summaries: ResourceSharePermissionSummary[] = [];
  for await (const page of paginateListPermissions({ client }, { permissionType: 'ALL' })) summaries.push(...(page.permissions ?? []));
  const names = new Map<string, string>();
  for await (const page of paginateGetResourceShares({ client }, { resourceOwner: 'SELF' })) {
    for (const s of page.resourceShares ?? []) if (s.resourceShareArn && s.status !== 'DELETED') names.set(s.resourceShareArn, s.name ?? '');
  }
  const uses = new Map<string, PermissionUse[]>();
  for await (const page of paginateListPermissionAssociations({ client }, {})) {
    for (const a of page.permissions ?? []) {
      if (!a.arn || !a.resourceShareArn || !names.has(a.resourceShareArn)) continue;
      const list = uses.get(a.arn) ?? [];
      list.push({ resourceShareArn: a.resourceShareArn, shareName: names.get(a.resourceShareArn)!, version: a.permissionVersion ?? '', resourceType: a.resourceType ?? '' });
      uses.set(a.arn, list);
    }
  }
  const permissions = await Promise.all(
    summaries
      .filter((p) => p.arn)
      .map(async (p) => ({
        arn: p.arn!,
        name: p.name ?? p.arn!.split('/').pop()!,
        resourceType: p.resourceType ?? '',
        permissionType: p.permissionType === 'CUSTOMER_MANAGED' ? ('CUSTOMER_MANAGED' as const) : ('AWS_MANAGED' as const),
        featureSet: p.featureSet ?? 'STANDARD',
        status: p.status ?? 'ATTACHABLE',
        isResourceTypeDefault: p.isResourceTypeDefault === true,
        defaultVersion: p.version ?? '1',
        versions: await versionsOf(client, p),
        usedBy: uses.get(p.arn!) ?? [],
      })),
  );
  permissions.sort((a, b) => a.permissionType.localeCompare(b.permissionType) || a.resourceType.localeCompare(b.resourceType) || a.name.localeCompare(b.name));
  return { ...target, permissions };
}

// A view is dozens of RAM calls (one ListPermissionVersions per permission), seconds under RAM's throttle: a view waits
// up to a second, then shows the last reading with its time while the new one goes on; views that arrive while one
// runs are given the reading before it (at most a minute old). The console's own changes to permissions or shares
// forget it.
const viewed = memo<ManagedPermissionsView>('ram:managed-permissions', 0, { previousWhileReadingMs: 60_000 });
const viewKey = (target: { accountId: string; region: string }) => `${target.accountId}|${target.region}`;
const FRESH_WAIT_MS = 1_000;

/** The Managed permissions page's reading, with when it was read. */
export async function viewManagedPermissions(target: { accountId: string; region: string }): Promise<ManagedPermissionsView & { readAt: number; late: boolean }> {
  const { value, at, late } = await viewed.within(viewKey(target), () => readManagedPermissions(target), FRESH_WAIT_MS);
  return { ...value, readAt: at, late };
}

/** After the console changed the account's permissions or shares in the Region. */
export function forgetManagedPermissions(target: { accountId: string; region: string }): void {
  viewed.invalidate(viewKey(target));
}

/**
 * The actions a customer managed permission may allow for each type, as AWS shows them: every action its AWS
 * managed permissions grant on the type (RAM refuses others with InvalidPolicyException).
 */
export function allowedActionsByType(view: ManagedPermissionsView): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of view.permissions) {
    if (p.permissionType !== 'AWS_MANAGED') continue;
    const actions = new Set(out[p.resourceType] ?? []);
    for (const v of p.versions) for (const a of v.actions) actions.add(a);
    out[p.resourceType] = [...actions];
  }
  return out;
}
