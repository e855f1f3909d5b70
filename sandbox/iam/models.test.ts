// IAM's model functions the core and the seeds call directly: principalPolicies for authorization, and fixed seed keys.
import { describe, expect, it } from 'vitest';
import type { PrincipalIdentity } from '../core/types.js';
import {
  addUserToGroup,
  attachGroupPolicy,
  attachRolePolicy,
  createAccessKey,
  createGroup,
  createPolicy,
  createRole,
  createServiceLinkedRole,
  createUser,
  deleteRole,
  deleteRolePolicy,
  detachRolePolicy,
  findRoleByArn,
  principalPolicies,
  putGroupPolicy,
  putRolePolicy,
  putUserPolicy,
} from './models.js';
import { HOME, iamTestWorld, OTHER } from './testing-world.js';

const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 'sts:AssumeRole' }] };
const allow = (action: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

describe('principalPolicies', () => {
  it('gives a user its own, its groups\' and its boundary policies', () => {
    const world = iamTestWorld();
    const user = createUser(world, HOME, { userName: 'ana' });
    putUserPolicy(world, HOME, 'ana', 'Own', allow('s3:*'));
    createGroup(world, HOME, { groupName: 'Ops' });
    putGroupPolicy(world, HOME, 'Ops', 'GroupInline', allow('ec2:*'));
    attachGroupPolicy(world, HOME, 'Ops', 'arn:aws:iam::aws:policy/ReadOnlyAccess');
    addUserToGroup(world, HOME, 'Ops', 'ana');
    const identity: PrincipalIdentity = { type: 'user', accountId: HOME, arn: user.arn, userName: 'ana', userId: user.userId };
    const policies = principalPolicies(world, identity);
    expect(policies.identityPolicies.map((p) => p.name)).toEqual([
      `${user.arn}/Own`,
      `arn:aws:iam::${HOME}:group/Ops/GroupInline`,
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
    ]);
    expect(policies.identityPolicies[0].policy).toEqual(allow('s3:*'));
    expect(policies.permissionBoundaries).toBeUndefined();
  });

  it('gives a role session the role\'s policies, and nothing once the role is gone', () => {
    const world = iamTestWorld();
    const boundary = createPolicy(world, OTHER, { policyName: 'Boundary', document: allow('s3:*') });
    const role = createRole(world, OTHER, { roleName: 'Ops', assumeRolePolicyDocument: trust, permissionsBoundary: boundary.arn });
    putRolePolicy(world, OTHER, 'Ops', 'Inline', allow('iam:*'));
    attachRolePolicy(world, OTHER, 'Ops', 'arn:aws:iam::aws:policy/AdministratorAccess');
    const session: PrincipalIdentity = {
      type: 'assumed-role',
      accountId: OTHER,
      arn: `arn:aws:sts::${OTHER}:assumed-role/Ops/s`,
      roleArn: role.arn,
      roleName: 'Ops',
      roleId: role.roleId,
      sessionName: 's',
      chained: false,
    };
    const policies = principalPolicies(world, session);
    expect(policies.identityPolicies.map((p) => p.name)).toEqual([`${role.arn}/Inline`, 'arn:aws:iam::aws:policy/AdministratorAccess']);
    expect(policies.permissionBoundaries?.map((p) => p.name)).toEqual([boundary.arn]);

    deleteRolePolicy(world, OTHER, 'Ops', 'Inline');
    detachRolePolicy(world, OTHER, 'Ops', 'arn:aws:iam::aws:policy/AdministratorAccess');
    deleteRole(world, OTHER, 'Ops');
    expect(principalPolicies(world, session)).toEqual({ identityPolicies: [] });
    // A new role with the same name does not inherit the old sessions.
    createRole(world, OTHER, { roleName: 'Ops', assumeRolePolicyDocument: trust });
    attachRolePolicy(world, OTHER, 'Ops', 'arn:aws:iam::aws:policy/AdministratorAccess');
    expect(principalPolicies(world, session)).toEqual({ identityPolicies: [] });
  });

  it('leaves root to the core', () => {
    const world = iamTestWorld();
    expect(principalPolicies(world, { type: 'root', accountId: HOME, arn: `arn:aws:iam::${HOME}:root` })).toEqual({ identityPolicies: [] });
  });
});

describe('deleted principals', () => {
  it('stay in trust policies as their unique ID, so a namesake is not trusted', () => {
    const world = iamTestWorld();
    const auditor = createRole(world, OTHER, { roleName: 'Auditor', assumeRolePolicyDocument: trust });
    const target = createRole(world, HOME, {
      roleName: 'Target',
      assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: [auditor.arn, `arn:aws:iam::${OTHER}:root`] }, Action: 'sts:AssumeRole' }] },
    });
    deleteRole(world, OTHER, 'Auditor');
    expect(JSON.parse(target.assumeRolePolicyDocument).Statement[0].Principal.AWS).toEqual([auditor.roleId, `arn:aws:iam::${OTHER}:root`]);
    createRole(world, OTHER, { roleName: 'Auditor', assumeRolePolicyDocument: trust });
    expect(JSON.parse(target.assumeRolePolicyDocument).Statement[0].Principal.AWS[0]).toBe(auditor.roleId);
  });
});

