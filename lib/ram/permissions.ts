// The managed permissions RAM offers for a resource type (ListPermissions with resourceType, AWS and customer
// managed): with the actions each template allows (GetPermission) for step 2 of the create-share wizard, and as
// choices on a share's page. A permission RAM made from a resource policy cannot be attached, so it is not offered.
import { GetPermissionCommand, paginateListPermissions, RAMClient } from '@aws-sdk/client-ram';
import { getClient } from '../aws/clients';

export interface ManagedPermissionChoice {
  arn: string;
  name: string;
  version: string;
  isDefault: boolean;
  permissionType: string;
  /** The actions the template allows, in its order. */
  actions: string[];
  /** Conditions the template adds, as JSON (e.g. the ACM PCA certificate template). */
  condition?: string;
}

/** Actions (and conditions) of a policy template: a statement, a list of them, or a policy document. */
export function templateActions(template: string | undefined): { actions: string[]; condition?: string } {
  if (!template) return { actions: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(template);
  } catch {
    return { actions: [] };
  }
  const doc = parsed as { Statement?: unknown };
  const statements = (Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : Array.isArray(parsed) ? parsed : [parsed]) as {
    Action?: string | string[];
    Condition?: unknown;
  }[];
  const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : s.Action ? [s.Action] : []));
  const conditions = statements.map((s) => s.Condition).filter(Boolean);
  return { actions, condition: conditions.length ? JSON.stringify(conditions.length === 1 ? conditions[0] : conditions) : undefined };
}

async function listedPermissions(client: RAMClient, resourceType: string) {
  const listed = [];
  for await (const page of paginateListPermissions({ client }, { resourceType, permissionType: 'ALL' })) listed.push(...(page.permissions ?? []));
  return listed.filter((p) => p.arn && (p.status ?? 'ATTACHABLE') === 'ATTACHABLE');
}

/** The permissions of one type, the default first. */
export async function permissionsFor(target: { accountId: string; region: string }, resourceType: string): Promise<ManagedPermissionChoice[]> {
  const client = getClient(RAMClient, target);
  const listed = await listedPermissions(client, resourceType);
  const choices = await Promise.all(
    listed.map(async (p) => {
      const got = await client.send(new GetPermissionCommand({ permissionArn: p.arn! }));
      return {
        arn: p.arn!,
        name: p.name ?? p.arn!,
        version: p.version ?? got.permission?.version ?? '1',
        isDefault: p.isResourceTypeDefault === true,
        permissionType: p.permissionType ?? 'AWS_MANAGED',
        ...templateActions(got.permission?.permission),
      };
    }),
  );
  return choices.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
}

export interface PermissionChoice {
  arn: string;
  name: string;
  version: string;
  isResourceTypeDefault: boolean;
}

/** For a share's page: each type's permissions as the owner may choose them. */
export async function permissionsByType(accountId: string, region: string, resourceTypes: string[]): Promise<Record<string, PermissionChoice[]>> {
  const client = getClient(RAMClient, { accountId, region });
  const entries = await Promise.all(
    resourceTypes.map(async (resourceType) => {
      const choices = (await listedPermissions(client, resourceType)).map((p) => ({
        arn: p.arn!,
        name: p.name ?? p.arn!.split('/').pop()!,
        version: p.version ?? '',
        isResourceTypeDefault: p.isResourceTypeDefault ?? false,
      }));
      return [resourceType, choices] as const;
    }),
  );
  return Object.fromEntries(entries);
}
