// Protects the share features beyond resources and principals through the SDK: shares created from a resource policy and their promotion, retaining access when an account leaves the organization, and service principals with source constraints.
import { describe, expect, test } from 'vitest';
import {
  AssociateResourceShareCommand,
  CreateResourceShareCommand,
  GetPermissionCommand,
  GetResourceSharesCommand,
  ListPermissionsCommand,
  ListResourceSharePermissionsCommand,
  ListSourceAssociationsCommand,
  PromotePermissionCreatedFromPolicyCommand,
  PromoteResourceShareCreatedFromPolicyCommand,
  UpdateResourceShareCommand,
} from '@aws-sdk/client-ram';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { OrganizationsClient, RemoveAccountFromOrganizationCommand } from '@aws-sdk/client-organizations';
import { DEMO } from '../seeds/demo-ids.js';
import type { DemoResources } from '../seeds/demo-resources.js';
import type { DemoSharingArns } from '../seeds/demo-ram.js';
import type { TestSandbox } from '../testing.js';
import { accountCredentials, demoSandbox, errorName, ramAs } from './test-clients.js';

const A = DEMO.accounts;
let sb: TestSandbox;
let resources: DemoResources;
let sharing: DemoSharingArns;
demoSandbox((started) => ({ sb, resources, sharing } = started));

describe('a share created from a resource policy', () => {
  test('is CREATED_FROM_POLICY, seen by its owner only, and cannot be changed in RAM', async () => {
    const owner = await ramAs(sb, A['shared-services']);
    const { resourceShares } = await owner.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name: 'issuing-ca-policy' }));
    expect(resourceShares!.map((s) => [s.featureSet, s.status])).toEqual([['CREATED_FROM_POLICY', 'ACTIVE']]);
    const [permission] = (await owner.send(new ListResourceSharePermissionsCommand({ resourceShareArn: sharing.shares.issuingCaFromPolicy }))).permissions!;
    expect([permission.permissionType, permission.featureSet]).toEqual(['CUSTOMER_MANAGED', 'CREATED_FROM_POLICY']);
    const receiver = await ramAs(sb, A.audit);
    expect((await receiver.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }))).resourceShares!.map((s) => s.name)).not.toContain('issuing-ca-policy');
    expect(await errorName(owner.send(new UpdateResourceShareCommand({ resourceShareArn: sharing.shares.issuingCaFromPolicy, name: 'renamed' })))).toBe(
      'OperationNotPermittedException',
    );
  });

  test('promotion needs a matching customer managed permission first, then goes PROMOTING_TO_STANDARD → STANDARD', async () => {
    const owner = await ramAs(sb, A['shared-services']);
    const arn = sharing.shares.issuingCaFromPolicy;
    expect(await errorName(owner.send(new PromoteResourceShareCreatedFromPolicyCommand({ resourceShareArn: arn })))).toBe('UnmatchedPolicyPermissionException');
    const [fromPolicy] = (await owner.send(new ListResourceSharePermissionsCommand({ resourceShareArn: arn }))).permissions!;
    const { permission } = await owner.send(new PromotePermissionCreatedFromPolicyCommand({ permissionArn: fromPolicy.arn, name: 'ca-read' }));
    expect([permission!.featureSet, permission!.permissionType, permission!.status]).toEqual(['STANDARD', 'CUSTOMER_MANAGED', 'ATTACHABLE']);

    await owner.send(new PromoteResourceShareCreatedFromPolicyCommand({ resourceShareArn: arn }));
    const during = await owner.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: [arn] }));
    expect(during.resourceShares![0].featureSet).toBe('PROMOTING_TO_STANDARD');
    await sb.control.advanceClock(3);
    const after = await owner.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: [arn] }));
    expect(after.resourceShares![0].featureSet).toBe('STANDARD');
    const attached = (await owner.send(new ListResourceSharePermissionsCommand({ resourceShareArn: arn }))).permissions!;
    expect(attached.map((p) => p.arn)).toEqual([permission!.arn]);
    // The CREATED_FROM_POLICY permission had no other share: RAM deleted it.
    expect(await errorName(owner.send(new GetPermissionCommand({ permissionArn: fromPolicy.arn })))).toBe('UnknownResourceException');
    const receiver = await ramAs(sb, A.audit);
    expect((await receiver.send(new GetResourceSharesCommand({ resourceOwner: 'OTHER-ACCOUNTS' }))).resourceShares!.map((s) => s.name)).toContain('issuing-ca-policy');
    expect(await errorName(owner.send(new PromoteResourceShareCreatedFromPolicyCommand({ resourceShareArn: arn })))).toBe('OperationNotPermittedException');
    expect((await owner.send(new ListPermissionsCommand({ permissionType: 'CUSTOMER_MANAGED' }))).permissions!.map((p) => p.name)).toEqual(['ca-read']);
  });
});

