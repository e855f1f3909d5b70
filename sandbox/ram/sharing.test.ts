// Protects RAM sharing as owners and receivers see it through the SDK: the demo's org/OU shares, who may share what with whom, organization sharing, async statuses, dynamic OU membership, Regions.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  AssociateResourceShareCommand,
  CreateResourceShareCommand,
  DeleteResourceShareCommand,
  DisassociateResourceShareCommand,
  EnableSharingWithAwsOrganizationCommand,
  GetResourcePoliciesCommand,
  GetResourceShareAssociationsCommand,
  GetResourceSharesCommand,
  ListPrincipalsCommand,
  ListResourcesCommand,
  type RAMClient,
} from '@aws-sdk/client-ram';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  EnableAWSServiceAccessCommand,
  ListAWSServiceAccessForOrganizationCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { startSandbox, type TestSandbox } from '../testing.js';
import { DEMO } from '../seeds/demo-ids.js';
import type { DemoResources } from '../seeds/demo-resources.js';
import type { DemoSharingArns } from '../seeds/demo-ram.js';
import { accountCredentials, demoSandbox, errorName, ramAs } from './test-clients.js';

const A = DEMO.accounts;
const ORG_ARN = `arn:aws:organizations::${A.management}:organization/${DEMO.organizationId}`;

let sb: TestSandbox;
let resources: DemoResources;
let sharing: DemoSharingArns;

demoSandbox((started) => ({ sb, resources, sharing } = started));

describe('the demo world', () => {
  test('the owner sees its active shares with the Workloads OU and the whole organization', async () => {
    const ram = await ramAs(sb, A.network);
    const { resourceShares } = await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }));
    expect(resourceShares!.map((s) => [s.name, s.status, s.owningAccountId]).sort()).toEqual([
      ['corp-dns', 'ACTIVE', A.network],
      ['workloads-subnets', 'ACTIVE', A.network],
    ]);
    const { principals } = await ram.send(new ListPrincipalsCommand({ resourceOwner: 'SELF' }));
    expect(principals!.map((p) => [p.id, p.external]).sort()).toEqual([
      [ORG_ARN, false],
      [`arn:aws:organizations::${A.management}:ou/${DEMO.organizationId}/${DEMO.ouIds.Workloads}`, false],
    ]);
    const { resources: shared } = await ram.send(new ListResourcesCommand({ resourceOwner: 'SELF', resourceType: 'ec2:Subnet' }));
    expect(shared!.map((r) => r.arn).sort()).toEqual([resources.workloadsSubnetA, resources.workloadsSubnetB].sort());
  });

  test('a workload account receives the subnets and the resolver rule without an invitation', async () => {
    const ram = await ramAs(sb, A['payments-prod']);
    const { resourceShares } = await ram.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(resourceShares!.map((s) => s.name).sort()).toEqual(['corp-dns', 'workloads-subnets']);
    const { resources: shared } = await ram.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(shared!.map((r) => r.arn).sort()).toEqual(
      [resources.workloadsSubnetA, resources.workloadsSubnetB, resources.corpResolverRule].sort(),
    );
    const { principals } = await ram.send(new ListPrincipalsCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(new Set(principals!.map((p) => p.id))).toEqual(new Set([A.network]));
  });

  test('an account outside the Workloads OU gets the resolver rule only', async () => {
    const ram = await ramAs(sb, A.audit);
    const { resources: shared } = await ram.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(shared!.map((r) => r.arn)).toEqual([resources.corpResolverRule]);
  });

  test('the receiver sees the shared subnets in its own DescribeSubnets, owned by network', async () => {
    const ec2 = new EC2Client(sb.clientConfig(await accountCredentials(sb, A['web-dev'])));
    const { Subnets } = await ec2.send(new DescribeSubnetsCommand({}));
    const shared = Subnets!.filter((s) => s.OwnerId === A.network);
    expect(shared.map((s) => s.SubnetArn).sort()).toEqual([resources.workloadsSubnetA, resources.workloadsSubnetB].sort());
  });

  test('the owner reads the resource policy RAM keeps on a shared subnet', async () => {
    const ram = await ramAs(sb, A.network);
    const { policies } = await ram.send(new GetResourcePoliciesCommand({ resourceArns: [resources.workloadsSubnetA] }));
    expect(policies).toHaveLength(1);
    const statement = JSON.parse(policies![0]).Statement[0];
    expect(statement.Resource).toBe(resources.workloadsSubnetA);
    expect(statement.Action).toContain('ec2:RunInstances');
    expect(JSON.stringify(statement.Condition)).toContain(DEMO.ouIds.Workloads);
  });
});

