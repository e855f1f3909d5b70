// IAM operations: botocore input shapes → model calls → output shapes. IAM acts on the caller's account.
import { AwsError } from '../core/errors.js';
import type { OperationSpec, RequestContext, World, WireInput } from '../core/types.js';
import * as iam from './models.js';
import type { Group, ManagedPolicy, Role, Tag, User } from './models.js';
import { simulate, type SimulationInput } from './simulation.js';

// ---- pagination: Marker / MaxItems / IsTruncated ------------------------------------------------

interface PageInput {
  Marker?: string;
  MaxItems?: number;
}

function decodeMarker(marker: string): number {
  const offset = Number(Buffer.from(marker, 'base64').toString('utf8').replace(/^offset:/, ''));
  if (!Number.isInteger(offset) || offset < 0) throw new AwsError('ValidationError', 'Invalid Marker.');
  return offset;
}

function page<T>(items: readonly T[], input: PageInput): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const start = input.Marker === undefined ? 0 : decodeMarker(input.Marker);
  const end = start + (input.MaxItems ?? 100);
  const truncated = end < items.length;
  return {
    items: items.slice(start, end),
    IsTruncated: truncated,
    Marker: truncated ? Buffer.from(`offset:${end}`).toString('base64') : undefined,
  };
}

/** One page under `key`; `shape` maps only the page's items to the wire shape. */
function paged<T, K extends string, O = T>(
  key: K,
  items: readonly T[],
  input: PageInput,
  shape: (item: T) => O = (item) => item as unknown as O,
): { [P in K]: O[] } & { IsTruncated: boolean; Marker?: string } {
  const { items: slice, ...rest } = page(items, input);
  return { [key]: slice.map(shape), ...rest } as { [P in K]: O[] } & { IsTruncated: boolean; Marker?: string };
}

// Each map's entities in name order, kept across calls and brought up to date by a pass over the
// map rather than a sort: ListRoles runs on thousands of roles, with roles created between calls.
interface NameOrder<T> {
  keys: string[];
  entities: T[];
  members: Set<string>;
}
const nameOrders = new WeakMap<Map<string, unknown>, NameOrder<unknown>>();
// More additions than this since the last call: sort everything again.
const MAX_INSERTS = 32;

function sortedOrder<T>(entities: Map<string, T>): NameOrder<T> {
  const keys = [...entities.keys()].sort();
  const order = { keys, entities: keys.map((key) => entities.get(key)!), members: new Set(keys) };
  nameOrders.set(entities, order);
  return order;
}

/** The keys the map gained since `order` was taken: the last ones in insertion order when they are all new. */
function addedKeys<T>(entities: Map<string, T>, members: Set<string>, count: number): string[] {
  const tail: string[] = [];
  let skip = entities.size - count;
  for (const key of entities.keys()) if (skip-- <= 0) tail.push(key);
  return tail.every((key) => !members.has(key)) ? tail : [...entities.keys()].filter((key) => !members.has(key));
}

/** All entities of the map in key (lower-cased name) order; the array is shared: read it, do not keep it. */
function inNameOrder<T>(entities: Map<string, T>): readonly T[] {
  const order = nameOrders.get(entities) as NameOrder<T> | undefined;
  if (!order) return sortedOrder(entities).entities;
  let { keys, entities: values } = order;
  let removed = false;
  for (let i = 0; i < keys.length; i++) {
    const entity = entities.get(keys[i]);
    if (entity === undefined) removed = true;
    else values[i] = entity;
  }
  if (removed) {
    const [oldKeys, oldValues] = [keys, values];
    const kept = oldKeys.flatMap((key, i) => (entities.has(key) ? [i] : []));
    for (const key of oldKeys) if (!entities.has(key)) order.members.delete(key);
    order.keys = keys = kept.map((i) => oldKeys[i]);
    order.entities = values = kept.map((i) => oldValues[i]);
  }
  const count = entities.size - keys.length;
  if (count === 0) return values;
  if (count > MAX_INSERTS) return sortedOrder(entities).entities;
  for (const key of addedKeys(entities, order.members, count)) {
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (keys[middle] < key) low = middle + 1;
      else high = middle;
    }
    keys.splice(low, 0, key);
    values.splice(low, 0, entities.get(key)!);
    order.members.add(key);
  }
  return values;
}

