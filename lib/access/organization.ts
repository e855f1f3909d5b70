// The organization as the access paths read it (pure): each member account's name and parents, and the
// names of the root and OUs, from the organization snapshot.
import type { OrganizationSnapshot } from '../organizations/types';
import type { AccessOrganization } from './paths';

export function accessOrganization(snapshot: OrganizationSnapshot | undefined): AccessOrganization {
  const out: AccessOrganization = { accounts: {}, groupNames: {} };
  if (!snapshot) return out;
  out.id = snapshot.organization.id;
  out.managementAccountId = snapshot.organization.managementAccountId;
  out.rootId = snapshot.rootId;
  for (const node of Object.values(snapshot.nodes)) {
    if (node.type !== 'ACCOUNT') {
      out.groupNames[node.id] = node.type === 'ROOT' ? 'Root' : node.name;
      continue;
    }
    const parents: string[] = [];
    for (let id = node.parentId; id; id = snapshot.nodes[id]?.parentId) parents.unshift(id);
    out.accounts[node.id] = { name: node.name, parents };
  }
  return out;
}
