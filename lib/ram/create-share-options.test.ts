// Protects the create-share plan's options beyond resources and principals: retain-on-leave reaches CreateResourceShare, CloudFormation (ResourceShareConfiguration) and Terraform (a resource_share_configuration block) with the RAM guide's caveat, and source constraints reach the call while Terraform says it cannot hold them.
import { parse as parseHcl } from '@cdktf/hcl2json';
import { describe, expect, test } from 'vitest';
import '../changes/registry';
import { renderCloudFormation, renderTerraform } from '../plan/iac';
import { planCreateResourceShare } from './create-share';

const OWNER = '300000000001';
const PL = `arn:aws:ec2:us-east-1:${OWNER}:prefix-list/pl-0aaaaaaaaaaaaaaaa`;
const draft = (over: { retain?: boolean; sources?: string[] } = {}) => ({
  details: {
    accountId: OWNER,
    accountName: 'network',
    region: 'us-east-1',
    name: 'office-ranges',
    resources: [{ arn: PL, id: 'pl-0aaaaaaaaaaaaaaaa', resourceType: 'ec2:PrefixList' }],
    tags: [],
    ...(over.retain !== undefined ? { retainSharingOnAccountLeaveOrganization: over.retain } : {}),
  },
  permissions: { 'ec2:PrefixList': 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionPrefixList' },
  principals: {
    allowExternalPrincipals: false,
    principals: [{ type: 'AWS_ACCOUNT' as const, principal: '400000000011', id: '400000000011', name: 'payments-dev', outside: false }],
    ...(over.sources ? { sources: over.sources } : {}),
  },
});

describe('retain access when an account leaves the organization', () => {
  test('off by default: CreateResourceShare carries no configuration', () => {
    const plan = planCreateResourceShare(draft(), 'd-00000000000000000000');
    expect(plan.steps[0].input).not.toHaveProperty('resourceShareConfiguration');
  });

  test('on: the call, CloudFormation and Terraform carry it, and the plan says the caveats', async () => {
    const plan = planCreateResourceShare(draft({ retain: true }), 'd-00000000000000000000');
    expect(plan.steps[0].input.resourceShareConfiguration).toEqual({ retainSharingOnAccountLeaveOrganization: true });
    expect(plan.notes?.join(' ')).toMatch(/set only when the share is created/);
    const cfn = renderCloudFormation(plan.steps, { planId: 'p-1', title: plan.title })[0].text!;
    expect(cfn).toMatch(/ResourceShareConfiguration:\n\s+RetainSharingOnAccountLeaveOrganization: true/);
    const tf = renderTerraform(plan.steps, { planId: 'p-1' })[0].text!;
    expect(tf).toMatch(/resource_share_configuration \{\n\s+retain_sharing_on_account_leave_organization = true\n\s+\}/);
    // A nested block, as the provider's schema has it, not an object attribute.
    const parsed = (await parseHcl('main.tf', tf)) as { resource: { aws_ram_resource_share: { step1: { resource_share_configuration: unknown }[] } } };
    expect(parsed.resource.aws_ram_resource_share.step1[0].resource_share_configuration).toEqual([{ retain_sharing_on_account_leave_organization: true }]);
  });
});

describe('source constraints', () => {
  test('reach CreateResourceShare and CloudFormation; Terraform says it has no argument for them', () => {
    const plan = planCreateResourceShare(draft({ sources: ['400000000011'] }), 'd-00000000000000000000');
    expect(plan.steps[0].input.sources).toEqual(['400000000011']);
    expect(renderCloudFormation(plan.steps, { planId: 'p-1', title: plan.title })[0].text).toMatch(/Sources:\n\s+- "?400000000011"?/);
    const tf = renderTerraform(plan.steps, { planId: 'p-1' })[0];
    expect(tf.text).toBeUndefined();
    expect(tf.notes.join(' ')).toMatch(/no argument for source constraints/);
  });
});
