// The managed permissions RAM offers for resource types, as the share's owner sees them (ListPermissions),
// for choosing a type's permission on a share's page.
import { paginateListPermissions, RAMClient } from '@aws-sdk/client-ram';
import { getClient } from '../aws/clients';

export interface PermissionChoice {
  arn: string;
  name: string;
  version: string;
  isResourceTypeDefault: boolean;
}

export async function permissionsFor(accountId: string, region: string, resourceTypes: string[]): Promise<Record<string, PermissionChoice[]>> {
  const client = getClient(RAMClient, { accountId, region });
  const entries = await Promise.all(
    resourceTypes.map(async (resourceType) => {
      const choices: PermissionChoice[] = [];
      for await (const page of paginateListPermissions({ client, pageSize: 100 }, { resourceType })) {
        for (const p of page.permissions ?? []) {
          if (p.arn) choices.push({ arn: p.arn, name: p.name ?? p.arn.split('/').pop()!, version: p.version ?? '', isResourceTypeDefault: p.isResourceTypeDefault ?? false });
        }
      }
      return [resourceType, choices] as const;
    }),
  );
  return Object.fromEntries(entries);
}