describe('retainSharingOnAccountLeaveOrganization', () => {
  test('is kept; an account leaving the organization keeps a retaining share and loses the others', async () => {
    const network = await ramAs(sb, A.network);
    const kept = await network.send(
      new CreateResourceShareCommand({
        name: 'kept-on-leave',
        resourceArns: [resources.sharedServicesSubnet],
        principals: [DEMO.ouIds.Sandbox],
        resourceShareConfiguration: { retainSharingOnAccountLeaveOrganization: true },
      }),
    );
    expect(kept.resourceShare!.resourceShareConfiguration).toEqual({ retainSharingOnAccountLeaveOrganization: true });
    const listed = await network.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name: 'workloads-subnets' }));
    expect(listed.resourceShares![0].resourceShareConfiguration).toEqual({ retainSharingOnAccountLeaveOrganization: false });
    await sb.control.advanceClock(3);

    // sandbox-alice is in the Sandbox OU; web-dev, in Workloads, receives workloads-subnets (not retained).
    const subnetsOf = async (accountId: string) => {
      const ec2 = new EC2Client(sb.clientConfig(await accountCredentials(sb, accountId)));
      return (await ec2.send(new DescribeSubnetsCommand({}))).Subnets!.map((s) => s.SubnetArn).sort();
    };
    expect(await subnetsOf(A['sandbox-alice'])).toEqual([resources.sharedServicesSubnet]);
    expect(await subnetsOf(A['web-dev'])).toHaveLength(2);
    const credentials = { alice: await accountCredentials(sb, A['sandbox-alice']), web: await accountCredentials(sb, A['web-dev']) };
    const organizations = new OrganizationsClient(sb.clientConfig(sb.consoleCredentials));
    await organizations.send(new RemoveAccountFromOrganizationCommand({ AccountId: A['sandbox-alice'] }));
    await organizations.send(new RemoveAccountFromOrganizationCommand({ AccountId: A['web-dev'] }));
    expect(await errorName(organizations.send(new RemoveAccountFromOrganizationCommand({ AccountId: A.management })))).toBe('MasterCannotLeaveOrganizationException');

    const after = async (c: typeof credentials.alice) => (await new EC2Client(sb.clientConfig(c)).send(new DescribeSubnetsCommand({}))).Subnets!.map((s) => s.SubnetArn);
    expect(await after(credentials.alice)).toEqual([resources.sharedServicesSubnet]);
    expect(await after(credentials.web)).toEqual([]);
  });
});

describe('service principals and sources', () => {
  test("none of the sandbox's types may be shared with a service principal; sources need one; ListSourceAssociations lists none", async () => {
    const network = await ramAs(sb, A.network);
    const toService = new CreateResourceShareCommand({ name: 'svc', resourceArns: [resources.corpCidrsPrefixList], principals: ['elasticloadbalancing.amazonaws.com'] });
    expect(await errorName(network.send(toService))).toBe('InvalidParameterException');
    const sourcesAlone = new CreateResourceShareCommand({ name: 'src', resourceArns: [resources.corpCidrsPrefixList], principals: [A['payments-dev']], sources: [A['payments-dev']] });
    expect(await errorName(network.send(sourcesAlone))).toBe('InvalidParameterException');
    const malformed = new AssociateResourceShareCommand({ resourceShareArn: sharing.shares.corpDns, sources: ['not a source'] });
    expect(await errorName(network.send(malformed))).toBe('InvalidParameterException');
    expect((await network.send(new ListSourceAssociationsCommand({}))).sourceAssociations).toEqual([]);
    const foreign = new ListSourceAssociationsCommand({ resourceShareArns: [sharing.shares.partnerNetwork] });
    expect(await errorName(network.send(foreign))).toBe('UnknownResourceException');
  });
});
