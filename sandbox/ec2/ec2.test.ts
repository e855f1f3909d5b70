// Protects what the console reads from EC2: VPCs, subnets (CIDR rules, filters, pagination), prefix lists, transit gateways, tags, Regions/AZs, per-account isolation and MissingParameter for required members.
import {
  CreateManagedPrefixListCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateTransitGatewayCommand,
  CreateVpcCommand,
  DeleteManagedPrefixListCommand,
  DeleteSubnetCommand,
  DeleteTagsCommand,
  DeleteTransitGatewayCommand,
  DeleteVpcCommand,
  DescribeAvailabilityZonesCommand,
  DescribeManagedPrefixListsCommand,
  DescribeRegionsCommand,
  DescribeSubnetsCommand,
  DescribeTagsCommand,
  DescribeTransitGatewaysCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetManagedPrefixListEntriesCommand,
  paginateDescribeSubnets,
} from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { EMPTY } from '../seeds/empty.js';
import type { TestSandbox } from '../testing.js';
import { optInRegion } from './models.js';
import { errorOf, twoAccountSandbox } from '../testing/service-tests.js';

let sb: TestSandbox;
let ec2: EC2Client;
let other: EC2Client;

twoAccountSandbox(EC2Client, (started) => ({ sb, client: ec2, other } = started));

const nameTag = (name: string) => [{ ResourceType: 'vpc' as const, Tags: [{ Key: 'Name', Value: name }] }];

async function newVpc(cidr: string, name = 'test') {
  const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: cidr, TagSpecifications: nameTag(name) }));
  return Vpc!;
}

