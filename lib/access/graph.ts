// An account's neighbourhood as the graph draws it (pure): the account in the middle, the sources of its
// inbound paths on one side and the destinations of its outbound paths on the other, grouped by OU, "outside
// the organization", services and identity providers, or any principal. Each group shows its busiest few
// members and how many more, so an account trusted by 10,000 others stays readable.
import type { AccessOrganization, AccessPath } from './paths';

export const MEMBERS_SHOWN = 6;
export const GROUPS_SHOWN = 8;

export interface GraphMember {
  /** Account ID (linked), or a service / provider / `*`. */
  id: string;
  label: string;
  account?: string;
  paths: number;
  blocked: boolean;
}

export interface GraphGroup {
  id: string;
  label: string;
  side: 'in' | 'out';
  paths: number;
  members: GraphMember[];
  more: number;
}

export interface AccountGraph {
  account: { id: string; label: string };
  groups: GraphGroup[];
}

function groupOf(organization: AccessOrganization, accountId: string | undefined, path: AccessPath): { id: string; label: string } {
  if (path.source.kind === 'service' || path.source.kind === 'federated') return { id: 'services', label: 'Services and identity providers' };
  if (!accountId) return path.source.kind === 'ou' || path.source.kind === 'organization' ? { id: 'groups', label: 'OUs and the organization' } : { id: 'anyone', label: 'Any principal' };
  const member = organization.accounts[accountId];
  if (!member) return { id: 'outside', label: 'Outside the organization' };
  const parent = member.parents[member.parents.length - 1];
  return { id: parent ?? 'root', label: parent ? `OU ${organization.groupNames[parent] ?? parent}` : 'Root' };
}

export function accountGraph(accountId: string, inbound: AccessPath[], outbound: AccessPath[], organization: AccessOrganization): AccountGraph {
  const groups = new Map<string, { group: GraphGroup; members: Map<string, GraphMember> }>();
  const add = (side: 'in' | 'out', path: AccessPath, accountOfOther: string | undefined, memberId: string, label: string) => {
    const g = groupOf(organization, accountOfOther, path);
    const key = `${side}:${g.id}`;
    let entry = groups.get(key);
    if (!entry) groups.set(key, (entry = { group: { id: key, label: g.label, side, paths: 0, members: [], more: 0 }, members: new Map() }));
    entry.group.paths++;
    const member = entry.members.get(memberId) ?? { id: memberId, label, account: accountOfOther && organization.accounts[accountOfOther] ? accountOfOther : undefined, paths: 0, blocked: true };
    member.paths++;
    member.blocked &&= path.status === 'blocked';
    entry.members.set(memberId, member);
  };
  const name = (id: string) => (organization.accounts[id] ? `${organization.accounts[id].name} (${id})` : id);
  for (const p of inbound) {
    const other = p.source.accountId;
    if (other === accountId) continue;
    add('in', p, other, other ?? p.source.id, other ? name(other) : p.source.label);
  }
  for (const p of outbound) add('out', p, p.destinationAccount, p.destinationAccount, name(p.destinationAccount));
  const out: GraphGroup[] = [];
  for (const { group, members } of groups.values()) {
    const sorted = [...members.values()].sort((a, b) => b.paths - a.paths || a.label.localeCompare(b.label));
    group.members = sorted.slice(0, MEMBERS_SHOWN);
    group.more = sorted.length - group.members.length;
    out.push(group);
  }
  out.sort((a, b) => b.paths - a.paths || a.label.localeCompare(b.label));
  // Past GROUPS_SHOWN a side's smaller groups fold into one, with their counts.
  const shown: GraphGroup[] = [];
  for (const side of ['in', 'out'] as const) {
    const list = out.filter((g) => g.side === side);
    shown.push(...list.slice(0, GROUPS_SHOWN));
    const rest = list.slice(GROUPS_SHOWN);
    if (rest.length) shown.push({ id: `${side}:rest`, label: `${rest.length} more groups`, side, paths: rest.reduce((n, g) => n + g.paths, 0), members: [], more: rest.reduce((n, g) => n + g.members.length + g.more, 0) });
  }
  return { account: { id: accountId, label: name(accountId) }, groups: shown };
}
