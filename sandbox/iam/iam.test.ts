// IAM through the real @aws-sdk/client-iam: every operation the console relies on, AWS's errors and pagination.
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateAccountAliasCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateServiceLinkedRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteConflictException,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DeleteServiceLinkedRoleCommand,
  DeleteUserCommand,
  DeleteUserPermissionsBoundaryCommand,
  DeleteUserPolicyCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  EntityAlreadyExistsException,
  GetAccessKeyLastUsedCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountSummaryCommand,
  GetGroupCommand,
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  LimitExceededException,
  ListAccessKeysCommand,
  ListAccountAliasesCommand,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  ListInstanceProfilesForRoleCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRoleTagsCommand,
  ListRolesCommand,
  ListUserPoliciesCommand,
  ListUserTagsCommand,
  ListUsersCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutGroupPolicyCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  RemoveUserFromGroupCommand,
  SetDefaultPolicyVersionCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
  TagRoleCommand,
  TagUserCommand,
  UnmodifiableEntityException,
  UntagRoleCommand,
  UntagUserCommand,
  UpdateAccessKeyCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateUserCommand,
  paginateListRoles,
  type Role,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../testing.js';
import { attachRolePolicy, createPolicy } from './models.js';
import { ADMIN_POLICY, HOME, iamTestWorld, OTHER } from './testing-world.js';

let sb: TestSandbox;
let iam: IAMClient;

const trust = (principal: unknown) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });
const allow = (action: string, resource = '*') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });

beforeAll(async () => {
  sb = await startSandbox({ world: iamTestWorld() });
  // The SDK retries LimitExceededException as throttling; one attempt keeps these tests quick.
  iam = new IAMClient({ ...sb.clientConfig(), maxAttempts: 1 });
});

afterAll(async () => {
  await sb?.close();
});

async function rejection(promise: Promise<unknown>): Promise<Error & { name: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { name: string };
  }
  throw new Error('expected the call to fail');
}

