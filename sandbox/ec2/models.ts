// EC2 state and rules for the networking resources RAM shares: VPCs with their subnets, managed
// prefix lists and transit gateways. State is per (account, Region), as in EC2.
import type { World } from '../core/types.js';
import { HEX, newId, now, serviceState } from '../core/world.js';
import { parseArn } from '../core/arn.js';
import { scopeKey } from '../core/scope.js';
import type { ShareableResourceType } from '../ram/resource-types.js';
import { sharedResources } from '../ram/state.js';
import * as errors from './exceptions.js';

export type Tags = Record<string, string>;

export interface Vpc {
  vpcId: string;
  ownerId: string;
  region: string;
  cidrBlock: string;
  cidrBlockAssociationId: string;
  dhcpOptionsId: string;
  instanceTenancy: 'default' | 'dedicated' | 'host';
  isDefault: boolean;
  tags: Tags;
}

export interface Subnet {
  subnetId: string;
  subnetArn: string;
  ownerId: string;
  region: string;
  vpcId: string;
  cidrBlock: string;
  availabilityZone: string;
  availabilityZoneId: string;
  tags: Tags;
}

export interface PrefixListEntry {
  cidr: string;
  description?: string;
}

export interface ManagedPrefixList {
  prefixListId: string;
  prefixListArn: string;
  prefixListName: string;
  ownerId: string;
  region: string;
  addressFamily: 'IPv4' | 'IPv6';
  maxEntries: number;
  version: number;
  entries: PrefixListEntry[];
  tags: Tags;
}

export interface TransitGatewayOptions {
  amazonSideAsn: number;
  autoAcceptSharedAttachments: 'enable' | 'disable';
  defaultRouteTableAssociation: 'enable' | 'disable';
  defaultRouteTablePropagation: 'enable' | 'disable';
  associationDefaultRouteTableId?: string;
  propagationDefaultRouteTableId?: string;
  vpnEcmpSupport: 'enable' | 'disable';
  dnsSupport: 'enable' | 'disable';
  securityGroupReferencingSupport: 'enable' | 'disable';
  multicastSupport: 'enable' | 'disable';
  transitGatewayCidrBlocks: string[];
}

export interface TransitGateway {
  transitGatewayId: string;
  transitGatewayArn: string;
  ownerId: string;
  region: string;
  description?: string;
  creationTime: Date;
  options: TransitGatewayOptions;
  tags: Tags;
}

/** One account's EC2 resources in one Region. */
export interface Ec2Scope {
  dhcpOptionsId: string;
  vpcs: Map<string, Vpc>;
  subnets: Map<string, Subnet>;
  prefixLists: Map<string, ManagedPrefixList>;
  transitGateways: Map<string, TransitGateway>;
}

export interface Ec2State {
  /** Keyed by `ACCOUNT/REGION`. */
  scopes: Map<string, Ec2Scope>;
  /** Opt-in Regions each account has enabled (Account's EnableRegion); absent: none. */
  optedIn?: Map<string, Set<string>>;
}

export const emptyEc2State = (): Ec2State => ({ scopes: new Map() });

function existingScope(world: World, accountId: string, region: string): Ec2Scope | undefined {
  return serviceState(world, 'ec2', emptyEc2State).scopes.get(scopeKey(accountId, region));
}

function scope(world: World, accountId: string, region: string): Ec2Scope {
  const scopes = serviceState(world, 'ec2', emptyEc2State).scopes;
  const key = scopeKey(accountId, region);
  let found = scopes.get(key);
  if (!found) {
    // Every account has its Region's default DHCP options set, which new VPCs use.
    found = {
      dhcpOptionsId: `dopt-${newId(world, 17, HEX)}`,
      vpcs: new Map(),
      subnets: new Map(),
      prefixLists: new Map(),
      transitGateways: new Map(),
    };
    scopes.set(key, found);
  }
  return found;
}

const resourceId = (world: World, prefix: string) => `${prefix}-${newId(world, 17, HEX)}`;

// ---------------------------------------------------------------------------------------------
// Regions and Availability Zones

/** The Regions enabled by default in a new account (opt-in Regions are left out). */
export const REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1',
  'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2',
];