describe('seed helpers', () => {
  it('registers fixed access keys as user credentials', () => {
    const world = iamTestWorld();
    createUser(world, HOME, { userName: 'seeded' });
    const key = createAccessKey(world, HOME, 'seeded', { accessKeyId: 'AKIASEEDED0000000001', secretAccessKey: 's'.repeat(40) });
    expect(key).toMatchObject({ accessKeyId: 'AKIASEEDED0000000001', status: 'Active', userName: 'seeded' });
    expect(world.credentials.get('AKIASEEDED0000000001')).toMatchObject({ status: 'Active', identity: { type: 'user', userName: 'seeded', accountId: HOME } });
  });

  it('finds roles by ARN, with their path, and creates the RAM service-linked role', () => {
    const world = iamTestWorld();
    const role = createRole(world, HOME, { roleName: 'Pathy', path: '/a/b/', assumeRolePolicyDocument: JSON.stringify(trust) });
    expect(findRoleByArn(world, `arn:aws:iam::${HOME}:role/a/b/Pathy`)).toBe(role);
    expect(findRoleByArn(world, `arn:aws:iam::${HOME}:role/Pathy`)).toBeUndefined();
    const slr = createServiceLinkedRole(world, HOME, 'ram.amazonaws.com');
    expect(slr.arn).toBe(`arn:aws:iam::${HOME}:role/aws-service-role/ram.amazonaws.com/AWSServiceRoleForResourceAccessManager`);
    expect(slr.attachedPolicies).toEqual(['arn:aws:iam::aws:policy/aws-service-role/AWSResourceAccessManagerServiceRolePolicy']);
  });

  it('builds 10,000 roles from one trust policy, with unique IDs that the same world repeats', () => {
    const roleIds = () => {
      const world = iamTestWorld();
      return Array.from({ length: 10_000 }, (_, i) => createRole(world, HOME, { roleName: `Role${i}`, assumeRolePolicyDocument: trust }).roleId);
    };
    const ids = roleIds();
    expect(ids.every((id) => /^AROA[A-Z0-9]{17}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(roleIds()).toEqual(ids);
    const otherSeed = iamTestWorld('another-seed');
    expect(createRole(otherSeed, HOME, { roleName: 'Role0', assumeRolePolicyDocument: trust }).roleId).not.toBe(ids[0]);
  });

  it('checks the principals of a trust policy it has seen before against the world as it is now', () => {
    const world = iamTestWorld();
    const auditor = createRole(world, OTHER, { roleName: 'Auditor', assumeRolePolicyDocument: trust });
    const fromAuditor = JSON.stringify({ ...trust, Statement: [{ ...trust.Statement[0], Principal: { AWS: auditor.arn } }] });
    createRole(world, HOME, { roleName: 'First', assumeRolePolicyDocument: fromAuditor });
    deleteRole(world, OTHER, 'Auditor');
    for (let i = 0; i < 2; i++) {
      expect(() => createRole(world, HOME, { roleName: 'Second', assumeRolePolicyDocument: fromAuditor })).toThrow(
        `Invalid principal in policy: "AWS":"${auditor.arn}"`,
      );
    }
    const wrongAction = JSON.stringify({ ...trust, Statement: [{ ...trust.Statement[0], Action: 's3:GetObject' }] });
    for (let i = 0; i < 2; i++) {
      expect(() => createRole(world, HOME, { roleName: 'Third', assumeRolePolicyDocument: wrongAction })).toThrow(
        'AssumeRole policy may only specify STS AssumeRole actions.',
      );
    }
  });
});