describe('users and groups', () => {
  it('creates, reads, renames, tags and deletes users, with AWS errors', async () => {
    const { User } = await iam.send(new CreateUserCommand({ UserName: 'bob', Path: '/staff/', Tags: [{ Key: 'team', Value: 'ops' }] }));
    expect(User).toMatchObject({ UserName: 'bob', Path: '/staff/', Arn: `arn:aws:iam::${HOME}:user/staff/bob` });
    expect(User!.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/);

    const duplicate = await rejection(iam.send(new CreateUserCommand({ UserName: 'BOB' })));
    expect(duplicate).toBeInstanceOf(EntityAlreadyExistsException);
    expect(duplicate.message).toBe('User with name BOB already exists.');

    const missing = await rejection(iam.send(new GetUserCommand({ UserName: 'nobody' })));
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing.message).toBe('The user with name nobody cannot be found.');
    expect(missing.$metadata?.httpStatusCode).toBe(404);

    const invalid = await rejection(iam.send(new CreateUserCommand({ UserName: 'bad name!' })));
    expect(invalid.name).toBe('ValidationError');
    expect(invalid.message).toContain("at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern");

    await iam.send(new TagUserCommand({ UserName: 'bob', Tags: [{ Key: 'env', Value: 'dev' }] }));
    await iam.send(new UntagUserCommand({ UserName: 'bob', TagKeys: ['team'] }));
    expect((await iam.send(new ListUserTagsCommand({ UserName: 'bob' }))).Tags).toEqual([{ Key: 'env', Value: 'dev' }]);

    await iam.send(new UpdateUserCommand({ UserName: 'bob', NewUserName: 'robert', NewPath: '/' }));
    const renamed = (await iam.send(new GetUserCommand({ UserName: 'robert' }))).User!;
    expect(renamed).toMatchObject({ Arn: `arn:aws:iam::${HOME}:user/robert`, UserId: User!.UserId, Tags: [{ Key: 'env', Value: 'dev' }] });

    // Without UserName, GetUser describes the caller.
    expect((await iam.send(new GetUserCommand({}))).User!.UserName).toBe('admin');

    await iam.send(new DeleteUserCommand({ UserName: 'robert' }));
    expect(await rejection(iam.send(new GetUserCommand({ UserName: 'robert' })))).toBeInstanceOf(NoSuchEntityException);
  });

  it('pages ListUsers with Marker/MaxItems and filters by PathPrefix', async () => {
    for (const name of ['p1', 'p2', 'p3', 'p4', 'p5']) await iam.send(new CreateUserCommand({ UserName: name, Path: '/paged/' }));
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await iam.send(new ListUsersCommand({ PathPrefix: '/paged/', MaxItems: 2, Marker: marker }));
      seen.push(...page.Users!.map((u) => u.UserName!));
      expect(page.IsTruncated).toBe(page.Marker !== undefined);
      marker = page.Marker;
      pages++;
    } while (marker);
    expect(seen).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
    expect(pages).toBe(3);

    const tooMany = await rejection(iam.send(new ListUsersCommand({ MaxItems: 1001 })));
    expect(tooMany.name).toBe('ValidationError');
    expect(tooMany.message).toBe(
      "1 validation error detected: Value '1001' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
  });

  it('manages groups, membership, and group policies', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'carol' }));
    const { Group } = await iam.send(new CreateGroupCommand({ GroupName: 'Readers' }));
    expect(Group!.GroupId).toMatch(/^AGPA/);
    await iam.send(new AddUserToGroupCommand({ GroupName: 'Readers', UserName: 'carol' }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'Readers', PolicyName: 'ReadIam', PolicyDocument: allow('iam:Get*') }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'Readers', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));

    const got = await iam.send(new GetGroupCommand({ GroupName: 'readers' }));
    expect(got.Users!.map((u) => u.UserName)).toEqual(['carol']);
    expect((await iam.send(new ListGroupsCommand({}))).Groups!.map((g) => g.GroupName)).toContain('Readers');
    expect((await iam.send(new ListGroupsForUserCommand({ UserName: 'carol' }))).Groups!.map((g) => g.GroupName)).toEqual(['Readers']);
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: 'Readers' }))).PolicyNames).toEqual(['ReadIam']);
    const inline = await iam.send(new GetGroupPolicyCommand({ GroupName: 'Readers', PolicyName: 'ReadIam' }));
    expect(JSON.parse(decodeURIComponent(inline.PolicyDocument!))).toEqual(JSON.parse(allow('iam:Get*')));
    expect((await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'Readers' }))).AttachedPolicies).toEqual([
      { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    ]);

    const conflict = await rejection(iam.send(new DeleteGroupCommand({ GroupName: 'Readers' })));
    expect(conflict).toBeInstanceOf(DeleteConflictException);
    expect(await rejection(iam.send(new DeleteUserCommand({ UserName: 'carol' })))).toBeInstanceOf(DeleteConflictException);

    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'Readers', UserName: 'carol' }));
    await iam.send(new DeleteGroupPolicyCommand({ GroupName: 'Readers', PolicyName: 'ReadIam' }));
    await iam.send(new DetachGroupPolicyCommand({ GroupName: 'Readers', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    await iam.send(new DeleteGroupCommand({ GroupName: 'Readers' }));
    await iam.send(new DeleteUserCommand({ UserName: 'carol' }));
  });
});

