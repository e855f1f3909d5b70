// EC2 operations: botocore input shapes → model calls → botocore output shapes.
import type { OperationSpec, RequestContext } from '../core/types.js';
import { paginate } from '../core/pagination.js';
import * as errors from './exceptions.js';
import { applyFilters, type Filter, type FilterFields } from './filters.js';
import * as models from './models.js';
import type { ManagedPrefixList, Subnet, Tags, TransitGateway, Vpc } from './models.js';

interface Tag {
  Key?: string;
  Value?: string;
}
interface TagSpecification {
  ResourceType?: string;
  Tags?: Tag[];
}
interface DescribeInput {
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

const account = (ctx: RequestContext) => ctx.caller.accountId;

const tagList = (tags: Tags): Tag[] | undefined => {
  const list = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
  return list.length > 0 ? list : undefined;
};

const tagsFrom = (tags: Tag[] | undefined): Tags => Object.fromEntries((tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));

/** Tags of TagSpecifications for the one resource type the operation creates. */
function specifiedTags(specifications: TagSpecification[] | undefined, resourceType: string): Tags {
  const tags: Tags = {};
  for (const spec of specifications ?? []) {
    if (spec.ResourceType !== resourceType) {
      throw errors.invalidParameterValue(`'${spec.ResourceType ?? ''}' is not a valid taggable resource type for this operation.`);
    }
    Object.assign(tags, tagsFrom(spec.Tags));
  }
  return tags;
}

/** Owner's tags are not shared: a participant sees no tags on another account's resource, as in AWS. */
const visibleTags = (ctx: RequestContext, item: { ownerId: string; tags: Tags }): Tags => (item.ownerId === account(ctx) ? item.tags : {});

function page<T>(items: T[], input: DescribeInput, min: number, max: number) {
  if (input.MaxResults !== undefined && (input.MaxResults < min || input.MaxResults > max)) {
    throw errors.invalidMaxResults(input.MaxResults, min, max);
  }
  return paginate(items, { maxResults: input.MaxResults, nextToken: input.NextToken, invalidToken: errors.invalidNextToken });
}

/** Keeps the IDs asked for, in the order given; one not visible is that type's NotFound error. */
function selectIds<T>(items: T[], ids: string[] | undefined, idOf: (item: T) => string, notFound: (id: string) => Error, check?: (id: string) => void): T[] {
  if (!ids || ids.length === 0) return items;
  const byId = new Map(items.map((item) => [idOf(item), item]));
  return ids.map((id) => {
    check?.(id);
    const item = byId.get(id);
    if (!item) throw notFound(id);
    return item;
  });
}

const arn = (ctx: RequestContext, type: string, id: string) => `arn:aws:ec2:${ctx.region}:${account(ctx)}:${type}/${id}`;

// ---------------------------------------------------------------------------------------------
// Output shapes

function vpcOut(ctx: RequestContext, vpc: Vpc) {
  return {
    VpcId: vpc.vpcId,
    OwnerId: vpc.ownerId,
    State: 'available',
    CidrBlock: vpc.cidrBlock,
    DhcpOptionsId: vpc.dhcpOptionsId,
    InstanceTenancy: vpc.instanceTenancy,
    IsDefault: vpc.isDefault,
    CidrBlockAssociationSet: [{ AssociationId: vpc.cidrBlockAssociationId, CidrBlock: vpc.cidrBlock, CidrBlockState: { State: 'associated' } }],
    BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
    Tags: tagList(visibleTags(ctx, vpc)),
  };
}

function subnetOut(ctx: RequestContext, subnet: Subnet) {
  return {
    SubnetId: subnet.subnetId,
    SubnetArn: subnet.subnetArn,
    OwnerId: subnet.ownerId,
    VpcId: subnet.vpcId,
    State: 'available',
    CidrBlock: subnet.cidrBlock,
    AvailabilityZone: subnet.availabilityZone,
    AvailabilityZoneId: subnet.availabilityZoneId,
    AvailableIpAddressCount: models.availableIpAddressCount(subnet),
    DefaultForAz: false,
    MapPublicIpOnLaunch: false,
    MapCustomerOwnedIpOnLaunch: false,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    EnableDns64: false,
    Ipv6Native: false,
    PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
    BlockPublicAccessStates: { InternetGatewayBlockMode: 'off' },
    Tags: tagList(visibleTags(ctx, subnet)),
  };
}

function prefixListOut(ctx: RequestContext, list: ManagedPrefixList, state = 'create-complete') {
  return {
    PrefixListId: list.prefixListId,
    PrefixListArn: list.prefixListArn,
    PrefixListName: list.prefixListName,
    AddressFamily: list.addressFamily,
    State: state,
    MaxEntries: list.maxEntries,
    Version: list.version,
    OwnerId: list.ownerId,
    Tags: tagList(visibleTags(ctx, list)),
  };
}

function transitGatewayOut(ctx: RequestContext, gateway: TransitGateway, state = 'available') {
  const o = gateway.options;
  return {
    TransitGatewayId: gateway.transitGatewayId,
    TransitGatewayArn: gateway.transitGatewayArn,
    State: state,
    OwnerId: gateway.ownerId,
    Description: gateway.description,
    CreationTime: gateway.creationTime,
    Options: {
      AmazonSideAsn: o.amazonSideAsn,
      TransitGatewayCidrBlocks: o.transitGatewayCidrBlocks.length > 0 ? o.transitGatewayCidrBlocks : undefined,
      AutoAcceptSharedAttachments: o.autoAcceptSharedAttachments,
      DefaultRouteTableAssociation: o.defaultRouteTableAssociation,
      AssociationDefaultRouteTableId: o.associationDefaultRouteTableId,
      DefaultRouteTablePropagation: o.defaultRouteTablePropagation,
      PropagationDefaultRouteTableId: o.propagationDefaultRouteTableId,
      VpnEcmpSupport: o.vpnEcmpSupport,
      DnsSupport: o.dnsSupport,
      SecurityGroupReferencingSupport: o.securityGroupReferencingSupport,
      MulticastSupport: o.multicastSupport,
    },
    Tags: tagList(visibleTags(ctx, gateway)),
  };
}

// ---------------------------------------------------------------------------------------------
// Filters each Describe call accepts (besides tag:KEY, tag-key, tag-value)

const VPC_FILTERS: FilterFields<Vpc> = {
  'vpc-id': (v) => v.vpcId,
  'owner-id': (v) => v.ownerId,
  'cidr': (v) => v.cidrBlock,
  'cidr-block-association.cidr-block': (v) => v.cidrBlock,
  'cidr-block-association.association-id': (v) => v.cidrBlockAssociationId,
  'cidr-block-association.state': () => 'associated',
  'dhcp-options-id': (v) => v.dhcpOptionsId,
  'instance-tenancy': (v) => v.instanceTenancy,
  'is-default': (v) => v.isDefault,
  'state': () => 'available',
};

const SUBNET_FILTERS: FilterFields<Subnet> = {
  'subnet-id': (s) => s.subnetId,
  'subnet-arn': (s) => s.subnetArn,
  'vpc-id': (s) => s.vpcId,
  'owner-id': (s) => s.ownerId,
  'availability-zone': (s) => s.availabilityZone,
  'availability-zone-id': (s) => s.availabilityZoneId,
  'availabilityZone': (s) => s.availabilityZone,
  'cidr-block': (s) => s.cidrBlock,
  'cidr': (s) => s.cidrBlock,
  'cidrBlock': (s) => s.cidrBlock,
  'available-ip-address-count': (s) => models.availableIpAddressCount(s),
  'default-for-az': () => false,
  'defaultForAz': () => false,
  'map-public-ip-on-launch': () => false,
  'state': () => 'available',
};

const PREFIX_LIST_FILTERS: FilterFields<ManagedPrefixList> = {
  'prefix-list-id': (p) => p.prefixListId,
  'prefix-list-name': (p) => p.prefixListName,
  'owner-id': (p) => p.ownerId,
};

const TRANSIT_GATEWAY_FILTERS: FilterFields<TransitGateway> = {
  'transit-gateway-id': (t) => t.transitGatewayId,
  'owner-id': (t) => t.ownerId,
  'state': () => 'available',
  'options.amazon-side-asn': (t) => t.options.amazonSideAsn,
  'options.auto-accept-shared-attachments': (t) => t.options.autoAcceptSharedAttachments,
  'options.default-route-table-association': (t) => t.options.defaultRouteTableAssociation,
  'options.default-route-table-propagation': (t) => t.options.defaultRouteTablePropagation,
  'options.association-default-route-table-id': (t) => t.options.associationDefaultRouteTableId,
  'options.propagation-default-route-table-id': (t) => t.options.propagationDefaultRouteTableId,
  'options.dns-support': (t) => t.options.dnsSupport,
  'options.vpn-ecmp-support': (t) => t.options.vpnEcmpSupport,
};

const ZONE_FILTERS: FilterFields<models.AvailabilityZone> = {
  'zone-name': (z) => z.zoneName,
  'zone-id': (z) => z.zoneId,
  'region-name': (z) => z.regionName,
  'group-name': (z) => z.regionName,
  'network-border-group': (z) => z.regionName,
  'zone-type': () => 'availability-zone',
  'state': () => 'available',
  'opt-in-status': () => 'opt-in-not-required',
};

const REGION_FILTERS: FilterFields<{ region: string; status: models.RegionOptInStatus }> = {
  'region-name': (r) => r.region,
  'endpoint': (r) => `ec2.${r.region}.amazonaws.com`,
  'opt-in-status': (r) => r.status,
};

const TAG_FILTERS: FilterFields<models.TagDescription> = {
  'resource-id': (t) => t.resourceId,
  'resource-type': (t) => t.resourceType,
  'key': (t) => t.key,
  'value': (t) => t.value,
};

// ---------------------------------------------------------------------------------------------

const tgwOptions = (options: Record<string, unknown> | undefined): models.CreateTransitGatewayParams['options'] => {
  if (!options) return undefined;
  return {
    amazonSideAsn: options.AmazonSideAsn as number | undefined,
    autoAcceptSharedAttachments: options.AutoAcceptSharedAttachments as 'enable' | 'disable' | undefined,
    defaultRouteTableAssociation: options.DefaultRouteTableAssociation as 'enable' | 'disable' | undefined,
    defaultRouteTablePropagation: options.DefaultRouteTablePropagation as 'enable' | 'disable' | undefined,
    vpnEcmpSupport: options.VpnEcmpSupport as 'enable' | 'disable' | undefined,
    dnsSupport: options.DnsSupport as 'enable' | 'disable' | undefined,
    securityGroupReferencingSupport: options.SecurityGroupReferencingSupport as 'enable' | 'disable' | undefined,
    multicastSupport: options.MulticastSupport as 'enable' | 'disable' | undefined,
    transitGatewayCidrBlocks: options.TransitGatewayCidrBlocks as string[] | undefined,
  };
};

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw errors.missingParameter(name);
  return value;
}

