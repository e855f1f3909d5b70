// RAM's rules for managed permissions as shares use them: the AWS managed catalogue (permissions.ts) and the
// caller's customer managed permissions with their versions, the policy template rules RAM applies to them
// (user guide, "Considerations for using customer managed permissions"), deletion rules, and
// ReplacePermissionAssociations as asynchronous work that moves shares when it settles.
import type { World } from '../core/types.js';
import { HEX, newId, nowMs } from '../core/world.js';
import * as errors from './exceptions.js';
import { MANAGED_PERMISSIONS, managedPermission } from './permissions.js';
import { resourceType as capabilitiesOf } from './resource-types.js';
import { ramState, shareStatus, type CustomerPermission, type ReplaceWork, type ResourceShare, type Tag } from './state.js';

/** Versions per customer managed permission, and customer managed permissions per resource type (aws-facts.md). */
export const PERMISSION_QUOTAS = { versionsPerPermission: 5, permissionsPerResourceType: 10 };

/** One version of any permission, as the read operations show it. */
export interface PermissionView {
  arn: string;
  name: string;
  resourceType: string;
  version: string;
  defaultVersion: boolean;
  isResourceTypeDefault: boolean;
  permissionType: 'AWS_MANAGED' | 'CUSTOMER_MANAGED';
  featureSet: 'CREATED_FROM_POLICY' | 'STANDARD';
  status: 'ATTACHABLE' | 'UNATTACHABLE';
  template: string;
  creationTime: Date;
  lastUpdatedTime: Date;
  tags?: Tag[];
  ownerAccountId?: string;
}

const PERMISSION_ARN = /^arn:aws:ram:([a-z0-9-]*):(aws|\d{12}):permission\/([\w+=,.@-]+)$/;

export function malformedPermissionArn(arn: string) {
  return errors.malformedArn(`The specified permission ARN ${arn} is not valid. Verify the ARN and try again.`);
}

const permissionNotFound = (arn: string) => errors.unknownResource(`Permission ${arn} could not be found.`);

function customerView(p: CustomerPermission, version: number): PermissionView {
  const v = p.versions.get(version)!;
  return {
    arn: p.arn,
    name: p.name,
    resourceType: p.resourceType,
    version: String(version),
    defaultVersion: version === p.defaultVersion,
    isResourceTypeDefault: false,
    permissionType: 'CUSTOMER_MANAGED',
    featureSet: p.featureSet,
    status: p.featureSet === 'STANDARD' ? 'ATTACHABLE' : 'UNATTACHABLE',
    template: v.template,
    creationTime: new Date(v.creationTime),
    lastUpdatedTime: new Date(p.lastUpdatedTime),
    tags: p.tags,
    ownerAccountId: p.ownerAccountId,
  };
}

/** Every version of a permission by ARN, whoever owns it (no visibility check); undefined if it does not exist. */
export function permissionVersions(world: World, arn: string): PermissionView[] | undefined {
  const managed = managedPermission(arn);
  if (managed) {
    return [
      {
        arn,
        name: managed.name,
        resourceType: managed.resourceType,
        version: managed.version,
        defaultVersion: true,
        isResourceTypeDefault: managed.isResourceTypeDefault,
        permissionType: 'AWS_MANAGED',
        featureSet: 'STANDARD',
        status: 'ATTACHABLE',
        template: managed.permission,
        creationTime: managed.creationTime,
        lastUpdatedTime: managed.lastUpdatedTime,
      },
    ];
  }
  const custom = ramState(world).permissions.get(arn);
  return custom && [...custom.versions.keys()].sort((a, b) => a - b).map((v) => customerView(custom, v));
}