/** Regions disabled in a new account until it opts in (AWS's Regions launched since March 2019). */
export const OPT_IN_REGIONS = [
  'af-south-1', 'ap-east-1', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ca-west-1',
  'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
];

export type RegionOptInStatus = 'opt-in-not-required' | 'opted-in' | 'not-opted-in';

/** Enables an opt-in Region for an account (what Account's EnableRegion ends in; seeds and tests set it directly). */
export function optInRegion(world: World, accountId: string, region: string): void {
  if (!OPT_IN_REGIONS.includes(region)) throw new Error(`${region} is not an opt-in Region`);
  const state = serviceState(world, 'ec2', emptyEc2State);
  state.optedIn ??= new Map();
  const regions = state.optedIn.get(accountId) ?? new Set<string>();
  regions.add(region);
  state.optedIn.set(accountId, regions);
}

export function regionOptInStatus(world: World, accountId: string, region: string): RegionOptInStatus {
  if (!OPT_IN_REGIONS.includes(region)) return 'opt-in-not-required';
  return serviceState(world, 'ec2', emptyEc2State).optedIn?.get(accountId)?.has(region) ? 'opted-in' : 'not-opted-in';
}

/** DescribeRegions: the Regions enabled for the account, or with AllRegions every Region whatever its status. */
export function describeRegions(world: World, accountId: string, all: boolean): { region: string; status: RegionOptInStatus }[] {
  return [...REGIONS, ...OPT_IN_REGIONS]
    .map((region) => ({ region, status: regionOptInStatus(world, accountId, region) }))
    .filter((r) => all || r.status !== 'not-opted-in');
}

const ZONE_COUNT: Record<string, number> = { 'us-east-1': 6, 'us-west-2': 4 };
const DIRECTION: Record<string, string> = {
  east: 'e', west: 'w', north: 'n', south: 's', central: 'c', northeast: 'ne', northwest: 'nw', southeast: 'se', southwest: 'sw',
};

export interface AvailabilityZone {
  zoneName: string;
  zoneId: string;
  regionName: string;
}

/** Zone IDs such as use1-az1; AWS maps names to IDs per account, the sandbox uses one mapping for all. */
export function availabilityZones(region: string): AvailabilityZone[] {
  const [geo, direction, number] = region.split('-');
  const short = `${geo}${DIRECTION[direction] ?? direction[0]}${number}`;
  const count = ZONE_COUNT[region] ?? 3;
  return Array.from({ length: count }, (_, i) => ({
    zoneName: `${region}${'abcdefgh'[i]}`,
    zoneId: `${short}-az${i + 1}`,
    regionName: region,
  }));
}

// ---------------------------------------------------------------------------------------------
// CIDR arithmetic (IPv4)

interface Cidr {
  first: number;
  size: number;
  prefix: number;
}

export function parseIpv4Cidr(text: string): Cidr | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const first = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  if (first % size !== 0) return undefined;
  return { first, size, prefix };
}

const contains = (outer: Cidr, inner: Cidr) => inner.first >= outer.first && inner.first + inner.size <= outer.first + outer.size;
const overlaps = (a: Cidr, b: Cidr) => a.first < b.first + b.size && b.first < a.first + a.size;

function isIpv6Cidr(text: string): boolean {
  const [address, prefix] = text.split('/');
  return prefix !== undefined && /^\d{1,3}$/.test(prefix) && Number(prefix) <= 128 && /^[0-9a-fA-F:]+$/.test(address) && address.includes(':');
}

/** Usable addresses: AWS reserves the first four and the last address of every subnet. */
export const availableIpAddressCount = (subnet: Subnet) => 2 ** (32 - parseIpv4Cidr(subnet.cidrBlock)!.prefix) - 5;

// ---------------------------------------------------------------------------------------------
// Visibility: own resources, plus the ones RAM shares with the account.

/** Resources of another owner shared with the account (a share to the organization reaches its owner too). */
function sharedRecords<T extends { ownerId: string }>(
  world: World, accountId: string, region: string, resourceType: ShareableResourceType, find: (arn: string) => T | undefined,
): T[] {
  return sharedResources(world, accountId, region, resourceType, find, (record) => record.ownerId);
}