/** Entities in name order (the maps are keyed by lower-cased name), under a path prefix. */
function listed<T extends { path: string }>(entities: Map<string, T>, prefix: string | undefined): readonly T[] {
  const sorted = inNameOrder(entities);
  return prefix ? sorted.filter((entity) => entity.path.startsWith(prefix)) : sorted;
}

// ---- output shapes -------------------------------------------------------------------------------

/** IAM returns policy documents URL-encoded (RFC 3986). */
const encoded = (document: string) => encodeURIComponent(document);

function boundary(arn: string | undefined) {
  return arn ? { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn } : undefined;
}

function tagsOrUndefined(tags: Tag[]) {
  return tags.length > 0 ? tags : undefined;
}

function userShape(user: User, full = false) {
  return {
    Path: user.path,
    UserName: user.userName,
    UserId: user.userId,
    Arn: user.arn,
    CreateDate: user.createDate,
    ...(full ? { PermissionsBoundary: boundary(user.permissionsBoundary), Tags: tagsOrUndefined(user.tags) } : {}),
  };
}

function groupShape(group: Group) {
  return { Path: group.path, GroupName: group.groupName, GroupId: group.groupId, Arn: group.arn, CreateDate: group.createDate };
}

function roleShape(role: Role, full = false) {
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: role.createDate,
    AssumeRolePolicyDocument: encoded(role.assumeRolePolicyDocument),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    ...(full
      ? {
          PermissionsBoundary: boundary(role.permissionsBoundary),
          Tags: tagsOrUndefined(role.tags),
          RoleLastUsed: role.lastUsed ? { LastUsedDate: role.lastUsed.date, Region: role.lastUsed.region } : {},
        }
      : {}),
  };
}

function policyShape(world: World, accountId: string, policy: ManagedPolicy, full = false) {
  return {
    PolicyName: policy.policyName,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: iam.attachmentCount(world, accountId, policy.arn),
    PermissionsBoundaryUsageCount: iam.boundaryUsageCount(world, accountId, policy.arn),
    IsAttachable: true,
    CreateDate: policy.createDate,
    UpdateDate: policy.updateDate,
    ...(full ? { Description: policy.description, Tags: policy.awsManaged ? undefined : tagsOrUndefined(policy.tags) } : {}),
  };
}

function versionShape(version: { versionId: string; document: string; createDate: Date; isDefaultVersion: boolean }, withDocument: boolean) {
  return {
    Document: withDocument ? encoded(version.document) : undefined,
    VersionId: version.versionId,
    IsDefaultVersion: version.isDefaultVersion,
    CreateDate: version.createDate,
  };
}

function attachedShape(world: World, accountId: string, arns: string[], pathPrefix?: string) {
  return iam
    .attachedPolicies(world, accountId, arns)
    .filter((p) => !pathPrefix || p.path.startsWith(pathPrefix))
    .map((p) => ({ PolicyName: p.policyName, PolicyArn: p.arn }));
}

function inlineList(policies: Map<string, string>) {
  return [...policies].map(([PolicyName, document]) => ({ PolicyName, PolicyDocument: encoded(document) }));
}

// ---- who and what the request is about ------------------------------------------------------------

const account = (ctx: RequestContext) => ctx.caller.accountId;

/** The user an operation is about: `UserName`, or the calling user when it is omitted. */
function subjectUserName(ctx: RequestContext, userName: string | undefined): string {
  if (userName !== undefined) return userName;
  if (ctx.caller.type === 'user') return ctx.caller.userName;
  throw new AwsError('ValidationError', 'Must specify userName when calling with non-User credentials');
}

function lookup<T extends { arn: string }>(map: Map<string, T>, name: unknown): T | undefined {
  return typeof name === 'string' ? map.get(name.toLowerCase()) : undefined;
}