describe('roles', () => {
  it('creates a role and returns its trust policy URL-encoded, as AWS does', async () => {
    const document = trust({ AWS: `arn:aws:iam::${OTHER}:root` });
    const { Role } = await iam.send(
      new CreateRoleCommand({ RoleName: 'Deployer', Path: '/ci/', AssumeRolePolicyDocument: document, Description: 'deploys', MaxSessionDuration: 7200, Tags: [{ Key: 'a', Value: 'b' }] }),
    );
    expect(Role).toMatchObject({ RoleName: 'Deployer', Arn: `arn:aws:iam::${HOME}:role/ci/Deployer`, MaxSessionDuration: 7200 });
    expect(Role!.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(Role!.AssumeRolePolicyDocument).toBe(encodeURIComponent(document));

    const got = (await iam.send(new GetRoleCommand({ RoleName: 'deployer' }))).Role!;
    expect(got).toMatchObject({ Description: 'deploys', Tags: [{ Key: 'a', Value: 'b' }] });
    expect(got.RoleLastUsed).toEqual({});

    await iam.send(new UpdateRoleCommand({ RoleName: 'Deployer', Description: 'deploys apps', MaxSessionDuration: 3600 }));
    const home = trust({ AWS: `arn:aws:iam::${HOME}:user/admin` });
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Deployer', PolicyDocument: home }));
    const updated = (await iam.send(new GetRoleCommand({ RoleName: 'Deployer' }))).Role!;
    expect(updated).toMatchObject({ Description: 'deploys apps', MaxSessionDuration: 3600 });
    expect(decodeURIComponent(updated.AssumeRolePolicyDocument!)).toBe(home);

    await iam.send(new TagRoleCommand({ RoleName: 'Deployer', Tags: [{ Key: 'c', Value: 'd' }] }));
    await iam.send(new UntagRoleCommand({ RoleName: 'Deployer', TagKeys: ['a'] }));
    expect((await iam.send(new ListRoleTagsCommand({ RoleName: 'Deployer' }))).Tags).toEqual([{ Key: 'c', Value: 'd' }]);

    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'Deployer', PermissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess' }));
    expect((await iam.send(new GetRoleCommand({ RoleName: 'Deployer' }))).Role!.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
    });
    await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'Deployer' }));
    expect((await iam.send(new GetRoleCommand({ RoleName: 'Deployer' }))).Role!.PermissionsBoundary).toBeUndefined();

    const roles: Role[] = [];
    for await (const page of paginateListRoles({ client: iam, pageSize: 1 }, { PathPrefix: '/ci/' })) roles.push(...page.Roles!);
    expect(roles.map((r) => r.RoleName)).toEqual(['Deployer']);
  });

  it('rejects bad trust policies with MalformedPolicyDocument and oversized ones with LimitExceeded', async () => {
    const cases: [string, string][] = [
      ['{not json', 'This policy contains invalid Json'],
      [trust({ AWS: 'arn:aws:iam::999999999999:root' }), 'Invalid principal in policy: "AWS":"arn:aws:iam::999999999999:root"'],
      [trust({ AWS: `arn:aws:iam::${OTHER}:role/Missing` }), `Invalid principal in policy: "AWS":"arn:aws:iam::${OTHER}:role/Missing"`],
      [trust({ AWS: `arn:aws:iam::${HOME}:user/ghost` }), `Invalid principal in policy: "AWS":"arn:aws:iam::${HOME}:user/ghost"`],
    ];
    for (const [document, message] of cases) {
      const error = await rejection(iam.send(new CreateRoleCommand({ RoleName: 'Bad', AssumeRolePolicyDocument: document })));
      expect(error).toBeInstanceOf(MalformedPolicyDocumentException);
      expect(error.message).toBe(message);
    }
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: Array.from({ length: 30 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 'sts:AssumeRole' })),
    });
    const tooBig = await rejection(iam.send(new CreateRoleCommand({ RoleName: 'Big', AssumeRolePolicyDocument: big })));
    expect(tooBig).toBeInstanceOf(LimitExceededException);
    expect(tooBig.message).toBe('Cannot exceed quota for ACLSizePerRole: 2048');

    const longName = await rejection(iam.send(new CreateRoleCommand({ RoleName: 'R'.repeat(65), AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }) })));
    expect(longName.name).toBe('ValidationError');
    expect(longName.message).toContain("at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64");

    const missing = await rejection(iam.send(new GetRoleCommand({ RoleName: 'Nope' })));
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing.message).toBe('The role with name Nope cannot be found.');
  });

  it('keeps inline and attached role policies, and refuses to delete a role that has any', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'Worker', AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'Logs', PolicyDocument: allow('logs:*') }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'Worker', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'Worker' }))).PolicyNames).toEqual(['Logs']);
    const inline = await iam.send(new GetRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'logs' }));
    expect(inline).toMatchObject({ RoleName: 'Worker', PolicyName: 'Logs' });
    expect(decodeURIComponent(inline.PolicyDocument!)).toBe(allow('logs:*'));
    expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'Worker' }))).AttachedPolicies).toEqual([
      { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    ]);

    const conflict = await rejection(iam.send(new DeleteRoleCommand({ RoleName: 'Worker' })));
    expect(conflict).toBeInstanceOf(DeleteConflictException);
    expect(conflict.message).toBe('Cannot delete entity, must delete policies first.');

    const bad = await rejection(iam.send(new PutRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'Bad', PolicyDocument: trust({ AWS: '*' }) })));
    expect(bad).toBeInstanceOf(MalformedPolicyDocumentException);

    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'Logs' }));
    expect(await rejection(iam.send(new DeleteRolePolicyCommand({ RoleName: 'Worker', PolicyName: 'Logs' })))).toBeInstanceOf(NoSuchEntityException);
    expect((await rejection(iam.send(new DeleteRoleCommand({ RoleName: 'Worker' })))).message).toBe('Cannot delete entity, must detach all policies first.');
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'Worker', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    expect((await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'Worker' }))).InstanceProfiles).toEqual([]);
    await iam.send(new DeleteRoleCommand({ RoleName: 'Worker' }));
  });

  it('caps managed policies per role at 10', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'Crowded', AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }) }));
    // Set up through the model: only the eleventh attachment matters here.
    for (let i = 0; i < 10; i++) {
      const policy = createPolicy(sb.world, HOME, { policyName: `crowd-${i}`, document: allow('s3:GetObject') });
      attachRolePolicy(sb.world, HOME, 'Crowded', policy.arn);
    }
    const error = await rejection(iam.send(new AttachRolePolicyCommand({ RoleName: 'Crowded', PolicyArn: ADMIN_POLICY })));
    expect(error).toBeInstanceOf(LimitExceededException);
    expect(error.message).toBe('Cannot exceed quota for PoliciesPerRole: 10');
  });

  it('creates and deletes service-linked roles, which ordinary calls cannot change', async () => {
    const { Role } = await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'ram.amazonaws.com' }));
    expect(Role).toMatchObject({
      RoleName: 'AWSServiceRoleForResourceAccessManager',
      Path: '/aws-service-role/ram.amazonaws.com/',
      Arn: `arn:aws:iam::${HOME}:role/aws-service-role/ram.amazonaws.com/AWSServiceRoleForResourceAccessManager`,
    });
    expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: Role!.RoleName }))).AttachedPolicies).toEqual([
      {
        PolicyName: 'AWSResourceAccessManagerServiceRolePolicy',
        PolicyArn: 'arn:aws:iam::aws:policy/aws-service-role/AWSResourceAccessManagerServiceRolePolicy',
      },
    ]);
    expect((await rejection(iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'ram.amazonaws.com' })))).name).toBe('InvalidInputException');
    expect(await rejection(iam.send(new DeleteRoleCommand({ RoleName: Role!.RoleName })))).toBeInstanceOf(UnmodifiableEntityException);

    const { DeletionTaskId } = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: Role!.RoleName }));
    expect(DeletionTaskId).toMatch(/^task\/aws-service-role\/ram\.amazonaws\.com\/AWSServiceRoleForResourceAccessManager\//);
    expect((await iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }))).Status).toBe('SUCCEEDED');
    expect(await rejection(iam.send(new GetRoleCommand({ RoleName: Role!.RoleName })))).toBeInstanceOf(NoSuchEntityException);
  });
});

