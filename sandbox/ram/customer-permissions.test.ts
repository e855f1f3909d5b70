// Protects RAM's customer managed permissions through the SDK: templates checked as RAM does, versions and the default, deletion rules, ReplacePermissionAssociations' asynchronous work and what the receiving account then reads.
import { describe, expect, test } from 'vitest';
import {
  CreatePermissionCommand,
  CreatePermissionVersionCommand,
  CreateResourceShareCommand,
  DeletePermissionCommand,
  DeletePermissionVersionCommand,
  GetPermissionCommand,
  GetResourcePoliciesCommand,
  ListPermissionAssociationsCommand,
  ListPermissionsCommand,
  ListPermissionVersionsCommand,
  ListReplacePermissionAssociationsWorkCommand,
  ListResourceSharePermissionsCommand,
  ReplacePermissionAssociationsCommand,
  SetDefaultPermissionVersionCommand,
  TagResourceCommand,
} from '@aws-sdk/client-ram';
import { DEMO } from '../seeds/demo-ids.js';
import type { DemoResources } from '../seeds/demo-resources.js';
import type { TestSandbox } from '../testing.js';
import { demoSandbox, errorName, ramAs } from './test-clients.js';

const A = DEMO.accounts;
let sb: TestSandbox;
let resources: DemoResources;
demoSandbox((started) => ({ sb, resources } = started));

const template = (actions: string[], extra: Record<string, unknown> = {}) => JSON.stringify({ Effect: 'Allow', Action: actions, ...extra });
const ENTRIES = 'ec2:GetManagedPrefixListEntries';
const DESCRIBE = 'ec2:DescribeManagedPrefixLists';

async function createPermission(name: string, actions = [ENTRIES]) {
  const ram = await ramAs(sb, A.network);
  const { permission } = await ram.send(new CreatePermissionCommand({ name, resourceType: 'ec2:PrefixList', policyTemplate: template(actions) }));
  return permission!;
}

describe('CreatePermission', () => {
  test('creates version 1 as the default, listed as CUSTOMER_MANAGED beside the AWS managed ones', async () => {
    const ram = await ramAs(sb, A.network);
    const created = await createPermission('prefix-list-entries');
    expect(created).toMatchObject({
      arn: `arn:aws:ram:us-east-1:${A.network}:permission/prefix-list-entries`,
      version: '1',
      defaultVersion: true,
      resourceType: 'ec2:PrefixList',
      permissionType: 'CUSTOMER_MANAGED',
      status: 'ATTACHABLE',
      featureSet: 'STANDARD',
      isResourceTypeDefault: false,
    });
    const mine = await ram.send(new ListPermissionsCommand({ permissionType: 'CUSTOMER_MANAGED' }));
    expect(mine.permissions!.map((p) => p.name)).toEqual(['prefix-list-entries']);
    const aws = await ram.send(new ListPermissionsCommand({ permissionType: 'AWS_MANAGED', resourceType: 'ec2:PrefixList' }));
    expect(aws.permissions!.map((p) => p.name)).toEqual(['AWSRAMDefaultPermissionPrefixList']);
    const all = await ram.send(new ListPermissionsCommand({ resourceType: 'ec2:PrefixList' }));
    expect(all.permissions!.map((p) => p.permissionType).sort()).toEqual(['AWS_MANAGED', 'CUSTOMER_MANAGED']);
    const { permission } = await ram.send(new GetPermissionCommand({ permissionArn: created.arn }));
    expect(JSON.parse(permission!.permission!)).toEqual({ Effect: 'Allow', Action: [ENTRIES] });
    // Another account does not see it, and it is Regional.
    const other = await ramAs(sb, A['payments-dev']);
    expect(await errorName(other.send(new GetPermissionCommand({ permissionArn: created.arn })))).toBe('UnknownResourceException');
    const west = await ramAs(sb, A.network, 'us-west-2');
    expect((await west.send(new ListPermissionsCommand({ permissionType: 'CUSTOMER_MANAGED' }))).permissions).toEqual([]);
  });

  test.each([
    ['not JSON', '{"Effect":', 'MalformedPolicyTemplateException'],
    ['a Principal', template([ENTRIES], { Principal: { AWS: '*' } }), 'MalformedPolicyTemplateException'],
    ['a Resource', template([ENTRIES], { Resource: '*' }), 'MalformedPolicyTemplateException'],
    ['Deny', JSON.stringify({ Effect: 'Deny', Action: [ENTRIES] }), 'MalformedPolicyTemplateException'],
    ['two statements', JSON.stringify({ Statement: [{ Effect: 'Allow', Action: [ENTRIES] }, { Effect: 'Allow', Action: [DESCRIBE] }] }), 'MalformedPolicyTemplateException'],
    ['an action the type does not support', template(['ec2:DeleteManagedPrefixList']), 'InvalidPolicyException'],
    ['aws:PrincipalOrgID', template([ENTRIES], { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } }), 'InvalidPolicyException'],
    ['aws:SourceAccount', template([ENTRIES], { Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } } }), 'InvalidPolicyException'],
    ['a negating operator', template([ENTRIES], { Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-west-2' } } }), 'InvalidPolicyException'],
  ])('refuses a template with %s', async (_what, policyTemplate, code) => {
    const ram = await ramAs(sb, A.network);
    expect(await errorName(ram.send(new CreatePermissionCommand({ name: 'refused', resourceType: 'ec2:PrefixList', policyTemplate })))).toBe(code);
    expect((await ram.send(new ListPermissionsCommand({ permissionType: 'CUSTOMER_MANAGED' }))).permissions!.map((p) => p.name)).not.toContain('refused');
  });

  test('accepts conditions RAM allows; refuses a taken name, a bad name and a type without customer managed permissions', async () => {
    const ram = await ramAs(sb, A.network);
    const conditioned = template([ENTRIES], { Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } });
    await ram.send(new CreatePermissionCommand({ name: 'entries-in-region', resourceType: 'ec2:prefixlist', policyTemplate: conditioned }));
    expect(await errorName(ram.send(new CreatePermissionCommand({ name: 'entries-in-region', resourceType: 'ec2:PrefixList', policyTemplate: conditioned })))).toBe(
      'PermissionAlreadyExistsException',
    );
    expect(await errorName(ram.send(new CreatePermissionCommand({ name: 'has space', resourceType: 'ec2:PrefixList', policyTemplate: conditioned })))).toBe(
      'InvalidParameterException',
    );
    expect(
      await errorName(ram.send(new CreatePermissionCommand({ name: 'subnets', resourceType: 'ec2:Subnet', policyTemplate: template(['ec2:DescribeSubnets']) }))),
    ).toBe('InvalidParameterException');
    await ram.send(new DeletePermissionCommand({ permissionArn: `arn:aws:ram:us-east-1:${A.network}:permission/entries-in-region` }));
  });
});

