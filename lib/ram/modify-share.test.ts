// Protects "Modify resource share": the wizard opens with the share exactly as AWS read it back (name, resources by name, permissions, principals named from the organization, tags, the external toggle, retain-on-leave, sources), and its plan is only the differences, refusing a plan that changes nothing.
import { describe, expect, test } from 'vitest';
import { PlanError } from '../plan/build';
import { modifyDraftState, modifyShare, modifyVerdict } from './modify-share';
import type { OrganizationDirectory, PrincipalRules } from './principals';
import { resourceTypeInfo } from './resource-types';
import type { ShareRecord } from './snapshot';

const OWNER = '300000000001';
const PL_A = `arn:aws:ec2:us-east-1:${OWNER}:prefix-list/pl-0aaaaaaaaaaaaaaaa`;
const PL_B = `arn:aws:ec2:us-east-1:${OWNER}:prefix-list/pl-0bbbbbbbbbbbbbbbb`;
const DEV_ARN = 'arn:aws:organizations::100000000001:ou/o-exmpl7c0rp/ou-7c0r-dev5h1zc';
const PROD_ARN = 'arn:aws:organizations::100000000001:ou/o-exmpl7c0rp/ou-7c0r-prd3v7xn';
const CMP = `arn:aws:ram:us-east-1:${OWNER}:permission/entries-only`;

const directory: OrganizationDirectory = {
  organizationId: 'o-exmpl7c0rp',
  organizationArn: 'arn:aws:organizations::100000000001:organization/o-exmpl7c0rp',
  rootId: 'r-7c0r',
  name: 'Root',
  account: (id) => ({ '400000000011': { name: 'payments-dev', path: 'Root / Workloads / Dev' } })[id],
  ou: (id) =>
    id === 'ou-7c0r-dev5h1zc'
      ? { name: 'Dev', path: 'Root / Workloads / Dev', arn: DEV_ARN }
      : id === 'ou-7c0r-prd3v7xn'
        ? { name: 'Prod', path: 'Root / Workloads / Prod', arn: PROD_ARN }
        : undefined,
  ancestorsOfAccount: () => ['r-7c0r'],
};
const rules: PrincipalRules = { organization: directory, organizationSharing: true, sharingAccountId: OWNER, allowExternalPrincipals: false, resourceTypes: [resourceTypeInfo('ec2:PrefixList')] };

const share: ShareRecord = {
  arn: `arn:aws:ram:us-east-1:${OWNER}:resource-share/abc`,
  id: 'abc',
  name: 'office-ranges',
  owningAccountId: OWNER,
  region: 'us-east-1',
  status: 'ACTIVE',
  allowExternalPrincipals: false,
  featureSet: 'STANDARD',
  retainSharingOnAccountLeaveOrganization: true,
  tags: [{ key: 'team', value: 'network' }],
  resources: [
    { arn: PL_A, type: 'ec2:PrefixList', status: 'ASSOCIATED' },
    { arn: PL_B, type: 'ec2:PrefixList', status: 'ASSOCIATED' },
  ],
  principals: [
    { id: DEV_ARN, status: 'ASSOCIATED', external: false },
    { id: '400000000011', status: 'ASSOCIATED', external: false },
  ],
  permissions: [{ resourceType: 'ec2:PrefixList', arn: CMP, name: 'entries-only', version: '1', defaultVersion: true }],
};

const prefilled = () => modifyDraftState(share, { accountName: 'network', resourceNames: { [PL_A]: 'office' }, rules });