describe('VPCs', () => {
  it('creates, describes with filters and deletes a VPC', async () => {
    const vpc = await newVpc('10.20.0.0/16', 'filters-vpc');
    expect(vpc.VpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(vpc).toMatchObject({ CidrBlock: '10.20.0.0/16', OwnerId: '111111111111', State: 'available', IsDefault: false, InstanceTenancy: 'default' });
    expect(vpc.DhcpOptionsId).toMatch(/^dopt-/);
    expect(vpc.Tags).toEqual([{ Key: 'Name', Value: 'filters-vpc' }]);

    const byTag = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['filters-*'] }] }));
    expect(byTag.Vpcs!.map((v) => v.VpcId)).toEqual([vpc.VpcId]);
    const byCidr = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'cidr', Values: ['10.20.0.0/16'] }] }));
    expect(byCidr.Vpcs!.map((v) => v.VpcId)).toEqual([vpc.VpcId]);

    await ec2.send(new DeleteVpcCommand({ VpcId: vpc.VpcId }));
    const gone = await errorOf(ec2.send(new DescribeVpcsCommand({ VpcIds: [vpc.VpcId!] })));
    expect(gone.name).toBe('InvalidVpcID.NotFound');
    expect(gone.message).toBe(`The vpc ID '${vpc.VpcId}' does not exist`);
  });

  it('refuses a VPC CIDR outside /16../28 and a malformed one', async () => {
    expect((await errorOf(ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/8' })))).name).toBe('InvalidVpc.Range');
    const malformed = await errorOf(ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.300/16' })));
    expect(malformed.name).toBe('InvalidParameterValue');
    expect((await errorOf(ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-xyz'] })))).name).toBe('InvalidVpcID.Malformed');
  });

  it('does not delete a VPC that still has subnets', async () => {
    const vpc = await newVpc('10.21.0.0/16');
    const { Subnet } = await ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: '10.21.1.0/24' }));
    expect((await errorOf(ec2.send(new DeleteVpcCommand({ VpcId: vpc.VpcId })))).name).toBe('DependencyViolation');
    await ec2.send(new DeleteSubnetCommand({ SubnetId: Subnet!.SubnetId }));
    await ec2.send(new DeleteVpcCommand({ VpcId: vpc.VpcId }));
  });
});

describe('subnets', () => {
  it('creates a subnet inside the VPC range, in a zone of the Region', async () => {
    const vpc = await newVpc('10.30.0.0/16');
    const { Subnet } = await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpc.VpcId,
        CidrBlock: '10.30.1.0/24',
        AvailabilityZone: 'us-east-1b',
        TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'Name', Value: 'app-b' }] }],
      }),
    );
    expect(Subnet!.SubnetId).toMatch(/^subnet-[0-9a-f]{17}$/);
    expect(Subnet).toMatchObject({
      SubnetArn: `arn:aws:ec2:us-east-1:111111111111:subnet/${Subnet!.SubnetId}`,
      VpcId: vpc.VpcId,
      OwnerId: '111111111111',
      CidrBlock: '10.30.1.0/24',
      AvailabilityZone: 'us-east-1b',
      AvailabilityZoneId: 'use1-az2',
      AvailableIpAddressCount: 251,
      State: 'available',
      DefaultForAz: false,
      Tags: [{ Key: 'Name', Value: 'app-b' }],
    });
  });

  it('refuses overlapping CIDRs, CIDRs outside the VPC, unknown zones and unknown VPCs', async () => {
    const vpc = await newVpc('10.31.0.0/16');
    await ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: '10.31.0.0/20' }));
    const conflict = await errorOf(ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: '10.31.4.0/24' })));
    expect(conflict).toMatchObject({ name: 'InvalidSubnet.Conflict', message: "The CIDR '10.31.4.0/24' conflicts with another subnet" });
    const outside = await errorOf(ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: '10.99.0.0/24' })));
    expect(outside).toMatchObject({ name: 'InvalidSubnet.Range', message: "The CIDR '10.99.0.0/24' is invalid." });
    expect((await errorOf(ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: '10.31.16.0/29' })))).name).toBe('InvalidSubnet.Range');
    const zone = await errorOf(ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: '10.31.16.0/24', AvailabilityZone: 'eu-west-1a' })));
    expect(zone.name).toBe('InvalidParameterValue');
    expect(zone.message).toContain('us-east-1a, us-east-1b');
    const vpcMissing = await errorOf(ec2.send(new CreateSubnetCommand({ VpcId: 'vpc-0123456789abcdef0', CidrBlock: '10.0.0.0/24' })));
    expect(vpcMissing.name).toBe('InvalidVpcID.NotFound');
  });

  it('filters by vpc-id, availability-zone, owner-id, tags and rejects unknown filters', async () => {
    const vpc = await newVpc('10.32.0.0/16');
    const make = (cidr: string, zone: string, env: string) =>
      ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: cidr, AvailabilityZone: zone, TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'env', Value: env }] }] }));
    const a = (await make('10.32.1.0/24', 'us-east-1a', 'prod')).Subnet!;
    const b = (await make('10.32.2.0/24', 'us-east-1b', 'dev')).Subnet!;
    const ids = async (filters: { Name: string; Values: string[] }[]) =>
      (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId!] }, ...filters] }))).Subnets!.map((s) => s.SubnetId);

    expect(await ids([])).toEqual([a.SubnetId, b.SubnetId]);
    expect(await ids([{ Name: 'availability-zone', Values: ['us-east-1b'] }])).toEqual([b.SubnetId]);
    expect(await ids([{ Name: 'tag:env', Values: ['prod', 'staging'] }])).toEqual([a.SubnetId]);
    expect(await ids([{ Name: 'tag-key', Values: ['env'] }])).toEqual([a.SubnetId, b.SubnetId]);
    expect(await ids([{ Name: 'owner-id', Values: ['222222222222'] }])).toEqual([]);
    expect(await ids([{ Name: 'subnet-id', Values: [b.SubnetId!] }])).toEqual([b.SubnetId]);
    const unknown = await errorOf(ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'colour', Values: ['blue'] }] })));
    expect(unknown).toMatchObject({ name: 'InvalidParameterValue', message: "The filter 'colour' is invalid" });

    const byId = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: [b.SubnetId!] }));
    expect(byId.Subnets!.map((s) => s.SubnetId)).toEqual([b.SubnetId]);
  });

  it('pages with MaxResults 5..1000 and the SDK paginator returns every subnet', async () => {
    const vpc = await newVpc('10.33.0.0/16');
    const created: string[] = [];
    for (let i = 0; i < 12; i++) {
      created.push((await ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: `10.33.${i}.0/24` }))).Subnet!.SubnetId!);
    }
    const filter = [{ Name: 'vpc-id', Values: [vpc.VpcId!] }];
    const first = await ec2.send(new DescribeSubnetsCommand({ Filters: filter, MaxResults: 5 }));
    expect(first.Subnets).toHaveLength(5);
    expect(first.NextToken).toBeTruthy();
    const seen: string[] = [];
    for await (const page of paginateDescribeSubnets({ client: ec2, pageSize: 5 }, { Filters: filter })) {
      seen.push(...page.Subnets!.map((s) => s.SubnetId!));
    }
    expect(seen).toEqual(created);
    expect((await errorOf(ec2.send(new DescribeSubnetsCommand({ MaxResults: 4 })))).name).toBe('InvalidParameterValue');
    expect((await errorOf(ec2.send(new DescribeSubnetsCommand({ MaxResults: 5, NextToken: 'nonsense' })))).name).toBe('InvalidNextToken');
  });

  it('answers InvalidSubnetID.NotFound and .Malformed for unknown and bad IDs', async () => {
    const missing = await errorOf(ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-0123456789abcdef0'] })));
    expect(missing).toMatchObject({ name: 'InvalidSubnetID.NotFound', message: "The subnet ID 'subnet-0123456789abcdef0' does not exist" });
    expect((await errorOf(ec2.send(new DeleteSubnetCommand({ SubnetId: 'subnet-0123456789abcdef0' })))).name).toBe('InvalidSubnetID.NotFound');
    expect((await errorOf(ec2.send(new DescribeSubnetsCommand({ SubnetIds: ['subnet-nope'] })))).name).toBe('InvalidSubnetID.Malformed');
  });
});