function userArn(ctx: RequestContext, input: { UserName?: string }): string {
  const name = ctx.caller.type === 'user' && input.UserName === undefined ? ctx.caller.userName : input.UserName;
  const existing = lookup(iam.collection(iam.iamAccount(ctx.world, account(ctx)), 'users'), name);
  return existing?.arn ?? `arn:aws:iam::${account(ctx)}:user/${name ?? ''}`;
}

function roleArn(ctx: RequestContext, input: { RoleName?: string; Path?: string }): string {
  const existing = lookup(iam.iamAccount(ctx.world, account(ctx)).roles, input.RoleName);
  return existing?.arn ?? `arn:aws:iam::${account(ctx)}:role${input.Path ?? '/'}${input.RoleName ?? ''}`;
}

function groupArn(ctx: RequestContext, input: { GroupName?: string; Path?: string }): string {
  const existing = lookup(iam.collection(iam.iamAccount(ctx.world, account(ctx)), 'groups'), input.GroupName);
  return existing?.arn ?? `arn:aws:iam::${account(ctx)}:group${input.Path ?? '/'}${input.GroupName ?? ''}`;
}

const policyArnOf = (_ctx: RequestContext, input: { PolicyArn?: string }) => input.PolicyArn ?? '*';

// ---- operations ------------------------------------------------------------------------------------

type Input = WireInput;
type Spec = OperationSpec<Input>;

const onUser = (handler: Spec['handler']): Spec => ({ resource: userArn, handler });
const onRole = (handler: Spec['handler']): Spec => ({ resource: roleArn, handler });
const onGroup = (handler: Spec['handler']): Spec => ({ resource: groupArn, handler });
const onPolicy = (handler: Spec['handler']): Spec => ({ resource: policyArnOf, handler });

const users: Record<string, Spec> = {
  CreateUser: onUser((ctx, i) => ({
    User: userShape(
      iam.createUser(ctx.world, account(ctx), { userName: i.UserName, path: i.Path, tags: i.Tags, permissionsBoundary: i.PermissionsBoundary }),
      true,
    ),
  })),
  GetUser: onUser((ctx, i) => ({ User: userShape(iam.getUser(ctx.world, account(ctx), subjectUserName(ctx, i.UserName)), true) })),
  ListUsers: {
    handler: (ctx, i) =>
      paged('Users', listed(iam.collection(iam.iamAccount(ctx.world, account(ctx)), 'users'), i.PathPrefix), i, (u) => userShape(u)),
  },
  UpdateUser: onUser((ctx, i) => {
    iam.updateUser(ctx.world, account(ctx), i.UserName, { newUserName: i.NewUserName, newPath: i.NewPath });
    return {};
  }),
  DeleteUser: onUser((ctx, i) => {
    iam.deleteUser(ctx.world, account(ctx), i.UserName);
    return {};
  }),
  PutUserPermissionsBoundary: onUser((ctx, i) => {
    iam.putUserPermissionsBoundary(ctx.world, account(ctx), i.UserName, i.PermissionsBoundary);
    return {};
  }),
  DeleteUserPermissionsBoundary: onUser((ctx, i) => {
    iam.deleteUserPermissionsBoundary(ctx.world, account(ctx), i.UserName);
    return {};
  }),
  TagUser: onUser((ctx, i) => {
    iam.tagEntity(iam.getUser(ctx.world, account(ctx), i.UserName), i.Tags);
    return {};
  }),
  UntagUser: onUser((ctx, i) => {
    iam.untagEntity(iam.getUser(ctx.world, account(ctx), i.UserName), i.TagKeys);
    return {};
  }),
  ListUserTags: onUser((ctx, i) => paged('Tags', iam.getUser(ctx.world, account(ctx), i.UserName).tags, i)),
};

