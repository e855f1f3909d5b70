// Protects the plans a share's page builds: each change is the one RAM call it needs, in the owner's account
// and Region, with CLI, CloudFormation and Terraform forms that say what they can and cannot express; bad
// input is refused with the field and the form expected; and leaving a share is offered only where AWS allows it.
import { describe, expect, it } from 'vitest';
import { PlanError } from '../plan/build';
// The renderers look up each step's operation in the registry.
import '../changes/registry';
import { renderCli } from '../plan/cli';
import { renderCloudFormation, renderTerraform } from '../plan/iac';
import { leaveShare } from './leave-share';
import type { ReceivedShare } from './received';
import { editShare, shareEditSchema, type ShareEdit } from './share-edits';
import type { ShareRecord } from './snapshot';

const planLeave = (share: ReceivedShare, names: Record<string, string>) =>
  leaveShare.plan({ accountId: share.accountId, region: share.region, resourceShareArn: share.arn }, { share, names });

const OWNER = '300000000001';
const ARN = `arn:aws:ram:eu-west-1:${OWNER}:resource-share/0b5d1c2e-1111-4222-8333-444455556666`;
const subnet = (n: string) => `arn:aws:ec2:eu-west-1:${OWNER}:subnet/subnet-${n}`;
const share: ShareRecord = {
  arn: ARN,
  id: ARN.split('/').pop()!,
  name: 'workloads-subnets',
  owningAccountId: OWNER,
  region: 'eu-west-1',
  status: 'ACTIVE',
  allowExternalPrincipals: false,
  tags: [{ key: 'team', value: 'network' }],
  resources: [
    { arn: subnet('a'), type: 'ec2:Subnet', status: 'ASSOCIATED' },
    { arn: subnet('b'), type: 'ec2:Subnet', status: 'ASSOCIATED' },
  ],
  principals: [{ id: 'arn:aws:organizations::100000000001:ou/o-exmpl7c0rp/ou-7c0r-workload', status: 'ASSOCIATED', external: false }],
  permissions: [{ resourceType: 'ec2:Subnet', arn: 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionSubnet', name: 'AWSRAMDefaultPermissionSubnet', version: '1', defaultVersion: false }],
};
const names = { [OWNER]: 'network', '400000000011': 'payments-dev', 'ou-7c0r-workload': 'Workloads' };

const plan = (edit: ShareEdit, on: ShareRecord = share) => editShare.plan(shareEditSchema.parse(edit), { share: on, names });
const refusal = (edit: unknown, on: ShareRecord = share) => {
  const parsed = shareEditSchema.safeParse(edit);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' ');
  try {
    editShare.plan(parsed.data, { share: on, names });
    return 'no refusal';
  } catch (error) {
    expect(error).toBeInstanceOf(PlanError);
    return (error as Error).message;
  }
};

describe('a share edit as a plan', () => {
  it('adds principals with AssociateResourceShare in the owner account and Region, named from the organization', () => {
    const draft = plan({ edit: 'add-principals', principals: ['400000000011'] });
    expect(draft.title).toBe('Share "workloads-subnets" with payments-dev');
    expect(draft.steps).toEqual([
      expect.objectContaining({ operation: 'ram:AssociateResourceShare', accountId: OWNER, region: 'eu-west-1', input: { resourceShareArn: ARN, principals: ['400000000011'] } }),
    ]);
    expect(draft.context).toMatchObject({ accountId: OWNER, region: 'eu-west-1', resourceShareArn: ARN, edit: { edit: 'add-principals' } });
    const [tf] = renderTerraform(draft.steps, { planId: 'p-1' });
    expect(tf.text).toContain('resource "aws_ram_principal_association"');
    expect(tf.text).toContain(`resource_share_arn = "${ARN}"`);
  });

  it('removes a resource with DisassociateResourceShare, refusing one the share does not hold', () => {
    expect(plan({ edit: 'remove-resources', resourceArns: [subnet('a')] }).steps[0]).toMatchObject({ operation: 'ram:DisassociateResourceShare', input: { resourceShareArn: ARN, resourceArns: [subnet('a')] } });
    expect(refusal({ edit: 'remove-resources', resourceArns: [subnet('z')] })).toBe(`${subnet('z')} is not among the share's resources.`);
  });

  it('renames, toggles external principals, tags, untags, changes a permission and deletes, each with its one call', () => {
    const ops = (edit: ShareEdit) => plan(edit).steps.map((s) => [s.operation, s.input]);
    expect(ops({ edit: 'rename', name: 'subnets' })).toEqual([['ram:UpdateResourceShare', { resourceShareArn: ARN, name: 'subnets' }]]);
    expect(ops({ edit: 'external', allow: true })).toEqual([['ram:UpdateResourceShare', { resourceShareArn: ARN, allowExternalPrincipals: true }]]);
    expect(ops({ edit: 'tag', tags: [{ key: 'env', value: 'prod' }] })).toEqual([['ram:TagResource', { resourceShareArn: ARN, tags: [{ key: 'env', value: 'prod' }] }]]);
    expect(ops({ edit: 'untag', tagKeys: ['team'] })).toEqual([['ram:UntagResource', { resourceShareArn: ARN, tagKeys: ['team'] }]]);
    expect(ops({ edit: 'permission', resourceType: 'ec2:Subnet', permissionArn: share.permissions[0].arn })).toEqual([
      ['ram:AssociateResourceSharePermission', { resourceShareArn: ARN, permissionArn: share.permissions[0].arn, replace: true }],
    ]);
    expect(ops({ edit: 'delete', confirmName: 'workloads-subnets' })).toEqual([['ram:DeleteResourceShare', { resourceShareArn: ARN }]]);
  });

  it('has CLI commands for every edit and says what CloudFormation and Terraform cannot express', () => {
    const steps = [
      plan({ edit: 'rename', name: 'subnets' }).steps[0],
      plan({ edit: 'tag', tags: [{ key: 'env', value: 'prod' }] }).steps[0],
      plan({ edit: 'untag', tagKeys: ['team'] }).steps[0],
      plan({ edit: 'permission', resourceType: 'ec2:Subnet', permissionArn: share.permissions[0].arn }).steps[0],
      plan({ edit: 'delete', confirmName: 'workloads-subnets' }).steps[0],
    ];
    const script = renderCli(steps, { planId: 'p-9' });
    const cli = script.split('\n').filter((l) => l.startsWith('aws '));
    expect(cli.map((l) => l.split(' --')[0])).toEqual([
      'aws ram update-resource-share',
      'aws ram tag-resource',
      'aws ram untag-resource',
      'aws ram associate-resource-share-permission',
      'aws ram delete-resource-share',
    ]);
    expect(script).toContain('"name": "subnets"');
    expect(script).toContain('"replace": true');
    const [cf] = renderCloudFormation(steps, { planId: 'p-9', title: 'edits' });
    expect(cf.text).toBeUndefined();
    expect(cf.notes).toEqual([
      'Step 1 (ram:UpdateResourceShare): Set Name: subnets on the AWS::RAM::ResourceShare in the stack that manages the share, if one does; otherwise run the AWS CLI command.',
      'Step 2 (ram:TagResource): Add env=prod to Tags on the AWS::RAM::ResourceShare in the stack that manages the share, if one does; otherwise run the AWS CLI command.',
      'Step 3 (ram:UntagResource): Remove the keys team from Tags on the AWS::RAM::ResourceShare in the stack that manages the share, if one does; otherwise run the AWS CLI command.',
      `Step 4 (ram:AssociateResourceSharePermission): List ${share.permissions[0].arn} in PermissionArns on the AWS::RAM::ResourceShare in the stack that manages the share, if one does; otherwise run the AWS CLI command.`,
      'Step 5 (ram:DeleteResourceShare): Remove the AWS::RAM::ResourceShare from the stack that manages the share, if one does (deleting the stack deletes it); otherwise run the AWS CLI command.',
    ]);
    const [tf] = renderTerraform(steps, { planId: 'p-9' });
    expect(tf.notes[0]).toMatch(/^Step 1 \(ram:UpdateResourceShare\): Set name = "subnets" on the aws_ram_resource_share .*terraform import aws_ram_resource_share\.NAME <share ARN>/);
    expect(tf.notes).toHaveLength(5);
  });

  it('offers the default version of a permission only where the attached one is older', () => {
    expect(plan({ edit: 'permission', resourceType: 'ec2:Subnet', permissionArn: share.permissions[0].arn }).title).toBe(
      `Update ec2:Subnet's permission in "workloads-subnets" to its default version`,
    );
    const current = { ...share, permissions: [{ ...share.permissions[0], defaultVersion: true }] };
    expect(refusal({ edit: 'permission', resourceType: 'ec2:Subnet', permissionArn: share.permissions[0].arn }, current)).toBe('ec2:Subnet already uses the default version of AWSRAMDefaultPermissionSubnet.');
  });

  it('takes a customer managed permission, whose ARN names its Region', () => {
    const arn = 'arn:aws:ram:us-east-1:300000000001:permission/subnets-run-only';
    expect(plan({ edit: 'permission', resourceType: 'ec2:Subnet', permissionArn: arn }).steps[0].input).toMatchObject({ permissionArn: arn, replace: true });
  });

  it('refuses bad input with the field and the form expected, changing nothing', () => {
    expect(refusal({ edit: 'add-principals', principals: ['12345'] })).toMatch(/^principals\.0: Each principal must be an account ID \(12 digits\), an organization \(o-…\) or OU/);
    expect(refusal({ edit: 'add-resources', resourceArns: ['subnet-1'] })).toMatch(/^resourceArns\.0: Each resource ARN must be an ARN such as arn:aws:ec2/);
    expect(refusal({ edit: 'add-resources', resourceArns: ['arn:aws:ec2:eu-west-1:999999999999:subnet/subnet-x'] })).toBe(
      'Only the owner shares a resource: arn:aws:ec2:eu-west-1:999999999999:subnet/subnet-x is not in account 300000000001, which owns this share.',
    );
    expect(refusal({ edit: 'add-principals', principals: [OWNER] })).toBe('Account 300000000001 owns the share: the owner cannot be one of its principals.');
    expect(refusal({ edit: 'add-principals', principals: ['ou-7c0r-workload'] })).toBe("ou-7c0r-workload is already among the share's principals: there is nothing to add.");
    expect(refusal({ edit: 'tag', tags: [{ key: 'aws:team', value: 'x' }] })).toBe('tags.0.key: Tag keys starting with aws: are reserved for AWS.');
    expect(refusal({ edit: 'rename', name: '  ' })).toBe('name: A share needs a name.');
    expect(refusal({ edit: 'delete', confirmName: 'workloads' })).toBe("Type the share's name, workloads-subnets, to confirm deleting it.");
    expect(refusal({ edit: 'rename', name: 'x' }, { ...share, status: 'DELETING' })).toBe('The share is deleting: it can no longer be changed.');
  });

  it('refuses to stop allowing external principals while outside principals are associated', () => {
    const open = { ...share, allowExternalPrincipals: true, principals: [...share.principals, { id: '900000000001', status: 'ASSOCIATING', external: true }] };
    expect(refusal({ edit: 'external', allow: false }, open)).toBe('Principals outside the organization are associated (900000000001): remove them before refusing external principals.');
    expect(plan({ edit: 'external', allow: false }, { ...open, principals: share.principals }).steps[0].input).toEqual({ resourceShareArn: ARN, allowExternalPrincipals: false });
  });
});

describe('leaving a received share', () => {
  const received: ReceivedShare = {
    arn: 'arn:aws:ram:us-east-1:900000000001:resource-share/aaaa',
    name: 'partner-network',
    owningAccountId: '900000000001',
    region: 'us-east-1',
    status: 'ACTIVE',
    accountId: '400000000011',
    resources: [{ arn: 'arn:aws:ec2:us-east-1:900000000001:prefix-list/pl-1', type: 'ec2:PrefixList' }],
    via: ['400000000011'],
  };

  it('is DisassociateResourceShare by the receiving account naming itself', () => {
    const draft = planLeave(received, names);
    expect(draft.title).toBe('payments-dev leaves "partner-network"');
    expect(draft.steps).toEqual([
      expect.objectContaining({ operation: 'ram:DisassociateResourceShare', accountId: '400000000011', region: 'us-east-1', input: { resourceShareArn: received.arn, principals: ['400000000011'] } }),
    ]);
  });

  it('is refused for a share received through the organization', () => {
    expect(() => planLeave({ ...received, via: ['arn:aws:organizations::100000000001:ou/o-exmpl7c0rp/ou-7c0r-workload'] }, names)).toThrow(
      'Account 400000000011 receives "partner-network" through Workloads, not as an individual account: only the owner (900000000001) can stop sharing it.',
    );
  });
});