describe('managed prefix lists', () => {
  it('creates, describes, reads entries and deletes', async () => {
    const { PrefixList } = await ec2.send(
      new CreateManagedPrefixListCommand({
        PrefixListName: 'offices',
        AddressFamily: 'IPv4',
        MaxEntries: 5,
        Entries: [{ Cidr: '192.168.0.0/16', Description: 'HQ' }, { Cidr: '172.16.0.0/12' }],
      }),
    );
    expect(PrefixList!.PrefixListId).toMatch(/^pl-[0-9a-f]{17}$/);
    expect(PrefixList).toMatchObject({
      PrefixListArn: `arn:aws:ec2:us-east-1:111111111111:prefix-list/${PrefixList!.PrefixListId}`,
      PrefixListName: 'offices', AddressFamily: 'IPv4', MaxEntries: 5, Version: 1, OwnerId: '111111111111', State: 'create-in-progress',
    });
    const described = await ec2.send(new DescribeManagedPrefixListsCommand({ Filters: [{ Name: 'prefix-list-name', Values: ['offices'] }] }));
    expect(described.PrefixLists!.map((p) => [p.PrefixListId, p.State])).toEqual([[PrefixList!.PrefixListId, 'create-complete']]);
    const entries = await ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: PrefixList!.PrefixListId }));
    expect(entries.Entries).toEqual([{ Cidr: '192.168.0.0/16', Description: 'HQ' }, { Cidr: '172.16.0.0/12' }]);

    const deleted = await ec2.send(new DeleteManagedPrefixListCommand({ PrefixListId: PrefixList!.PrefixListId }));
    expect(deleted.PrefixList!.State).toBe('delete-in-progress');
    const gone = await errorOf(ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: PrefixList!.PrefixListId })));
    expect(gone.name).toBe('InvalidPrefixListID.NotFound');
  });

  it('refuses more entries than MaxEntries and a bad address family', async () => {
    const tooMany = ec2.send(new CreateManagedPrefixListCommand({ PrefixListName: 'x', AddressFamily: 'IPv4', MaxEntries: 1, Entries: [{ Cidr: '10.0.0.0/8' }, { Cidr: '10.1.0.0/16' }] }));
    expect((await errorOf(tooMany)).name).toBe('InvalidParameterValue');
    const family = ec2.send(new CreateManagedPrefixListCommand({ PrefixListName: 'x', AddressFamily: 'IPv5', MaxEntries: 1 }));
    expect((await errorOf(family)).name).toBe('InvalidParameterValue');
  });
});