/** One version (default when omitted) of a permission the caller may see: AWS managed, or its own in the Region. */
export function visiblePermission(world: World, callerAccountId: string, region: string, arn: string, version?: number | string): PermissionView {
  if (!PERMISSION_ARN.test(arn)) throw malformedPermissionArn(arn);
  const custom = ramState(world).permissions.get(arn);
  if (custom && (custom.ownerAccountId !== callerAccountId || custom.region !== region)) throw permissionNotFound(arn);
  const versions = permissionVersions(world, arn);
  if (!versions) throw permissionNotFound(arn);
  if (version === undefined) return versions.find((v) => v.defaultVersion)!;
  const found = versions.find((v) => v.version === String(version));
  if (!found) throw errors.unknownResource(`Version ${version} of permission ${arn} could not be found.`);
  return found;
}

/** The default version of a permission a share may be given by its owner. */
export function attachablePermission(world: World, callerAccountId: string, region: string, arn: string): PermissionView {
  const permission = visiblePermission(world, callerAccountId, region, arn);
  if (permission.status !== 'ATTACHABLE') {
    throw errors.operationNotPermitted(`The permission ${arn} was created from a resource-based policy and cannot be attached to a resource share. Promote it with PromotePermissionCreatedFromPolicy.`);
  }
  return permission;
}

/** Permissions the caller can list in a Region: AWS managed and its own customer managed ones. */
export function listablePermissions(world: World, callerAccountId: string, region: string): PermissionView[] {
  const own = [...ramState(world).permissions.values()]
    .filter((p) => p.ownerAccountId === callerAccountId && p.region === region)
    .map((p) => customerView(p, p.defaultVersion));
  return [...MANAGED_PERMISSIONS.map((m) => permissionVersions(world, m.arn)![0]), ...own];
}

// ---------------------------------------------------------------------------------------------
// Policy templates

/** Actions RAM accepts in a template for a type: those its AWS managed permissions grant on it. */
export function allowedActions(resourceType: string): string[] {
  const actions = new Set<string>();
  for (const p of MANAGED_PERMISSIONS) {
    if (p.resourceType !== resourceType) continue;
    for (const a of (JSON.parse(p.permission) as { Action: string[] }).Action) actions.add(a);
  }
  return [...actions];
}

// Condition keys about the principal or the calling service are RAM's to fill in; system tags are AWS's.
const REFUSED_KEYS = ['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgpaths', 'aws:sourceorgid'];
const REFUSED_KEY_PREFIXES = ['aws:principaltag/aws:', 'aws:resourcetag/aws:', 'aws:requesttag/aws:'];

const malformed = (why: string) => errors.malformedPolicyTemplate(`The policy template is not valid: ${why}`);
const invalid = (why: string) => errors.invalidPolicy(`The policy template is not valid: ${why}`);