function byArn<T>(world: World, arn: string, type: string, pick: (scope: Ec2Scope) => Map<string, T>): T | undefined {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'ec2' || !parsed.resource.startsWith(`${type}/`)) return undefined;
  const home = existingScope(world, parsed.account, parsed.region);
  return home && pick(home).get(parsed.resource.slice(type.length + 1));
}

export const subnetByArn = (world: World, arn: string) => byArn(world, arn, 'subnet', (s) => s.subnets);
export const prefixListByArn = (world: World, arn: string) => byArn(world, arn, 'prefix-list', (s) => s.prefixLists);
export const transitGatewayByArn = (world: World, arn: string) => byArn(world, arn, 'transit-gateway', (s) => s.transitGateways);

export function ownSubnets(world: World, accountId: string, region: string): Subnet[] {
  return [...(existingScope(world, accountId, region)?.subnets.values() ?? [])];
}
export function ownPrefixLists(world: World, accountId: string, region: string): ManagedPrefixList[] {
  return [...(existingScope(world, accountId, region)?.prefixLists.values() ?? [])];
}
export function ownTransitGateways(world: World, accountId: string, region: string): TransitGateway[] {
  return [...(existingScope(world, accountId, region)?.transitGateways.values() ?? [])];
}

/** Subnets the account sees in DescribeSubnets: its own, then those shared with it (OwnerId = owner). */
export function visibleSubnets(world: World, accountId: string, region: string): Subnet[] {
  return [...ownSubnets(world, accountId, region), ...sharedRecords(world, accountId, region, 'ec2:Subnet', (arn) => subnetByArn(world, arn))];
}

/** A participant in a shared subnet also sees the owner's VPC, as VPC sharing does in AWS. */
export function visibleVpcs(world: World, accountId: string, region: string): Vpc[] {
  const own = [...(existingScope(world, accountId, region)?.vpcs.values() ?? [])];
  const shared = new Map<string, Vpc>();
  for (const subnet of visibleSubnets(world, accountId, region)) {
    if (subnet.ownerId === accountId) continue;
    const vpc = existingScope(world, subnet.ownerId, subnet.region)?.vpcs.get(subnet.vpcId);
    if (vpc) shared.set(vpc.vpcId, vpc);
  }
  return [...own, ...shared.values()];
}

export function visiblePrefixLists(world: World, accountId: string, region: string): ManagedPrefixList[] {
  return [
    ...ownPrefixLists(world, accountId, region),
    ...sharedRecords(world, accountId, region, 'ec2:PrefixList', (arn) => prefixListByArn(world, arn)),
  ];
}

export function visibleTransitGateways(world: World, accountId: string, region: string): TransitGateway[] {
  return [
    ...ownTransitGateways(world, accountId, region),
    ...sharedRecords(world, accountId, region, 'ec2:TransitGateway', (arn) => transitGatewayByArn(world, arn)),
  ];
}

// ---------------------------------------------------------------------------------------------
// ID checks