describe('who may share what', () => {
  let network: RAMClient;
  beforeAll(async () => {
    network = await ramAs(sb, A.network);
  });

  test('a resource shared with you cannot be re-shared', async () => {
    const receiver = await ramAs(sb, A['payments-prod']);
    const call = receiver.send(new CreateResourceShareCommand({ name: 'reshare', resourceArns: [resources.workloadsSubnetA], principals: [A['web-prod']] }));
    expect(await errorName(call)).toBe('OperationNotPermittedException');
  });

  test("another account's resource that is not shared with you does not exist for you", async () => {
    const receiver = await ramAs(sb, A['payments-prod']);
    const call = receiver.send(new CreateResourceShareCommand({ name: 'steal', resourceArns: [resources.issuingCa] }));
    expect(await errorName(call)).toBe('UnknownResourceException');
  });

  test('unknown, malformed and unsupported resource ARNs are refused', async () => {
    const missing = `arn:aws:ec2:us-east-1:${A.network}:subnet/subnet-0123456789abcdef0`;
    expect(await errorName(network.send(new CreateResourceShareCommand({ name: 'x', resourceArns: [missing] })))).toBe('UnknownResourceException');
    expect(await errorName(network.send(new CreateResourceShareCommand({ name: 'x', resourceArns: ['not-an-arn'] })))).toBe('MalformedArnException');
    const instance = `arn:aws:ec2:us-east-1:${A.network}:instance/i-0123456789abcdef0`;
    expect(await errorName(network.send(new CreateResourceShareCommand({ name: 'x', resourceArns: [instance] })))).toBe('MalformedArnException');
  });

  test('malformed principals, your own account and foreign organizations are refused', async () => {
    const share = (principals: string[]) => network.send(new CreateResourceShareCommand({ name: 'x', resourceArns: [resources.coreTransitGateway], principals }));
    expect(await errorName(share(['12345']))).toBe('InvalidParameterException');
    expect(await errorName(share([A.network]))).toBe('InvalidParameterException');
    expect(await errorName(share(['o-otherorg123']))).toBe('UnknownResourceException');
    expect(await errorName(share(['ou-zzzz-zzzzzzzz']))).toBe('UnknownResourceException');
  });

  test('subnets stay inside the organization; other types reach outside only when the share allows it', async () => {
    const partner = A['partner-co'];
    const subnetOut = network.send(new CreateResourceShareCommand({ name: 'x', resourceArns: [resources.sharedServicesSubnet], principals: [partner] }));
    expect(await errorName(subnetOut)).toBe('OperationNotPermittedException');
    const closed = network.send(
      new CreateResourceShareCommand({ name: 'x', resourceArns: [resources.coreTransitGateway], principals: [partner], allowExternalPrincipals: false }),
    );
    expect(await errorName(closed)).toBe('OperationNotPermittedException');
    const open = await network.send(new CreateResourceShareCommand({ name: 'tgw-partner', resourceArns: [resources.coreTransitGateway], principals: [partner] }));
    const { resourceShareAssociations } = await network.send(
      new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceShareArns: [open.resourceShare!.resourceShareArn!] }),
    );
    expect(resourceShareAssociations!.map((a) => [a.associatedEntity, a.status, a.external])).toEqual([[partner, 'ASSOCIATING', true]]);
    // Adding a subnet to a share that reaches outside the organization is refused too.
    const addSubnet = network.send(
      new AssociateResourceShareCommand({ resourceShareArn: open.resourceShare!.resourceShareArn!, resourceArns: [resources.sharedServicesSubnet] }),
    );
    expect(await errorName(addSubnet)).toBe('OperationNotPermittedException');
  });

  test('IAM roles and users are principals only for types that support them', async () => {
    const role = `arn:aws:iam::${A['payments-prod']}:role/${DEMO.roles.readOnlyAuditor}`;
    const subnet = network.send(new CreateResourceShareCommand({ name: 'x', resourceArns: [resources.sharedServicesSubnet], principals: [role] }));
    expect(await errorName(subnet)).toBe('InvalidParameterException');
    const pki = await ramAs(sb, A['shared-services']);
    const ca = await pki.send(new CreateResourceShareCommand({ name: 'ca-for-role', resourceArns: [resources.issuingCa], principals: [role] }));
    await sb.control.advanceClock(3);
    const { resourceShareAssociations } = await pki.send(
      new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceShareArns: [ca.resourceShare!.resourceShareArn!] }),
    );
    expect(resourceShareAssociations!.map((a) => [a.associatedEntity, a.status])).toEqual([[role, 'ASSOCIATED']]);
  });

  test('an account ID that is no account fails asynchronously with a status message', async () => {
    const created = await network.send(new CreateResourceShareCommand({ name: 'ghost', resourceArns: [resources.coreTransitGateway], principals: ['123456789012'] }));
    await sb.control.advanceClock(3);
    const { resourceShareAssociations } = await network.send(
      new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceShareArns: [created.resourceShare!.resourceShareArn!] }),
    );
    expect(resourceShareAssociations![0].status).toBe('FAILED');
    expect(resourceShareAssociations![0].statusMessage).toMatch(/not a valid AWS account/);
  });
});

