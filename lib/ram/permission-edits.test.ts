// Protects the managed-permission plans: the template rules with the rule each refusal names, and each change's steps (create, version, default, deletions, updating shares to the default version).
import { describe, expect, test } from 'vitest';
import { PlanError } from '../plan/build';
import type { StoredPlan } from '../plan/types';
import type { ManagedPermissionRow, ManagedPermissionsView } from './managed-permissions';
import { planPermissionEdit, permissionEditSchema, permissionEditVerdict, policyTemplate, type PermissionEditContext } from './permission-edits';

const ACCOUNT = '300000000001';
const CMP = `arn:aws:ram:us-east-1:${ACCOUNT}:permission/entries-only`;
const ALLOWED = { 'ec2:PrefixList': ['ec2:GetManagedPrefixListEntries', 'ec2:DescribeManagedPrefixLists'] };

function cmp(over: Partial<ManagedPermissionRow> = {}): ManagedPermissionRow {
  return {
    arn: CMP,
    name: 'entries-only',
    resourceType: 'ec2:PrefixList',
    permissionType: 'CUSTOMER_MANAGED',
    featureSet: 'STANDARD',
    status: 'ATTACHABLE',
    isResourceTypeDefault: false,
    defaultVersion: '2',
    versions: [
      { version: '1', isDefault: false, actions: ['ec2:GetManagedPrefixListEntries'] },
      { version: '2', isDefault: true, actions: ['ec2:GetManagedPrefixListEntries', 'ec2:DescribeManagedPrefixLists'] },
    ],
    usedBy: [{ resourceShareArn: `arn:aws:ram:us-east-1:${ACCOUNT}:resource-share/1`, shareName: 'cidrs', version: '1', resourceType: 'ec2:PrefixList' }],
    ...over,
  };
}

const view = (permissions = [cmp()]): ManagedPermissionsView => ({ accountId: ACCOUNT, region: 'us-east-1', permissions });
const edit = (raw: unknown) => permissionEditSchema.parse(raw);

function refusal(run: () => unknown): { message: string; fields?: Record<string, string[]> } {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanError) return { message: error.message, fields: error.fieldErrors };
    throw error;
  }
  throw new Error('not refused');
}

describe('policyTemplate', () => {
  test('one Allow statement of the chosen actions, with the conditions given', () => {
    const t = policyTemplate('ec2:PrefixList', ['ec2:GetManagedPrefixListEntries'], '{"StringEquals":{"aws:RequestedRegion":"us-east-1"}}', ALLOWED['ec2:PrefixList']);
    expect(JSON.parse(t)).toEqual({ Effect: 'Allow', Action: ['ec2:GetManagedPrefixListEntries'], Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } });
  });

  test.each([
    ['an action of another type', ['ec2:DescribeSubnets'], '', 'actions', /RAM allows only ec2:PrefixList's actions/],
    ['conditions that are not JSON', ['ec2:GetManagedPrefixListEntries'], '{', 'conditions', /JSON object/],
    ['a negating operator', ['ec2:GetManagedPrefixListEntries'], '{"StringNotEquals":{"aws:RequestedRegion":"x"}}', 'conditions', /non-negating/],
    ['a set operator', ['ec2:GetManagedPrefixListEntries'], '{"ForAnyValue:StringEquals":{"aws:TagKeys":"x"}}', 'conditions', /single/],
    ['aws:PrincipalOrgID', ['ec2:GetManagedPrefixListEntries'], '{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}', 'conditions', /RAM fills in principal/],
    ['a system tag', ['ec2:GetManagedPrefixListEntries'], '{"StringEquals":{"aws:ResourceTag/aws:cloudformation:stack-name":"x"}}', 'conditions', /system tags/],
  ])('refuses %s, naming the rule on its field', (_what, actions, conditions, field, rule) => {
    const { fields } = refusal(() => policyTemplate('ec2:PrefixList', actions, conditions, ALLOWED['ec2:PrefixList']));
    expect(fields?.[field]?.join(' ')).toMatch(rule);
  });
});