/** Checks a customer managed permission's template as RAM does; answers its canonical JSON. */
export function validatePolicyTemplate(resourceType: string, template: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(template);
  } catch {
    throw malformed('it is not JSON.');
  }
  let statement = parsed as Record<string, unknown>;
  if (statement && typeof statement === 'object' && 'Statement' in statement) {
    const inner = statement.Statement;
    const list = Array.isArray(inner) ? inner : [inner];
    if (list.length !== 1) throw malformed('customer managed permissions with multiple statements are not supported.');
    statement = list[0] as Record<string, unknown>;
  }
  if (!statement || typeof statement !== 'object' || Array.isArray(statement)) throw malformed('it must be one statement: an object with Effect, Action and optionally Condition.');
  for (const key of Object.keys(statement)) {
    if (key === 'Principal' || key === 'NotPrincipal') throw malformed(`it cannot include ${key}: RAM fills in the principals from the resource share.`);
    if (key === 'Resource' || key === 'NotResource') throw malformed(`it cannot include ${key}: RAM fills in the ARN of each shared resource.`);
    if (!['Effect', 'Action', 'Condition', 'Sid'].includes(key)) throw malformed(`${key} is not allowed; use Effect, Action and Condition.`);
  }
  if (typeof statement.Effect !== 'string' || statement.Effect.toLowerCase() !== 'allow') throw malformed('Effect must be Allow.');
  const actions = typeof statement.Action === 'string' ? [statement.Action] : statement.Action;
  if (!Array.isArray(actions) || actions.length === 0 || actions.some((a) => typeof a !== 'string')) throw malformed('Action must name at least one action.');
  const allowed = new Map(allowedActions(resourceType).map((a) => [a.toLowerCase(), a]));
  const unsupported = (actions as string[]).filter((a) => !allowed.has(a.toLowerCase()));
  if (unsupported.length) {
    throw invalid(`${unsupported.join(', ')} ${unsupported.length === 1 ? 'is' : 'are'} not supported for resource type ${resourceType}. Supported: ${[...allowed.values()].join(', ')}.`);
  }
  if (statement.Condition !== undefined) {
    const condition = statement.Condition;
    if (!condition || typeof condition !== 'object' || Array.isArray(condition)) throw malformed('Condition must map operators to keys and values.');
    for (const [operator, block] of Object.entries(condition)) {
      if (/Not/.test(operator) || /^For(All|Any)Value:/i.test(operator)) {
        throw invalid(`the condition operator ${operator} is not supported: only single, non-negating operators are.`);
      }
      if (!block || typeof block !== 'object' || Array.isArray(block)) throw malformed(`Condition ${operator} must map keys to values.`);
      for (const key of Object.keys(block)) {
        const k = key.toLowerCase();
        if (REFUSED_KEYS.includes(k) || REFUSED_KEY_PREFIXES.some((prefix) => k.startsWith(prefix))) {
          throw invalid(`the condition key ${key} is not supported in customer managed permissions.`);
        }
      }
    }
  }
  const canonical: Record<string, unknown> = { Effect: 'Allow', Action: (actions as string[]).map((a) => allowed.get(a.toLowerCase())!) };
  if (statement.Condition !== undefined) canonical.Condition = statement.Condition;
  return JSON.stringify(canonical);
}

// ---------------------------------------------------------------------------------------------
// Customer managed permissions

function ownPermission(world: World, callerAccountId: string, region: string, arn: string): CustomerPermission {
  if (!PERMISSION_ARN.test(arn)) throw malformedPermissionArn(arn);
  if (managedPermission(arn)) throw errors.operationNotPermitted(`The permission ${arn} is AWS managed: only customer managed permissions can be changed.`);
  const permission = ramState(world).permissions.get(arn);
  if (!permission || permission.ownerAccountId !== callerAccountId || permission.region !== region) throw permissionNotFound(arn);
  return permission;
}

function ownPermissions(world: World, accountId: string, region: string): CustomerPermission[] {
  return [...ramState(world).permissions.values()].filter((p) => p.ownerAccountId === accountId && p.region === region);
}

const NAME = /^[\w.-]{1,36}$/;

export function createPermission(
  world: World,
  callerAccountId: string,
  region: string,
  input: { name: string; resourceType: string; policyTemplate: string; tags?: Tag[]; featureSet?: CustomerPermission['featureSet'] },
): CustomerPermission {
  if (!NAME.test(input.name)) throw errors.invalidParameter(`The permission name ${input.name} is not valid: use 1 to 36 letters, digits, underscores, periods and hyphens.`);
  const type = capabilitiesOf(input.resourceType);
  if (!type) throw errors.invalidParameter(`The resource type ${input.resourceType} is not valid. Verify the resource type and try again.`);
  if (!type.customerManagedPermissions) throw errors.invalidParameter(`The resource type ${type.resourceType} does not support customer managed permissions.`);
  const template = validatePolicyTemplate(type.resourceType, input.policyTemplate);
  const arn = `arn:aws:ram:${region}:${callerAccountId}:permission/${input.name}`;
  const mine = ownPermissions(world, callerAccountId, region);
  if (ramState(world).permissions.has(arn)) throw errors.permissionAlreadyExists(`A permission named ${input.name} already exists in ${region}. Choose a different name.`);
  if (mine.filter((p) => p.resourceType === type.resourceType).length >= PERMISSION_QUOTAS.permissionsPerResourceType) {
    throw errors.permissionLimitExceeded(`You have reached the limit of ${PERMISSION_QUOTAS.permissionsPerResourceType} customer managed permissions for ${type.resourceType} in ${region}.`);
  }
  const at = nowMs(world);
  const permission: CustomerPermission = {
    arn,
    name: input.name,
    resourceType: type.resourceType,
    ownerAccountId: callerAccountId,
    region,
    versions: new Map([[1, { version: 1, template, creationTime: at }]]),
    defaultVersion: 1,
    lastVersion: 1,
    tags: (input.tags ?? []).map((t) => ({ ...t })),
    creationTime: at,
    lastUpdatedTime: at,
    featureSet: input.featureSet ?? 'STANDARD',
  };
  ramState(world).permissions.set(arn, permission);
  return permission;
}