describe('versions', () => {
  test('a new version becomes the default; the default cannot be deleted; at most five versions', async () => {
    const ram = await ramAs(sb, A.network);
    const { arn } = await createPermission('versioned');
    const v2 = await ram.send(new CreatePermissionVersionCommand({ permissionArn: arn, policyTemplate: template([ENTRIES, DESCRIBE]) }));
    expect(v2.permission).toMatchObject({ version: '2', defaultVersion: true });
    const listed = await ram.send(new ListPermissionVersionsCommand({ permissionArn: arn! }));
    expect(listed.permissions!.map((p) => [p.version, p.defaultVersion])).toEqual([
      ['1', false],
      ['2', true],
    ]);
    expect(JSON.parse((await ram.send(new GetPermissionCommand({ permissionArn: arn, permissionVersion: 1 }))).permission!.permission!).Action).toEqual([ENTRIES]);

    await ram.send(new SetDefaultPermissionVersionCommand({ permissionArn: arn, permissionVersion: 1 }));
    expect((await ram.send(new GetPermissionCommand({ permissionArn: arn }))).permission!.version).toBe('1');
    expect(await errorName(ram.send(new SetDefaultPermissionVersionCommand({ permissionArn: arn, permissionVersion: 9 })))).toBe('UnknownResourceException');
    expect(await errorName(ram.send(new DeletePermissionVersionCommand({ permissionArn: arn, permissionVersion: 1 })))).toBe('OperationNotPermittedException');
    expect((await ram.send(new DeletePermissionVersionCommand({ permissionArn: arn, permissionVersion: 2 }))).permissionStatus).toBe('ATTACHABLE');

    for (let i = 0; i < 4; i++) await ram.send(new CreatePermissionVersionCommand({ permissionArn: arn, policyTemplate: template([ENTRIES]) }));
    expect((await ram.send(new ListPermissionVersionsCommand({ permissionArn: arn! }))).permissions!.map((p) => p.version)).toEqual(['1', '3', '4', '5', '6']);
    expect(await errorName(ram.send(new CreatePermissionVersionCommand({ permissionArn: arn, policyTemplate: template([ENTRIES]) })))).toBe(
      'PermissionVersionsLimitExceededException',
    );
    expect(
      await errorName(ram.send(new CreatePermissionVersionCommand({ permissionArn: 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionPrefixList', policyTemplate: template([ENTRIES]) }))),
    ).toBe('OperationNotPermittedException');
    await ram.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'team', value: 'network' }] }));
    expect((await ram.send(new GetPermissionCommand({ permissionArn: arn }))).permission!.tags).toEqual([{ key: 'team', value: 'network' }]);
    await ram.send(new DeletePermissionCommand({ permissionArn: arn }));
    expect(await errorName(ram.send(new GetPermissionCommand({ permissionArn: arn })))).toBe('UnknownResourceException');
  });
});

