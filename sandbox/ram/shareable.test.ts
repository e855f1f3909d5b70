// Protects RAM's registry of shareable resources: every type has a provider, and the demo resources are found by ARN and listed per owner.
import { describe, expect, it } from 'vitest';
import { deleteCertificateAuthority } from '../acmpca/models.js';
import { createEmptyWorld } from '../core/world.js';
import { addDemoResources, demoResourceArns, DEMO_RESOURCE_NAMES, type DemoResourceKey } from '../seeds/demo-resources.js';
import { RESOURCE_TYPES } from './resource-types.js';
import { findShareableResource, listShareableResources, SHAREABLE_RESOURCE_TYPES } from './shareable.js';

describe('registry', () => {
  it("has a provider for every type in RAM's capabilities table, and no other", () => {
    expect([...SHAREABLE_RESOURCE_TYPES].sort()).toEqual(RESOURCE_TYPES.map((t) => t.resourceType).sort());
  });
});

describe('demo resources', () => {
  it('are deterministic and found by ARN with their type, owner and name', () => {
    const world = createEmptyWorld('demo');
    const arns = addDemoResources(world);
    expect(demoResourceArns(world)).toEqual(arns);
    expect(addDemoResources(createEmptyWorld('demo'))).toEqual(arns);
    for (const key of Object.keys(DEMO_RESOURCE_NAMES) as DemoResourceKey[]) {
      const { owner, type, name } = DEMO_RESOURCE_NAMES[key];
      expect(findShareableResource(world, arns[key])).toEqual({ arn: arns[key], resourceType: type, ownerAccountId: owner, region: 'us-east-1', name });
    }
    expect(arns.workloadsSubnetA).toMatch(/^arn:aws:ec2:us-east-1:300000000001:subnet\/subnet-[0-9a-f]{17}$/);
    expect(arns.corpCidrsPrefixList).toMatch(/^arn:aws:ec2:us-east-1:300000000001:prefix-list\/pl-[0-9a-f]{17}$/);
    expect(arns.coreTransitGateway).toMatch(/^arn:aws:ec2:us-east-1:300000000001:transit-gateway\/tgw-[0-9a-f]{17}$/);
    expect(arns.corpResolverRule).toMatch(/^arn:aws:route53resolver:us-east-1:300000000001:resolver-rule\/rslvr-rr-[0-9a-f]{17}$/);
    expect(arns.windowsServerLicense).toMatch(/^arn:aws:license-manager:us-east-1:300000000002:license-configuration:lic-[0-9a-f]{32}$/);
    expect(arns.issuingCa).toMatch(/^arn:aws:acm-pca:us-east-1:300000000002:certificate-authority\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('lists what an owner can share, by type, and nothing in other Regions or accounts', () => {
    const world = createEmptyWorld('demo');
    addDemoResources(world);
    const network = listShareableResources(world, '300000000001', 'us-east-1');
    expect(network.map((r) => r.resourceType).sort()).toEqual([
      'ec2:PrefixList', 'ec2:Subnet', 'ec2:Subnet', 'ec2:Subnet', 'ec2:TransitGateway',
      'route53resolver:ResolverRule', 'route53resolver:ResolverRule',
    ]);
    expect(listShareableResources(world, '300000000001', 'us-east-1', 'ec2:Subnet').map((r) => r.name)).toEqual(['workloads-a', 'workloads-b', 'shared-services']);
    expect(listShareableResources(world, '300000000001', 'eu-west-1')).toEqual([]);
    expect(listShareableResources(world, '100000000001', 'us-east-1')).toEqual([]);
  });

  it('does not find unknown, malformed or deleted resources', () => {
    const world = createEmptyWorld('demo');
    const arns = addDemoResources(world);
    expect(findShareableResource(world, 'arn:aws:ec2:us-east-1:300000000001:subnet/subnet-00000000000000000')).toBeUndefined();
    expect(findShareableResource(world, 'not-an-arn')).toBeUndefined();
    expect(findShareableResource(world, arns.workloadsSubnetA.replace('us-east-1', 'us-west-2'))).toBeUndefined();
    deleteCertificateAuthority(world, '300000000002', 'us-east-1', arns.issuingCa);
    expect(findShareableResource(world, arns.issuingCa)).toBeUndefined();
  });
});
