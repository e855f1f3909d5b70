// What turning off sharing with AWS Organizations would stop (it is not a RAM call: trusted access for
// ram.amazonaws.com is disabled in Organizations): RAM removes organization and OU principals from every share,
// so the accounts they reached lose those shares. Pure, from the RAM and organization snapshots.
import type { OrganizationSnapshot } from '../organizations/types';
import { byText } from '../paging';
import type { ShareRecord } from './snapshot';

export interface LostSharing {
  share: Pick<ShareRecord, 'arn' | 'id' | 'name' | 'region' | 'owningAccountId'>;
  /** The organization or OU ARN that would be removed. */
  principal: string;
  /** How many accounts it reaches (the owner's own aside), and the first `listed` of them in name order. */
  accountCount: number;
  accounts: Account[];
}

type Nodes = Pick<OrganizationSnapshot, 'nodes'>;
type Account = { id: string; name: string };

/** The accounts below a node (an OU's subtree), in name order; `children` from the nodes' parents. */
function accountsUnder(organization: Nodes, children: Map<string, string[]>, id: string): Account[] {
  const out: Account[] = [];
  const stack = [id];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    const node = organization.nodes[at];
    if (node?.type === 'ACCOUNT') out.push({ id: node.id, name: node.name });
    else stack.push(...(children.get(at) ?? []));
  }
  return out.sort((a, b) => byText(a.name, b.name));
}

/** `listed`: how many of each principal's accounts to name (600 shares with the organization reach 10,000 each). */
export function sharingLostWithoutOrganizations(shares: ShareRecord[], organization: Nodes, listed: number): LostSharing[] {
  // Each principal's accounts are listed once: 600 shares with the whole organization name the same 10,000.
  const reachedBy = new Map<string, { accounts: Account[]; ids: Set<string> }>();
  const children = new Map<string, string[]>();
  for (const n of Object.values(organization.nodes)) {
    if (!n.parentId) continue;
    const siblings = children.get(n.parentId);
    if (siblings) siblings.push(n.id);
    else children.set(n.parentId, [n.id]);
  }
  const everyAccount = () =>
    Object.values(organization.nodes)
      .filter((n) => n.type === 'ACCOUNT')
      .map((n) => ({ id: n.id, name: n.name }))
      .sort((a, b) => byText(a.name, b.name));
  const out: LostSharing[] = [];
  for (const share of shares) {
    if (share.status === 'DELETED' || share.status === 'DELETING') continue;
    for (const p of share.principals) {
      const kind = /:organization\/o-/.test(p.id) || /^o-/.test(p.id) ? 'organization' : /:ou\/o-/.test(p.id) || /^ou-/.test(p.id) ? 'ou' : undefined;
      if (!kind || p.status === 'DISASSOCIATED' || p.status === 'FAILED') continue;
      const key = kind === 'organization' ? 'organization' : p.id.split('/').pop()!;
      let reached = reachedBy.get(key);
      if (!reached) {
        const accounts = kind === 'organization' ? everyAccount() : accountsUnder(organization, children, key);
        reachedBy.set(key, (reached = { accounts, ids: new Set(accounts.map((a) => a.id)) }));
      }
      const owner = share.owningAccountId;
      const accounts: Account[] = [];
      for (const a of reached.accounts) {
        if (accounts.length === listed) break;
        if (a.id !== owner) accounts.push(a);
      }
      out.push({
        share: { arn: share.arn, id: share.id, name: share.name, region: share.region, owningAccountId: owner },
        principal: p.id,
        accountCount: reached.accounts.length - (reached.ids.has(owner) ? 1 : 0),
        accounts,
      });
    }
  }
  return out;
}
