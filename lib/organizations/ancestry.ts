// Where an account sits in the organization, read live from AWS (a move a minute ago counts).
import { OrganizationsClient, paginateListParents } from '@aws-sdk/client-organizations';
import { getClient } from '../aws/clients';

export async function parentOf(client: OrganizationsClient, childId: string): Promise<{ id: string; type: string } | undefined> {
  for await (const page of paginateListParents({ client }, { ChildId: childId })) {
    const parent = page.Parents?.[0];
    if (parent) return { id: parent.Id!, type: parent.Type! };
  }
  return undefined;
}

/** The IDs of the account's root and OUs, root first. */
export async function ancestorIds(accountId: string): Promise<string[]> {
  const client = getClient(OrganizationsClient);
  const ids: string[] = [];
  for (let child = accountId; ; ) {
    const parent = await parentOf(client, child);
    if (!parent) return ids;
    ids.unshift(parent.id);
    if (parent.type === 'ROOT') return ids;
    child = parent.id;
  }
}