describe('transit gateways', () => {
  it('creates with default options, describes and deletes', async () => {
    const { TransitGateway } = await ec2.send(
      new CreateTransitGatewayCommand({ Description: 'hub', TagSpecifications: [{ ResourceType: 'transit-gateway', Tags: [{ Key: 'Name', Value: 'hub' }] }] }),
    );
    const id = TransitGateway!.TransitGatewayId!;
    expect(id).toMatch(/^tgw-[0-9a-f]{17}$/);
    expect(TransitGateway).toMatchObject({
      TransitGatewayArn: `arn:aws:ec2:us-east-1:111111111111:transit-gateway/${id}`,
      State: 'pending', OwnerId: '111111111111', Description: 'hub',
      Options: { AmazonSideAsn: 64512, AutoAcceptSharedAttachments: 'disable', DefaultRouteTableAssociation: 'enable', DnsSupport: 'enable' },
    });
    expect(TransitGateway!.CreationTime).toBeInstanceOf(Date);
    const described = await ec2.send(new DescribeTransitGatewaysCommand({ TransitGatewayIds: [id] }));
    expect(described.TransitGateways!.map((t) => t.State)).toEqual(['available']);
    expect((await ec2.send(new DeleteTransitGatewayCommand({ TransitGatewayId: id }))).TransitGateway!.State).toBe('deleting');
    const gone = await errorOf(ec2.send(new DescribeTransitGatewaysCommand({ TransitGatewayIds: [id] })));
    expect(gone.name).toBe('InvalidTransitGatewayID.NotFound');
  });
});

describe('tags', () => {
  it('adds, lists and removes tags on own resources', async () => {
    const vpc = await newVpc('10.40.0.0/16', 'tagged');
    await ec2.send(new CreateTagsCommand({ Resources: [vpc.VpcId!], Tags: [{ Key: 'team', Value: 'net' }] }));
    const tags = await ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [vpc.VpcId!] }] }));
    expect(tags.Tags).toEqual([
      { ResourceId: vpc.VpcId, ResourceType: 'vpc', Key: 'Name', Value: 'tagged' },
      { ResourceId: vpc.VpcId, ResourceType: 'vpc', Key: 'team', Value: 'net' },
    ]);
    await ec2.send(new DeleteTagsCommand({ Resources: [vpc.VpcId!], Tags: [{ Key: 'team' }] }));
    const after = await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpc.VpcId!] }));
    expect(after.Vpcs![0].Tags).toEqual([{ Key: 'Name', Value: 'tagged' }]);
    expect((await errorOf(ec2.send(new CreateTagsCommand({ Resources: ['vpc-0123456789abcdef0'], Tags: [{ Key: 'a', Value: 'b' }] })))).name).toBe('InvalidVpcID.NotFound');
  });
});