describe('managed policies', () => {
  it('versions a customer managed policy and reports its attachments', async () => {
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'Reader', Path: '/app/', PolicyDocument: allow('s3:GetObject'), Description: 'reads' }));
    const arn = Policy!.Arn!;
    expect(arn).toBe(`arn:aws:iam::${HOME}:policy/app/Reader`);
    expect(Policy).toMatchObject({ DefaultVersionId: 'v1', AttachmentCount: 0, IsAttachable: true });
    expect(Policy!.PolicyId).toMatch(/^ANPA/);
    expect(await rejection(iam.send(new CreatePolicyCommand({ PolicyName: 'reader', PolicyDocument: allow('s3:GetObject') })))).toBeInstanceOf(
      EntityAlreadyExistsException,
    );

    for (let v = 2; v <= 5; v++) {
      const { PolicyVersion } = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow(`s3:Get${v}`), SetAsDefault: v === 3 }));
      expect(PolicyVersion).toMatchObject({ VersionId: `v${v}`, IsDefaultVersion: v === 3 });
    }
    const sixth = await rejection(iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: allow('s3:Get6') })));
    expect(sixth).toBeInstanceOf(LimitExceededException);
    expect((await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions!.map((v) => v.VersionId)).toEqual(['v5', 'v4', 'v3', 'v2', 'v1']);
    const v3 = (await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' }))).PolicyVersion!;
    expect(v3.IsDefaultVersion).toBe(true);
    expect(decodeURIComponent(v3.Document!)).toBe(allow('s3:Get3'));
    expect(await rejection(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' })))).toBeInstanceOf(DeleteConflictException);
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
    for (const v of ['v2', 'v3', 'v4', 'v5']) await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: v }));

    await iam.send(new CreateUserCommand({ UserName: 'dora' }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'dora', PolicyArn: arn }));
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy).toMatchObject({ AttachmentCount: 1, Description: 'reads' });
    expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'dora' }))).AttachedPolicies).toEqual([{ PolicyName: 'Reader', PolicyArn: arn }]);
    const entities = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn }));
    expect(entities.PolicyUsers!.map((u) => u.UserName)).toEqual(['dora']);
    expect(entities.PolicyRoles).toEqual([]);

    const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local', OnlyAttached: true, PathPrefix: '/app/' }));
    expect(local.Policies!.map((p) => p.PolicyName)).toEqual(['Reader']);
    const aws = await iam.send(new ListPoliciesCommand({ Scope: 'AWS' }));
    expect(aws.Policies!.map((p) => p.Arn)).toEqual(
      expect.arrayContaining([ADMIN_POLICY, 'arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess']),
    );
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: ADMIN_POLICY }))).Policy!.AttachmentCount).toBe(1);

    const attached = await rejection(iam.send(new DeletePolicyCommand({ PolicyArn: arn })));
    expect(attached).toBeInstanceOf(DeleteConflictException);
    expect(attached.message).toBe('Cannot delete a policy attached to entities.');
    await iam.send(new DetachUserPolicyCommand({ UserName: 'dora', PolicyArn: arn }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
    const gone = await rejection(iam.send(new GetPolicyCommand({ PolicyArn: arn })));
    expect(gone).toBeInstanceOf(NoSuchEntityException);
    expect(gone.message).toBe(`Policy ${arn} was not found.`);
  });

  it('keeps inline user policies', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'erin' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'erin', PolicyName: 'Mine', PolicyDocument: allow('s3:*') }));
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'erin' }))).PolicyNames).toEqual(['Mine']);
    expect((await iam.send(new GetUserPolicyCommand({ UserName: 'erin', PolicyName: 'Mine' }))).PolicyName).toBe('Mine');
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'erin', PolicyName: 'Mine' }));
    expect(await rejection(iam.send(new GetUserPolicyCommand({ UserName: 'erin', PolicyName: 'Mine' })))).toBeInstanceOf(NoSuchEntityException);
  });
});