const ID_PATTERN = (prefix: string) => new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`);

export function checkVpcId(id: string): void {
  if (!ID_PATTERN('vpc').test(id)) throw errors.malformedId('InvalidVpcID.Malformed', id, 'vpc');
}

export function checkSubnetId(id: string): void {
  if (!ID_PATTERN('subnet').test(id)) throw errors.malformedId('InvalidSubnetID.Malformed', id, 'subnet');
}

function ownVpc(world: World, accountId: string, region: string, vpcId: string): Vpc {
  checkVpcId(vpcId);
  const vpc = existingScope(world, accountId, region)?.vpcs.get(vpcId);
  if (!vpc) throw errors.vpcNotFound(vpcId);
  return vpc;
}

// ---------------------------------------------------------------------------------------------
// VPCs and subnets

export interface CreateVpcParams {
  cidrBlock: string;
  instanceTenancy?: Vpc['instanceTenancy'];
  tags?: Tags;
}

export function createVpc(world: World, accountId: string, region: string, params: CreateVpcParams): Vpc {
  const cidr = parseIpv4Cidr(params.cidrBlock);
  if (!cidr) throw errors.invalidCidrBlock(params.cidrBlock);
  if (cidr.prefix < 16 || cidr.prefix > 28) throw errors.invalidVpcRange(params.cidrBlock);
  const home = scope(world, accountId, region);
  const vpc: Vpc = {
    vpcId: resourceId(world, 'vpc'),
    ownerId: accountId,
    region,
    cidrBlock: params.cidrBlock,
    cidrBlockAssociationId: resourceId(world, 'vpc-cidr-assoc'),
    dhcpOptionsId: home.dhcpOptionsId,
    instanceTenancy: params.instanceTenancy ?? 'default',
    isDefault: false,
    tags: { ...params.tags },
  };
  home.vpcs.set(vpc.vpcId, vpc);
  return vpc;
}

export function deleteVpc(world: World, accountId: string, region: string, vpcId: string): void {
  ownVpc(world, accountId, region, vpcId);
  const home = scope(world, accountId, region);
  if ([...home.subnets.values()].some((s) => s.vpcId === vpcId)) {
    throw errors.dependencyViolation(`The vpc '${vpcId}' has dependencies and cannot be deleted.`);
  }
  home.vpcs.delete(vpcId);
}

export interface CreateSubnetParams {
  vpcId: string;
  cidrBlock: string;
  availabilityZone?: string;
  availabilityZoneId?: string;
  tags?: Tags;
}

function pickZone(world: World, accountId: string, region: string, params: CreateSubnetParams): AvailabilityZone {
  const zones = availabilityZones(region);
  if (params.availabilityZone !== undefined || params.availabilityZoneId !== undefined) {
    const zone = zones.find((z) => z.zoneName === params.availabilityZone || z.zoneId === params.availabilityZoneId);
    if (!zone) throw errors.invalidAvailabilityZone(params.availabilityZone ?? params.availabilityZoneId!, zones.map((z) => z.zoneName));
    return zone;
  }
  // AWS picks a zone for you; the sandbox spreads subnets over the zones deterministically.
  const inVpc = ownSubnets(world, accountId, region).filter((s) => s.vpcId === params.vpcId).length;
  return zones[inVpc % zones.length];
}

export function createSubnet(world: World, accountId: string, region: string, params: CreateSubnetParams): Subnet {
  const vpc = ownVpc(world, accountId, region, params.vpcId);
  const cidr = parseIpv4Cidr(params.cidrBlock);
  if (!cidr) throw errors.invalidCidrBlock(params.cidrBlock);
  if (cidr.prefix < 16 || cidr.prefix > 28 || !contains(parseIpv4Cidr(vpc.cidrBlock)!, cidr)) {
    throw errors.invalidSubnetRange(params.cidrBlock);
  }
  const siblings = ownSubnets(world, accountId, region).filter((s) => s.vpcId === vpc.vpcId);
  if (siblings.some((s) => overlaps(parseIpv4Cidr(s.cidrBlock)!, cidr))) throw errors.invalidSubnetConflict(params.cidrBlock);
  const zone = pickZone(world, accountId, region, params);
  const subnetId = resourceId(world, 'subnet');
  const subnet: Subnet = {
    subnetId,
    subnetArn: `arn:aws:ec2:${region}:${accountId}:subnet/${subnetId}`,
    ownerId: accountId,
    region,
    vpcId: vpc.vpcId,
    cidrBlock: params.cidrBlock,
    availabilityZone: zone.zoneName,
    availabilityZoneId: zone.zoneId,
    tags: { ...params.tags },
  };
  scope(world, accountId, region).subnets.set(subnetId, subnet);
  return subnet;
}

export function deleteSubnet(world: World, accountId: string, region: string, subnetId: string): void {
  checkSubnetId(subnetId);
  if (!existingScope(world, accountId, region)?.subnets.delete(subnetId)) throw errors.subnetNotFound(subnetId);
}

// ---------------------------------------------------------------------------------------------
// Managed prefix lists

export interface CreateManagedPrefixListParams {
  prefixListName: string;
  addressFamily: string;
  maxEntries: number;
  entries?: PrefixListEntry[];
  tags?: Tags;
}

export function createManagedPrefixList(world: World, accountId: string, region: string, params: CreateManagedPrefixListParams): ManagedPrefixList {
  const { addressFamily, maxEntries } = params;
  if (addressFamily !== 'IPv4' && addressFamily !== 'IPv6') {
    throw errors.invalidParameterValue(`Value (${addressFamily}) for parameter addressFamily is invalid. Valid values are IPv4 and IPv6.`);
  }
  if (!Number.isInteger(maxEntries) || maxEntries < 1 || maxEntries > 1000) {
    throw errors.invalidParameterValue(`Value (${maxEntries}) for parameter maxEntries is invalid. It must be between 1 and 1000.`);
  }
  const entries = params.entries ?? [];
  if (entries.length > maxEntries) {
    throw errors.invalidParameterValue(`The number of entries (${entries.length}) exceeds the maximum number of entries (${maxEntries}).`);
  }
  for (const entry of entries) {
    const valid = addressFamily === 'IPv4' ? parseIpv4Cidr(entry.cidr) !== undefined : isIpv6Cidr(entry.cidr);
    if (!valid) throw errors.invalidParameterValue(`Value (${entry.cidr}) for parameter cidr is invalid. This is not a valid ${addressFamily} CIDR block.`);
  }
  const prefixListId = resourceId(world, 'pl');
  const list: ManagedPrefixList = {
    prefixListId,
    prefixListArn: `arn:aws:ec2:${region}:${accountId}:prefix-list/${prefixListId}`,
    prefixListName: params.prefixListName,
    ownerId: accountId,
    region,
    addressFamily,
    maxEntries,
    version: 1,
    entries: entries.map((e) => ({ ...e })),
    tags: { ...params.tags },
  };
  scope(world, accountId, region).prefixLists.set(prefixListId, list);
  return list;
}

/** A prefix list the account owns or that is shared with it (receivers may read its entries). */
export function visiblePrefixList(world: World, accountId: string, region: string, prefixListId: string): ManagedPrefixList {
  const found = visiblePrefixLists(world, accountId, region).find((p) => p.prefixListId === prefixListId);
  if (!found) throw errors.prefixListNotFound(prefixListId);
  return found;
}

export function deleteManagedPrefixList(world: World, accountId: string, region: string, prefixListId: string): ManagedPrefixList {
  const home = existingScope(world, accountId, region);
  const list = home?.prefixLists.get(prefixListId);
  if (!home || !list) throw errors.prefixListNotFound(prefixListId);
  home.prefixLists.delete(prefixListId);
  return list;
}

// ---------------------------------------------------------------------------------------------
// Transit gateways

export interface CreateTransitGatewayParams {
  description?: string;
  options?: Partial<Omit<TransitGatewayOptions, 'associationDefaultRouteTableId' | 'propagationDefaultRouteTableId'>>;
  tags?: Tags;
}

export function createTransitGateway(world: World, accountId: string, region: string, params: CreateTransitGatewayParams): TransitGateway {
  const requested = params.options ?? {};
  const asn = requested.amazonSideAsn ?? 64512;
  const privateAsn = (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294);
  if (!privateAsn) {
    throw errors.invalidParameterValue(`Value (${asn}) for parameter amazonSideAsn is invalid. It must be a private ASN.`);
  }
  const transitGatewayId = resourceId(world, 'tgw');
  const options: TransitGatewayOptions = {
    amazonSideAsn: asn,
    autoAcceptSharedAttachments: requested.autoAcceptSharedAttachments ?? 'disable',
    defaultRouteTableAssociation: requested.defaultRouteTableAssociation ?? 'enable',
    defaultRouteTablePropagation: requested.defaultRouteTablePropagation ?? 'enable',
    vpnEcmpSupport: requested.vpnEcmpSupport ?? 'enable',
    dnsSupport: requested.dnsSupport ?? 'enable',
    securityGroupReferencingSupport: requested.securityGroupReferencingSupport ?? 'disable',
    multicastSupport: requested.multicastSupport ?? 'disable',
    transitGatewayCidrBlocks: requested.transitGatewayCidrBlocks ?? [],
  };
  // With default association/propagation on, AWS creates the default route table with the gateway.
  const routeTableId = options.defaultRouteTableAssociation === 'enable' || options.defaultRouteTablePropagation === 'enable'
    ? resourceId(world, 'tgw-rtb')
    : undefined;
  if (options.defaultRouteTableAssociation === 'enable') options.associationDefaultRouteTableId = routeTableId;
  if (options.defaultRouteTablePropagation === 'enable') options.propagationDefaultRouteTableId = routeTableId;
  const gateway: TransitGateway = {
    transitGatewayId,
    transitGatewayArn: `arn:aws:ec2:${region}:${accountId}:transit-gateway/${transitGatewayId}`,
    ownerId: accountId,
    region,
    description: params.description,
    creationTime: now(world),
    options,
    tags: { ...params.tags },
  };
  scope(world, accountId, region).transitGateways.set(transitGatewayId, gateway);
  return gateway;
}

export function deleteTransitGateway(world: World, accountId: string, region: string, transitGatewayId: string): TransitGateway {
  const home = existingScope(world, accountId, region);
  const gateway = home?.transitGateways.get(transitGatewayId);
  if (!home || !gateway) throw errors.transitGatewayNotFound(transitGatewayId);
  home.transitGateways.delete(transitGatewayId);
  return gateway;
}

// ---------------------------------------------------------------------------------------------
// Tags (on the caller's own resources)

type Tagged = { tags: Tags };

const TAGGABLE: { prefix: string; resourceType: string; collection: 'vpcs' | 'subnets' | 'prefixLists' | 'transitGateways'; notFound: (id: string) => Error }[] = [
  { prefix: 'vpc-', resourceType: 'vpc', collection: 'vpcs', notFound: errors.vpcNotFound },
  { prefix: 'subnet-', resourceType: 'subnet', collection: 'subnets', notFound: errors.subnetNotFound },
  { prefix: 'pl-', resourceType: 'prefix-list', collection: 'prefixLists', notFound: errors.prefixListNotFound },
  { prefix: 'tgw-', resourceType: 'transit-gateway', collection: 'transitGateways', notFound: errors.transitGatewayNotFound },
];

function taggedResource(world: World, accountId: string, region: string, id: string): Tagged {
  const kind = TAGGABLE.find((k) => id.startsWith(k.prefix) && !id.startsWith('tgw-rtb-'));
  if (!kind) throw errors.invalidId(id);
  const found = existingScope(world, accountId, region)?.[kind.collection].get(id);
  if (!found) throw kind.notFound(id);
  return found;
}

export function createTags(world: World, accountId: string, region: string, resourceIds: string[], tags: Tags): void {
  const resources = resourceIds.map((id) => taggedResource(world, accountId, region, id));
  for (const resource of resources) Object.assign(resource.tags, tags);
}

/** Removes the keys given; a value given must match for the tag to go (as DeleteTags does). */
export function deleteTags(world: World, accountId: string, region: string, resourceIds: string[], tags?: { key: string; value?: string }[]): void {
  const resources = resourceIds.map((id) => taggedResource(world, accountId, region, id));
  for (const resource of resources) {
    if (!tags || tags.length === 0) {
      for (const key of Object.keys(resource.tags)) delete resource.tags[key];
      continue;
    }
    for (const { key, value } of tags) {
      if (key in resource.tags && (value === undefined || resource.tags[key] === value)) delete resource.tags[key];
    }
  }
}

export interface TagDescription {
  resourceId: string;
  resourceType: string;
  key: string;
  value: string;
}

export function describeTags(world: World, accountId: string, region: string): TagDescription[] {
  const home = existingScope(world, accountId, region);
  if (!home) return [];
  const out: TagDescription[] = [];
  for (const kind of TAGGABLE) {
    for (const [id, resource] of home[kind.collection] as Map<string, Tagged>) {
      for (const [key, value] of Object.entries(resource.tags)) out.push({ resourceId: id, resourceType: kind.resourceType, key, value });
    }
  }
  return out;
}