/** A new version, which becomes the default (existing shares keep theirs until replaced). */
export function createPermissionVersion(world: World, callerAccountId: string, region: string, arn: string, policyTemplate: string): PermissionView {
  const permission = ownPermission(world, callerAccountId, region, arn);
  const template = validatePolicyTemplate(permission.resourceType, policyTemplate);
  if (permission.versions.size >= PERMISSION_QUOTAS.versionsPerPermission) {
    throw errors.permissionVersionsLimitExceeded(`The permission ${arn} already has ${PERMISSION_QUOTAS.versionsPerPermission} versions: delete one before creating another.`);
  }
  const version = permission.lastVersion + 1;
  const at = nowMs(world);
  permission.versions.set(version, { version, template, creationTime: at });
  permission.lastVersion = version;
  permission.defaultVersion = version;
  permission.lastUpdatedTime = at;
  return customerView(permission, version);
}

/** TagResource / UntagResource on a customer managed permission (resourceArn). */
export function tagPermission(world: World, callerAccountId: string, region: string, arn: string, add: Tag[], removeKeys: string[]): void {
  const permission = ownPermission(world, callerAccountId, region, arn);
  const merged = new Map(permission.tags.filter((t) => !removeKeys.includes(t.key)).map((t) => [t.key, t]));
  for (const tag of add) merged.set(tag.key, { ...tag });
  if (merged.size > 50) throw errors.tagLimitExceeded('The request exceeds the limit of 50 tags per permission.');
  permission.tags = [...merged.values()];
}

export function setDefaultPermissionVersion(world: World, callerAccountId: string, region: string, arn: string, version: number): void {
  const permission = ownPermission(world, callerAccountId, region, arn);
  if (!permission.versions.has(version)) throw errors.unknownResource(`Version ${version} of permission ${arn} could not be found.`);
  permission.defaultVersion = version;
  permission.lastUpdatedTime = nowMs(world);
}

/** Live shares that hold a version of the permission (any version when `version` is omitted). */
export function sharesUsing(world: World, arn: string, version?: string): { share: ResourceShare; resourceType: string; version: string }[] {
  const out = [];
  for (const share of ramState(world).shares.values()) {
    if (shareStatus(world, share) === 'DELETED') continue;
    for (const [resourceType, attached] of share.permissions) {
      if (attached.arn === arn && (version === undefined || attached.version === version)) out.push({ share, resourceType, version: attached.version });
    }
  }
  return out;
}

export function deletePermissionVersion(world: World, callerAccountId: string, region: string, arn: string, version: number): void {
  const permission = ownPermission(world, callerAccountId, region, arn);
  if (!permission.versions.has(version)) throw errors.unknownResource(`Version ${version} of permission ${arn} could not be found.`);
  if (version === permission.defaultVersion) {
    throw errors.operationNotPermitted(`Version ${version} is the default version of ${arn}: set another version as the default first, or delete the permission.`);
  }
  const using = sharesUsing(world, arn, String(version));
  if (using.length) {
    throw errors.operationNotPermitted(`Version ${version} of ${arn} is attached to ${using.length} resource share(s): move them to another version (ReplacePermissionAssociations) first.`);
  }
  permission.versions.delete(version);
  permission.lastUpdatedTime = nowMs(world);
}

