// What RAM lets each shareable resource type do, in one place. Source: the AWS RAM User Guide's
// "Shareable AWS resources" table (IAM principals, accounts outside the organization) and the
// invitation-expiry list in ../../../shared/reference/aws-facts.md (7 days vs 12 hours).

export type RegionScope = 'REGIONAL' | 'GLOBAL';

export interface ResourceTypeCapabilities {
  /** RAM's name for the type, as in ListResourceTypes and ListPermissions. */
  resourceType: string;
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