const groups: Record<string, Spec> = {
  CreateGroup: onGroup((ctx, i) => ({ Group: groupShape(iam.createGroup(ctx.world, account(ctx), { groupName: i.GroupName, path: i.Path })) })),
  GetGroup: onGroup((ctx, i) => {
    const group = iam.getGroup(ctx.world, account(ctx), i.GroupName);
    return { Group: groupShape(group), ...paged('Users', iam.groupMembers(ctx.world, account(ctx), group), i, (u) => userShape(u)) };
  }),
  ListGroups: {
    handler: (ctx, i) => paged('Groups', listed(iam.collection(iam.iamAccount(ctx.world, account(ctx)), 'groups'), i.PathPrefix), i, groupShape),
  },
  DeleteGroup: onGroup((ctx, i) => {
    iam.deleteGroup(ctx.world, account(ctx), i.GroupName);
    return {};
  }),
  AddUserToGroup: onGroup((ctx, i) => {
    iam.addUserToGroup(ctx.world, account(ctx), i.GroupName, i.UserName);
    return {};
  }),
  RemoveUserFromGroup: onGroup((ctx, i) => {
    iam.removeUserFromGroup(ctx.world, account(ctx), i.GroupName, i.UserName);
    return {};
  }),
  ListGroupsForUser: onUser((ctx, i) => paged('Groups', iam.groupsForUser(ctx.world, account(ctx), i.UserName), i, groupShape)),
};

const roles: Record<string, Spec> = {
  CreateRole: onRole((ctx, i) => ({
    Role: roleShape(
      iam.createRole(ctx.world, account(ctx), {
        roleName: i.RoleName,
        assumeRolePolicyDocument: i.AssumeRolePolicyDocument,
        path: i.Path,
        description: i.Description,
        maxSessionDuration: i.MaxSessionDuration,
        permissionsBoundary: i.PermissionsBoundary,
        tags: i.Tags,
      }),
      true,
    ),
  })),
  GetRole: onRole((ctx, i) => ({ Role: roleShape(iam.getRole(ctx.world, account(ctx), i.RoleName), true) })),
  ListRoles: {
    handler: (ctx, i) => paged('Roles', listed(iam.iamAccount(ctx.world, account(ctx)).roles, i.PathPrefix), i, (r) => roleShape(r)),
  },
  UpdateRole: onRole((ctx, i) => {
    iam.updateRole(ctx.world, account(ctx), i.RoleName, { description: i.Description, maxSessionDuration: i.MaxSessionDuration });
    return {};
  }),
  UpdateAssumeRolePolicy: onRole((ctx, i) => {
    iam.updateAssumeRolePolicy(ctx.world, account(ctx), i.RoleName, i.PolicyDocument);
    return {};
  }),
  DeleteRole: onRole((ctx, i) => {
    iam.deleteRole(ctx.world, account(ctx), i.RoleName);
    return {};
  }),
  PutRolePermissionsBoundary: onRole((ctx, i) => {
    iam.putRolePermissionsBoundary(ctx.world, account(ctx), i.RoleName, i.PermissionsBoundary);
    return {};
  }),
  DeleteRolePermissionsBoundary: onRole((ctx, i) => {
    iam.deleteRolePermissionsBoundary(ctx.world, account(ctx), i.RoleName);
    return {};
  }),
  TagRole: onRole((ctx, i) => {
    iam.tagEntity(iam.getRole(ctx.world, account(ctx), i.RoleName), i.Tags);
    return {};
  }),
  UntagRole: onRole((ctx, i) => {
    iam.untagEntity(iam.getRole(ctx.world, account(ctx), i.RoleName), i.TagKeys);
    return {};
  }),
  ListRoleTags: onRole((ctx, i) => paged('Tags', iam.getRole(ctx.world, account(ctx), i.RoleName).tags, i)),
  // The sandbox has no instance profiles; consoles list them before deleting a role.
  ListInstanceProfilesForRole: onRole((ctx, i) => (iam.getRole(ctx.world, account(ctx), i.RoleName), paged('InstanceProfiles', [], i))),
  CreateServiceLinkedRole: {
    resource: (ctx, i) => iam.serviceLinkedRoleArn(account(ctx), i.AWSServiceName) ?? `arn:aws:iam::${account(ctx)}:role/aws-service-role/${i.AWSServiceName ?? ''}/`,
    handler: (ctx, i) => ({
      Role: roleShape(
        iam.createServiceLinkedRole(ctx.world, account(ctx), i.AWSServiceName, { description: i.Description, customSuffix: i.CustomSuffix }),
        true,
      ),
    }),
  },
  DeleteServiceLinkedRole: onRole((ctx, i) => ({ DeletionTaskId: iam.deleteServiceLinkedRole(ctx.world, account(ctx), i.RoleName) })),
  GetServiceLinkedRoleDeletionStatus: {
    handler: (ctx, i) => ({ Status: iam.serviceLinkedRoleDeletionStatus(ctx.world, account(ctx), i.DeletionTaskId) }),
  },
};

