// Protects the Modify flow's plan: exactly the differences between the share as read back and the share wanted, in an order RAM accepts (removals, settings, additions, permissions, tags), and source constraints and service principals checked.
import { describe, expect, test } from 'vitest';
import { PlanError } from '../plan/build';
import { checkPrincipal, checkSources, type PrincipalRules } from './principals';
import { resourceTypeInfo } from './resource-types';
import { modifyShareSteps, type DesiredShare } from './share-diff';
import type { ShareRecord } from './snapshot';

const OWNER = '300000000001';
const SUBNET_A = `arn:aws:ec2:us-east-1:${OWNER}:subnet/subnet-aaaaaaaaaaaaaaaaa`;
const SUBNET_B = `arn:aws:ec2:us-east-1:${OWNER}:subnet/subnet-bbbbbbbbbbbbbbbbb`;
const PREFIX = `arn:aws:ec2:us-east-1:${OWNER}:prefix-list/pl-0123456789abcdef0`;
const WORKLOADS = 'arn:aws:organizations::100000000001:ou/o-exmpl7c0rp/ou-7c0r-wl8d2m6t';
const PROD = 'ou-7c0r-prd3v7xn';
const CMP = `arn:aws:ram:us-east-1:${OWNER}:permission/entries-only`;

const share: ShareRecord = {
  arn: `arn:aws:ram:us-east-1:${OWNER}:resource-share/1`,
  id: '1',
  name: 'workloads-subnets',
  owningAccountId: OWNER,
  region: 'us-east-1',
  status: 'ACTIVE',
  allowExternalPrincipals: false,
  featureSet: 'STANDARD',
  tags: [{ key: 'team', value: 'network' }],
  resources: [
    { arn: SUBNET_A, type: 'ec2:Subnet', status: 'ASSOCIATED' },
    { arn: SUBNET_B, type: 'ec2:Subnet', status: 'ASSOCIATED' },
  ],
  principals: [{ id: WORKLOADS, status: 'ASSOCIATED', external: false }],
  permissions: [{ resourceType: 'ec2:Subnet', arn: 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionSubnet', name: 'AWSRAMDefaultPermissionSubnet', version: '1', defaultVersion: true }],
};

const same: DesiredShare = {
  name: share.name,
  allowExternalPrincipals: false,
  resourceArns: [SUBNET_A, SUBNET_B],
  principals: ['ou-7c0r-wl8d2m6t'],
  permissions: { 'ec2:Subnet': 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionSubnet' },
  tags: [{ key: 'team', value: 'network' }],
};

describe('modifyShareSteps', () => {
  test('no difference, no step (an OU named by ID is the OU recorded as ARN)', () => {
    expect(modifyShareSteps(share, same)).toEqual([]);
  });

  test('adding the Prod OU and removing one resource: one disassociate, then one associate', () => {
    const steps = modifyShareSteps(share, { ...same, resourceArns: [SUBNET_A], principals: ['ou-7c0r-wl8d2m6t', PROD] });
    expect(steps.map((s) => [s.operation, s.input])).toEqual([
      ['ram:DisassociateResourceShare', { resourceShareArn: share.arn, resourceArns: [SUBNET_B] }],
      ['ram:AssociateResourceShare', { resourceShareArn: share.arn, principals: [PROD] }],
    ]);
    expect(steps.every((s) => s.accountId === OWNER && s.region === 'us-east-1')).toBe(true);
  });

  test('settings, a new type with a customer managed permission, and tags, in order', () => {
    const steps = modifyShareSteps(share, {
      ...same,
      name: 'network-shared',
      allowExternalPrincipals: true,
      resourceArns: [SUBNET_A, SUBNET_B, PREFIX],
      permissions: { ...same.permissions, 'ec2:PrefixList': CMP },
      tags: [{ key: 'team', value: 'platform' }, { key: 'cost', value: '42' }],
    });
    expect(steps.map((s) => s.operation)).toEqual(['ram:UpdateResourceShare', 'ram:AssociateResourceShare', 'ram:AssociateResourceSharePermission', 'ram:TagResource']);
    expect(steps[0].input).toEqual({ resourceShareArn: share.arn, name: 'network-shared', allowExternalPrincipals: true });
    expect(steps[2].input).toEqual({ resourceShareArn: share.arn, permissionArn: CMP, replace: true });
    expect(steps[3].input).toEqual({ resourceShareArn: share.arn, tags: [{ key: 'team', value: 'platform' }, { key: 'cost', value: '42' }] });
    expect(modifyShareSteps(share, { ...same, tags: [] }).map((s) => [s.operation, s.input.tagKeys])).toEqual([['ram:UntagResource', ['team']]]);
  });

  test('an outdated permission version is brought to the default; a from-policy share is refused', () => {
    const outdated = { ...share, permissions: [{ ...share.permissions[0], defaultVersion: false }] };
    expect(modifyShareSteps(outdated, same).map((s) => s.operation)).toEqual(['ram:AssociateResourceSharePermission']);
    expect(() => modifyShareSteps({ ...share, featureSet: 'CREATED_FROM_POLICY' }, same)).toThrow(PlanError);
  });
});

describe('service principals and source constraints', () => {
  const rules = (servicePrincipals: boolean): PrincipalRules => ({
    organizationSharing: true,
    sharingAccountId: OWNER,
    allowExternalPrincipals: false,
    resourceTypes: [{ ...resourceTypeInfo('ec2:PrefixList'), servicePrincipals }],
  });

  test('a service principal passes only when every type in the share accepts one', () => {
    expect(checkPrincipal('SERVICE_PRINCIPAL', 'elasticloadbalancing.amazonaws.com', rules(true))).toMatchObject({ ok: true, principal: { principal: 'elasticloadbalancing.amazonaws.com' } });
    expect(checkPrincipal('SERVICE_PRINCIPAL', 'elasticloadbalancing.amazonaws.com', rules(false))).toMatchObject({ ok: false, rule: 'service-principal' });
    expect(checkPrincipal('SERVICE_PRINCIPAL', 'not a service', rules(true))).toMatchObject({ ok: false, rule: 'format' });
    // Typed under another type, a service principal is checked as one.
    expect(checkPrincipal('AWS_ACCOUNT', 'elasticloadbalancing.amazonaws.com', rules(true))).toMatchObject({ ok: true, principal: { type: 'SERVICE_PRINCIPAL' } });
    expect(checkPrincipal('AWS_ACCOUNT', 'elasticloadbalancing.amazonaws.com', rules(false))).toMatchObject({ ok: false, rule: 'service-principal', message: expect.stringContaining('Can share with service principals') });
  });

  test('sources are typed by form, refused without a service principal, and bad ones named', () => {
    const service = [{ type: 'SERVICE_PRINCIPAL' as const }];
    const { sources, errors } = checkSources(['111111111111', 'o-exmpl7c0rp', 'o-exmpl7c0rp/r-7c0r/ou-7c0r-prd3v7xn/', 'arn:aws:s3:::bucket', 'junk'], service);
    expect(sources.map((s) => s.sourceType)).toEqual(['ACCOUNT', 'ORGANIZATION', 'ORGANIZATION_PATH', 'ARN']);
    expect(errors.junk).toMatch(/not a source/);
    expect(checkSources(['111111111111'], [{ type: 'AWS_ACCOUNT' }]).errors['111111111111']).toMatch(/add a service principal first/);
  });
});