describe('access keys', () => {
  it('issues working keys, at most two per user, and keeps the credential store in sync', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'frank' }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'frank', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'frank' }));
    expect(AccessKey!.AccessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(AccessKey!.SecretAccessKey).toHaveLength(40);
    expect(AccessKey!.Status).toBe('Active');
    await iam.send(new CreateAccessKeyCommand({ UserName: 'frank' }));
    const third = await rejection(iam.send(new CreateAccessKeyCommand({ UserName: 'frank' })));
    expect(third).toBeInstanceOf(LimitExceededException);
    expect(third.message).toBe('Cannot exceed quota for AccessKeysPerUser: 2');

    const creds = { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
    const sts = new STSClient(sb.clientConfig(creds));
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: HOME, Arn: `arn:aws:iam::${HOME}:user/frank` });
    expect(me.UserId).toMatch(/^AIDA/);
    expect((await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: creds.accessKeyId }))).UserName).toBe('frank');

    await iam.send(new UpdateAccessKeyCommand({ UserName: 'frank', AccessKeyId: creds.accessKeyId, Status: 'Inactive' }));
    const listed = await iam.send(new ListAccessKeysCommand({ UserName: 'frank' }));
    expect(listed.AccessKeyMetadata!.find((k) => k.AccessKeyId === creds.accessKeyId)!.Status).toBe('Inactive');
    expect((await rejection(sts.send(new GetCallerIdentityCommand({})))).name).toBe('InvalidClientTokenId');

    await iam.send(new DeleteAccessKeyCommand({ UserName: 'frank', AccessKeyId: creds.accessKeyId }));
    expect(sb.world.credentials.has(creds.accessKeyId)).toBe(false);
    const conflict = await rejection(iam.send(new DeleteUserCommand({ UserName: 'frank' })));
    expect(conflict).toBeInstanceOf(DeleteConflictException);
    expect(conflict.message).toBe('Cannot delete entity, must delete access keys first.');
    const unknown = await rejection(iam.send(new DeleteAccessKeyCommand({ UserName: 'frank', AccessKeyId: 'AKIAUNKNOWN000000000' })));
    expect(unknown.message).toBe('The Access Key with id AKIAUNKNOWN000000000 cannot be found.');
  });
});

