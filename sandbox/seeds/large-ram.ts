// The `large` seed's resource sharing (option `shares`, default LARGE_SHARING.defaultShares): shares spread
// over a few hundred owning accounts and three Regions, holding subnets, prefix lists and resolver rules, with
// OUs, the organization, member accounts and (on shares that allow them) accounts outside the organization as
// principals, so the console's organization-wide share list and its benchmark run at scale. Deterministic:
// the caller passes the seed's PRNG.
import type { World } from '../core/types.js';
import { createManagedPrefixList, createSubnet, createVpc } from '../ec2/models.js';
import { createResolverRule } from '../route53resolver/models.js';
import { createResourceShare, enableSharingWithAwsOrganization, withoutAssociationDelay } from '../ram/models.js';
import { addAccount } from './common.js';

export const LARGE_SHARING = {
  defaultShares: 3_000,
  regions: ['us-east-1', 'us-west-2', 'eu-west-1'],
  /** Shares each owning account holds, on average. */
  sharesPerOwner: 10,
  /** Accounts outside the organization that some shares name (invitations; 20 pending per receiver at most). */
  outsideAccounts: 60,
  firstOutsideAccount: 990_000_000_001,
  /** Outside senders of the `invitations` option: each invites up to 15 member accounts (below RAM's 20 pending). */
  firstInviter: 970_000_000_001,
  invitationsPerInviter: 15,
} as const;

export interface LargeSharingInput {
  managementAccountId: string;
  memberIds: string[];
  ouIds: string[];
  organizationId: string;
  shares: number;
  random: () => number;
}

const TEAMS = ['network', 'platform', 'data', 'security', 'dns', 'edge'];

export function addLargeSharing(world: World, input: LargeSharingInput): void {
  const { memberIds, ouIds, random } = input;
  if (input.shares <= 0 || memberIds.length === 0) return;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const outside = Array.from({ length: LARGE_SHARING.outsideAccounts }, (_, i) => String(LARGE_SHARING.firstOutsideAccount + i));
  outside.forEach((id, i) => addAccount(world, id, `partner-${String(i + 1).padStart(3, '0')}`));
  const invitations = new Map<string, number>();

  const owners = memberIds.slice(0, Math.min(memberIds.length, Math.ceil(input.shares / LARGE_SHARING.sharesPerOwner)));
  // Per (owner, Region): one VPC whose /24s are handed out in order.
  const vpcs = new Map<string, { vpcId: string; next: number }>();
  const subnet = (owner: string, region: string) => {
    const key = `${owner}/${region}`;
    let vpc = vpcs.get(key);
    if (!vpc) vpcs.set(key, (vpc = { vpcId: createVpc(world, owner, region, { cidrBlock: '10.0.0.0/16' }).vpcId, next: 0 }));
    if (vpc.next > 255) return undefined;
    return createSubnet(world, owner, region, { vpcId: vpc.vpcId, cidrBlock: `10.0.${vpc.next++}.0/24` }).subnetArn;
  };
  let serial = 0;
  let externalShares = 0;
  const prefixList = (owner: string, region: string) =>
    createManagedPrefixList(world, owner, region, { prefixListName: `ranges-${++serial}`, addressFamily: 'IPv4', maxEntries: 5, entries: [{ cidr: '10.128.0.0/16' }] })
      .prefixListArn;
  const resolverRule = (owner: string, region: string) =>
    createResolverRule(world, owner, region, {
      creatorRequestId: `large-${++serial}`,
      ruleType: 'FORWARD',
      domainName: `zone${serial}.example.internal`,
      name: `zone-${serial}`,
      targetIps: [{ ip: '10.0.0.2', port: 53 }],
    }).arn;

  withoutAssociationDelay(world, () => {
    enableSharingWithAwsOrganization(world, input.managementAccountId);
    for (let n = 0; n < input.shares; n++) {
      const owner = owners[n % owners.length];
      const region = LARGE_SHARING.regions[Math.floor(n / owners.length) % LARGE_SHARING.regions.length];
      // Subnets are organization-only; shares with outside accounts hold prefix lists and resolver rules.
      const external = random() < 0.1;
      const kinds = external ? [prefixList, resolverRule] : [subnet, prefixList, resolverRule];
      const resourceArns = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(kinds)(owner, region)).filter((arn): arn is string => !!arn);
      const principals = new Set<string>();
      for (let p = 1 + Math.floor(random() * 3); p > 0; p--) {
        const draw = random();
        const member = pick(memberIds);
        if (draw < 0.45 && ouIds.length) principals.add(pick(ouIds));
        else if (draw < 0.55) principals.add(input.organizationId);
        else if (member !== owner) principals.add(member);
      }
      if (external) {
        // Round robin over the outside accounts, each below its 20 pending invitations.
        const partner = outside[externalShares++ % outside.length];
        if ((invitations.get(partner) ?? 0) < 20) {
          invitations.set(partner, (invitations.get(partner) ?? 0) + 1);
          principals.add(partner);
        }
      }
      createResourceShare(world, owner, region, {
        name: `${pick(TEAMS)}-share-${String(n + 1).padStart(5, '0')}`,
        resourceArns,
        principals: [...principals],
        allowExternalPrincipals: external,
        tags: [{ key: 'team', value: pick(TEAMS) }],
      });
    }
  });
}

/**
 * Pending invitations to member accounts from senders outside the organization (sharing within it needs none),
 * in us-east-1: one prefix-list share per invitation, spread over the members.
 */
export function addLargeInvitations(world: World, memberIds: string[], invitations: number): void {
  if (invitations <= 0 || memberIds.length === 0) return;
  withoutAssociationDelay(world, () => {
    for (let n = 0; n < invitations; n++) {
      const sender = String(LARGE_SHARING.firstInviter + Math.floor(n / LARGE_SHARING.invitationsPerInviter));
      if (n % LARGE_SHARING.invitationsPerInviter === 0) addAccount(world, sender, `inviter-${String(Math.floor(n / LARGE_SHARING.invitationsPerInviter) + 1).padStart(4, '0')}`);
      const list = createManagedPrefixList(world, sender, 'us-east-1', { prefixListName: `offer-${n + 1}`, addressFamily: 'IPv4', maxEntries: 2, entries: [] });
      createResourceShare(world, sender, 'us-east-1', {
        name: `offer-${String(n + 1).padStart(5, '0')}`,
        resourceArns: [list.prefixListArn],
        principals: [memberIds[(n * 7) % memberIds.length]],
        allowExternalPrincipals: true,
      });
    }
  });
}