describe('a share using a customer managed permission', () => {
  test('cannot lose it while attached; ReplacePermissionAssociations moves it to the default version asynchronously, as the receiver reads', async () => {
    const owner = await ramAs(sb, A.network);
    const receiver = await ramAs(sb, A['payments-dev']);
    const { arn } = await createPermission('entries-only');
    const { resourceShare } = await owner.send(
      new CreateResourceShareCommand({ name: 'cidrs-entries', resourceArns: [resources.corpCidrsPrefixList], principals: [A['payments-dev']], permissionArns: [arn!] }),
    );
    const shareArn = resourceShare!.resourceShareArn!;
    await sb.control.advanceClock(3);
    const granted = await receiver.send(new ListResourceSharePermissionsCommand({ resourceShareArn: shareArn }));
    expect(granted.permissions!.map((p) => [p.arn, p.version, p.permissionType])).toEqual([[arn, '1', 'CUSTOMER_MANAGED']]);
    const policy = await owner.send(new GetResourcePoliciesCommand({ resourceArns: [resources.corpCidrsPrefixList] }));
    expect(JSON.parse(policy.policies![0]).Statement[0].Action).toEqual([ENTRIES]);

    expect(await errorName(owner.send(new DeletePermissionCommand({ permissionArn: arn })))).toBe('OperationNotPermittedException');
    await owner.send(new CreatePermissionVersionCommand({ permissionArn: arn, policyTemplate: template([ENTRIES, DESCRIBE]) }));
    expect(await errorName(owner.send(new DeletePermissionVersionCommand({ permissionArn: arn, permissionVersion: 1 })))).toBe('OperationNotPermittedException');
    const outdated = await owner.send(new ListPermissionAssociationsCommand({ permissionArn: arn, defaultVersion: false }));
    expect(outdated.permissions!.map((p) => [p.resourceShareArn, p.permissionVersion])).toEqual([[shareArn, '1']]);

    const { replacePermissionAssociationsWork: work } = await owner.send(
      new ReplacePermissionAssociationsCommand({ fromPermissionArn: arn, fromPermissionVersion: 1, toPermissionArn: arn }),
    );
    expect(work).toMatchObject({ fromPermissionArn: arn, fromPermissionVersion: '1', toPermissionArn: arn, toPermissionVersion: '2', status: 'IN_PROGRESS' });
    expect((await receiver.send(new ListResourceSharePermissionsCommand({ resourceShareArn: shareArn }))).permissions![0].version).toBe('1');
    await sb.control.advanceClock(3);
    const works = await owner.send(new ListReplacePermissionAssociationsWorkCommand({ workIds: [work!.id!] }));
    expect(works.replacePermissionAssociationsWorks!.map((w) => w.status)).toEqual(['COMPLETED']);
    expect((await owner.send(new ListReplacePermissionAssociationsWorkCommand({ status: 'IN_PROGRESS' }))).replacePermissionAssociationsWorks).toEqual([]);
    const moved = await receiver.send(new ListResourceSharePermissionsCommand({ resourceShareArn: shareArn }));
    expect(moved.permissions!.map((p) => [p.arn, p.version, p.defaultVersion])).toEqual([[arn, '2', true]]);
    const read = await receiver.send(new GetPermissionCommand({ permissionArn: arn }));
    expect(JSON.parse(read.permission!.permission!).Action).toEqual([ENTRIES, DESCRIBE]);
    await owner.send(new DeletePermissionVersionCommand({ permissionArn: arn, permissionVersion: 1 }));

    expect(
      await errorName(owner.send(new ReplacePermissionAssociationsCommand({ fromPermissionArn: arn, toPermissionArn: 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionSubnet' }))),
    ).toBe('InvalidParameterException');
    expect(await errorName(owner.send(new ReplacePermissionAssociationsCommand({ fromPermissionArn: 'not-an-arn', toPermissionArn: arn })))).toBe('MalformedArnException');
  });
});