describe('planPermissionEdit', () => {
  test('create: one CreatePermission step in the account and Region', () => {
    const plan = planPermissionEdit(view([]), edit({ edit: 'create', name: 'entries-only', resourceType: 'ec2:PrefixList', actions: ['ec2:GetManagedPrefixListEntries'] }), ALLOWED);
    expect(plan.steps).toEqual([
      expect.objectContaining({ operation: 'ram:CreatePermission', accountId: ACCOUNT, region: 'us-east-1', input: { name: 'entries-only', resourceType: 'ec2:PrefixList', policyTemplate: '{"Effect":"Allow","Action":["ec2:GetManagedPrefixListEntries"]}' } }),
    ]);
    expect(plan.context).toMatchObject({ permissionArn: CMP, edit: 'create' });
    expect(refusal(() => planPermissionEdit(view(), edit({ edit: 'create', name: 'entries-only', resourceType: 'ec2:PrefixList', actions: ['ec2:GetManagedPrefixListEntries'] }), ALLOWED)).fields?.name).toBeDefined();
    expect(permissionEditSchema.safeParse({ edit: 'create', name: 'has space', resourceType: 'ec2:PrefixList', actions: ['x'] }).success).toBe(false);
  });

  test('versions: add, make default, delete; refusals say why', () => {
    expect(planPermissionEdit(view(), edit({ edit: 'add-version', permissionArn: CMP, actions: ['ec2:GetManagedPrefixListEntries'] }), ALLOWED).steps[0].operation).toBe('ram:CreatePermissionVersion');
    expect(planPermissionEdit(view(), edit({ edit: 'set-default', permissionArn: CMP, version: 1 }), ALLOWED).steps[0].input).toEqual({ permissionArn: CMP, permissionVersion: 1 });
    expect(refusal(() => planPermissionEdit(view(), edit({ edit: 'set-default', permissionArn: CMP, version: 2 }), ALLOWED)).message).toMatch(/already the default/);
    expect(refusal(() => planPermissionEdit(view(), edit({ edit: 'delete-version', permissionArn: CMP, version: 2 }), ALLOWED)).message).toMatch(/is the default version/);
    expect(refusal(() => planPermissionEdit(view(), edit({ edit: 'delete-version', permissionArn: CMP, version: 1 }), ALLOWED)).message).toMatch(/cidrs/);
    expect(refusal(() => planPermissionEdit(view(), edit({ edit: 'delete', permissionArn: CMP, confirmName: 'entries-only' }), ALLOWED)).message).toMatch(/give them another permission/);
    const unused = view([cmp({ usedBy: [] })]);
    expect(planPermissionEdit(unused, edit({ edit: 'delete', permissionArn: CMP, confirmName: 'entries-only' }), ALLOWED).steps[0].operation).toBe('ram:DeletePermission');
    expect(refusal(() => planPermissionEdit(unused, edit({ edit: 'delete', permissionArn: CMP, confirmName: 'nope' }), ALLOWED)).fields?.confirmName).toBeDefined();
  });

  test('update-shares: one ReplacePermissionAssociations from the version to the default', () => {
    const plan = planPermissionEdit(view(), edit({ edit: 'update-shares', permissionArn: CMP, version: 1 }), ALLOWED);
    expect(plan.title).toBe('Update 1 share from version 1 of entries-only to the default (version 2)');
    expect(plan.steps.map((s) => [s.operation, s.input])).toEqual([['ram:ReplacePermissionAssociations', { fromPermissionArn: CMP, fromPermissionVersion: 1, toPermissionArn: CMP }]]);
    expect(refusal(() => planPermissionEdit(view(), edit({ edit: 'update-shares', permissionArn: CMP, version: 2 }), ALLOWED)).message).toMatch(/up to date/);
  });

  test('the read back judges from what AWS lists afterwards', () => {
    const plan = { ...planPermissionEdit(view(), edit({ edit: 'update-shares', permissionArn: CMP, version: 1 }), ALLOWED), status: 'succeeded' } as StoredPlan & { context: PermissionEditContext };
    expect(permissionEditVerdict(plan, view()).tone).toBe('warning');
    const moved = view([cmp({ usedBy: [{ ...cmp().usedBy[0], version: '2' }] })]);
    expect(permissionEditVerdict(plan, moved)).toMatchObject({ tone: 'success', title: 'Every share now holds version 2 (the default).' });
  });
});
