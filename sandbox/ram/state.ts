// RAM's state and what it shows at a moment: shares, their associations and invitations as plain
// data, the statuses the sandbox clock drives, and whom a share reaches. The resource services ask
// it what is shared with a caller; it imports none of them (the rules are in models.ts).
import type { RequestContext, World } from '../core/types.js';
import { nowMs, serviceState } from '../core/world.js';
import { accountPath, departedMembership, organizationIdOf } from '../organizations/models.js';
import type { ShareableResourceType } from './resource-types.js';

/** How long (sandbox clock) shares and associations stay PENDING/ASSOCIATING/DISASSOCIATING/DELETING. */
export const DEFAULT_ASSOCIATION_DELAY_MS = 2_000;

export type ShareStatus = 'PENDING' | 'ACTIVE' | 'FAILED' | 'DELETING' | 'DELETED';
export type AssociationStatus = 'ASSOCIATING' | 'ASSOCIATED' | 'FAILED' | 'DISASSOCIATING' | 'DISASSOCIATED';
export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED';
export type ResourceOwner = 'SELF' | 'OTHER-ACCOUNTS';

export interface Tag {
  key: string;
  value?: string;
}

/** A status that is `during` until `settlesAt`, then `after` (all on the sandbox clock, epoch ms). */
export interface Lifecycle<T extends string> {
  during: T;
  after: T;
  changedAt: number;
  settlesAt: number;
  statusMessage?: string;
}

export type PrincipalKind = 'account' | 'organization' | 'organizational-unit' | 'role' | 'user' | 'service';

export interface Association {
  type: 'PRINCIPAL' | 'RESOURCE';
  /** Resource ARN; account ID, organization/OU ARN or IAM role/user ARN. */
  entity: string;
  principalKind?: PrincipalKind;
  resourceType?: string;
  /** Principal outside the owner's organization. */
  external: boolean;
  creationTime: number;
  lifecycle: Lifecycle<AssociationStatus>;
  /** A principal that reaches the share only once it accepts this invitation. */
  invitationArn?: string;
}

export interface AttachedPermission {
  arn: string;
  version: string;
  attachedAt: number;
}

export interface ResourceShare {
  arn: string;
  name: string;
  owningAccountId: string;
  region: string;
  allowExternalPrincipals: boolean;
  tags: Tag[];
  creationTime: number;
  lastUpdatedTime: number;
  lifecycle: Lifecycle<ShareStatus>;
  associations: Association[];
  /** resource type → the managed permission that governs it in this share. */
  permissions: Map<string, AttachedPermission>;
  /** resourceShareConfiguration.retainSharingOnAccountLeaveOrganization, fixed at creation. */
  retainSharingOnAccountLeaveOrganization: boolean;
  /** Made by RAM from a resource-based policy (CREATED_FROM_POLICY) until promoted; `promotedAt` starts PROMOTING_TO_STANDARD. */
  createdFromPolicy?: { promotion?: Lifecycle<FeatureSet> };
  /** Source constraints for the share's service principals (account IDs, ARNs, organization IDs or paths). */
  sources: SourceAssociation[];
}

export type FeatureSet = 'CREATED_FROM_POLICY' | 'PROMOTING_TO_STANDARD' | 'STANDARD';

export interface SourceAssociation {
  sourceId: string;
  sourceType: 'ACCOUNT' | 'ARN' | 'ORGANIZATION' | 'ORGANIZATION_PATH';
  creationTime: number;
  lifecycle: Lifecycle<AssociationStatus>;
}

/** One version of a customer managed permission's policy template. */
export interface PermissionVersion {
  version: number;
  template: string;
  creationTime: number;
}

/** A customer managed permission, Regional, owned by one account. */
export interface CustomerPermission {
  arn: string;
  name: string;
  resourceType: string;
  ownerAccountId: string;
  region: string;
  versions: Map<number, PermissionVersion>;
  defaultVersion: number;
  /** The highest version number given so far (numbers are never reused). */
  lastVersion: number;
  tags: Tag[];
  creationTime: number;
  lastUpdatedTime: number;
  /** CREATED_FROM_POLICY: made by RAM for a share created from a resource policy; owner-only, not attachable. */
  featureSet: 'STANDARD' | 'CREATED_FROM_POLICY';
}

/** ReplacePermissionAssociations' asynchronous work: the shares it moves, applied when it settles. */
export interface ReplaceWork {
  id: string;
  ownerAccountId: string;
  region: string;
  fromPermissionArn: string;
  fromPermissionVersion?: string;
  toPermissionArn: string;
  toPermissionVersion: string;
  creationTime: number;
  settlesAt: number;
  targets: { resourceShareArn: string; resourceType: string }[];
  applied: boolean;
}