describe('Regions and Availability Zones', () => {
  it('lists the zones of the request Region and the default Regions', async () => {
    const zones = await ec2.send(new DescribeAvailabilityZonesCommand({}));
    expect(zones.AvailabilityZones!.map((z) => z.ZoneName)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f']);
    expect(zones.AvailabilityZones![0]).toMatchObject({ ZoneId: 'use1-az1', RegionName: 'us-east-1', State: 'available' });
    const west = new EC2Client(sb.clientConfig(undefined, 'eu-west-1'));
    const westZones = await west.send(new DescribeAvailabilityZonesCommand({ ZoneNames: ['eu-west-1b'] }));
    expect(westZones.AvailabilityZones!.map((z) => [z.ZoneName, z.ZoneId])).toEqual([['eu-west-1b', 'euw1-az2']]);
    west.destroy();
    const regions = await ec2.send(new DescribeRegionsCommand({ RegionNames: ['us-east-1', 'eu-west-1'] }));
    expect(regions.Regions!.map((r) => [r.RegionName, r.Endpoint])).toEqual([
      ['us-east-1', 'ec2.us-east-1.amazonaws.com'],
      ['eu-west-1', 'ec2.eu-west-1.amazonaws.com'],
    ]);
  });
});

describe('opt-in Regions', () => {
  it('lists an opt-in Region only for the account that enabled it, and every Region with AllRegions', async () => {
    const mine = (await ec2.send(new DescribeRegionsCommand({}))).Regions!.map((r) => r.RegionName);
    expect(mine).not.toContain('af-south-1');
    const all = (await ec2.send(new DescribeRegionsCommand({ AllRegions: true }))).Regions!;
    expect(all.find((r) => r.RegionName === 'af-south-1')?.OptInStatus).toBe('not-opted-in');
    expect(all.find((r) => r.RegionName === 'us-east-1')?.OptInStatus).toBe('opt-in-not-required');
    optInRegion(sb.world, EMPTY.consoleAccountId, 'af-south-1');
    const enabled = (await ec2.send(new DescribeRegionsCommand({ Filters: [{ Name: 'opt-in-status', Values: ['opted-in'] }] }))).Regions!;
    expect(enabled.map((r) => [r.RegionName, r.OptInStatus])).toEqual([['af-south-1', 'opted-in']]);
    expect((await other.send(new DescribeRegionsCommand({}))).Regions!.map((r) => r.RegionName)).not.toContain('af-south-1');
  });
});

describe('isolation', () => {
  it('another account, and another Region, see none of these resources', async () => {
    const vpc = await newVpc('10.50.0.0/16');
    const { Subnet } = await ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: '10.50.1.0/24' }));
    expect((await other.send(new DescribeSubnetsCommand({}))).Subnets).toEqual([]);
    expect((await other.send(new DescribeVpcsCommand({}))).Vpcs).toEqual([]);
    expect((await errorOf(other.send(new DescribeSubnetsCommand({ SubnetIds: [Subnet!.SubnetId!] })))).name).toBe('InvalidSubnetID.NotFound');
    expect((await errorOf(other.send(new DeleteSubnetCommand({ SubnetId: Subnet!.SubnetId! })))).name).toBe('InvalidSubnetID.NotFound');
    const west = new EC2Client(sb.clientConfig(undefined, 'us-west-2'));
    expect((await west.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId!] }] }))).Subnets).toEqual([]);
    west.destroy();
  });
});

describe('required members', () => {
  it('answers MissingParameter naming the first required member left out, also inside a list', async () => {
    const noVpc = await errorOf(ec2.send(new DeleteVpcCommand({} as never)));
    expect(noVpc).toMatchObject({ name: 'MissingParameter', message: 'The request must contain the parameter VpcId' });
    const noCidr = await errorOf(
      ec2.send(new CreateManagedPrefixListCommand({ PrefixListName: 'x', MaxEntries: 1, AddressFamily: 'IPv4', Entries: [{ Description: 'no cidr' } as never] })),
    );
    expect(noCidr).toMatchObject({ name: 'MissingParameter', message: 'The request must contain the parameter Cidr' });
  });
});