function listPolicies(ctx: RequestContext, i: Input) {
  const accountId = account(ctx);
  const scope: string = i.Scope ?? 'All';
  const policies = iam.managedPolicies(ctx.world, accountId).filter((p) => {
    if (scope === 'AWS' && !p.awsManaged) return false;
    if (scope === 'Local' && p.awsManaged) return false;
    if (i.PathPrefix && !p.path.startsWith(i.PathPrefix)) return false;
    if (i.OnlyAttached && iam.attachmentCount(ctx.world, accountId, p.arn) + iam.boundaryUsageCount(ctx.world, accountId, p.arn) === 0) return false;
    // Service-role policies cannot be permissions boundaries.
    if (i.PolicyUsageFilter === 'PermissionsBoundary' && p.path.startsWith('/aws-service-role/')) return false;
    return true;
  });
  return paged('Policies', policies, i, (p) => policyShape(ctx.world, accountId, p));
}

function listEntitiesForPolicy(ctx: RequestContext, i: Input) {
  const { users, groups, roles, boundaryOf } = iam.entitiesForPolicy(ctx.world, account(ctx), i.PolicyArn);
  const boundary = i.PolicyUsageFilter === 'PermissionsBoundary';
  const permissions = i.PolicyUsageFilter === 'PermissionsPolicy';
  const wanted = (kind: 'User' | 'Group' | 'Role') => !i.EntityFilter || i.EntityFilter === kind;
  const entries: { kind: 'User' | 'Group' | 'Role'; entity: User | Group | Role }[] = [
    ...(boundary ? [] : users.map((entity) => ({ kind: 'User' as const, entity }))),
    ...(boundary ? [] : groups.map((entity) => ({ kind: 'Group' as const, entity }))),
    ...(boundary ? [] : roles.map((entity) => ({ kind: 'Role' as const, entity }))),
    ...(permissions ? [] : boundaryOf.map((entity) => ({ kind: 'userId' in entity ? ('User' as const) : ('Role' as const), entity }))),
  ].filter((e) => wanted(e.kind) && (!i.PathPrefix || e.entity.path.startsWith(i.PathPrefix)));
  const { items, ...rest } = page(entries, i);
  const of = (kind: string) => items.filter((e) => e.kind === kind).map((e) => e.entity);
  return {
    PolicyUsers: (of('User') as User[]).map((u) => ({ UserName: u.userName, UserId: u.userId })),
    PolicyGroups: (of('Group') as Group[]).map((g) => ({ GroupName: g.groupName, GroupId: g.groupId })),
    PolicyRoles: (of('Role') as Role[]).map((r) => ({ RoleName: r.roleName, RoleId: r.roleId })),
    ...rest,
  };
}