export const operations: Record<string, OperationSpec> = {
  CreateVpc: {
    handler: (ctx, input: { CidrBlock?: string; InstanceTenancy?: Vpc['instanceTenancy']; TagSpecifications?: TagSpecification[] }) => ({
      Vpc: vpcOut(
        ctx,
        models.createVpc(ctx.world, account(ctx), ctx.region, {
          cidrBlock: required(input.CidrBlock, 'CidrBlock'),
          instanceTenancy: input.InstanceTenancy,
          tags: specifiedTags(input.TagSpecifications, 'vpc'),
        }),
      ),
    }),
  },
  DescribeVpcs: {
    handler: (ctx, input: DescribeInput & { VpcIds?: string[] }) => {
      const visible = models.visibleVpcs(ctx.world, account(ctx), ctx.region);
      const selected = selectIds(visible, input.VpcIds, (v) => v.vpcId, errors.vpcNotFound, models.checkVpcId);
      const { items, nextToken } = page(applyFilters(selected, input.Filters, VPC_FILTERS, (v) => visibleTags(ctx, v)), input, 5, 1000);
      return { Vpcs: items.map((v) => vpcOut(ctx, v)), NextToken: nextToken };
    },
  },
  DeleteVpc: {
    resource: (ctx, input: { VpcId: string }) => arn(ctx, 'vpc', input.VpcId),
    handler: (ctx, input: { VpcId: string }) => {
      models.deleteVpc(ctx.world, account(ctx), ctx.region, input.VpcId);
      return {};
    },
  },
  CreateSubnet: {
    resource: (ctx, input: { VpcId: string }) => arn(ctx, 'vpc', input.VpcId),
    handler: (ctx, input: { VpcId: string; CidrBlock?: string; AvailabilityZone?: string; AvailabilityZoneId?: string; TagSpecifications?: TagSpecification[] }) => ({
      Subnet: subnetOut(
        ctx,
        models.createSubnet(ctx.world, account(ctx), ctx.region, {
          vpcId: input.VpcId,
          cidrBlock: required(input.CidrBlock, 'CidrBlock'),
          availabilityZone: input.AvailabilityZone,
          availabilityZoneId: input.AvailabilityZoneId,
          tags: specifiedTags(input.TagSpecifications, 'subnet'),
        }),
      ),
    }),
  },
  DescribeSubnets: {
    handler: (ctx, input: DescribeInput & { SubnetIds?: string[] }) => {
      const visible = models.visibleSubnets(ctx.world, account(ctx), ctx.region);
      const selected = selectIds(visible, input.SubnetIds, (s) => s.subnetId, errors.subnetNotFound, models.checkSubnetId);
      const { items, nextToken } = page(applyFilters(selected, input.Filters, SUBNET_FILTERS, (s) => visibleTags(ctx, s)), input, 5, 1000);
      return { Subnets: items.map((s) => subnetOut(ctx, s)), NextToken: nextToken };
    },
  },
  DeleteSubnet: {
    resource: (ctx, input: { SubnetId: string }) => arn(ctx, 'subnet', input.SubnetId),
    handler: (ctx, input: { SubnetId: string }) => {
      models.deleteSubnet(ctx.world, account(ctx), ctx.region, input.SubnetId);
      return {};
    },
  },
  CreateManagedPrefixList: {
    handler: (ctx, input: { PrefixListName: string; AddressFamily: string; MaxEntries: number; Entries?: { Cidr: string; Description?: string }[]; TagSpecifications?: TagSpecification[] }) => ({
      PrefixList: prefixListOut(
        ctx,
        models.createManagedPrefixList(ctx.world, account(ctx), ctx.region, {
          prefixListName: input.PrefixListName,
          addressFamily: input.AddressFamily,
          maxEntries: input.MaxEntries,
          entries: input.Entries?.map((e) => ({ cidr: e.Cidr, description: e.Description })),
          tags: specifiedTags(input.TagSpecifications, 'prefix-list'),
        }),
        'create-in-progress',
      ),
    }),
  },
  DescribeManagedPrefixLists: {
    handler: (ctx, input: DescribeInput & { PrefixListIds?: string[] }) => {
      const visible = models.visiblePrefixLists(ctx.world, account(ctx), ctx.region);
      const selected = selectIds(visible, input.PrefixListIds, (p) => p.prefixListId, errors.prefixListNotFound);
      const { items, nextToken } = page(applyFilters(selected, input.Filters, PREFIX_LIST_FILTERS, (p) => visibleTags(ctx, p)), input, 1, 100);
      return { PrefixLists: items.map((p) => prefixListOut(ctx, p)), NextToken: nextToken };
    },
  },
  GetManagedPrefixListEntries: {
    handler: (ctx, input: { PrefixListId: string; TargetVersion?: number; MaxResults?: number; NextToken?: string }) => {
      const list = models.visiblePrefixList(ctx.world, account(ctx), ctx.region, input.PrefixListId);
      if (input.TargetVersion !== undefined && input.TargetVersion !== list.version) {
        throw errors.invalidParameterValue(`The prefix list ${list.prefixListId} does not have version ${input.TargetVersion}.`);
      }
      const { items, nextToken } = page(list.entries, input, 1, 100);
      return { Entries: items.map((e) => ({ Cidr: e.cidr, Description: e.description })), NextToken: nextToken };
    },
  },
  DeleteManagedPrefixList: {
    resource: (ctx, input: { PrefixListId: string }) => arn(ctx, 'prefix-list', input.PrefixListId),
    handler: (ctx, input: { PrefixListId: string }) => ({
      PrefixList: prefixListOut(ctx, models.deleteManagedPrefixList(ctx.world, account(ctx), ctx.region, input.PrefixListId), 'delete-in-progress'),
    }),
  },
  CreateTransitGateway: {
    handler: (ctx, input: { Description?: string; Options?: Record<string, unknown>; TagSpecifications?: TagSpecification[] }) => ({
      TransitGateway: transitGatewayOut(
        ctx,
        models.createTransitGateway(ctx.world, account(ctx), ctx.region, {
          description: input.Description,
          options: tgwOptions(input.Options),
          tags: specifiedTags(input.TagSpecifications, 'transit-gateway'),
        }),
        'pending',
      ),
    }),
  },
  DescribeTransitGateways: {
    handler: (ctx, input: DescribeInput & { TransitGatewayIds?: string[] }) => {
      const visible = models.visibleTransitGateways(ctx.world, account(ctx), ctx.region);
      const selected = selectIds(visible, input.TransitGatewayIds, (t) => t.transitGatewayId, errors.transitGatewayNotFound);
      const { items, nextToken } = page(applyFilters(selected, input.Filters, TRANSIT_GATEWAY_FILTERS, (t) => visibleTags(ctx, t)), input, 5, 1000);
      return { TransitGateways: items.map((t) => transitGatewayOut(ctx, t)), NextToken: nextToken };
    },
  },
  DeleteTransitGateway: {
    resource: (ctx, input: { TransitGatewayId: string }) => arn(ctx, 'transit-gateway', input.TransitGatewayId),
    handler: (ctx, input: { TransitGatewayId: string }) => ({
      TransitGateway: transitGatewayOut(ctx, models.deleteTransitGateway(ctx.world, account(ctx), ctx.region, input.TransitGatewayId), 'deleting'),
    }),
  },
  CreateTags: {
    handler: (ctx, input: { Resources: string[]; Tags: Tag[] }) => {
      models.createTags(ctx.world, account(ctx), ctx.region, input.Resources, tagsFrom(input.Tags));
      return {};
    },
  },
  DeleteTags: {
    handler: (ctx, input: { Resources: string[]; Tags?: Tag[] }) => {
      const tags = input.Tags?.map((t) => ({ key: t.Key ?? '', value: t.Value }));
      models.deleteTags(ctx.world, account(ctx), ctx.region, input.Resources, tags);
      return {};
    },
  },
  DescribeTags: {
    handler: (ctx, input: DescribeInput) => {
      const all = models.describeTags(ctx.world, account(ctx), ctx.region);
      const { items, nextToken } = page(applyFilters(all, input.Filters, TAG_FILTERS), input, 5, 1000);
      return {
        Tags: items.map((t) => ({ ResourceId: t.resourceId, ResourceType: t.resourceType, Key: t.key, Value: t.value })),
        NextToken: nextToken,
      };
    },
  },
  DescribeAvailabilityZones: {
    handler: (ctx, input: { ZoneNames?: string[]; ZoneIds?: string[]; Filters?: Filter[] }) => {
      let zones = models.availabilityZones(ctx.region);
      for (const name of input.ZoneNames ?? []) if (!zones.some((z) => z.zoneName === name)) throw errors.invalidZoneName(name);
      for (const id of input.ZoneIds ?? []) if (!zones.some((z) => z.zoneId === id)) throw errors.invalidZoneName(id);
      if (input.ZoneNames?.length || input.ZoneIds?.length) {
        zones = zones.filter((z) => input.ZoneNames?.includes(z.zoneName) || input.ZoneIds?.includes(z.zoneId));
      }
      return {
        AvailabilityZones: applyFilters(zones, input.Filters, ZONE_FILTERS).map((z) => ({
          ZoneName: z.zoneName,
          ZoneId: z.zoneId,
          RegionName: z.regionName,
          State: 'available',
          OptInStatus: 'opt-in-not-required',
          Messages: [],
          GroupName: z.regionName,
          NetworkBorderGroup: z.regionName,
          ZoneType: 'availability-zone',
        })),
      };
    },
  },
  DescribeRegions: {
    handler: (ctx, input: { RegionNames?: string[]; AllRegions?: boolean; Filters?: Filter[] }) => {
      const known = models.describeRegions(ctx.world, account(ctx), true);
      for (const name of input.RegionNames ?? []) if (!known.some((r) => r.region === name)) throw errors.invalidRegionName(name);
      // Named Regions are listed whatever their status (as moto does); otherwise only enabled ones unless AllRegions.
      const listed = input.RegionNames?.length
        ? known.filter((r) => input.RegionNames!.includes(r.region))
        : models.describeRegions(ctx.world, account(ctx), input.AllRegions === true);
      return {
        Regions: applyFilters(listed, input.Filters, REGION_FILTERS).map((r) => ({
          RegionName: r.region,
          Endpoint: `ec2.${r.region}.amazonaws.com`,
          OptInStatus: r.status,
        })),
      };
    },
  },
};
