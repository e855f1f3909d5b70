// What turning off sharing with AWS Organizations would stop (it is not a RAM call: trusted access for
// ram.amazonaws.com is disabled in Organizations): RAM removes organization and OU principals from every share,
// so the accounts they reached lose those shares. Pure, from the RAM and organization snapshots.
import type { OrganizationSnapshot } from '../organizations/types';
import { ancestorsOf } from '../organizations/view';
import type { ShareRecord } from './snapshot';

export interface LostSharing {
  share: Pick<ShareRecord, 'arn' | 'id' | 'name' | 'region' | 'owningAccountId'>;
  /** The organization or OU ARN that would be removed. */
  principal: string;
  accounts: { id: string; name: string }[];
}

type Nodes = Pick<OrganizationSnapshot, 'nodes'>;

export function sharingLostWithoutOrganizations(shares: ShareRecord[], organization: Nodes): LostSharing[] {
  const accounts = Object.values(organization.nodes).filter((n) => n.type === 'ACCOUNT');
  const out: LostSharing[] = [];
  for (const share of shares) {
    if (share.status === 'DELETED' || share.status === 'DELETING') continue;
    for (const p of share.principals) {
      const kind = /:organization\/o-/.test(p.id) || /^o-/.test(p.id) ? 'organization' : /:ou\/o-/.test(p.id) || /^ou-/.test(p.id) ? 'ou' : undefined;
      if (!kind || p.status === 'DISASSOCIATED' || p.status === 'FAILED') continue;
      const ouId = p.id.split('/').pop()!;
      const reached = accounts.filter((a) => a.id !== share.owningAccountId && (kind === 'organization' || ancestorsOf(organization, a.id).some((n) => n.id === ouId)));
      out.push({
        share: { arn: share.arn, id: share.id, name: share.name, region: share.region, owningAccountId: share.owningAccountId },
        principal: p.id,
        accounts: reached.map((a) => ({ id: a.id, name: a.name })).sort((a, b) => a.name.localeCompare(b.name)),
      });
    }
  }
  return out;
}