describe('asynchronous statuses on the sandbox clock', () => {
  test('PENDING → ACTIVE, ASSOCIATING → ASSOCIATED, then DELETING → DELETED with DISASSOCIATED associations', async () => {
    const network = await ramAs(sb, A.network);
    const created = await network.send(
      new CreateResourceShareCommand({ name: 'async', resourceArns: [resources.corpCidrsPrefixList], principals: [A['web-prod']] }),
    );
    const arn = created.resourceShare!.resourceShareArn!;
    expect(created.resourceShare!.status).toBe('PENDING');
    const statuses = async (type: 'PRINCIPAL' | 'RESOURCE') =>
      (await network.send(new GetResourceShareAssociationsCommand({ associationType: type, resourceShareArns: [arn] }))).resourceShareAssociations!.map(
        (a) => a.status,
      );
    expect(await statuses('RESOURCE')).toEqual(['ASSOCIATING']);
    await sb.control.advanceClock(3);
    const share = async () => (await network.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: [arn] }))).resourceShares![0];
    expect((await share()).status).toBe('ACTIVE');
    expect(await statuses('RESOURCE')).toEqual(['ASSOCIATED']);
    expect(await statuses('PRINCIPAL')).toEqual(['ASSOCIATED']);

    const removed = await network.send(new DisassociateResourceShareCommand({ resourceShareArn: arn, principals: [A['web-prod']] }));
    expect(removed.resourceShareAssociations!.map((a) => a.status)).toEqual(['DISASSOCIATING']);
    await sb.control.advanceClock(3);
    expect(await statuses('PRINCIPAL')).toEqual(['DISASSOCIATED']);

    await network.send(new DeleteResourceShareCommand({ resourceShareArn: arn }));
    expect((await share()).status).toBe('DELETING');
    await sb.control.advanceClock(3);
    expect((await share()).status).toBe('DELETED');
    expect(await statuses('RESOURCE')).toEqual(['DISASSOCIATED']);
    const again = network.send(new AssociateResourceShareCommand({ resourceShareArn: arn, principals: [A['web-prod']] }));
    expect(await errorName(again)).toBe('InvalidStateTransitionException');
  });
});

describe('membership is dynamic', () => {
  test('an account moved into the Workloads OU gains its subnets, and loses them when moved out', async () => {
    const orgs = new OrganizationsClient(sb.clientConfig());
    const alice = A['sandbox-alice'];
    const subnets = async () => {
      const ram = await ramAs(sb, alice);
      const { resources: shared } = await ram.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS', resourceType: 'ec2:Subnet' }));
      return shared!.map((r) => r.arn).sort();
    };
    expect(await subnets()).toEqual([]);
    await orgs.send(new MoveAccountCommand({ AccountId: alice, SourceParentId: DEMO.ouIds.Sandbox, DestinationParentId: DEMO.ouIds.Dev }));
    expect(await subnets()).toEqual([resources.workloadsSubnetA, resources.workloadsSubnetB].sort());
    await orgs.send(new MoveAccountCommand({ AccountId: alice, SourceParentId: DEMO.ouIds.Dev, DestinationParentId: DEMO.ouIds.Sandbox }));
    expect(await subnets()).toEqual([]);
  });
});