export function deletePermission(world: World, callerAccountId: string, region: string, arn: string): void {
  ownPermission(world, callerAccountId, region, arn);
  const using = sharesUsing(world, arn);
  if (using.length) {
    throw errors.operationNotPermitted(`The permission ${arn} is attached to ${using.length} resource share(s): replace it there before deleting it.`);
  }
  ramState(world).permissions.delete(arn);
}

// ---------------------------------------------------------------------------------------------
// ReplacePermissionAssociations

function uuid(world: World): string {
  const hex = newId(world, 32, HEX);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Moves every share of the caller using `from` (optionally one version of it) to `to`'s default version, asynchronously. */
export function replacePermissionAssociations(
  world: World,
  callerAccountId: string,
  region: string,
  input: { fromPermissionArn: string; fromPermissionVersion?: number; toPermissionArn: string },
): ReplaceWork {
  const from = visiblePermission(world, callerAccountId, region, input.fromPermissionArn, input.fromPermissionVersion);
  const to = attachablePermission(world, callerAccountId, region, input.toPermissionArn);
  if (from.resourceType !== to.resourceType) {
    throw errors.invalidParameter(`The permissions are for different resource types (${from.resourceType}, ${to.resourceType}): a share can only be moved to a permission for the same type.`);
  }
  const fromVersion = input.fromPermissionVersion === undefined ? undefined : String(input.fromPermissionVersion);
  const targets = sharesUsing(world, from.arn, fromVersion)
    .filter(({ share }) => share.owningAccountId === callerAccountId && share.region === region && !share.createdFromPolicy)
    .filter(({ share, resourceType }) => shareStatus(world, share) !== 'DELETING' && !(share.permissions.get(resourceType)!.arn === to.arn && share.permissions.get(resourceType)!.version === to.version))
    .map(({ share, resourceType }) => ({ resourceShareArn: share.arn, resourceType }));
  const at = nowMs(world);
  const work: ReplaceWork = {
    id: uuid(world),
    ownerAccountId: callerAccountId,
    region,
    fromPermissionArn: from.arn,
    fromPermissionVersion: fromVersion,
    toPermissionArn: to.arn,
    toPermissionVersion: to.version,
    creationTime: at,
    settlesAt: at + ramState(world).associationDelayMs,
    targets,
    applied: false,
  };
  ramState(world).replaceWorks.set(work.id, work);
  settleReplaceWorks(world);
  return work;
}

/** Applies the work whose time has come (read on every RAM call: statuses are computed when read). */
export function settleReplaceWorks(world: World): void {
  const now = nowMs(world);
  for (const work of ramState(world).replaceWorks.values()) {
    if (work.applied || now < work.settlesAt) continue;
    for (const target of work.targets) {
      const share = ramState(world).shares.get(target.resourceShareArn);
      const attached = share?.permissions.get(target.resourceType);
      if (!share || !attached || attached.arn !== work.fromPermissionArn) continue;
      if (work.fromPermissionVersion !== undefined && attached.version !== work.fromPermissionVersion) continue;
      share.permissions.set(target.resourceType, { arn: work.toPermissionArn, version: work.toPermissionVersion, attachedAt: work.settlesAt });
      share.lastUpdatedTime = work.settlesAt;
    }
    work.applied = true;
  }
}

export function replaceWorkStatus(world: World, work: ReplaceWork): 'IN_PROGRESS' | 'COMPLETED' {
  return nowMs(world) < work.settlesAt ? 'IN_PROGRESS' : 'COMPLETED';
}
