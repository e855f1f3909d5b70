// The resource types a share can hold, and what each allows: the list comes from RAM itself
// (ListResourceTypes), the capabilities RAM does not publish through its API from the "Shareable AWS
// resources" table in aws-facts.md. A type RAM lists that the table does not know is offered with the
// safest capabilities (no IAM principals, organization only) and says so.
import { paginateListResourceTypes, RAMClient } from '@aws-sdk/client-ram';
import { getClient } from '../aws/clients';

export interface ResourceTypeInfo {
  /** RAM's name: 'ec2:Subnet'. */
  resourceType: string;
  serviceName: string;
  regionScope: 'REGIONAL' | 'GLOBAL';
  /** The label the RAM console shows: 'Subnets'. */
  label: string;
  /** "Can share with IAM roles and users". */
  iamPrincipals: boolean;
  /** "Can share with accounts outside its organization". */
  outsideOrganization: boolean;
  /** False for a type RAM lists that the facts table does not cover (capabilities assumed restrictive). */
  known: boolean;
  /**
   * May be shared with a service principal (SERVICE.amazonaws.com): the RAM guide's "Can share with service
   * principals" column. Neither aws-facts.md nor the guide pages found mark any of the types above, so none is.
   */
  servicePrincipals?: boolean;
}

type Capabilities = Pick<ResourceTypeInfo, 'label' | 'iamPrincipals' | 'outsideOrganization'>;

/** aws-facts.md, "What each resource type allows". */
const CAPABILITIES: Record<string, Capabilities> = {
  'ec2:Subnet': { label: 'Subnets', iamPrincipals: false, outsideOrganization: false },
  'ec2:PrefixList': { label: 'Prefix lists', iamPrincipals: false, outsideOrganization: true },
  'ec2:TransitGateway': { label: 'Transit gateways', iamPrincipals: false, outsideOrganization: true },
  'route53resolver:ResolverRule': { label: 'Resolver rules', iamPrincipals: false, outsideOrganization: true },
  'route53resolver:FirewallRuleGroup': { label: 'DNS Firewall rule groups', iamPrincipals: true, outsideOrganization: true },
  'route53resolver:ResolverQueryLogConfig': { label: 'Resolver query logging configurations', iamPrincipals: true, outsideOrganization: true },
  'license-manager:LicenseConfiguration': { label: 'License configurations', iamPrincipals: false, outsideOrganization: true },
  'acm-pca:CertificateAuthority': { label: 'Private certificate authorities', iamPrincipals: true, outsideOrganization: true },
  'rds:Cluster': { label: 'Aurora DB clusters', iamPrincipals: false, outsideOrganization: true },
  'ec2:IpamPool': { label: 'IPAM pools', iamPrincipals: true, outsideOrganization: true },
  'ec2:CapacityReservation': { label: 'Capacity reservations', iamPrincipals: false, outsideOrganization: true },
  'ec2:DedicatedHost': { label: 'Dedicated hosts', iamPrincipals: false, outsideOrganization: true },
  'ec2:CoipPool': { label: 'Customer-owned IPv4 pools', iamPrincipals: false, outsideOrganization: false },
  'outposts:Outpost': { label: 'Outposts', iamPrincipals: false, outsideOrganization: false },
};

/** The capabilities of one type by RAM's name (types RAM may list later get the restrictive default). */
export function resourceTypeInfo(resourceType: string, serviceName = resourceType.split(':')[0], regionScope: 'REGIONAL' | 'GLOBAL' = 'REGIONAL'): ResourceTypeInfo {
  const known = CAPABILITIES[resourceType];
  return {
    resourceType,
    serviceName,
    regionScope,
    label: known?.label ?? resourceType,
    iamPrincipals: known?.iamPrincipals ?? false,
    outsideOrganization: known?.outsideOrganization ?? false,
    known: !!known,
  };
}

/** The types among `types` that can only be shared within the organization (a share holding one never reaches outside). */
export function orgOnlyTypes(types: ResourceTypeInfo[]): ResourceTypeInfo[] {
  return types.filter((t) => !t.outsideOrganization);
}

/** Whether a share reaches outside: RAM's flag, unless a type it holds never leaves the organization (which the flag does not say). */
export function externalFact(allowed: boolean | undefined, resourceTypes: string[]): string {
  const closed = orgOnlyTypes([...new Set(resourceTypes)].map((t) => resourceTypeInfo(t)));
  if (closed.length) return `no: ${closed.map((t) => t.label).join(', ')} can only be shared within the organization`;
  return allowed === undefined ? 'unknown' : allowed ? 'yes' : 'no';
}

/** Global types can only be shared from the home Region. */
export const GLOBAL_TYPES_REGION = 'us-east-1';

/** Every type RAM offers in the Region (ListResourceTypes), with its capabilities, in label order. */
export async function listResourceTypes(target: { accountId: string; region: string }): Promise<ResourceTypeInfo[]> {
  const out: ResourceTypeInfo[] = [];
  for await (const page of paginateListResourceTypes({ client: getClient(RAMClient, target) }, { resourceRegionScope: 'ALL' })) {
    for (const t of page.resourceTypes ?? []) {
      if (t.resourceType) out.push(resourceTypeInfo(t.resourceType, t.serviceName, t.resourceRegionScope === 'GLOBAL' ? 'GLOBAL' : 'REGIONAL'));
    }
  }
  return out.sort((a, b) => a.label.localeCompare(b.label));
}

/** The resource type an ARN denotes (arn:aws:ec2:…:subnet/… → ec2:Subnet), among the given types. */
export function resourceTypeOfArn(arn: string): string | undefined {
  const m = /^arn:aws[a-z-]*:([a-z0-9-]+):[a-z0-9-]*:\d{12}:([a-z-]+)[/:]/.exec(arn);
  if (!m) return undefined;
  return ARN_TYPES[`${m[1]}:${m[2]}`];
}

const ARN_TYPES: Record<string, string> = {
  'ec2:subnet': 'ec2:Subnet',
  'ec2:prefix-list': 'ec2:PrefixList',
  'ec2:transit-gateway': 'ec2:TransitGateway',
  'route53resolver:resolver-rule': 'route53resolver:ResolverRule',
  'route53resolver:firewall-rule-group': 'route53resolver:FirewallRuleGroup',
  'route53resolver:resolver-query-log-config': 'route53resolver:ResolverQueryLogConfig',
  'license-manager:license-configuration': 'license-manager:LicenseConfiguration',
  'acm-pca:certificate-authority': 'acm-pca:CertificateAuthority',
  'rds:cluster': 'rds:Cluster',
  'ec2:ipam-pool': 'ec2:IpamPool',
  'ec2:capacity-reservation': 'ec2:CapacityReservation',
  'ec2:dedicated-host': 'ec2:DedicatedHost',
  'ec2:coip-pool': 'ec2:CoipPool',
  'outposts:outpost': 'outposts:Outpost',
};
