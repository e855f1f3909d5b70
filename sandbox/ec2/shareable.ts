// The EC2 resources RAM can share (subnets, managed prefix lists, transit gateways), declared for
// RAM's registry (ram/shareable.ts): how to list an account's own and find one by ARN.
import type { ShareableProvider, ShareableResource } from '../ram/resource-types.js';
import { ownPrefixLists, ownSubnets, ownTransitGateways, prefixListByArn, subnetByArn, transitGatewayByArn } from './models.js';
import type { ManagedPrefixList, Subnet, TransitGateway } from './models.js';

function subnetResource(s: Subnet): ShareableResource {
  return { arn: s.subnetArn, resourceType: 'ec2:Subnet', ownerAccountId: s.ownerId, region: s.region, name: s.tags.Name };
}
function prefixListResource(p: ManagedPrefixList): ShareableResource {
  return { arn: p.prefixListArn, resourceType: 'ec2:PrefixList', ownerAccountId: p.ownerId, region: p.region, name: p.prefixListName };
}
function transitGatewayResource(t: TransitGateway): ShareableResource {
  return { arn: t.transitGatewayArn, resourceType: 'ec2:TransitGateway', ownerAccountId: t.ownerId, region: t.region, name: t.tags.Name ?? t.description };
}

export const shareableTypes = {
  'ec2:Subnet': {
    own: (world, accountId, region) => ownSubnets(world, accountId, region).map(subnetResource),
    find: (world, arn) => {
      const subnet = subnetByArn(world, arn);
      return subnet && subnetResource(subnet);
    },
  },
  'ec2:PrefixList': {
    own: (world, accountId, region) => ownPrefixLists(world, accountId, region).map(prefixListResource),
    find: (world, arn) => {
      const prefixList = prefixListByArn(world, arn);
      return prefixList && prefixListResource(prefixList);
    },
  },
  'ec2:TransitGateway': {
    own: (world, accountId, region) => ownTransitGateways(world, accountId, region).map(transitGatewayResource),
    find: (world, arn) => {
      const transitGateway = transitGatewayByArn(world, arn);
      return transitGateway && transitGatewayResource(transitGateway);
    },
  },
} satisfies ShareableProvider;
