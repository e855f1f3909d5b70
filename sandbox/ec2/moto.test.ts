// Protects parity with moto for VPCs and subnets (create, filters, CIDR errors, delete) and pins the known differences.
import * as E from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireValue } from '../core/types.js';
import { EMPTY } from '../seeds/empty.js';
import { startSandbox, type TestSandbox } from '../testing.js';
import { startMoto, type Moto } from '../testing/moto.js';

type Result = Record<string, unknown>;

/** The same calls on both endpoints; each step's answer, or its error code and message. */
async function scenario(ec2: E.EC2Client): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const run = async (step: string, command: unknown): Promise<WireValue> => {
    try {
      const { $metadata, ...answer } = (await ec2.send(command as E.DescribeVpcsCommand)) as Result & { $metadata: unknown };
      void $metadata;
      out[step] = answer;
    } catch (error) {
      const e = error as { name: string; message: string };
      out[step] = { error: e.name, message: e.message };
    }
    return out[step];
  };
  const tags = (type: E.ResourceType, key: string, value: string) => [{ ResourceType: type, Tags: [{ Key: key, Value: value }] }];
  const vpcId = (await run('createVpc', new E.CreateVpcCommand({ CidrBlock: '10.0.0.0/16', TagSpecifications: tags('vpc', 'Name', 'diff') }))).Vpc.VpcId;
  const subnet = (cidr: string, zone: string, env: string) =>
    new E.CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone, TagSpecifications: tags('subnet', 'env', env) });
  const a = (await run('createSubnetA', subnet('10.0.1.0/24', 'us-east-1a', 'prod'))).Subnet.SubnetId;
  await run('createSubnetB', subnet('10.0.2.0/24', 'us-east-1b', 'dev'));
  await run('conflict', subnet('10.0.1.128/25', 'us-east-1a', 'x'));
  await run('outsideVpc', subnet('10.1.0.0/24', 'us-east-1a', 'x'));
  await run('badVpcCidr', new E.CreateVpcCommand({ CidrBlock: '10.0.0.0/8' }));
  const inVpc = { Name: 'vpc-id', Values: [vpcId] };
  await run('describeVpc', new E.DescribeVpcsCommand({ VpcIds: [vpcId] }));
  await run('vpcByTag', new E.DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['diff'] }] }));
  await run('subnetsInVpc', new E.DescribeSubnetsCommand({ Filters: [inVpc] }));
  await run('byZone', new E.DescribeSubnetsCommand({ Filters: [inVpc, { Name: 'availability-zone', Values: ['us-east-1b'] }] }));
  await run('byTag', new E.DescribeSubnetsCommand({ Filters: [inVpc, { Name: 'tag:env', Values: ['prod'] }] }));
  await run('byTagKey', new E.DescribeSubnetsCommand({ Filters: [inVpc, { Name: 'tag-key', Values: ['env'] }] }));
  await run('bySubnetId', new E.DescribeSubnetsCommand({ Filters: [{ Name: 'subnet-id', Values: [a] }] }));
  await run('byId', new E.DescribeSubnetsCommand({ SubnetIds: [a] }));
  await run('unknownSubnet', new E.DescribeSubnetsCommand({ SubnetIds: ['subnet-0123456789abcdef0'] }));
  await run('unknownVpc', new E.DescribeVpcsCommand({ VpcIds: ['vpc-0123456789abcdef0'] }));
  await run('deleteVpcWithSubnets', new E.DeleteVpcCommand({ VpcId: vpcId }));
  for (const s of (out.subnetsInVpc as { Subnets: { SubnetId: string }[] }).Subnets) await run(`delete ${s.SubnetId}`, new E.DeleteSubnetCommand({ SubnetId: s.SubnetId }));
  await run('deleteVpc', new E.DeleteVpcCommand({ VpcId: vpcId }));
  await run('describeDeletedVpc', new E.DescribeVpcsCommand({ VpcIds: [vpcId] }));
  return out;
}

/** IDs and owner accounts replaced by placeholders numbered in order of appearance. */
function normalize(value: unknown): unknown {
  const names = new Map<string, string>();
  const counts = new Map<string, number>();
  const text = JSON.stringify(value).replace(/\b(vpc-cidr-assoc|vpc|subnet|dopt)-[0-9a-f]{8,17}\b|\b\d{12}\b/g, (id) => {
    if (!names.has(id)) {
      const kind = id.includes('-') ? id.slice(0, id.lastIndexOf('-')) : 'account';
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      names.set(id, `<${kind}:${counts.get(kind)}>`);
    }
    return names.get(id)!;
  });
  return JSON.parse(text);
}

/**
 * Members only one side sends (the sandbox sends what AWS sends for a new subnet; moto fewer) and
 * AvailabilityZoneId (AWS maps zone names to IDs per account): dropped before comparing.
 */
const ONE_SIDED = new Set(['BlockPublicAccessStates', 'PrivateDnsNameOptionsOnLaunch', 'EnableDns64', 'Ipv6Native', 'MapCustomerOwnedIpOnLaunch', 'AssignIpv6AddressOnCreation', 'Ipv6CidrBlockAssociationSet', 'EnableLniAtDeviceIndex', 'Type', 'AvailabilityZoneId']);

/**
 * Where moto differs from AWS, moto's answer rewritten into AWS's (the sandbox follows AWS): moto
 * names the DHCP options "default" instead of a dopt- ID, and words InvalidVpcID.NotFound its own way.
 */
function motoAsAws(value: unknown): unknown {
  const text = JSON.stringify(value)
    .replace(/"DhcpOptionsId":"default"/g, '"DhcpOptionsId":"<dopt:1>"')
    .replace(/VpcID \{'([^']+)'\} does not exist\./g, "The vpc ID '$1' does not exist");
  return JSON.parse(text);
}

function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !ONE_SIDED.has(k)).map(([k, v]) => [k, comparable(v)]));
  }
  return value;
}

let sb: TestSandbox;
let moto: Moto | undefined;

beforeAll(async () => {
  [sb, moto] = await Promise.all([startSandbox({ seed: 'empty' }), startMoto()]);
});

afterAll(async () => {
  await Promise.all([sb?.close(), moto?.close()]);
});

describe('EC2 VPCs and subnets against moto', () => {
  it('answer alike, ignoring IDs', async (context) => {
    if (!moto) return context.skip();
    const ours = new E.EC2Client(sb.clientConfig(EMPTY.consoleCredentials));
    const theirs = new E.EC2Client({ endpoint: moto.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    const [a, b] = [comparable(normalize(await scenario(ours))), comparable(motoAsAws(normalize(await scenario(theirs))))];
    ours.destroy();
    theirs.destroy();
    expect(a).toEqual(b);
  });
});
