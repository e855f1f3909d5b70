// The demo world's resource sharing (us-east-1): network shares two Workloads subnets with the
// Workloads OU and a resolver rule with the whole organization; partner-co, outside the
// organization, has invited the management account and payments-dev to a prefix list (a 7-day
// type) and its root CA (a 12-hour type); an older invitation to web-dev has expired. shared-services' issuing
// CA reaches audit through a share created from a resource policy.
//
// partner-co shares a prefix list rather than its subnet: AWS only shares subnets inside an
// organization (RAM refuses it, see ram/resource-types.ts), and partner-co is outside ours.
import type { World } from '../core/types.js';
import { createManagedPrefixList } from '../ec2/models.js';
import { createResourceShare, createShareFromPolicy, enableSharingWithAwsOrganization, withoutAssociationDelay } from '../ram/models.js';
import { listShareableResources } from '../ram/shareable.js';
import { ramState, type ResourceShare } from '../ram/state.js';
import { DEMO } from './demo-ids.js';
import { addDemoResources, demoResourceArns, DEMO_REGION } from './demo-resources.js';

/** Names of the demo's resource shares (look their ARNs up with demoSharingArns). */
export const DEMO_SHARE_NAMES = {
  workloadsSubnets: 'workloads-subnets',
  corpDns: 'corp-dns',
  partnerNetwork: 'partner-network',
  partnerPki: 'partner-pki',
  issuingCaFromPolicy: 'issuing-ca-policy',
} as const;

export const PARTNER_PREFIX_LIST_NAME = 'partner-ranges';

/** How long ago partner-co invited web-dev to partner-pki: past the 12-hour expiry of a CA share. */
const EXPIRED_INVITATION_AGE_MS = 13 * 3_600_000;

export function addDemoSharing(world: World, options: { orgSharing?: boolean }): void {
  const { accounts } = DEMO;
  const network = accounts.network;
  const partner = accounts['partner-co'];
  const resources = hasDemoResources(world) ? demoResourceArns(world) : addDemoResources(world);
  createManagedPrefixList(world, partner, DEMO_REGION, {
    prefixListName: PARTNER_PREFIX_LIST_NAME,
    addressFamily: 'IPv4',
    maxEntries: 5,
    entries: [{ cidr: '10.99.0.0/16', description: 'partner-co network' }],
  });
  const partnerPrefixList = listShareableResources(world, partner, DEMO_REGION, 'ec2:PrefixList').find((r) => r.name === PARTNER_PREFIX_LIST_NAME)!;

  withoutAssociationDelay(world, () => {
    const orgSharing = options.orgSharing ?? true;
    if (orgSharing) enableSharingWithAwsOrganization(world, DEMO.managementAccountId);
    // Without organization sharing the network shares exist, holding their resources, with no one yet.
    createResourceShare(world, network, DEMO_REGION, {
      name: DEMO_SHARE_NAMES.workloadsSubnets,
      resourceArns: [resources.workloadsSubnetA, resources.workloadsSubnetB],
      principals: orgSharing ? [DEMO.ouIds.Workloads] : [],
      allowExternalPrincipals: false,
      tags: [{ key: 'team', value: 'network' }],
    });
    createResourceShare(world, network, DEMO_REGION, {
      name: DEMO_SHARE_NAMES.corpDns,
      resourceArns: [resources.corpResolverRule],
      principals: orgSharing ? [DEMO.organizationId] : [],
      allowExternalPrincipals: false,
      tags: [{ key: 'team', value: 'network' }],
    });

    const invited = [DEMO.managementAccountId, accounts['payments-dev']];
    createResourceShare(world, partner, DEMO_REGION, {
      name: DEMO_SHARE_NAMES.partnerNetwork,
      resourceArns: [partnerPrefixList.arn],
      principals: invited,
    });
    const pki = createResourceShare(world, partner, DEMO_REGION, {
      name: DEMO_SHARE_NAMES.partnerPki,
      resourceArns: [resources.partnerRootCa],
      principals: [...invited, accounts['web-dev']],
    });
    backdateInvitation(world, pki, accounts['web-dev'], EXPIRED_INVITATION_AGE_MS);

    // shared-services let audit read its issuing CA with a resource policy (ACM PCA's PutPolicy): RAM made a
    // CREATED_FROM_POLICY share, which only shared-services sees until it is promoted.
    if (orgSharing) {
      createShareFromPolicy(world, accounts['shared-services'], DEMO_REGION, {
        name: DEMO_SHARE_NAMES.issuingCaFromPolicy,
        resourceArn: resources.issuingCa,
        principals: [accounts.audit],
        policyTemplate: JSON.stringify({ Effect: 'Allow', Action: ['acm-pca:DescribeCertificateAuthority', 'acm-pca:GetCertificate', 'acm-pca:GetCertificateAuthorityCertificate'] }),
      });
    }
  });
}

function hasDemoResources(world: World): boolean {
  return listShareableResources(world, DEMO.accounts.network, DEMO_REGION, 'ec2:Subnet').length > 0;
}

/** Moves one principal's invitation (and its association) into the past, as if sent `ageMs` ago. */
function backdateInvitation(world: World, share: ResourceShare, receiverAccountId: string, ageMs: number): void {
  const association = share.associations.find((a) => a.type === 'PRINCIPAL' && a.entity === receiverAccountId)!;
  const invitation = ramState(world).invitations.get(association.invitationArn!)!;
  invitation.invitationTimestamp -= ageMs;
  invitation.expiresAt -= ageMs;
  association.creationTime -= ageMs;
  association.lifecycle.changedAt -= ageMs;
  association.lifecycle.settlesAt -= ageMs;
}

export interface DemoSharingArns {
  shares: Record<keyof typeof DEMO_SHARE_NAMES, string>;
  partnerPrefixList: string;
  /** partner-co's invitations by receiver: management, payments-dev (PENDING), web-dev (EXPIRED, partnerPki only). */
  invitations: {
    partnerNetwork: { management: string; paymentsDev: string };
    partnerPki: { management: string; paymentsDev: string; webDev: string };
  };
}

/** The ARNs of the demo's shares and invitations in a world seeded with addDemoSharing. */
export function demoSharingArns(world: World): DemoSharingArns {
  const state = ramState(world);
  const byName = (name: string) => [...state.shares.values()].find((s) => s.name === name)!;
  const shares = Object.fromEntries(
    Object.entries(DEMO_SHARE_NAMES).map(([key, name]) => [key, byName(name)?.arn]),
  ) as DemoSharingArns['shares'];
  const invitation = (shareArn: string, receiver: string) =>
    [...state.invitations.values()].find((i) => i.resourceShareArn === shareArn && i.receiverAccountId === receiver)!.arn;
  const { accounts } = DEMO;
  const partner = accounts['partner-co'];
  return {
    shares,
    partnerPrefixList: listShareableResources(world, partner, DEMO_REGION, 'ec2:PrefixList').find((r) => r.name === PARTNER_PREFIX_LIST_NAME)!.arn,
    invitations: {
      partnerNetwork: {
        management: invitation(shares.partnerNetwork, accounts.management),
        paymentsDev: invitation(shares.partnerNetwork, accounts['payments-dev']),
      },
      partnerPki: {
        management: invitation(shares.partnerPki, accounts.management),
        paymentsDev: invitation(shares.partnerPki, accounts['payments-dev']),
        webDev: invitation(shares.partnerPki, accounts['web-dev']),
      },
    },
  };
}
