// Protects how the demo world's resources look through EC2, Resolver, License Manager and PCA: owners see theirs, receivers see what RAM shares (as AWS shows it), others see nothing.
import { ACMPCAClient, ListCertificateAuthoritiesCommand } from '@aws-sdk/client-acm-pca';
import { DescribeManagedPrefixListsCommand, DescribeSubnetsCommand, DescribeTransitGatewaysCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { LicenseManagerClient, ListLicenseConfigurationsCommand } from '@aws-sdk/client-license-manager';
import { ListResolverRulesCommand, Route53ResolverClient } from '@aws-sdk/client-route53resolver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoResourceArns, type DemoResources } from '../seeds/demo-resources.js';
import { startSandbox, type TestSandbox } from '../testing.js';
import { rootCredentials } from '../testing/service-tests.js';

const NETWORK = '300000000001';
const SHARED_SERVICES = '300000000002';
const WEB_PROD = '400000000002';
const LOG_ARCHIVE = '200000000001';

let sb: TestSandbox;
let arns: DemoResources;
const clients: { destroy(): void }[] = [];

function client<T extends { destroy(): void }>(make: new (config: ReturnType<TestSandbox['clientConfig']>) => T, accountId: string): T {
  const made = new make(sb.clientConfig(rootCredentials(sb.world, accountId)));
  clients.push(made);
  return made;
}

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  arns = demoResourceArns(sb.world);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await sb?.close();
});

const idOf = (arn: string) => arn.split('/').pop()!;

describe('the demo resources', () => {
  it('network sees its VPC, three subnets with names, prefix list and transit gateway', async () => {
    const ec2 = client(EC2Client, NETWORK);
    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({}));
    expect(Vpcs!.map((v) => [v.CidrBlock, v.Tags])).toEqual([['10.0.0.0/16', [{ Key: 'Name', Value: 'workloads' }]]]);
    const { Subnets } = await ec2.send(new DescribeSubnetsCommand({}));
    expect(Subnets!.map((s) => [s.Tags![0].Value, s.CidrBlock, s.AvailabilityZone])).toEqual([
      ['workloads-a', '10.0.1.0/24', 'us-east-1a'],
      ['workloads-b', '10.0.2.0/24', 'us-east-1b'],
      ['shared-services', '10.0.10.0/24', 'us-east-1c'],
    ]);
    const { PrefixLists } = await ec2.send(new DescribeManagedPrefixListsCommand({}));
    expect(PrefixLists!.map((p) => p.PrefixListName)).toEqual(['corp-cidrs']);
    const { TransitGateways } = await ec2.send(new DescribeTransitGatewaysCommand({}));
    expect(TransitGateways!.map((t) => t.TransitGatewayArn)).toEqual([arns.coreTransitGateway]);
  });

  it('a Workloads account sees the two shared subnets and their VPC, owned by network and without its tags', async () => {
    const ec2 = client(EC2Client, WEB_PROD);
    const { Subnets } = await ec2.send(new DescribeSubnetsCommand({}));
    expect(Subnets!.map((s) => s.SubnetArn)).toEqual([arns.workloadsSubnetA, arns.workloadsSubnetB]);
    expect(Subnets!.every((s) => s.OwnerId === NETWORK && s.Tags === undefined)).toBe(true);
    const byOwner = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'owner-id', Values: [NETWORK] }] }));
    expect(byOwner.Subnets).toHaveLength(2);
    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({}));
    expect(Vpcs!.map((v) => [v.OwnerId, v.CidrBlock])).toEqual([[NETWORK, '10.0.0.0/16']]);
    expect((await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [idOf(arns.workloadsSubnetA)] }))).Subnets).toHaveLength(1);
  });

  it('an account outside the shares sees no subnets', async () => {
    const ec2 = client(EC2Client, LOG_ARCHIVE);
    expect((await ec2.send(new DescribeSubnetsCommand({}))).Subnets).toEqual([]);
    expect((await ec2.send(new DescribeVpcsCommand({}))).Vpcs).toEqual([]);
  });

  it('the org-wide resolver rule is SHARED_BY_ME for network and SHARED_WITH_ME for a member', async () => {
    const owner = await client(Route53ResolverClient, NETWORK).send(new ListResolverRulesCommand({}));
    expect(owner.ResolverRules!.map((r) => [r.DomainName, r.ShareStatus])).toEqual([
      ['.', 'NOT_SHARED'],
      ['corp.example.com.', 'SHARED_BY_ME'],
      ['onprem.example.com.', 'NOT_SHARED'],
    ]);
    const member = await client(Route53ResolverClient, LOG_ARCHIVE).send(new ListResolverRulesCommand({}));
    expect(member.ResolverRules!.map((r) => [r.Arn, r.OwnerId, r.ShareStatus])).toEqual([
      [expect.stringContaining('autodefined-rule'), 'Route 53 Resolver', 'NOT_SHARED'],
      [arns.corpResolverRule, NETWORK, 'SHARED_WITH_ME'],
    ]);
  });

  it('shared-services owns the license configuration and the issuing CA', async () => {
    const { LicenseConfigurations } = await client(LicenseManagerClient, SHARED_SERVICES).send(new ListLicenseConfigurationsCommand({}));
    expect(LicenseConfigurations!.map((c) => [c.Name, c.LicenseCountingType])).toEqual([['windows-server', 'vCPU']]);
    const { CertificateAuthorities } = await client(ACMPCAClient, SHARED_SERVICES).send(new ListCertificateAuthoritiesCommand({}));
    expect(CertificateAuthorities!.map((c) => [c.Arn, c.Type, c.Status, c.CertificateAuthorityConfiguration!.Subject!.CommonName])).toEqual([
      [arns.issuingCa, 'SUBORDINATE', 'PENDING_CERTIFICATE', 'Example Corp Issuing CA'],
    ]);
  });
});
