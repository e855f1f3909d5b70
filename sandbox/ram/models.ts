// AWS RAM's rules: creating, changing and deleting resource shares, their resource and principal
// associations, attached permissions and invitations, on the state in state.ts. Resources are
// looked up through the registry (shareable.ts); organization membership is read from
// Organizations on demand, so MoveAccount changes access at once.
import type { World } from '../core/types.js';
import { HEX, newId, nowMs } from '../core/world.js';
import { findRoleByArn, findUserByArn, createServiceLinkedRole, iamAccount } from '../iam/models.js';
import {
  enableAwsServiceAccess,
  isAwsServiceAccessEnabled,
  organizationIdOf,
  organizationOf,
  organizationsState,
} from '../organizations/models.js';
import * as errors from './exceptions.js';
import { defaultPermissionFor } from './permissions.js';
import { attachablePermission, createPermission, sharesUsing, visiblePermission, type PermissionView } from './permission-models.js';
import {
  invitationExpiryHours,
  resourceType as capabilitiesOf,
  resourceTypeOfArn,
  type ResourceTypeCapabilities,
} from './resource-types.js';
import { findShareableResource } from './shareable.js';
import {
  associationView,
  IAM_ARN,
  inOwnersOrganization,
  invitationStatus,
  isLive,
  liveAssociations,
  ORG_ARN,
  OU_ARN,
  ramState,
  recordedPrincipal,
  resourcesSharedWith,
  shareReaches,
  shareStatus,
  sourceStatus,
  type Association,
  type AssociationStatus,
  type CustomerPermission,
  type FeatureSet,
  type SourceAssociation,
  type Invitation,
  type Lifecycle,
  type Principal,
  type ResourceShare,
  type ShareStatus,
  type Tag,
} from './state.js';

export const RAM_SERVICE_PRINCIPAL = 'ram.amazonaws.com';
export const SERVICE_LINKED_ROLE_NAME = 'AWSServiceRoleForResourceAccessManager';
/** The one Region where RAM shows global resource types. */
export const HOME_REGION = 'us-east-1';

/** RAM's default quotas (aws-facts.md). Shares, principals and resources are counted per owning account. */
export const QUOTAS = {
  resourceSharesPerAccount: 5_000,
  sharedPrincipalsPerAccount: 5_000,
  sharedResourcesPerAccount: 5_000,
  pendingInvitationsPerAccount: 20,
  tagsPerResourceShare: 50,
};

// ---------------------------------------------------------------------------------------------
// Clock-driven statuses, as the rules start them (state.ts reads them)

function lifecycle<T extends string>(world: World, during: T, after: T, statusMessage?: string): Lifecycle<T> {
  const at = nowMs(world);
  return { during, after, changedAt: at, settlesAt: at + ramState(world).associationDelayMs, statusMessage };
}

function settled<T extends string>(world: World, after: T, statusMessage?: string): Lifecycle<T> {
  const at = nowMs(world);
  return { during: after, after, changedAt: at, settlesAt: at, statusMessage };
}

// ---------------------------------------------------------------------------------------------
// Organizations and IAM, as RAM sees them

export type OrganizationSharing = 'ENABLED' | 'TRUSTED_ACCESS_ONLY' | 'DISABLED';

/**
 * Whether sharing with AWS Organizations works: trusted access for ram.amazonaws.com AND the
 * service-linked role in the management account. Trusted access enabled from the Organizations
 * side alone leaves the role missing (TRUSTED_ACCESS_ONLY), and org/OU principals then fail.
 */
export function organizationSharing(world: World): OrganizationSharing {
  const organization = organizationOf(world);
  if (!organization || !isAwsServiceAccessEnabled(world, RAM_SERVICE_PRINCIPAL)) return 'DISABLED';
  return serviceLinkedRoleExists(world, organization.masterAccountId) ? 'ENABLED' : 'TRUSTED_ACCESS_ONLY';
}

function serviceLinkedRoleExists(world: World, accountId: string): boolean {
  return iamAccount(world, accountId).roles.has(SERVICE_LINKED_ROLE_NAME.toLowerCase());
}

/** ram:EnableSharingWithAwsOrganization, called by `callerAccountId`. */
export function enableSharingWithAwsOrganization(world: World, callerAccountId: string): void {
  const organization = organizationOf(world);
  if (!organization || organizationIdOf(world, callerAccountId) !== organization.id) {
    throw errors.enableSharingRefused('Your account is not a member of an organization.');
  }
  if (organization.masterAccountId !== callerAccountId) {
    throw errors.enableSharingRefused("You don't have permissions to access this resource.");
  }
  if (organization.featureSet !== 'ALL') {
    throw errors.enableSharingRefused(
      'This operation can be performed only for enabled services or in an organization with all features enabled.',
    );
  }
  if (!serviceLinkedRoleExists(world, callerAccountId)) createServiceLinkedRole(world, callerAccountId, RAM_SERVICE_PRINCIPAL);
  if (!isAwsServiceAccessEnabled(world, RAM_SERVICE_PRINCIPAL)) enableAwsServiceAccess(world, RAM_SERVICE_PRINCIPAL);
}

const ACCOUNT_ID = /^\d{12}$/;
const ORG_ID = /^o-[a-z0-9]{10,32}$/;
const OU_ID = /^ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/;
const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com$/;