describe('the modify draft is the share as read back', () => {
  test('every step is filled in and finished, naming resources and principals as the create wizard does', () => {
    const state = prefilled();
    expect(state.finished).toBe(3);
    expect(state.modify).toEqual({ arn: share.arn, id: 'abc', accountId: OWNER, region: 'us-east-1' });
    expect(state.details).toEqual({
      accountId: OWNER,
      accountName: 'network',
      region: 'us-east-1',
      name: 'office-ranges',
      resources: [
        { arn: PL_A, id: 'pl-0aaaaaaaaaaaaaaaa', name: 'office', resourceType: 'ec2:PrefixList' },
        { arn: PL_B, id: 'pl-0bbbbbbbbbbbbbbbb', resourceType: 'ec2:PrefixList' },
      ],
      tags: [{ key: 'team', value: 'network' }],
      retainSharingOnAccountLeaveOrganization: true,
    });
    expect(state.permissions).toEqual({ 'ec2:PrefixList': CMP });
    expect(state.principals).toEqual({
      allowExternalPrincipals: false,
      principals: [
        { type: 'ORGANIZATIONAL_UNIT', principal: DEV_ARN, id: 'ou-7c0r-dev5h1zc', name: 'Root / Workloads / Dev', outside: false, containsSharingAccount: false },
        { type: 'AWS_ACCOUNT', principal: '400000000011', id: '400000000011', name: 'payments-dev (Root / Workloads / Dev)', outside: false },
      ],
    });
    expect(state.plan).toBeUndefined();
  });

  test('a principal the rules no longer accept is kept as recorded, for step 3 to explain', () => {
    const state = modifyDraftState({ ...share, principals: [{ id: '999999999999', status: 'ASSOCIATED', external: true }] }, { accountName: 'network', resourceNames: {}, rules });
    expect(state.principals?.principals).toEqual([{ type: 'AWS_ACCOUNT', principal: '999999999999', id: '999999999999', name: '999999999999', outside: true }]);
  });

  test('source constraints come with the share', () => {
    const state = modifyDraftState(share, { accountName: 'network', resourceNames: {}, rules, sources: [{ sourceId: '400000000011', sourceType: 'ACCOUNT', status: 'ASSOCIATED' }] });
    expect(state.principals?.sources).toEqual(['400000000011']);
  });

  test('a deleted share or one RAM made from a policy cannot be modified', () => {
    expect(() => modifyDraftState({ ...share, status: 'DELETED' }, { accountName: 'n', resourceNames: {} })).toThrow(PlanError);
    expect(() => modifyDraftState({ ...share, featureSet: 'CREATED_FROM_POLICY' }, { accountName: 'n', resourceNames: {} })).toThrow(/promote it/);
  });
});

describe('the modify plan', () => {
  const complete = () => {
    const s = prefilled();
    return { details: s.details!, permissions: s.permissions!, principals: s.principals! };
  };

  test('unchanged steps make no plan', () => {
    expect(() => modifyShare.plan(complete(), { share, sources: [], accountName: 'network' })).toThrow(/Nothing differs/);
  });

  test('adding the Prod OU and removing one resource is one plan: the removal, then the addition', () => {
    const state = complete();
    state.details = { ...state.details, resources: state.details.resources.filter((r) => r.arn !== PL_B) };
    state.principals = { ...state.principals, principals: [...state.principals.principals, { type: 'ORGANIZATIONAL_UNIT', principal: PROD_ARN, id: 'ou-7c0r-prd3v7xn', name: 'Root / Workloads / Prod', outside: false }] };
    const plan = modifyShare.plan(state, { share, sources: [], accountName: 'network' });
    expect(plan.kind).toBe('ram:modify-resource-share');
    expect(plan.steps.map((s) => [s.operation, s.input])).toEqual([
      ['ram:DisassociateResourceShare', { resourceShareArn: share.arn, resourceArns: [PL_B] }],
      ['ram:AssociateResourceShare', { resourceShareArn: share.arn, principals: [PROD_ARN] }],
    ]);
    expect(plan.steps.every((s) => s.accountId === OWNER && s.region === 'us-east-1')).toBe(true);
  });

  test('retain-on-leave cannot change: the plan says it is left as it is', () => {
    const state = complete();
    state.details = { ...state.details, name: 'renamed', retainSharingOnAccountLeaveOrganization: false };
    const plan = modifyShare.plan(state, { share, sources: [], accountName: 'network' });
    expect(plan.steps.map((s) => s.operation)).toEqual(['ram:UpdateResourceShare']);
    expect(plan.notes?.join(' ')).toMatch(/set only when a share is created/);
  });

  test('the read back compares the share with what the plan wanted', () => {
    const wanted = { name: share.name, allowExternalPrincipals: false, resourceArns: [PL_A], principals: [DEV_ARN, '400000000011', 'ou-7c0r-prd3v7xn'], permissions: { 'ec2:PrefixList': CMP }, tags: share.tags };
    const after: ShareRecord = { ...share, resources: [share.resources[0]], principals: [...share.principals, { id: PROD_ARN, status: 'ASSOCIATED', external: false }] };
    expect(modifyVerdict(after, wanted).tone).toBe('success');
    expect(modifyVerdict(share, wanted)).toMatchObject({ tone: 'error', advice: 'resources differ; principals differ' });
  });
});