const policies: Record<string, Spec> = {
  CreatePolicy: {
    resource: (ctx, i) => `arn:aws:iam::${account(ctx)}:policy${i.Path ?? '/'}${i.PolicyName ?? ''}`,
    handler: (ctx, i) => {
      const policy = iam.createPolicy(ctx.world, account(ctx), {
        policyName: i.PolicyName,
        document: i.PolicyDocument,
        path: i.Path,
        description: i.Description,
        tags: i.Tags,
      });
      return { Policy: policyShape(ctx.world, account(ctx), { awsManaged: false, ...policy }, true) };
    },
  },
  GetPolicy: onPolicy((ctx, i) => ({ Policy: policyShape(ctx.world, account(ctx), iam.getPolicy(ctx.world, account(ctx), i.PolicyArn), true) })),
  ListPolicies: { handler: listPolicies },
  DeletePolicy: onPolicy((ctx, i) => {
    iam.deletePolicy(ctx.world, account(ctx), i.PolicyArn);
    return {};
  }),
  CreatePolicyVersion: onPolicy((ctx, i) => {
    const version = iam.createPolicyVersion(ctx.world, account(ctx), i.PolicyArn, i.PolicyDocument, i.SetAsDefault === true);
    return { PolicyVersion: versionShape({ ...version, isDefaultVersion: i.SetAsDefault === true }, false) };
  }),
  GetPolicyVersion: onPolicy((ctx, i) => ({
    PolicyVersion: versionShape(iam.getPolicyVersion(ctx.world, account(ctx), i.PolicyArn, i.VersionId), true),
  })),
  ListPolicyVersions: onPolicy((ctx, i) =>
    paged('Versions', iam.listPolicyVersions(ctx.world, account(ctx), i.PolicyArn), i, (v) => versionShape(v, false)),
  ),
  DeletePolicyVersion: onPolicy((ctx, i) => {
    iam.deletePolicyVersion(ctx.world, account(ctx), i.PolicyArn, i.VersionId);
    return {};
  }),
  SetDefaultPolicyVersion: onPolicy((ctx, i) => {
    iam.setDefaultPolicyVersion(ctx.world, account(ctx), i.PolicyArn, i.VersionId);
    return {};
  }),
  ListEntitiesForPolicy: onPolicy(listEntitiesForPolicy),
};

const attachments: Record<string, Spec> = {
  AttachRolePolicy: onRole((ctx, i) => (iam.attachRolePolicy(ctx.world, account(ctx), i.RoleName, i.PolicyArn), {})),
  DetachRolePolicy: onRole((ctx, i) => (iam.detachRolePolicy(ctx.world, account(ctx), i.RoleName, i.PolicyArn), {})),
  AttachUserPolicy: onUser((ctx, i) => (iam.attachUserPolicy(ctx.world, account(ctx), i.UserName, i.PolicyArn), {})),
  DetachUserPolicy: onUser((ctx, i) => (iam.detachUserPolicy(ctx.world, account(ctx), i.UserName, i.PolicyArn), {})),
  AttachGroupPolicy: onGroup((ctx, i) => (iam.attachGroupPolicy(ctx.world, account(ctx), i.GroupName, i.PolicyArn), {})),
  DetachGroupPolicy: onGroup((ctx, i) => (iam.detachGroupPolicy(ctx.world, account(ctx), i.GroupName, i.PolicyArn), {})),
  ListAttachedRolePolicies: onRole((ctx, i) =>
    paged('AttachedPolicies', attachedShape(ctx.world, account(ctx), iam.getRole(ctx.world, account(ctx), i.RoleName).attachedPolicies, i.PathPrefix), i),
  ),
  ListAttachedUserPolicies: onUser((ctx, i) =>
    paged('AttachedPolicies', attachedShape(ctx.world, account(ctx), iam.getUser(ctx.world, account(ctx), i.UserName).attachedPolicies, i.PathPrefix), i),
  ),
  ListAttachedGroupPolicies: onGroup((ctx, i) =>
    paged('AttachedPolicies', attachedShape(ctx.world, account(ctx), iam.getGroup(ctx.world, account(ctx), i.GroupName).attachedPolicies, i.PathPrefix), i),
  ),
};