export interface Invitation {
  arn: string;
  resourceShareArn: string;
  senderAccountId: string;
  receiverAccountId: string;
  /** Set when the principal is an IAM role or user. */
  receiverArn?: string;
  region: string;
  invitationTimestamp: number;
  expiresAt: number;
  answer?: 'ACCEPTED' | 'REJECTED';
}

export interface RamState {
  shares: Map<string, ResourceShare>;
  invitations: Map<string, Invitation>;
  /** "account/region/operation/clientToken" → the request it answered and the answer. */
  clientTokens: Map<string, { fingerprint: string; result: unknown }>;
  associationDelayMs: number;
  /** Customer managed permissions by ARN. */
  permissions: Map<string, CustomerPermission>;
  replaceWorks: Map<string, ReplaceWork>;
}

export const emptyRamState = (): RamState => ({
  shares: new Map(),
  invitations: new Map(),
  clientTokens: new Map(),
  associationDelayMs: DEFAULT_ASSOCIATION_DELAY_MS,
  permissions: new Map(),
  replaceWorks: new Map(),
});

export function ramState(world: World): RamState {
  return serviceState(world, 'ram', emptyRamState);
}

// ---------------------------------------------------------------------------------------------
// Clock-driven statuses

function current<T extends string>(world: World, l: Lifecycle<T>): { status: T; since: number } {
  return nowMs(world) < l.settlesAt ? { status: l.during, since: l.changedAt } : { status: l.after, since: l.settlesAt };
}

export function shareStatus(world: World, share: ResourceShare): ShareStatus {
  return current(world, share.lifecycle).status;
}

export function invitationStatus(world: World, invitation: Invitation): InvitationStatus {
  if (invitation.answer) return invitation.answer;
  return nowMs(world) >= invitation.expiresAt ? 'EXPIRED' : 'PENDING';
}

export interface AssociationView {
  status: AssociationStatus;
  statusMessage?: string;
  lastUpdatedTime: number;
}

export function associationView(world: World, association: Association): AssociationView {
  const invitation = association.invitationArn ? ramState(world).invitations.get(association.invitationArn) : undefined;
  if (invitation) {
    const status = invitationStatus(world, invitation);
    if (status === 'PENDING') return { status: 'ASSOCIATING', lastUpdatedTime: association.lifecycle.changedAt };
    if (status === 'EXPIRED') {
      return { status: 'DISASSOCIATED', statusMessage: 'The resource share invitation expired.', lastUpdatedTime: invitation.expiresAt };
    }
  }
  const { status, since } = current(world, association.lifecycle);
  return { status, statusMessage: association.lifecycle.statusMessage, lastUpdatedTime: since };
}

export function sourceStatus(world: World, source: SourceAssociation): AssociationStatus {
  return current(world, source.lifecycle).status;
}

export const isLive = (status: AssociationStatus) => status === 'ASSOCIATING' || status === 'ASSOCIATED';

// ---------------------------------------------------------------------------------------------
// Principals as RAM recorded them, and whom they reach

export interface Principal {
  kind: PrincipalKind;
  /** How RAM records it: account ID, organization/OU ARN, role/user ARN. */
  entity: string;
  /** The account an account/role/user principal belongs to. */
  accountId?: string;
  /** The organization or OU ID an organization/OU principal names. */
  id?: string;
}

export const ORG_ARN = /^arn:aws:organizations::(\d{12}):organization\/(o-[a-z0-9]{10,32})$/;
export const OU_ARN = /^arn:aws:organizations::(\d{12}):ou\/(o-[a-z0-9]{10,32})\/(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})$/;
export const IAM_ARN = /^arn:aws:iam::(\d{12}):(role|user)\/(?:[\x21-\x7e]*\/)?[\w+=,.@-]+$/;

/** The principal recorded in an association, parsed back (no checks: it was checked when added). */
export function recordedPrincipal(association: Association): Principal {
  const kind = association.principalKind!;
  const entity = association.entity;
  switch (kind) {
    case 'account':
      return { kind, entity, accountId: entity };
    case 'role':
    case 'user':
      return { kind, entity, accountId: IAM_ARN.exec(entity)?.[1] };
    case 'organization':
      return { kind, entity, id: ORG_ARN.exec(entity)?.[2] };
    case 'organizational-unit':
      return { kind, entity, id: OU_ARN.exec(entity)?.[3] };
    case 'service':
      return { kind, entity };
  }
}

export function inOwnersOrganization(world: World, ownerAccountId: string, accountId: string): boolean {
  const orgId = organizationIdOf(world, ownerAccountId);
  return orgId !== undefined && organizationIdOf(world, accountId) === orgId;
}

/** Where `accountId` was in the owner's organization, if it has left it. */
function leftOwnersOrganization(world: World, share: ResourceShare, accountId: string) {
  const departed = departedMembership(world, accountId);
  return departed && departed.organizationId === organizationIdOf(world, share.owningAccountId) ? departed : undefined;
}