describe('account-level reads', () => {
  it('summarizes the account and lists aliases', async () => {
    const { SummaryMap } = await iam.send(new GetAccountSummaryCommand({}));
    expect(SummaryMap).toMatchObject({ AssumeRolePolicySizeQuota: 2048, AttachedPoliciesPerRoleQuota: 10, RolePolicySizeQuota: 10240, RolesQuota: 1000 });
    expect(SummaryMap!.Users).toBeGreaterThanOrEqual(1);
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'home-account' }));
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(['home-account']);
  });

  it('returns authorization details by filter, page by page', async () => {
    const roles = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }));
    expect(roles.UserDetailList).toEqual([]);
    expect(roles.RoleDetailList!.length).toBeGreaterThan(0);
    expect(roles.RoleDetailList![0].AssumeRolePolicyDocument).toMatch(/^%7B/);

    const users: string[] = [];
    let marker: string | undefined;
    do {
      const page = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User', 'AWSManagedPolicy'], MaxItems: 2, Marker: marker }));
      users.push(...page.UserDetailList!.map((u) => u.UserName!));
      if (page.Policies!.length > 0) expect(page.Policies![0].PolicyVersionList![0].Document).toMatch(/^%7B/);
      marker = page.Marker;
    } while (marker);
    expect(users).toContain('admin');
    const admin = (await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User'] }))).UserDetailList!.find((u) => u.UserName === 'admin')!;
    expect(admin.AttachedManagedPolicies).toEqual([{ PolicyName: 'AdministratorAccess', PolicyArn: ADMIN_POLICY }]);
  });

  it('simulates principal and custom policies with the decision and matched statements', async () => {
    const principal = await iam.send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${HOME}:user/admin`, ActionNames: ['iam:CreateRole', 's3:GetObject'] }),
    );
    expect(principal.EvaluationResults!.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['iam:CreateRole', 'allowed'],
      ['s3:GetObject', 'allowed'],
    ]);
    expect(principal.EvaluationResults![0].MatchedStatements![0]).toMatchObject({ SourcePolicyId: 'AdministratorAccess', SourcePolicyType: 'aws-managed' });

    const deny = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }] });
    const custom = await iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [allow('s3:*'), deny], ActionNames: ['s3:GetObject', 's3:DeleteObject', 'ec2:RunInstances'] }),
    );
    expect(custom.EvaluationResults!.map((r) => r.EvalDecision)).toEqual(['allowed', 'explicitDeny', 'implicitDeny']);
    expect(custom.EvaluationResults![1].MatchedStatements![0].SourcePolicyId).toBe('PolicyInputList.2');

    const missing = await rejection(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${HOME}:user/ghost`, ActionNames: ['s3:GetObject'] })));
    expect(missing).toBeInstanceOf(NoSuchEntityException);
  });
});

describe('authorization of IAM calls', () => {
  async function userClient(name: string, options: { boundary?: string; policies?: string[] } = {}) {
    await iam.send(new CreateUserCommand({ UserName: name, PermissionsBoundary: options.boundary }));
    for (const arn of options.policies ?? []) await iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: arn }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
    return new IAMClient(sb.clientConfig({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! }));
  }

  it('denies a user without policies, saying why', async () => {
    const client = await userClient('nopolicies');
    const error = await rejection(client.send(new GetUserCommand({ UserName: 'admin' })));
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata?.httpStatusCode).toBe(403);
    expect(error.message).toBe(
      `User: arn:aws:iam::${HOME}:user/nopolicies is not authorized to perform: iam:GetUser on resource: arn:aws:iam::${HOME}:user/admin because no identity-based policy allows the iam:GetUser action`,
    );
  });

  it('lets a permissions boundary block what a policy allows', async () => {
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'OnlyS3', PolicyDocument: allow('s3:*') }));
    const client = await userClient('bounded', { boundary: Policy!.Arn, policies: [ADMIN_POLICY] });
    const error = await rejection(client.send(new ListRolesCommand({})));
    expect(error.name).toBe('AccessDenied');
    expect(error.message).toContain('permissions boundary');

    await iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'bounded' }));
    await client.send(new ListRolesCommand({}));
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'bounded', PermissionsBoundary: Policy!.Arn }));
    expect((await rejection(client.send(new ListRolesCommand({})))).name).toBe('AccessDenied');
    expect((await iam.send(new GetUserCommand({ UserName: 'bounded' }))).User!.PermissionsBoundary!.PermissionsBoundaryArn).toBe(Policy!.Arn);
  });

  it('applies an explicit deny over an allow, and drops cached decisions when policies change', async () => {
    const client = await userClient('denied', { policies: [ADMIN_POLICY] });
    await client.send(new ListRolesCommand({}));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'denied',
        PolicyName: 'NoRoles',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:ListRoles', Resource: '*' }] }),
      }),
    );
    const error = await rejection(client.send(new ListRolesCommand({})));
    expect(error.name).toBe('AccessDenied');
    expect(error.message).toContain('with an explicit deny in an identity-based policy');
  });
});