const inline: Record<string, Spec> = {
  PutRolePolicy: onRole((ctx, i) => (iam.putRolePolicy(ctx.world, account(ctx), i.RoleName, i.PolicyName, i.PolicyDocument), {})),
  PutUserPolicy: onUser((ctx, i) => (iam.putUserPolicy(ctx.world, account(ctx), i.UserName, i.PolicyName, i.PolicyDocument), {})),
  PutGroupPolicy: onGroup((ctx, i) => (iam.putGroupPolicy(ctx.world, account(ctx), i.GroupName, i.PolicyName, i.PolicyDocument), {})),
  DeleteRolePolicy: onRole((ctx, i) => (iam.deleteRolePolicy(ctx.world, account(ctx), i.RoleName, i.PolicyName), {})),
  DeleteUserPolicy: onUser((ctx, i) => (iam.deleteUserPolicy(ctx.world, account(ctx), i.UserName, i.PolicyName), {})),
  DeleteGroupPolicy: onGroup((ctx, i) => (iam.deleteGroupPolicy(ctx.world, account(ctx), i.GroupName, i.PolicyName), {})),
  GetRolePolicy: onRole((ctx, i) => {
    const role = iam.getRole(ctx.world, account(ctx), i.RoleName);
    const { policyName, document } = iam.getInlinePolicy('role', role, i.PolicyName);
    return { RoleName: role.roleName, PolicyName: policyName, PolicyDocument: encoded(document) };
  }),
  GetUserPolicy: onUser((ctx, i) => {
    const user = iam.getUser(ctx.world, account(ctx), i.UserName);
    const { policyName, document } = iam.getInlinePolicy('user', user, i.PolicyName);
    return { UserName: user.userName, PolicyName: policyName, PolicyDocument: encoded(document) };
  }),
  GetGroupPolicy: onGroup((ctx, i) => {
    const group = iam.getGroup(ctx.world, account(ctx), i.GroupName);
    const { policyName, document } = iam.getInlinePolicy('group', group, i.PolicyName);
    return { GroupName: group.groupName, PolicyName: policyName, PolicyDocument: encoded(document) };
  }),
  ListRolePolicies: onRole((ctx, i) => paged('PolicyNames', [...iam.getRole(ctx.world, account(ctx), i.RoleName).inlinePolicies.keys()], i)),
  ListUserPolicies: onUser((ctx, i) => paged('PolicyNames', [...iam.getUser(ctx.world, account(ctx), i.UserName).inlinePolicies.keys()], i)),
  ListGroupPolicies: onGroup((ctx, i) => paged('PolicyNames', [...iam.getGroup(ctx.world, account(ctx), i.GroupName).inlinePolicies.keys()], i)),
};

function keyShape(key: { userName: string; accessKeyId: string; status: string; createDate: Date }) {
  return { UserName: key.userName, AccessKeyId: key.accessKeyId, Status: key.status, CreateDate: key.createDate };
}

const accessKeys: Record<string, Spec> = {
  CreateAccessKey: onUser((ctx, i) => {
    const key = iam.createAccessKey(ctx.world, account(ctx), subjectUserName(ctx, i.UserName));
    return { AccessKey: { ...keyShape(key), SecretAccessKey: key.secretAccessKey } };
  }),
  ListAccessKeys: onUser((ctx, i) =>
    paged('AccessKeyMetadata', iam.listAccessKeys(ctx.world, account(ctx), subjectUserName(ctx, i.UserName)), i, keyShape),
  ),
  UpdateAccessKey: onUser((ctx, i) => {
    iam.updateAccessKey(ctx.world, account(ctx), subjectUserName(ctx, i.UserName), i.AccessKeyId, i.Status);
    return {};
  }),
  DeleteAccessKey: onUser((ctx, i) => {
    iam.deleteAccessKey(ctx.world, account(ctx), subjectUserName(ctx, i.UserName), i.AccessKeyId);
    return {};
  }),
  GetAccessKeyLastUsed: {
    handler: (ctx, i) => {
      const owner = iam.accessKeyOwner(ctx.world, account(ctx), i.AccessKeyId);
      if (!owner) {
        throw new AwsError('AccessDenied', `User: ${ctx.caller.arn} is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key ${i.AccessKeyId}`, { status: 403 });
      }
      return { UserName: owner.userName, AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } };
    },
  },
};