function malformedPrincipal(principal: string) {
  return errors.invalidParameter(`Principal ID ${principal} is malformed. Verify the ID and try again.`);
}

/** Parses and checks a principal as the owner's request names it (ID or ARN). */
function resolvePrincipal(world: World, ownerAccountId: string, principal: string): Principal {
  if (ACCOUNT_ID.test(principal)) {
    if (principal === ownerAccountId) {
      throw errors.invalidParameter('The resource share owner cannot be a principal of the resource share.');
    }
    return { kind: 'account', entity: principal, accountId: principal };
  }
  const iam = IAM_ARN.exec(principal);
  if (iam) return { kind: iam[2] as 'role' | 'user', entity: principal, accountId: iam[1] };
  if (SERVICE_PRINCIPAL.test(principal)) return { kind: 'service', entity: principal };
  const organization = organizationOf(world);
  const ownOrganization = organizationIdOf(world, ownerAccountId) === organization?.id ? organization : undefined;
  const orgId = ORG_ID.test(principal) ? principal : ORG_ARN.exec(principal)?.[2];
  if (orgId) {
    if (!ownOrganization || ownOrganization.id !== orgId || (principal !== orgId && principal !== ownOrganization.arn)) {
      throw errors.unknownResource(`Organization ${orgId} could not be found.`);
    }
    return { kind: 'organization', entity: ownOrganization.arn, id: orgId };
  }
  const ouId = OU_ID.test(principal) ? principal : OU_ARN.exec(principal)?.[3];
  if (ouId) {
    const ou = ownOrganization ? organizationsState(world).ous.get(ouId) : undefined;
    if (!ou || (principal !== ouId && principal !== ou.arn)) {
      throw errors.unknownResource(`OrganizationalUnit ${ouId} could not be found.`);
    }
    return { kind: 'organizational-unit', entity: ou.arn, id: ouId };
  }
  throw malformedPrincipal(principal);
}

// ---------------------------------------------------------------------------------------------
// Resources

