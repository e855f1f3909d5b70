// The resources RAM can share, found across the services that own them (EC2, Route 53 Resolver,
// License Manager, ACM PCA), and asking RAM what is shared.
import type { RequestContext, World } from './core/types.js';
import { resourcesSharedWith } from './ram/models.js';
import * as acmpca from './acmpca/models.js';
import * as ec2 from './ec2/models.js';
import * as licensemanager from './licensemanager/models.js';
import * as route53resolver from './route53resolver/models.js';

export type ShareableResourceType =
  | 'ec2:Subnet'
  | 'ec2:PrefixList'
  | 'ec2:TransitGateway'
  | 'route53resolver:ResolverRule'
  | 'license-manager:LicenseConfiguration'
  | 'acm-pca:CertificateAuthority';

export interface ShareableResource {
  arn: string;
  /** In RAM's words, e.g. 'ec2:Subnet'. */
  resourceType: string;
  ownerAccountId: string;
  region: string;
  name?: string;
}

/** ARNs of resources of that type that RAM shares with the account in the Region. */
export function sharedResourceArns(world: World, accountId: string, region: string, resourceType: ShareableResourceType): string[] {
  return resourcesSharedWith(world, accountId, region, resourceType);
}

/**
 * Resources of another owner RAM shares with the account (a share to the organization reaches its
 * owner too), found by ARN in their service.
 */
export function sharedResources<T>(
  world: World,
  accountId: string,
  region: string,
  resourceType: ShareableResourceType,
  find: (arn: string) => T | undefined,
  ownerOf: (resource: T) => string,
): T[] {
  const out: T[] = [];
  for (const arn of sharedResourceArns(world, accountId, region, resourceType)) {
    const resource = find(arn);
    if (resource !== undefined && ownerOf(resource) !== accountId) out.push(resource);
  }
  return out;
}

/**
 * The resource an operation on `arn` is authorized against. Another account's resource needs a
 * resource-based policy, as in AWS; for one RAM shares with the caller that policy is the share's
 * managed permission, which the sandbox takes as granted, so only the caller's own policies apply.
 */
export function authorizationResource(ctx: RequestContext, arn: string, resourceType: ShareableResourceType): string {
  const shared = sharedResourceArns(ctx.world, ctx.caller.accountId, ctx.region, resourceType).includes(arn);
  return shared ? '*' : arn;
}

const tagName = (tags: Record<string, string>) => tags.Name;

function subnetResource(s: ec2.Subnet): ShareableResource {
  return { arn: s.subnetArn, resourceType: 'ec2:Subnet', ownerAccountId: s.ownerId, region: s.region, name: tagName(s.tags) };
}
function prefixListResource(p: ec2.ManagedPrefixList): ShareableResource {
  return { arn: p.prefixListArn, resourceType: 'ec2:PrefixList', ownerAccountId: p.ownerId, region: p.region, name: p.prefixListName };
}
function transitGatewayResource(t: ec2.TransitGateway): ShareableResource {
  return { arn: t.transitGatewayArn, resourceType: 'ec2:TransitGateway', ownerAccountId: t.ownerId, region: t.region, name: tagName(t.tags) ?? t.description };
}
function resolverRuleResource(r: route53resolver.ResolverRule): ShareableResource {
  return { arn: r.arn, resourceType: 'route53resolver:ResolverRule', ownerAccountId: r.ownerId, region: r.region, name: r.name ?? r.domainName };
}
function licenseConfigurationResource(c: licensemanager.LicenseConfiguration): ShareableResource {
  return { arn: c.licenseConfigurationArn, resourceType: 'license-manager:LicenseConfiguration', ownerAccountId: c.ownerAccountId, region: c.region, name: c.name };
}
function certificateAuthorityResource(ca: acmpca.CertificateAuthority): ShareableResource {
  const commonName = ca.configuration.Subject.CommonName;
  return {
    arn: ca.arn,
    resourceType: 'acm-pca:CertificateAuthority',
    ownerAccountId: ca.ownerAccount,
    region: ca.region,
    name: typeof commonName === 'string' ? commonName : undefined,
  };
}

/** Each type: how to list an account's own resources in a Region and find one by ARN. */
const TYPES: Record<ShareableResourceType, {
  own: (world: World, accountId: string, region: string) => ShareableResource[];
  find: (world: World, arn: string) => ShareableResource | undefined;
}> = {
  'ec2:Subnet': {
    own: (w, a, r) => ec2.ownSubnets(w, a, r).map(subnetResource),
    find: (w, arn) => mapDefined(ec2.subnetByArn(w, arn), subnetResource),
  },
  'ec2:PrefixList': {
    own: (w, a, r) => ec2.ownPrefixLists(w, a, r).map(prefixListResource),
    find: (w, arn) => mapDefined(ec2.prefixListByArn(w, arn), prefixListResource),
  },
  'ec2:TransitGateway': {
    own: (w, a, r) => ec2.ownTransitGateways(w, a, r).map(transitGatewayResource),
    find: (w, arn) => mapDefined(ec2.transitGatewayByArn(w, arn), transitGatewayResource),
  },
  'route53resolver:ResolverRule': {
    own: (w, a, r) => route53resolver.ownRules(w, a, r).map(resolverRuleResource),
    find: (w, arn) => mapDefined(route53resolver.ruleByArn(w, arn), resolverRuleResource),
  },
  'license-manager:LicenseConfiguration': {
    own: (w, a, r) => licensemanager.ownLicenseConfigurations(w, a, r).map(licenseConfigurationResource),
    find: (w, arn) => mapDefined(licensemanager.licenseConfigurationByArn(w, arn), licenseConfigurationResource),
  },
  'acm-pca:CertificateAuthority': {
    // A DELETED CA (still restorable) cannot be shared.
    own: (w, a, r) => acmpca.ownCertificateAuthorities(w, a, r).filter((ca) => ca.status !== 'DELETED').map(certificateAuthorityResource),
    find: (w, arn) => {
      const ca = acmpca.certificateAuthorityByArn(w, arn);
      return ca && ca.status !== 'DELETED' ? certificateAuthorityResource(ca) : undefined;
    },
  },
};

export const SHAREABLE_RESOURCE_TYPES = Object.keys(TYPES) as ShareableResourceType[];

function mapDefined<T, U>(value: T | undefined, map: (value: T) => U): U | undefined {
  return value === undefined ? undefined : map(value);
}

/** The resource an ARN names, whichever service owns it; undefined if it does not exist or is not shareable. */
export function findShareableResource(world: World, arn: string): ShareableResource | undefined {
  for (const type of SHAREABLE_RESOURCE_TYPES) {
    const found = TYPES[type].find(world, arn);
    if (found) return found;
  }
  return undefined;
}

/** The shareable resources the account owns in the Region, optionally of one type. */
export function listShareableResources(world: World, accountId: string, region: string, resourceType?: string): ShareableResource[] {
  const types = resourceType === undefined ? SHAREABLE_RESOURCE_TYPES : SHAREABLE_RESOURCE_TYPES.filter((t) => t === resourceType);
  return types.flatMap((type) => TYPES[type].own(world, accountId, region));
}