function authorizationDetails(ctx: RequestContext, i: Input) {
  const { world } = ctx;
  const accountId = account(ctx);
  const state = iam.iamAccount(world, accountId);
  const filter: string[] = i.Filter && i.Filter.length > 0 ? i.Filter : ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'];
  type Entry = { UserDetailList?: unknown; GroupDetailList?: unknown; RoleDetailList?: unknown; Policies?: unknown };
  const entries: Entry[] = [];
  const attached = (arns: string[]) => attachedShape(world, accountId, arns);
  if (filter.includes('User')) {
    for (const u of iam.collection(state, 'users').values()) {
      entries.push({
        UserDetailList: {
          ...userShape(u, true),
          UserPolicyList: inlineList(u.inlinePolicies),
          GroupList: u.groupNames,
          AttachedManagedPolicies: attached(u.attachedPolicies),
        },
      });
    }
  }
  if (filter.includes('Group')) {
    for (const g of iam.collection(state, 'groups').values()) {
      entries.push({ GroupDetailList: { ...groupShape(g), GroupPolicyList: inlineList(g.inlinePolicies), AttachedManagedPolicies: attached(g.attachedPolicies) } });
    }
  }
  if (filter.includes('Role')) {
    for (const r of state.roles.values()) {
      entries.push({
        RoleDetailList: {
          ...roleShape(r, true),
          // RoleDetail has no Description or MaxSessionDuration.
          Description: undefined,
          MaxSessionDuration: undefined,
          InstanceProfileList: [],
          RolePolicyList: inlineList(r.inlinePolicies),
          AttachedManagedPolicies: attached(r.attachedPolicies),
        },
      });
    }
  }
  // AWS managed policies are listed only when something in the account uses them.
  const policies = iam
    .managedPolicies(world, accountId)
    .filter((p) => (p.awsManaged ? filter.includes('AWSManagedPolicy') && iam.attachmentCount(world, accountId, p.arn) + iam.boundaryUsageCount(world, accountId, p.arn) > 0 : filter.includes('LocalManagedPolicy')));
  for (const p of policies) {
    entries.push({
      Policies: {
        ...policyShape(world, accountId, p, true),
        Tags: undefined,
        PolicyVersionList: iam.listPolicyVersions(world, accountId, p.arn).map((v) => versionShape(v, true)),
      },
    });
  }
  const { items, ...rest } = page(entries, i);
  const pick = (key: keyof Entry) => items.flatMap((e) => (e[key] === undefined ? [] : [e[key]]));
  return {
    UserDetailList: pick('UserDetailList'),
    GroupDetailList: pick('GroupDetailList'),
    RoleDetailList: pick('RoleDetailList'),
    Policies: pick('Policies'),
    ...rest,
  };
}

function simulation(ctx: RequestContext, i: Input, principal?: string) {
  const input: SimulationInput = {
    principalArn: principal,
    policyInputList: i.PolicyInputList ?? [],
    permissionsBoundaryPolicyInputList: i.PermissionsBoundaryPolicyInputList ?? [],
    actionNames: i.ActionNames,
    resourceArns: i.ResourceArns,
    resourcePolicy: i.ResourcePolicy,
    resourceOwner: i.ResourceOwner,
    callerArn: i.CallerArn,
    contextEntries: i.ContextEntries ?? [],
  };
  return simulate(ctx, input).then((results) => paged('EvaluationResults', results, i));
}

const accountLevel: Record<string, Spec> = {
  GetAccountAuthorizationDetails: { handler: authorizationDetails },
  GetAccountSummary: { handler: (ctx) => ({ SummaryMap: iam.accountSummary(ctx.world, account(ctx)) }) },
  ListAccountAliases: { handler: (ctx, i) => paged('AccountAliases', iam.iamAccount(ctx.world, account(ctx)).aliases, i) },
  CreateAccountAlias: {
    handler: (ctx, i) => {
      iam.createAccountAlias(ctx.world, account(ctx), i.AccountAlias);
      return {};
    },
  },
  SimulatePrincipalPolicy: {
    resource: (_ctx, i) => i.PolicySourceArn ?? '*',
    handler: (ctx, i) => simulation(ctx, i, i.PolicySourceArn),
  },
  SimulateCustomPolicy: { handler: (ctx, i) => simulation(ctx, i) },
};

export const operations: Record<string, Spec> = {
  ...users,
  ...groups,
  ...roles,
  ...policies,
  ...attachments,
  ...inline,
  ...accessKeys,
  ...accountLevel,
};

