// The resource types RAM shares: what RAM lets each do, in one table, and what the service owning
// a type tells RAM (its `shareable.ts`; ./shareable.ts collects them). Imports no service. Source:
// the AWS RAM User Guide's "Shareable AWS resources" table (IAM principals, accounts outside the
// organization) and the invitation-expiry list in ../../../shared/reference/aws-facts.md (7 days vs 12 hours).
import type { World } from '../core/types.js';

/** RAM's name for each type the sandbox can share, as in ListResourceTypes and ListPermissions. */
export type ShareableResourceType =
  | 'ec2:Subnet'
  | 'ec2:PrefixList'
  | 'ec2:TransitGateway'
  | 'route53resolver:ResolverRule'
  | 'license-manager:LicenseConfiguration'
  | 'acm-pca:CertificateAuthority';

/** A resource as RAM sees it, whichever service owns it. */
export interface ShareableResource {
  arn: string;
  resourceType: ShareableResourceType;
  ownerAccountId: string;
  region: string;
  name?: string;
}

/** How RAM finds resources of one type in the service that owns it. */
export interface ShareableType {
  /** The resources of the type the account owns in the Region and can share now. */
  own(world: World, accountId: string, region: string): ShareableResource[];
  /** The resource an ARN names; undefined if it does not exist or cannot be shared now. */
  find(world: World, arn: string): ShareableResource | undefined;
}

/** What a resource service declares in its `shareable.ts`: each of its types and how to find them. */
export type ShareableProvider = Partial<Record<ShareableResourceType, ShareableType>>;

export type RegionScope = 'REGIONAL' | 'GLOBAL';

export interface ResourceTypeCapabilities {
  /** RAM's name for the type, as in ListResourceTypes and ListPermissions. */
  resourceType: ShareableResourceType;
  serviceName: string;
  /** ARN service and resource-type segment that identify the type, e.g. ec2 + subnet. */
  arnService: string;
  arnResourceType: string;
  regionScope: RegionScope;
  /** "Can share with IAM users and roles". */
  shareableWithIamPrincipals: boolean;
  /** "Can share with accounts outside its organization". */
  shareableOutsideOrganization: boolean;
  /** How long an invitation to a share holding this type stays acceptable. */
  invitationExpiryHours: number;
  /**
   * "Customer managed permissions": whether CreatePermission accepts the type. aws-facts.md's 2023 snapshot lists
   * none of these six; the sandbox allows them for prefix lists (issue 21's scenario) and ACM PCA (whose
   * resource-policy shares RAM promotes to a customer managed permission). See the README's differences.
   */
  customerManagedPermissions: boolean;
  /** Whether a service principal (SERVICE.amazonaws.com) may receive the type; none of the sandbox's types may. */
  shareableWithServicePrincipals: boolean;
}

const SEVEN_DAYS = 7 * 24;
const TWELVE_HOURS = 12;

export const RESOURCE_TYPES: readonly ResourceTypeCapabilities[] = [
  {
    resourceType: 'acm-pca:CertificateAuthority',
    serviceName: 'acm-pca',
    arnService: 'acm-pca',
    arnResourceType: 'certificate-authority',
    regionScope: 'REGIONAL',
    shareableWithIamPrincipals: true,
    shareableOutsideOrganization: true,
    customerManagedPermissions: true,
    shareableWithServicePrincipals: false,
    invitationExpiryHours: TWELVE_HOURS,
  },
  {
    resourceType: 'ec2:PrefixList',
    serviceName: 'ec2',
    arnService: 'ec2',
    arnResourceType: 'prefix-list',
    regionScope: 'REGIONAL',
    shareableWithIamPrincipals: false,
    shareableOutsideOrganization: true,
    customerManagedPermissions: true,
    shareableWithServicePrincipals: false,
    invitationExpiryHours: SEVEN_DAYS,
  },
  {
    resourceType: 'ec2:Subnet',
    serviceName: 'ec2',
    arnService: 'ec2',
    arnResourceType: 'subnet',
    regionScope: 'REGIONAL',
    shareableWithIamPrincipals: false,
    shareableOutsideOrganization: false,
    customerManagedPermissions: false,
    shareableWithServicePrincipals: false,
    invitationExpiryHours: SEVEN_DAYS,
  },
  {
    resourceType: 'ec2:TransitGateway',
    serviceName: 'ec2',
    arnService: 'ec2',
    arnResourceType: 'transit-gateway',
    regionScope: 'REGIONAL',
    shareableWithIamPrincipals: false,
    shareableOutsideOrganization: true,
    customerManagedPermissions: false,
    shareableWithServicePrincipals: false,
    invitationExpiryHours: SEVEN_DAYS,
  },
  {
    resourceType: 'license-manager:LicenseConfiguration',
    serviceName: 'license-manager',
    arnService: 'license-manager',
    arnResourceType: 'license-configuration',
    regionScope: 'REGIONAL',
    shareableWithIamPrincipals: false,
    shareableOutsideOrganization: true,
    customerManagedPermissions: false,
    shareableWithServicePrincipals: false,
    invitationExpiryHours: SEVEN_DAYS,
  },
  {
    resourceType: 'route53resolver:ResolverRule',
    serviceName: 'route53resolver',
    arnService: 'route53resolver',
    arnResourceType: 'resolver-rule',
    regionScope: 'REGIONAL',
    shareableWithIamPrincipals: false,
    shareableOutsideOrganization: true,
    customerManagedPermissions: false,
    shareableWithServicePrincipals: false,
    invitationExpiryHours: SEVEN_DAYS,
  },
];

const BY_NAME = new Map(RESOURCE_TYPES.map((t) => [t.resourceType.toLowerCase(), t]));

/** The capabilities of a type named as RAM names it (case-insensitive, as RAM accepts it). */
export function resourceType(name: string): ResourceTypeCapabilities | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** The type an ARN's service and resource segment denote, e.g. `arn:aws:ec2:…:subnet/subnet-…` → ec2:Subnet. */
export function resourceTypeOfArn(arnService: string, arnResource: string): ResourceTypeCapabilities | undefined {
  const segment = arnResource.split(/[/:]/)[0];
  return RESOURCE_TYPES.find((t) => t.arnService === arnService && t.arnResourceType === segment);
}

/** A share's invitation lasts 7 days only when every type in it is on AWS's 7-day list. */
export function invitationExpiryHours(types: Iterable<ResourceTypeCapabilities>): number {
  let hours = SEVEN_DAYS;
  let any = false;
  for (const t of types) {
    any = true;
    hours = Math.min(hours, t.invitationExpiryHours);
  }
  return any ? hours : TWELVE_HOURS;
}
