// The demo world's shareable resources (us-east-1): network and shared-services own what the
// organization shares; partner-co owns what it shares with us. RAM's demo seed shares them.
import type { World } from '../core/types.js';
import { HEX, newId } from '../core/world.js';
import { createCertificateAuthority } from '../acmpca/models.js';
import { createManagedPrefixList, createSubnet, createTransitGateway, createVpc } from '../ec2/models.js';
import { createLicenseConfiguration } from '../licensemanager/models.js';
import { createResolverRule } from '../route53resolver/models.js';
import type { ShareableResourceType } from '../ram/resource-types.js';
import { listShareableResources } from '../ram/shareable.js';

export const DEMO_REGION = 'us-east-1';
const NETWORK = '300000000001';
const SHARED_SERVICES = '300000000002';
const PARTNER = '900000000001';

/** Every demo resource: who owns it, its type in RAM's words, and the name it is found by. */
export const DEMO_RESOURCE_NAMES = {
  workloadsSubnetA: { owner: NETWORK, type: 'ec2:Subnet', name: 'workloads-a' },
  workloadsSubnetB: { owner: NETWORK, type: 'ec2:Subnet', name: 'workloads-b' },
  sharedServicesSubnet: { owner: NETWORK, type: 'ec2:Subnet', name: 'shared-services' },
  corpCidrsPrefixList: { owner: NETWORK, type: 'ec2:PrefixList', name: 'corp-cidrs' },
  coreTransitGateway: { owner: NETWORK, type: 'ec2:TransitGateway', name: 'core-tgw' },
  corpResolverRule: { owner: NETWORK, type: 'route53resolver:ResolverRule', name: 'corp-example-com' },
  onpremResolverRule: { owner: NETWORK, type: 'route53resolver:ResolverRule', name: 'onprem-example-com' },
  windowsServerLicense: { owner: SHARED_SERVICES, type: 'license-manager:LicenseConfiguration', name: 'windows-server' },
  issuingCa: { owner: SHARED_SERVICES, type: 'acm-pca:CertificateAuthority', name: 'Example Corp Issuing CA' },
  partnerLinkSubnet: { owner: PARTNER, type: 'ec2:Subnet', name: 'partner-link' },
  partnerRootCa: { owner: PARTNER, type: 'acm-pca:CertificateAuthority', name: 'Partner Co Root CA' },
} as const satisfies Record<string, { owner: string; type: ShareableResourceType; name: string }>;

export type DemoResourceKey = keyof typeof DEMO_RESOURCE_NAMES;
export type DemoResources = Record<DemoResourceKey, string>;

const named = (name: string) => ({ Name: name });

function certificateAuthority(world: World, owner: string, type: 'ROOT' | 'SUBORDINATE', commonName: string, organization: string) {
  createCertificateAuthority(world, owner, DEMO_REGION, {
    type,
    configuration: {
      KeyAlgorithm: 'RSA_2048',
      SigningAlgorithm: 'SHA256WITHRSA',
      Subject: { Country: 'US', Organization: organization, CommonName: commonName },
    },
    tags: [{ key: 'Name', value: commonName }],
  });
}

/** Creates the demo resources and returns their ARNs by key. */
export function addDemoResources(world: World): DemoResources {
  const vpc = createVpc(world, NETWORK, DEMO_REGION, { cidrBlock: '10.0.0.0/16', tags: named('workloads') });
  const subnet = (cidrBlock: string, availabilityZone: string, name: string) =>
    createSubnet(world, NETWORK, DEMO_REGION, { vpcId: vpc.vpcId, cidrBlock, availabilityZone, tags: named(name) });
  subnet('10.0.1.0/24', 'us-east-1a', 'workloads-a');
  subnet('10.0.2.0/24', 'us-east-1b', 'workloads-b');
  subnet('10.0.10.0/24', 'us-east-1c', 'shared-services');

  createManagedPrefixList(world, NETWORK, DEMO_REGION, {
    prefixListName: 'corp-cidrs',
    addressFamily: 'IPv4',
    maxEntries: 10,
    entries: [
      { cidr: '192.168.0.0/16', description: 'Head office' },
      { cidr: '172.16.0.0/12', description: 'Branch offices' },
    ],
    tags: named('corp-cidrs'),
  });
  createTransitGateway(world, NETWORK, DEMO_REGION, {
    description: 'Core transit gateway',
    options: { autoAcceptSharedAttachments: 'enable' },
    tags: named('core-tgw'),
  });

  // The outbound endpoint the rules forward through (endpoints are not modelled; the ID is kept as given).
  const resolverEndpointId = `rslvr-out-${newId(world, 17, HEX)}`;
  for (const [name, domainName, ips] of [
    ['corp-example-com', 'corp.example.com', ['10.0.10.10', '10.0.10.11']],
    ['onprem-example-com', 'onprem.example.com', ['192.168.10.53']],
  ] as const) {
    createResolverRule(world, NETWORK, DEMO_REGION, {
      creatorRequestId: `demo-${name}`,
      ruleType: 'FORWARD',
      name,
      domainName,
      targetIps: ips.map((ip) => ({ ip, port: 53 })),
      resolverEndpointId,
    });
  }

  createLicenseConfiguration(world, SHARED_SERVICES, DEMO_REGION, {
    name: 'windows-server',
    description: 'Windows Server Datacenter, licensed per vCPU',
    licenseCountingType: 'vCPU',
    licenseCount: 256,
    licenseCountHardLimit: false,
  });
  certificateAuthority(world, SHARED_SERVICES, 'SUBORDINATE', 'Example Corp Issuing CA', 'Example Corp');

  const partnerVpc = createVpc(world, PARTNER, DEMO_REGION, { cidrBlock: '10.99.0.0/16', tags: named('partner') });
  createSubnet(world, PARTNER, DEMO_REGION, { vpcId: partnerVpc.vpcId, cidrBlock: '10.99.0.0/24', availabilityZone: 'us-east-1a', tags: named('partner-link') });
  certificateAuthority(world, PARTNER, 'ROOT', 'Partner Co Root CA', 'Partner Co');

  return demoResourceArns(world);
}

/** The ARN of one demo resource in a world seeded with addDemoResources. */
export function demoResourceArn(world: World, key: DemoResourceKey): string {
  const { owner, type, name } = DEMO_RESOURCE_NAMES[key];
  const found = listShareableResources(world, owner, DEMO_REGION, type).find((r) => r.name === name);
  if (!found) throw new Error(`demo resource ${key} (${name}) is not in this world`);
  return found.arn;
}

/** All demo resource ARNs by key. */
export function demoResourceArns(world: World): DemoResources {
  const keys = Object.keys(DEMO_RESOURCE_NAMES) as DemoResourceKey[];
  return Object.fromEntries(keys.map((key) => [key, demoResourceArn(world, key)])) as DemoResources;
}