/**
 * Whether a principal association reaches `accountId` now (OU membership read at this moment). An account
 * that left the owner's organization keeps what it received through the organization (its organization or
 * OU, or its account added without an invitation) only when the share retains sharing on leaving.
 */
function principalReaches(world: World, share: ResourceShare, principal: Principal, accountId: string, association?: Association): boolean {
  if (accountId === share.owningAccountId) return false;
  const departed = leftOwnersOrganization(world, share, accountId);
  switch (principal.kind) {
    case 'account':
    case 'role':
    case 'user':
      if (principal.accountId !== accountId) return false;
      return departed && !association?.invitationArn && !association?.external ? share.retainSharingOnAccountLeaveOrganization : true;
    case 'organization':
      if (departed) return share.retainSharingOnAccountLeaveOrganization && departed.organizationId === principal.id;
      return organizationIdOf(world, accountId) === principal.id && inOwnersOrganization(world, share.owningAccountId, accountId);
    case 'organizational-unit':
      if (departed) return share.retainSharingOnAccountLeaveOrganization && departed.path.includes(principal.id!);
      return inOwnersOrganization(world, share.owningAccountId, accountId) && accountPath(world, accountId).includes(principal.id!);
    case 'service':
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// What is shared, and with whom

export function liveAssociations(world: World, share: ResourceShare, type: 'PRINCIPAL' | 'RESOURCE'): Association[] {
  return share.associations.filter((a) => a.type === type && isLive(associationView(world, a).status));
}

/** Whether a principal association names `accountId` or an organization/OU it is in now. */
export function principalAssociationReaches(world: World, share: ResourceShare, association: Association, accountId: string): boolean {
  return association.type === 'PRINCIPAL' && principalReaches(world, share, recordedPrincipal(association), accountId, association);
}

/** Whether `accountId` (not the owner) has access to the share's resources now. */
export function shareReaches(world: World, share: ResourceShare, accountId: string): boolean {
  if (shareStatus(world, share) !== 'ACTIVE') return false;
  return share.associations.some(
    (a) => associationView(world, a).status === 'ASSOCIATED' && principalAssociationReaches(world, share, a, accountId),
  );
}

/** Shares owned by other accounts that reach `accountId` in `region`. */
export function sharesReaching(world: World, accountId: string, region: string): ResourceShare[] {
  return [...ramState(world).shares.values()].filter((s) => s.region === region && shareReaches(world, s, accountId));
}

/**
 * ARNs of resources of `resourceType` visible to `accountId` in `region` through resource shares:
 * organization, an OU on its path, the account itself, or an accepted invitation.
 */
export function resourcesSharedWith(world: World, accountId: string, region: string, resourceType: ShareableResourceType): string[] {
  const arns = new Set<string>();
  for (const share of sharesReaching(world, accountId, region)) {
    for (const a of share.associations) {
      if (a.type === 'RESOURCE' && a.resourceType === resourceType && associationView(world, a).status === 'ASSOCIATED') arns.add(a.entity);
    }
  }
  return [...arns];
}

/** Whether the resource's owner shares it with anyone now (Route 53 Resolver's SHARED_BY_ME). */
export function isSharedByOwner(world: World, arn: string): boolean {
  for (const share of ramState(world).shares.values()) {
    if (shareStatus(world, share) !== 'ACTIVE') continue;
    const holds = liveAssociations(world, share, 'RESOURCE').some((a) => a.entity === arn);
    if (holds && liveAssociations(world, share, 'PRINCIPAL').length > 0) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// What the resource services ask (EC2, Route 53 Resolver, License Manager, ACM PCA)

/**
 * Resources of another owner RAM shares with the account (a share to the organization reaches its
 * owner too), found by ARN in their service.
 */
export function sharedResources<T>(
  world: World,
  accountId: string,
  region: string,
  resourceType: ShareableResourceType,
  find: (arn: string) => T | undefined,
  ownerOf: (resource: T) => string,
): T[] {
  const out: T[] = [];
  for (const arn of resourcesSharedWith(world, accountId, region, resourceType)) {
    const resource = find(arn);
    if (resource !== undefined && ownerOf(resource) !== accountId) out.push(resource);
  }
  return out;
}

/**
 * The resource an operation on `arn` is authorized against. Another account's resource needs a
 * resource-based policy, as in AWS; for one RAM shares with the caller that policy is the share's
 * managed permission, which the sandbox takes as granted, so only the caller's own policies apply.
 */
export function authorizationResource(ctx: RequestContext, arn: string, resourceType: ShareableResourceType): string {
  const shared = resourcesSharedWith(ctx.world, ctx.caller.accountId, ctx.region, resourceType).includes(arn);
  return shared ? '*' : arn;
}