const ARN = /^arn:aws:([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$/;

interface ResolvedResource {
  arn: string;
  type: ResourceTypeCapabilities;
  ownerAccountId: string;
  region: string;
}

/** Checks that the caller may share `arn` from `region` and returns its type. */
function resolveResource(world: World, callerAccountId: string, region: string, arn: string): ResolvedResource {
  const parts = ARN.exec(arn);
  if (!parts) throw errors.malformedResourceArn(arn);
  const type = resourceTypeOfArn(parts[1], parts[4]);
  if (!type) throw errors.malformedArn('You cannot share the selected resource type.');
  const resource = findShareableResource(world, arn);
  const inRegion = type.regionScope === 'GLOBAL' ? region === HOME_REGION : resource?.region === region;
  if (!resource || !inRegion) throw errors.unknownResource(`Resource ${arn} could not be found.`);
  if (resource.ownerAccountId !== callerAccountId) {
    if (resourcesSharedWith(world, callerAccountId, region, type.resourceType).includes(arn)) {
      throw errors.operationNotPermitted(
        `The resource ${arn} is shared with you by account ${resource.ownerAccountId}. Only the owner of a resource can share it.`,
      );
    }
    throw errors.unknownResource(`Resource ${arn} could not be found.`);
  }
  return { arn, type, ownerAccountId: resource.ownerAccountId, region: resource.region };
}

// ---------------------------------------------------------------------------------------------
// Shares

export function findShare(world: World, arn: string): ResourceShare | undefined {
  return ramState(world).shares.get(arn);
}

const SHARE_ARN = /^arn:aws:ram:[a-z0-9-]+:\d{12}:resource-share\/[0-9a-f-]+$/;

/** A share the caller owns, by ARN, in the request's Region. */
export function ownShare(world: World, callerAccountId: string, region: string, arn: string): ResourceShare {
  if (!SHARE_ARN.test(arn)) throw errors.malformedArn(`The specified resource share ARN ${arn} is not valid. Verify the ARN and try again.`);
  const share = findShare(world, arn);
  if (!share || share.owningAccountId !== callerAccountId || share.region !== region) throw errors.shareNotFound(arn);
  return share;
}

function requireModifiable(world: World, share: ResourceShare): void {
  if (share.createdFromPolicy && featureSetOf(world, share) !== 'STANDARD') {
    throw errors.operationNotPermitted(
      `The resource share ${share.arn} was created from a resource-based policy: change the resource's policy, or promote the share (PromoteResourceShareCreatedFromPolicy) to manage it in RAM.`,
    );
  }
  const status = shareStatus(world, share);
  if (status === 'DELETING' || status === 'DELETED') {
    throw errors.invalidStateTransition(`The resource share ${share.arn} is ${status.toLowerCase()} and cannot be modified.`);
  }
}

function uuid(world: World): string {
  const hex = newId(world, 32, HEX);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16], 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function sharesOwnedBy(world: World, accountId: string): ResourceShare[] {
  return [...ramState(world).shares.values()].filter((s) => s.owningAccountId === accountId);
}

function validateTags(tags: Tag[]): void {
  if (tags.length > QUOTAS.tagsPerResourceShare) {
    throw errors.tagLimitExceeded(`The request exceeds the limit of ${QUOTAS.tagsPerResourceShare} tags per resource share.`);
  }
  for (const tag of tags) {
    if (!tag.key || tag.key.length > 128) throw errors.invalidParameter('Tag keys must be between 1 and 128 characters.');
    if (tag.key.toLowerCase().startsWith('aws:')) throw errors.invalidParameter('Tag keys cannot start with the reserved prefix aws:.');
    if (tag.value !== undefined && tag.value.length > 256) throw errors.invalidParameter('Tag values must be at most 256 characters.');
  }
}

function validateName(name: string | undefined): asserts name is string {
  if (name === undefined || name.trim() === '') throw errors.invalidParameter('The resource share name must not be empty.');
  if (name.length > 255) throw errors.invalidParameter('The resource share name must be at most 255 characters.');
}

export interface CreateResourceShareInput {
  name: string;
  resourceArns?: string[];
  principals?: string[];
  tags?: Tag[];
  allowExternalPrincipals?: boolean;
  permissionArns?: string[];
  sources?: string[];
  retainSharingOnAccountLeaveOrganization?: boolean;
}

/** CREATED_FROM_POLICY until promoted; PROMOTING_TO_STANDARD while the promotion settles. */
export function featureSetOf(world: World, share: ResourceShare): FeatureSet {
  const promotion = share.createdFromPolicy?.promotion;
  if (!share.createdFromPolicy) return 'STANDARD';
  if (!promotion) return 'CREATED_FROM_POLICY';
  return nowMs(world) < promotion.settlesAt ? promotion.during : promotion.after;
}

export function createResourceShare(world: World, ownerAccountId: string, region: string, input: CreateResourceShareInput): ResourceShare {
  validateName(input.name);
  const tags = input.tags ?? [];
  validateTags(tags);
  if (sharesOwnedBy(world, ownerAccountId).filter((s) => shareStatus(world, s) !== 'DELETED').length >= QUOTAS.resourceSharesPerAccount) {
    throw errors.resourceShareLimitExceeded(`You have reached the limit of ${QUOTAS.resourceSharesPerAccount} resource shares for this account.`);
  }
  const at = nowMs(world);
  const share: ResourceShare = {
    arn: `arn:aws:ram:${region}:${ownerAccountId}:resource-share/${uuid(world)}`,
    name: input.name,
    owningAccountId: ownerAccountId,
    region,
    allowExternalPrincipals: input.allowExternalPrincipals ?? true,
    tags: tags.map((t) => ({ ...t })),
    creationTime: at,
    lastUpdatedTime: at,
    lifecycle: lifecycle<ShareStatus>(world, 'PENDING', 'ACTIVE'),
    associations: [],
    permissions: new Map(),
    retainSharingOnAccountLeaveOrganization: input.retainSharingOnAccountLeaveOrganization ?? false,
    sources: [],
  };
  // Validate everything before recording anything: a refused request leaves no share behind.
  const plan = planAssociation(world, share, input.resourceArns ?? [], input.principals ?? [], input.permissionArns ?? [], input.sources ?? []);
  ramState(world).shares.set(share.arn, share);
  applyAssociation(world, share, plan);
  return share;
}

interface AssociationPlan {
  resources: ResolvedResource[];
  principals: Principal[];
  permissions: PermissionView[];
  sources: Pick<SourceAssociation, 'sourceId' | 'sourceType'>[];
}

const SOURCE_TYPES: [SourceAssociation['sourceType'], RegExp][] = [
  ['ACCOUNT', /^\d{12}$/],
  ['ORGANIZATION', ORG_ID],
  ['ORGANIZATION_PATH', /^o-[a-z0-9]{10,32}\/r-[0-9a-z]{4,32}(\/ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})*\/?$/],
  ['ARN', /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:.+$/],
];

/** A source constraint as RAM records it: its type from its form. */
function resolveSource(source: string): Pick<SourceAssociation, 'sourceId' | 'sourceType'> {
  const match = SOURCE_TYPES.find(([, pattern]) => pattern.test(source));
  if (!match) {
    throw errors.invalidParameter(`Source ${source} is malformed: use an account ID, an ARN, an organization ID (o-…) or an organization path (o-…/r-…/ou-…/).`);
  }
  return { sourceId: source, sourceType: match[0] };
}

/**
 * Checks adding `resourceArns` and `principals` to `share` against every rule (ownership, type
 * capabilities for every resource × principal pair of the resulting share, organization sharing,
 * external principals, quotas) without changing anything.
 */
function planAssociation(
  world: World,
  share: ResourceShare,
  resourceArns: string[],
  principalIds: string[],
  permissionArns: string[],
  sourceIds: string[] = [],
): AssociationPlan {
  const owner = share.owningAccountId;
  const resources = dedupe(resourceArns).map((arn) => resolveResource(world, owner, share.region, arn));
  const principals = dedupe(principalIds).map((p) => resolvePrincipal(world, owner, p));
  const permissions = permissionArns.map((arn) => attachablePermission(world, owner, share.region, arn));
  const sources = dedupe(sourceIds).map(resolveSource);

  const types = new Map<string, ResourceTypeCapabilities>();
  for (const a of liveAssociations(world, share, 'RESOURCE')) types.set(a.resourceType!, capabilitiesOf(a.resourceType!)!);
  for (const r of resources) types.set(r.type.resourceType, r.type);
  for (const p of permissions) {
    if (!types.has(p.resourceType)) {
      throw errors.invalidParameter(`The permission ${p.arn} is for resource type ${p.resourceType}, which is not in the resource share.`);
    }
  }

  const sharing = organizationSharing(world);
  const allPrincipals = [...liveAssociations(world, share, 'PRINCIPAL').map(recordedPrincipal), ...principals];
  if (sources.length && !allPrincipals.some((p) => p.kind === 'service')) {
    throw errors.invalidParameter('Sources constrain service principals, and the resource share has none: add a service principal (SERVICE.amazonaws.com) with them.');
  }
  for (const principal of allPrincipals) {
    if (principal.kind === 'service') {
      for (const type of types.values()) {
        if (!type.shareableWithServicePrincipals) {
          throw errors.invalidParameter(`The resource type ${type.resourceType} cannot be shared with service principal ${principal.entity}.`);
        }
      }
      continue;
    }
    if (principal.kind === 'organization' || principal.kind === 'organizational-unit') {
      if (sharing === 'DISABLED') {
        throw errors.operationNotPermitted(
          'You cannot share resources with an organization or organizational unit because sharing with AWS Organizations is not enabled. ' +
            'Call EnableSharingWithAwsOrganization from the management account.',
        );
      }
      continue;
    }
    const inOrganization = inOwnersOrganization(world, owner, principal.accountId!);
    if (!inOrganization && !share.allowExternalPrincipals) {
      throw errors.operationNotPermitted(
        `Principal ${principal.entity} is not in your organization and the resource share ${share.name} does not allow external principals.`,
      );
    }
    for (const type of types.values()) {
      if ((principal.kind === 'role' || principal.kind === 'user') && !type.shareableWithIamPrincipals) {
        throw errors.invalidParameter(`The resource type ${type.resourceType} cannot be shared with IAM roles or users.`);
      }
      if (!type.shareableOutsideOrganization && !(inOrganization && sharing === 'ENABLED')) throw errors.organizationOnlyType();
    }
  }

  const ownShares = sharesOwnedBy(world, owner);
  const count = (type: 'PRINCIPAL' | 'RESOURCE') => ownShares.reduce((n, s) => n + liveAssociations(world, s, type).length, 0);
  if (principals.length && count('PRINCIPAL') + principals.length > QUOTAS.sharedPrincipalsPerAccount) {
    throw errors.resourceShareLimitExceeded(`You have reached the limit of ${QUOTAS.sharedPrincipalsPerAccount} shared principals for this account.`);
  }
  if (resources.length && count('RESOURCE') + resources.length > QUOTAS.sharedResourcesPerAccount) {
    throw errors.resourceShareLimitExceeded(`You have reached the limit of ${QUOTAS.sharedResourcesPerAccount} shared resources for this account.`);
  }
  const invited = new Map<string, number>();
  for (const principal of principals) {
    if (!needsInvitation(world, owner, principal, sharing) || !world.accounts.has(principal.accountId!)) continue;
    const receiver = principal.accountId!;
    invited.set(receiver, (invited.get(receiver) ?? pendingInvitationCount(world, receiver)) + 1);
    if (invited.get(receiver)! > QUOTAS.pendingInvitationsPerAccount) {
      throw errors.resourceShareLimitExceeded(
        `Account ${receiver} has reached the limit of ${QUOTAS.pendingInvitationsPerAccount} pending resource share invitations.`,
      );
    }
  }
  return { resources, principals, permissions, sources };
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

function needsInvitation(world: World, owner: string, principal: Principal, sharing: OrganizationSharing): boolean {
  if (principal.kind === 'organization' || principal.kind === 'organizational-unit' || principal.kind === 'service') return false;
  return !(sharing === 'ENABLED' && inOwnersOrganization(world, owner, principal.accountId!));
}

function pendingInvitationCount(world: World, receiverAccountId: string): number {
  let n = 0;
  for (const inv of ramState(world).invitations.values()) {
    if (inv.receiverAccountId === receiverAccountId && invitationStatus(world, inv) === 'PENDING') n++;
  }
  return n;
}

/** Why a principal association fails although the request was well-formed, if it does. */
function principalFailure(world: World, principal: Principal, sharing: OrganizationSharing): string | undefined {
  if ((principal.kind === 'organization' || principal.kind === 'organizational-unit') && sharing === 'TRUSTED_ACCESS_ONLY') {
    return `AWS RAM could not retrieve your organization's structure: the service-linked role ${SERVICE_LINKED_ROLE_NAME} does not exist in the management account. Call EnableSharingWithAwsOrganization to create it.`;
  }
  if (principal.kind === 'account' && !world.accounts.has(principal.accountId!)) {
    return `The principal ${principal.entity} is not a valid AWS account.`;
  }
  if (principal.kind === 'role' && !findRoleByArn(world, principal.entity)) return `The IAM role ${principal.entity} does not exist.`;
  if (principal.kind === 'user' && !findUserByArn(world, principal.entity)) return `The IAM user ${principal.entity} does not exist.`;
  return undefined;
}

function applyAssociation(world: World, share: ResourceShare, plan: AssociationPlan): Association[] {
  const touched: Association[] = [];
  const at = nowMs(world);
  for (const resource of plan.resources) {
    touched.push(upsertAssociation(world, share, 'RESOURCE', resource.arn, { resourceType: resource.type.resourceType, external: false }));
    if (!share.permissions.has(resource.type.resourceType)) {
      share.permissions.set(resource.type.resourceType, { arn: defaultPermissionFor(resource.type.resourceType).arn, version: '1', attachedAt: at });
    }
  }
  for (const permission of plan.permissions) {
    share.permissions.set(permission.resourceType, { arn: permission.arn, version: permission.version, attachedAt: at });
  }
  for (const source of plan.sources) {
    if (share.sources.some((x) => x.sourceId === source.sourceId && isLive(sourceStatus(world, x)))) continue;
    share.sources = share.sources.filter((x) => x.sourceId !== source.sourceId);
    share.sources.push({ ...source, creationTime: at, lifecycle: lifecycle<AssociationStatus>(world, 'ASSOCIATING', 'ASSOCIATED') });
  }
  const sharing = organizationSharing(world);
  for (const principal of plan.principals) {
    const external = principal.accountId !== undefined && !inOwnersOrganization(world, share.owningAccountId, principal.accountId);
    const association = upsertAssociation(world, share, 'PRINCIPAL', principal.entity, { principalKind: principal.kind, external });
    const failure = principalFailure(world, principal, sharing);
    if (failure) association.lifecycle = lifecycle<AssociationStatus>(world, 'ASSOCIATING', 'FAILED', failure);
    else if (needsInvitation(world, share.owningAccountId, principal, sharing)) association.invitationArn = invite(world, share, principal).arn;
    touched.push(association);
  }
  share.lastUpdatedTime = at;
  return touched;
}

function upsertAssociation(
  world: World,
  share: ResourceShare,
  type: 'PRINCIPAL' | 'RESOURCE',
  entity: string,
  fields: Pick<Association, 'external' | 'principalKind' | 'resourceType'>,
): Association {
  let association = share.associations.find((a) => a.type === type && a.entity === entity);
  if (association && isLive(associationView(world, association).status)) return association;
  const fresh = { lifecycle: lifecycle<AssociationStatus>(world, 'ASSOCIATING', 'ASSOCIATED'), invitationArn: undefined };
  if (association) Object.assign(association, fields, fresh);
  else {
    association = { type, entity, ...fields, creationTime: nowMs(world), ...fresh };
    share.associations.push(association);
  }
  return association;
}

function invite(world: World, share: ResourceShare, principal: Principal): Invitation {
  const at = nowMs(world);
  const types = liveAssociations(world, share, 'RESOURCE').map((a) => capabilitiesOf(a.resourceType!)!);
  const invitation: Invitation = {
    arn: `arn:aws:ram:${share.region}:${share.owningAccountId}:resource-share-invitation/${uuid(world)}`,
    resourceShareArn: share.arn,
    senderAccountId: share.owningAccountId,
    receiverAccountId: principal.accountId!,
    receiverArn: principal.kind === 'account' ? undefined : principal.entity,
    region: share.region,
    invitationTimestamp: at,
    expiresAt: at + invitationExpiryHours(types) * 3_600_000,
  };
  ramState(world).invitations.set(invitation.arn, invitation);
  return invitation;
}

interface AssociationChange {
  resourceShareArn: string;
  resourceArns?: string[];
  principals?: string[];
  sources?: string[];
}

/** The caller's own share, open to changes, for an (dis)association naming at least one resource or principal. */
function shareToChange(world: World, callerAccountId: string, region: string, input: AssociationChange): ResourceShare {
  const share = ownShare(world, callerAccountId, region, input.resourceShareArn);
  requireModifiable(world, share);
  if (!input.resourceArns?.length && !input.principals?.length && !input.sources?.length) {
    throw errors.missingRequiredParameter('You must specify at least one resource ARN, principal or source.');
  }
  return share;
}

export function associateResourceShare(world: World, callerAccountId: string, region: string, input: AssociationChange): Association[] {
  const share = shareToChange(world, callerAccountId, region, input);
  const plan = planAssociation(world, share, input.resourceArns ?? [], input.principals ?? [], [], input.sources ?? []);
  return applyAssociation(world, share, plan);
}

export function disassociateResourceShare(world: World, callerAccountId: string, region: string, input: AssociationChange): Association[] {
  const received = findShare(world, input.resourceShareArn);
  if (received && received.region === region && received.owningAccountId !== callerAccountId) return leaveResourceShare(world, callerAccountId, received, input);
  const share = shareToChange(world, callerAccountId, region, input);
  const targets: Association[] = [];
  for (const arn of dedupe(input.resourceArns ?? [])) {
    if (!ARN.test(arn)) throw errors.malformedResourceArn(arn);
    targets.push(liveAssociation(world, share, 'RESOURCE', arn));
  }
  for (const id of dedupe(input.principals ?? [])) {
    targets.push(liveAssociation(world, share, 'PRINCIPAL', resolvePrincipal(world, callerAccountId, id).entity));
  }
  for (const id of dedupe(input.sources ?? [])) {
    const source = share.sources.find((x) => x.sourceId === id && isLive(sourceStatus(world, x)));
    if (!source) throw errors.unknownResource(`Source ${id} is not associated with the resource share ${share.arn}.`);
    source.lifecycle = lifecycle<AssociationStatus>(world, 'DISASSOCIATING', 'DISASSOCIATED');
  }
  for (const association of targets) disassociate(world, association);
  const remainingTypes = new Set(liveAssociations(world, share, 'RESOURCE').map((a) => a.resourceType!));
  for (const type of share.permissions.keys()) if (!remainingTypes.has(type)) share.permissions.delete(type);
  share.lastUpdatedTime = nowMs(world);
  return targets;
}

/**
 * A receiver leaving a share ("Leave resource share"): DisassociateResourceShare naming only its own account,
 * which works for an account added individually, not for one that receives the share through its organization or OU.
 */
function leaveResourceShare(world: World, callerAccountId: string, share: ResourceShare, input: AssociationChange): Association[] {
  const own = share.associations.find((a) => a.type === 'PRINCIPAL' && a.entity === callerAccountId && isLive(associationView(world, a).status));
  if (!own && !shareReaches(world, share, callerAccountId)) throw errors.shareNotFound(share.arn);
  if (input.resourceArns?.length || dedupe(input.principals ?? []).some((p) => p !== callerAccountId) || !input.principals?.length) {
    throw errors.operationNotPermitted(
      `You can only remove your own account (${callerAccountId}) from a resource share owned by another account.`,
    );
  }
  if (!own) {
    throw errors.operationNotPermitted(
      `You cannot leave the resource share ${share.arn}: you receive it through your organization or organizational unit. Ask its owner (${share.owningAccountId}) to remove that principal.`,
    );
  }
  disassociate(world, own);
  share.lastUpdatedTime = nowMs(world);
  return [own];
}

function liveAssociation(world: World, share: ResourceShare, type: 'PRINCIPAL' | 'RESOURCE', entity: string): Association {
  const association = share.associations.find((a) => a.type === type && a.entity === entity);
  if (!association || !isLive(associationView(world, association).status)) {
    throw errors.unknownResource(`${type === 'RESOURCE' ? 'Resource' : 'Principal'} ${entity} is not associated with the resource share ${share.arn}.`);
  }
  return association;
}

function disassociate(world: World, association: Association): void {
  if (association.invitationArn) {
    ramState(world).invitations.delete(association.invitationArn);
    association.invitationArn = undefined;
  }
  association.lifecycle = lifecycle<AssociationStatus>(world, 'DISASSOCIATING', 'DISASSOCIATED');
}

export function updateResourceShare(
  world: World,
  callerAccountId: string,
  region: string,
  input: { resourceShareArn: string; name?: string; allowExternalPrincipals?: boolean },
): ResourceShare {
  const share = ownShare(world, callerAccountId, region, input.resourceShareArn);
  requireModifiable(world, share);
  if (input.name === undefined && input.allowExternalPrincipals === undefined) {
    throw errors.missingRequiredParameter('You must specify a name or allowExternalPrincipals to update.');
  }
  if (input.name !== undefined) {
    validateName(input.name);
    share.name = input.name;
  }
  if (input.allowExternalPrincipals !== undefined) share.allowExternalPrincipals = input.allowExternalPrincipals;
  share.lastUpdatedTime = nowMs(world);
  return share;
}

export function deleteResourceShare(world: World, callerAccountId: string, region: string, resourceShareArn: string): void {
  const share = ownShare(world, callerAccountId, region, resourceShareArn);
  requireModifiable(world, share);
  for (const association of share.associations) if (isLive(associationView(world, association).status)) disassociate(world, association);
  share.lifecycle = lifecycle<ShareStatus>(world, 'DELETING', 'DELETED');
  share.lastUpdatedTime = nowMs(world);
}

// ---------------------------------------------------------------------------------------------
// Permissions attached to shares

export function associateResourceSharePermission(
  world: World,
  callerAccountId: string,
  region: string,
  input: { resourceShareArn: string; permissionArn: string; replace?: boolean; permissionVersion?: number },
): void {
  const share = ownShare(world, callerAccountId, region, input.resourceShareArn);
  requireModifiable(world, share);
  const permission = attachablePermission(world, callerAccountId, region, input.permissionArn);
  if (input.permissionVersion !== undefined && String(input.permissionVersion) !== permission.version) {
    throw errors.invalidParameter(
      `Only the default version (${permission.version}) of the permission ${permission.arn} can be associated with a resource share.`,
    );
  }
  const attached = share.permissions.get(permission.resourceType);
  if (!liveAssociations(world, share, 'RESOURCE').some((a) => a.resourceType === permission.resourceType)) {
    throw errors.invalidParameter(`The resource share ${share.arn} has no resources of type ${permission.resourceType}.`);
  }
  if (attached && (attached.arn !== permission.arn || attached.version !== permission.version) && !input.replace) {
    throw errors.invalidParameter(
      `The resource share already has a permission for resource type ${permission.resourceType}. Set replace to true to replace it.`,
    );
  }
  share.permissions.set(permission.resourceType, { arn: permission.arn, version: permission.version, attachedAt: nowMs(world) });
  share.lastUpdatedTime = nowMs(world);
}

export function disassociateResourceSharePermission(
  world: World,
  callerAccountId: string,
  region: string,
  input: { resourceShareArn: string; permissionArn: string },
): void {
  const share = ownShare(world, callerAccountId, region, input.resourceShareArn);
  requireModifiable(world, share);
  const permission = visiblePermission(world, callerAccountId, region, input.permissionArn);
  const attached = share.permissions.get(permission.resourceType);
  if (!attached || attached.arn !== permission.arn) {
    throw errors.unknownResource(`Permission ${permission.arn} is not associated with the resource share ${share.arn}.`);
  }
  if (liveAssociations(world, share, 'RESOURCE').some((a) => a.resourceType === permission.resourceType)) {
    throw errors.invalidStateTransition(
      `The resource share still contains resources of type ${permission.resourceType}; each resource type must keep one permission.`,
    );
  }
  share.permissions.delete(permission.resourceType);
}

// ---------------------------------------------------------------------------------------------
// Receivers: invitations

/** Invitations received by `accountId` in `region`. */
export function invitationsFor(world: World, accountId: string, region: string): Invitation[] {
  return [...ramState(world).invitations.values()].filter((i) => i.receiverAccountId === accountId && i.region === region);
}

function receivedInvitation(world: World, accountId: string, region: string, arn: string): Invitation {
  if (!/^arn:aws:ram:[a-z0-9-]+:\d{12}:resource-share-invitation\/[0-9a-f-]+$/.test(arn)) {
    throw errors.malformedArn(`The specified resource share invitation ARN ${arn} is not valid. Verify the ARN and try again.`);
  }
  const invitation = ramState(world).invitations.get(arn);
  if (!invitation || invitation.receiverAccountId !== accountId || invitation.region !== region) throw errors.invitationNotFound(arn);
  return invitation;
}

function requirePending(world: World, invitation: Invitation): void {
  const status = invitationStatus(world, invitation);
  if (status === 'ACCEPTED') throw errors.invitationAlreadyAccepted(invitation.arn);
  if (status === 'REJECTED') throw errors.invitationAlreadyRejected(invitation.arn);
  if (status === 'EXPIRED') throw errors.invitationExpired(invitation.arn);
}

function invitedAssociation(world: World, invitation: Invitation): Association | undefined {
  return findShare(world, invitation.resourceShareArn)?.associations.find((a) => a.invitationArn === invitation.arn);
}

/** Answers a pending invitation; the association it holds back settles the answer's way. */
function answerInvitation(world: World, accountId: string, region: string, arn: string, answer: 'ACCEPTED' | 'REJECTED'): Invitation {
  const invitation = receivedInvitation(world, accountId, region, arn);
  requirePending(world, invitation);
  invitation.answer = answer;
  const association = invitedAssociation(world, invitation);
  if (association) association.lifecycle = settled<AssociationStatus>(world, answer === 'ACCEPTED' ? 'ASSOCIATED' : 'DISASSOCIATED');
  return invitation;
}

export function acceptResourceShareInvitation(world: World, accountId: string, region: string, arn: string): Invitation {
  return answerInvitation(world, accountId, region, arn, 'ACCEPTED');
}

export function rejectResourceShareInvitation(world: World, accountId: string, region: string, arn: string): Invitation {
  return answerInvitation(world, accountId, region, arn, 'REJECTED');
}

/** The resources an invitation would give access to (ListPendingInvitationResources). */
export function pendingInvitationResources(world: World, accountId: string, region: string, arn: string): { share: ResourceShare; resources: Association[] } {
  const invitation = receivedInvitation(world, accountId, region, arn);
  const status = invitationStatus(world, invitation);
  if (status === 'REJECTED') throw errors.invitationAlreadyRejected(arn);
  if (status === 'EXPIRED') throw errors.invitationExpired(arn);
  const share = findShare(world, invitation.resourceShareArn)!;
  return { share, resources: liveAssociations(world, share, 'RESOURCE') };
}

// ---------------------------------------------------------------------------------------------
// Tags

export function tagResourceShare(world: World, callerAccountId: string, region: string, arn: string, tags: Tag[]): void {
  const share = ownShare(world, callerAccountId, region, arn);
  const merged = new Map(share.tags.map((t) => [t.key, t]));
  for (const tag of tags) merged.set(tag.key, { ...tag });
  validateTags([...merged.values()]);
  share.tags = [...merged.values()];
}

export function untagResourceShare(world: World, callerAccountId: string, region: string, arn: string, keys: string[]): void {
  const share = ownShare(world, callerAccountId, region, arn);
  share.tags = share.tags.filter((t) => !keys.includes(t.key));
}

// ---------------------------------------------------------------------------------------------
// Idempotency

/**
 * Runs `operation` once per (account, Region, operation name, clientToken): a retry with the same
 * token and the same request gets the first answer; the same token with another request is refused.
 */
export function idempotent<T>(
  world: World,
  scope: { accountId: string; region: string; operation: string },
  clientToken: string | undefined,
  request: unknown,
  operation: () => T,
): T {
  if (clientToken === undefined) return operation();
  if (clientToken.length < 1 || clientToken.length > 64) {
    throw errors.invalidParameter('The client token must be between 1 and 64 characters.');
  }
  const key = `${scope.accountId}/${scope.region}/${scope.operation}/${clientToken}`;
  const fingerprint = JSON.stringify(request);
  const tokens = ramState(world).clientTokens;
  const previous = tokens.get(key);
  if (previous) {
    if (previous.fingerprint !== fingerprint) {
      throw errors.idempotentParameterMismatch(
        `The client token ${clientToken} was already used with different parameters. Use a new client token for a different request.`,
      );
    }
    return previous.result as T;
  }
  const result = operation();
  tokens.set(key, { fingerprint, result });
  return result;
}

/** Runs `build` with associations and shares settling at once (seeds start from a settled world). */
export function withoutAssociationDelay<T>(world: World, build: () => T): T {
  const state = ramState(world);
  const saved = state.associationDelayMs;
  state.associationDelayMs = 0;
  try {
    return build();
  } finally {
    state.associationDelayMs = saved;
  }
}

// ---------------------------------------------------------------------------------------------
// Shares created from a resource-based policy, and their promotion

/**
 * What RAM does when an owner attaches a resource-based policy to a resource of a type RAM shares (ACM PCA's
 * PutPolicy in AWS): a CREATED_FROM_POLICY share, visible to the owner only, holding a CREATED_FROM_POLICY
 * permission with the policy's actions. Used by seeds; the sandbox's services have no PutPolicy.
 */
export function createShareFromPolicy(
  world: World,
  ownerAccountId: string,
  region: string,
  input: { name: string; resourceArn: string; principals: string[]; policyTemplate: string },
): ResourceShare {
  const share = createResourceShare(world, ownerAccountId, region, { name: input.name, resourceArns: [input.resourceArn], principals: input.principals });
  const type = liveAssociations(world, share, 'RESOURCE')[0].resourceType!;
  const permission = createPermission(world, ownerAccountId, region, {
    name: `${share.arn.split('/').pop()!.slice(0, 8)}-created-from-policy`,
    resourceType: type,
    policyTemplate: input.policyTemplate,
    featureSet: 'CREATED_FROM_POLICY',
  });
  share.permissions.set(type, { arn: permission.arn, version: '1', attachedAt: nowMs(world) });
  share.createdFromPolicy = {};
  return share;
}

/** A STANDARD customer managed permission with the same template as a CREATED_FROM_POLICY one. */
export function promotePermissionCreatedFromPolicy(world: World, callerAccountId: string, region: string, arn: string, name: string): CustomerPermission {
  const from = visiblePermission(world, callerAccountId, region, arn);
  if (from.featureSet !== 'CREATED_FROM_POLICY') {
    throw errors.invalidParameter(`The permission ${arn} was not created from a resource-based policy: there is nothing to promote.`);
  }
  return createPermission(world, callerAccountId, region, { name, resourceType: from.resourceType, policyTemplate: from.template });
}

const sameGrant = (a: string, b: string) => {
  const parse = (t: string) => JSON.parse(t) as { Action: string[]; Condition?: unknown };
  const [x, y] = [parse(a), parse(b)];
  return [...x.Action].sort().join() === [...y.Action].sort().join() && JSON.stringify(x.Condition ?? null) === JSON.stringify(y.Condition ?? null);
};

/**
 * Makes a CREATED_FROM_POLICY share STANDARD (PROMOTING_TO_STANDARD while it settles): each of its permissions is
 * replaced by the caller's customer managed permission with exactly the same grant, and the share becomes
 * visible to its principals and manageable in RAM.
 */
export function promoteResourceShareCreatedFromPolicy(world: World, callerAccountId: string, region: string, arn: string): void {
  const share = ownShare(world, callerAccountId, region, arn);
  const featureSet = featureSetOf(world, share);
  if (featureSet === 'STANDARD') throw errors.operationNotPermitted(`The resource share ${arn} is already STANDARD: there is nothing to promote.`);
  if (featureSet === 'PROMOTING_TO_STANDARD') throw errors.invalidStateTransition(`The resource share ${arn} is already being promoted.`);
  const replacements = [...share.permissions.entries()].map(([type, attached]) => {
    const from = visiblePermission(world, callerAccountId, region, attached.arn, attached.version);
    const match = [...ramState(world).permissions.values()].find((p) => {
      if (p.ownerAccountId !== callerAccountId || p.region !== region || p.featureSet !== 'STANDARD' || p.resourceType !== type) return false;
      return sameGrant(p.versions.get(p.defaultVersion)!.template, from.template);
    });
    if (!match) {
      throw errors.unmatchedPolicyPermission(
        `No customer managed permission for ${type} grants exactly what the resource-based policy does (${from.arn}). Run PromotePermissionCreatedFromPolicy first.`,
      );
    }
    return { type, from: attached.arn, to: { arn: match.arn, version: String(match.defaultVersion) } };
  });
  share.createdFromPolicy = { promotion: lifecycle<FeatureSet>(world, 'PROMOTING_TO_STANDARD', 'STANDARD') };
  for (const r of replacements) {
    share.permissions.set(r.type, { ...r.to, attachedAt: nowMs(world) });
    if (!sharesUsing(world, r.from).length) ramState(world).permissions.delete(r.from);
  }
  share.lastUpdatedTime = nowMs(world);
}
