// The resources an account owns in a Region, per RAM resource type, listed from their own services (the
// RAM console does the same): what the wizard offers to share. Resources shared *with* the account are
// left out (only the owner can share a resource), and so are AWS-owned ones (AWS-managed prefix lists).
import { ACMPCAClient, paginateListCertificateAuthorities } from '@aws-sdk/client-acm-pca';
import { EC2Client, paginateDescribeManagedPrefixLists, paginateDescribeSubnets, paginateDescribeTransitGateways, type Tag } from '@aws-sdk/client-ec2';
import { LicenseManagerClient, ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { paginateListResolverRules, Route53ResolverClient } from '@aws-sdk/client-route53resolver';
import { getClient } from '../aws/clients';

export interface OwnedResource {
  arn: string;
  /** The service's own ID: subnet-…, pl-…, rslvr-rr-…, or the ARN's last part. */
  id: string;
  name?: string;
  resourceType: string;
  /** What tells resources of the type apart, in the RAM console's column names. */
  details: { label: string; value: string }[];
}

export interface ResourceListing {
  resources: OwnedResource[];
  /** How many the account sees that it does not own (shared with it), and so cannot share. */
  notOwned: number;
}

type Target = { accountId: string; region: string };
type Lister = (target: Target) => Promise<ResourceListing>;

const nameTag = (tags: Tag[] | undefined) => tags?.find((t) => t.Key === 'Name')?.Value;
const detail = (label: string, value: string | number | undefined) => (value === undefined || value === '' ? [] : [{ label, value: String(value) }]);

/** Splits what the account sees into what it owns and a count of the rest. */
function owned<T>(items: T[], ownerOf: (item: T) => string | undefined, accountId: string, map: (item: T) => OwnedResource): ResourceListing {
  const mine = items.filter((i) => ownerOf(i) === accountId);
  return { resources: mine.map(map), notOwned: items.length - mine.length };
}

async function collect<P, T>(pages: AsyncIterable<P>, pick: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}

const LISTERS: Record<string, Lister> = {
  async 'ec2:Subnet'({ accountId, region }) {
    const client = getClient(EC2Client, { accountId, region });
    const subnets = await collect(paginateDescribeSubnets({ client, pageSize: 1000 }, {}), (p) => p.Subnets);
    return owned(subnets, (s) => s.OwnerId, accountId, (s) => ({
      arn: s.SubnetArn!,
      id: s.SubnetId!,
      name: nameTag(s.Tags),
      resourceType: 'ec2:Subnet',
      details: [...detail('VPC', s.VpcId), ...detail('IPv4 CIDR', s.CidrBlock), ...detail('Availability Zone', s.AvailabilityZone), ...detail('AZ ID', s.AvailabilityZoneId)],
    }));
  },
  async 'ec2:PrefixList'({ accountId, region }) {
    const client = getClient(EC2Client, { accountId, region });
    const lists = await collect(paginateDescribeManagedPrefixLists({ client, pageSize: 100 }, {}), (p) => p.PrefixLists);
    return owned(lists, (l) => l.OwnerId, accountId, (l) => ({
      arn: l.PrefixListArn!,
      id: l.PrefixListId!,
      name: l.PrefixListName,
      resourceType: 'ec2:PrefixList',
      details: [...detail('Address family', l.AddressFamily), ...detail('Max entries', l.MaxEntries), ...detail('State', l.State)],
    }));
  },
  async 'ec2:TransitGateway'({ accountId, region }) {
    const client = getClient(EC2Client, { accountId, region });
    const gateways = await collect(paginateDescribeTransitGateways({ client, pageSize: 1000 }, {}), (p) => p.TransitGateways);
    return owned(gateways, (g) => g.OwnerId, accountId, (g) => ({
      arn: g.TransitGatewayArn!,
      id: g.TransitGatewayId!,
      name: nameTag(g.Tags),
      resourceType: 'ec2:TransitGateway',
      details: [...detail('Description', g.Description), ...detail('State', g.State), ...detail('ASN', g.Options?.AmazonSideAsn)],
    }));
  },
  async 'route53resolver:ResolverRule'({ accountId, region }) {
    const client = getClient(Route53ResolverClient, { accountId, region });
    const rules = await collect(paginateListResolverRules({ client, pageSize: 100 }, {}), (p) => p.ResolverRules);
    // The Region's auto-defined SYSTEM rule belongs to Resolver, not to the account.
    return owned(rules, (r) => (r.ShareStatus === 'SHARED_WITH_ME' ? undefined : r.OwnerId), accountId, (r) => ({
      arn: r.Arn!,
      id: r.Id!,
      name: r.Name,
      resourceType: 'route53resolver:ResolverRule',
      details: [...detail('Domain name', r.DomainName), ...detail('Rule type', r.RuleType), ...detail('Target IPs', r.TargetIps?.map((t) => `${t.Ip}:${t.Port ?? 53}`).join(', '))],
    }));
  },
  async 'license-manager:LicenseConfiguration'({ accountId, region }) {
    const client = getClient(LicenseManagerClient, { accountId, region });
    // The License Manager SDK has no paginator for ListLicenseConfigurations: follow NextToken here.
    const configurations = [];
    let NextToken: string | undefined;
    do {
      const page = await client.send(new ListLicenseConfigurationsCommand({ NextToken, MaxResults: 100 }));
      configurations.push(...(page.LicenseConfigurations ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    return owned(configurations, (c) => c.OwnerAccountId, accountId, (c) => ({
      arn: c.LicenseConfigurationArn!,
      id: c.LicenseConfigurationId!,
      name: c.Name,
      resourceType: 'license-manager:LicenseConfiguration',
      details: [...detail('Counting', c.LicenseCountingType), ...detail('Count', c.LicenseCount), ...detail('Status', c.Status)],
    }));
  },
  async 'acm-pca:CertificateAuthority'({ accountId, region }) {
    const client = getClient(ACMPCAClient, { accountId, region });
    const authorities = await collect(paginateListCertificateAuthorities({ client, pageSize: 100 }, { ResourceOwner: 'SELF' }), (p) => p.CertificateAuthorities);
    return owned(
      authorities.filter((a) => a.Status !== 'DELETED'),
      (a) => a.OwnerAccount ?? accountId,
      accountId,
      (a) => ({
        arn: a.Arn!,
        id: a.Arn!.split('/').pop()!,
        name: a.CertificateAuthorityConfiguration?.Subject?.CommonName,
        resourceType: 'acm-pca:CertificateAuthority',
        details: [...detail('Type', a.Type), ...detail('Status', a.Status)],
      }),
    );
  },
};

/** Types the console can list the owner's resources of (the others are shown but cannot be picked). */

/** The resources of `resourceType` that the account owns in the Region, in name order. */
export async function listOwnedResources(target: Target, resourceType: string): Promise<ResourceListing> {
  const lister = LISTERS[resourceType];
  if (!lister) return { resources: [], notOwned: 0 };
  const listing = await lister(target);
  listing.resources.sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id));
  return listing;
}
