// The SCPs that apply to an account: those attached to the root, each OU on its path, and the account itself,
// read live (an SCP added a minute ago counts), in the order AWS evaluates them.
import { DescribeOrganizationalUnitCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { getClient } from '../aws/clients';
import { parentOf } from './ancestry';
import { describePolicy, listServiceControlPolicies } from './policies';

export interface ScpLevel {
  targetId: string;
  /** 'Root', an OU's name, or the account's name. */
  label: string;
  policies: { id: string; name: string; document: unknown }[];
}

/** Root first, the account last; empty when SCPs are not enabled. */
export async function serviceControlPath(accountId: string, accountLabel: string): Promise<ScpLevel[]> {
  const client = getClient(OrganizationsClient);
  const targets: { id: string; label: string }[] = [{ id: accountId, label: accountLabel }];
  for (let child = accountId; ; ) {
    const parent = await parentOf(client, child);
    if (!parent) break;
    const label = parent.type === 'ROOT' ? 'Root' : ((await client.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: parent.id }))).OrganizationalUnit?.Name ?? parent.id);
    targets.unshift({ id: parent.id, label });
    if (parent.type === 'ROOT') break;
    child = parent.id;
  }
  const levels: ScpLevel[] = [];
  for (const target of targets) {
    const listed = await listServiceControlPolicies(client, target.id);
    if (!listed.ok) return [];
    const policies = await Promise.all(
      listed.policies.map(async (p) => {
        const described = await describePolicy(client, p.id);
        return { id: p.id, name: p.name, document: JSON.parse(described.content) as unknown };
      }),
    );
    levels.push({ targetId: target.id, label: target.label, policies });
  }
  return levels;
}