describe('Regions', () => {
  test('a share lives in its Region, and a resource is shared only from its own Region', async () => {
    const west = await ramAs(sb, A.network, 'us-west-2');
    const elsewhere = west.send(new CreateResourceShareCommand({ name: 'x', resourceArns: [resources.coreTransitGateway] }));
    expect(await errorName(elsewhere)).toBe('UnknownResourceException');
    await west.send(new CreateResourceShareCommand({ name: 'west-only' }));
    const east = await ramAs(sb, A.network);
    const { resourceShares } = await east.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name: 'west-only' }));
    expect(resourceShares).toEqual([]);
    const { resourceShares: west1 } = await west.send(new GetResourceSharesCommand({ resourceOwner: 'SELF' }));
    expect(west1!.map((s) => s.name)).toEqual(['west-only']);
  });
});

describe('sharing with AWS Organizations', () => {
  let off: TestSandbox;
  beforeEach(async () => {
    off ??= await startSandbox({ seed: 'demo', seedOptions: { orgSharing: false } });
    await off.control.reset('demo', { orgSharing: false });
  });
  afterAll(async () => off?.close());

  const orgShare = async (ram: RAMClient, principal: string) =>
    ram.send(new CreateResourceShareCommand({ name: `to-${principal}`, resourceArns: [resources.onpremResolverRule], principals: [principal] }));

  test('with the seed flag off, org and OU principals are refused', async () => {
    const network = await ramAs(off, A.network);
    expect(await errorName(orgShare(network, DEMO.organizationId))).toBe('OperationNotPermittedException');
    expect(await errorName(orgShare(network, DEMO.ouIds.Workloads))).toBe('OperationNotPermittedException');
    const receiver = await ramAs(off, A['payments-prod']);
    const { resources: shared } = await receiver.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(shared).toEqual([]);
  });

  test('only the management account can enable it; that creates the service-linked role and trusted access', async () => {
    const member = await ramAs(off, A.network);
    expect(await errorName(member.send(new EnableSharingWithAwsOrganizationCommand({})))).toBe('OperationNotPermittedException');

    const management = await ramAs(off, A.management);
    expect((await management.send(new EnableSharingWithAwsOrganizationCommand({}))).returnValue).toBe(true);
    const iam = new IAMClient(off.clientConfig());
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForResourceAccessManager' }));
    expect(Role!.Path).toBe('/aws-service-role/ram.amazonaws.com/');
    const orgs = new OrganizationsClient(off.clientConfig());
    const { EnabledServicePrincipals } = await orgs.send(new ListAWSServiceAccessForOrganizationCommand({}));
    expect(EnabledServicePrincipals!.map((p) => p.ServicePrincipal)).toContain('ram.amazonaws.com');

    const network = await ramAs(off, A.network);
    await orgShare(network, DEMO.ouIds.Workloads);
    await off.control.advanceClock(3);
    const receiver = await ramAs(off, A['payments-prod']);
    const { resources: shared } = await receiver.send(new ListResourcesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }));
    expect(shared!.map((r) => r.arn)).toEqual([resources.onpremResolverRule]);
  });

  test('trusted access enabled from Organizations alone leaves org principals FAILED', async () => {
    const orgs = new OrganizationsClient(off.clientConfig());
    await orgs.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'ram.amazonaws.com' }));
    const network = await ramAs(off, A.network);
    const created = await orgShare(network, DEMO.organizationId);
    await off.control.advanceClock(3);
    const { resourceShareAssociations } = await network.send(
      new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceShareArns: [created.resourceShare!.resourceShareArn!] }),
    );
    expect(resourceShareAssociations!.map((a) => a.status)).toEqual(['FAILED']);
    expect(resourceShareAssociations![0].statusMessage).toMatch(/AWSServiceRoleForResourceAccessManager/);
  });

  test('without sharing enabled, a member account in the organization gets an invitation', async () => {
    const network = await ramAs(off, A.network);
    await network.send(new CreateResourceShareCommand({ name: 'tgw', resourceArns: [resources.coreTransitGateway], principals: [A['web-prod']] }));
    const receiver = await ramAs(off, A['web-prod']);
    const { GetResourceShareInvitationsCommand } = await import('@aws-sdk/client-ram');
    const { resourceShareInvitations } = await receiver.send(new GetResourceShareInvitationsCommand({}));
    expect(resourceShareInvitations!.map((i) => [i.senderAccountId, i.status])).toEqual([[A.network, 'PENDING']]);
  });
});

test('demo sharing ARNs are exported for tests', () => {
  expect(sharing.shares.workloadsSubnets).toMatch(/^arn:aws:ram:us-east-1:300000000001:resource-share\//);
});
