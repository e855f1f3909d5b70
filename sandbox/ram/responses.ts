// RAM operations: botocore input shapes → model calls → output shapes. The caller's account and
// the request's Region scope everything: RAM is Regional.
import { AwsError } from '../core/errors.js';
import { paginate } from '../core/pagination.js';
import type { OperationSpec, RequestContext, World, WireInput } from '../core/types.js';
import { nowMs } from '../core/world.js';
import * as errors from './exceptions.js';
import {
  acceptResourceShareInvitation,
  associateResourceShare,
  associateResourceSharePermission,
  createResourceShare,
  deleteResourceShare,
  disassociateResourceShare,
  disassociateResourceSharePermission,
  enableSharingWithAwsOrganization,
  featureSetOf,
  findShare,
  idempotent,
  invitationsFor,
  organizationSharing,
  ownShare,
  pendingInvitationResources,
  promotePermissionCreatedFromPolicy,
  promoteResourceShareCreatedFromPolicy,
  RAM_SERVICE_PRINCIPAL,
  rejectResourceShareInvitation,
  SERVICE_LINKED_ROLE_NAME,
  tagResourceShare,
  untagResourceShare,
  updateResourceShare,
} from './models.js';
import {
  createPermission,
  createPermissionVersion,
  deletePermission,
  deletePermissionVersion,
  listablePermissions,
  permissionVersions,
  replacePermissionAssociations,
  replaceWorkStatus,
  setDefaultPermissionVersion,
  settleReplaceWorks,
  tagPermission,
  visiblePermission,
  type PermissionView,
} from './permission-models.js';
import { RESOURCE_TYPES, resourceType as capabilitiesOf } from './resource-types.js';
import {
  associationView,
  invitationStatus,
  liveAssociations,
  principalAssociationReaches,
  ramState,
  sharesReaching,
  shareReaches,
  shareStatus,
  sourceStatus,
  type Association,
  type Invitation,
  type ReplaceWork,
  type ResourceOwner,
  type ResourceShare,
  type Tag,
} from './state.js';

// ---- input checks -------------------------------------------------------------------------------

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined || value === null || value === '') {
    throw errors.missingRequiredParameter(`The request is missing the required parameter ${name}.`);
  }
  return value;
}

function oneOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[]): T {
  const text = required(value, name);
  if (!(allowed as readonly string[]).includes(text)) {
    throw errors.invalidParameter(`${text} is not a valid ${name}. Specify one of ${allowed.join(', ')} and try again.`);
  }
  return text as T;
}

const RESOURCE_OWNERS = ['SELF', 'OTHER-ACCOUNTS'] as const;
const REGION_SCOPES = ['ALL', 'REGIONAL', 'GLOBAL'] as const;
const DEFAULT_PAGE_SIZE = 50;

interface PageInput {
  nextToken?: string;
  maxResults?: number;
}

function page<T>(items: T[], input: PageInput, invalidMax = errors.invalidParameter) {
  if (input.maxResults !== undefined && (!Number.isInteger(input.maxResults) || input.maxResults < 1 || input.maxResults > 500)) {
    throw invalidMax(`The value ${input.maxResults} for maxResults is not valid. It must be between 1 and 500.`);
  }
  return paginate(items, {
    maxResults: input.maxResults,
    nextToken: input.nextToken,
    defaultMax: DEFAULT_PAGE_SIZE,
    invalidToken: (token) => errors.invalidNextToken(`The specified value for nextToken (${token}) is not valid.`),
  });
}

const account = (ctx: RequestContext) => ctx.caller.accountId;

/** Retries with the same clientToken get the first answer; the answer echoes the token. */
function once<I extends { clientToken?: string }, O extends object>(ctx: RequestContext, input: I, run: () => O): O & { clientToken?: string } {
  const { clientToken, ...request } = input;
  const result = idempotent(ctx.world, { accountId: account(ctx), region: ctx.region, operation: ctx.operation }, clientToken, request, run);
  return clientToken === undefined ? result : { ...result, clientToken };
}

/** Associate or disassociate principals, resources and sources of one share (the two calls take the same input). */
function changeAssociations(ctx: RequestContext, input: WireInput, change: typeof associateResourceShare) {
  return once(ctx, input, () => {
    const arn = required(input.resourceShareArn, 'resourceShareArn');
    const touched = change(ctx.world, account(ctx), ctx.region, {
      resourceShareArn: arn,
      resourceArns: input.resourceArns,
      principals: input.principals,
      sources: input.sources,
    });
    const share = findShare(ctx.world, arn)!;
    return { resourceShareAssociations: touched.map((a) => associationOut(ctx.world, share, a)) };
  });
}

// ---- output shapes --------------------------------------------------------------------------------

const date = (ms: number) => new Date(ms);

function shareOut(world: World, share: ResourceShare) {
  return {
    resourceShareArn: share.arn,
    name: share.name,
    owningAccountId: share.owningAccountId,
    allowExternalPrincipals: share.allowExternalPrincipals,
    status: shareStatus(world, share),
    statusMessage: share.lifecycle.statusMessage,
    tags: share.tags.map((t) => ({ ...t })),
    creationTime: date(share.creationTime),
    lastUpdatedTime: date(share.lastUpdatedTime),
    featureSet: featureSetOf(world, share),
    resourceShareConfiguration: { retainSharingOnAccountLeaveOrganization: share.retainSharingOnAccountLeaveOrganization },
  };
}

function associationOut(world: World, share: ResourceShare, a: Association) {
  const view = associationView(world, a);
  return {
    resourceShareArn: share.arn,
    resourceShareName: share.name,
    associatedEntity: a.entity,
    associationType: a.type,
    status: view.status,
    statusMessage: view.statusMessage,
    creationTime: date(a.creationTime),
    lastUpdatedTime: date(view.lastUpdatedTime),
    external: a.external,
  };
}

function invitationOut(world: World, invitation: Invitation) {
  return {
    resourceShareInvitationArn: invitation.arn,
    resourceShareName: findShare(world, invitation.resourceShareArn)?.name,
    resourceShareArn: invitation.resourceShareArn,
    senderAccountId: invitation.senderAccountId,
    receiverAccountId: invitation.receiverAccountId,
    receiverArn: invitation.receiverArn,
    invitationTimestamp: date(invitation.invitationTimestamp),
    status: invitationStatus(world, invitation),
  };
}

function resourceOut(world: World, share: ResourceShare, a: Association) {
  const view = associationView(world, a);
  return {
    arn: a.entity,
    type: a.resourceType,
    resourceShareArn: share.arn,
    status: view.status === 'ASSOCIATED' ? 'AVAILABLE' : 'PENDING',
    creationTime: date(a.creationTime),
    lastUpdatedTime: date(view.lastUpdatedTime),
    resourceRegionScope: capabilitiesOf(a.resourceType!)!.regionScope,
  };
}

function permissionOut(p: PermissionView, status: string = p.status) {
  return {
    arn: p.arn,
    version: p.version,
    defaultVersion: p.defaultVersion,
    name: p.name,
    resourceType: p.resourceType,
    status,
    creationTime: p.creationTime,
    lastUpdatedTime: p.lastUpdatedTime,
    isResourceTypeDefault: p.isResourceTypeDefault,
    permissionType: p.permissionType,
    featureSet: p.featureSet,
    ...(p.tags && { tags: p.tags.map((t) => ({ ...t })) }),
  };
}

function workOut(world: World, work: ReplaceWork) {
  const status = replaceWorkStatus(world, work);
  return {
    id: work.id,
    fromPermissionArn: work.fromPermissionArn,
    fromPermissionVersion: work.fromPermissionVersion,
    toPermissionArn: work.toPermissionArn,
    toPermissionVersion: work.toPermissionVersion,
    status,
    statusMessage: status === 'COMPLETED' ? `Updated ${work.targets.length} resource share permission association(s).` : undefined,
    creationTime: date(work.creationTime),
    lastUpdatedTime: date(status === 'COMPLETED' ? work.settlesAt : work.creationTime),
  };
}

// ---- which shares a caller sees ---------------------------------------------------------------------

function ownShares(ctx: RequestContext): ResourceShare[] {
  return [...ramState(ctx.world).shares.values()].filter((s) => s.owningAccountId === account(ctx) && s.region === ctx.region);
}

function sharesFor(ctx: RequestContext, owner: ResourceOwner): ResourceShare[] {
  if (owner === 'SELF') return ownShares(ctx);
  // A share created from a resource policy is visible to its owner only until it is promoted.
  return sharesReaching(ctx.world, account(ctx), ctx.region).filter((s) => featureSetOf(ctx.world, s) === 'STANDARD');
}

/** A share the caller owns or receives, for the read operations both sides may call. */
function visibleShare(ctx: RequestContext, arn: string): ResourceShare {
  const share = findShare(ctx.world, arn);
  if (share && share.region === ctx.region && share.owningAccountId === account(ctx)) return share;
  if (share && share.region === ctx.region && shareReaches(ctx.world, share, account(ctx))) return share;
  return ownShare(ctx.world, account(ctx), ctx.region, arn);
}

const only = <T>(filter: T[] | undefined, value: T) => !filter?.length || filter.includes(value);

/** Whether a live principal association of an owned share names or reaches `principal`. */
function shareHasPrincipal(ctx: RequestContext, share: ResourceShare, principal: string): boolean {
  return liveAssociations(ctx.world, share, 'PRINCIPAL').some((a) => a.entity === principal) || (/^\d{12}$/.test(principal) && shareReaches(ctx.world, share, principal));
}

function validResourceType(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const type = capabilitiesOf(name);
  if (!type) throw errors.invalidResourceType(`The specified resource type ${name} is not valid. Verify the resource type and try again.`);
  return type.resourceType;
}

// ---- operations -------------------------------------------------------------------------------------

type Input = WireInput;

const shareResource = (ctx: RequestContext, input: Input) => input.resourceShareArn ?? '*';

const specs: Record<string, OperationSpec<Input>> = {
  EnableSharingWithAwsOrganization: {
    handler: async (ctx) => {
      const organizationSharingBefore = organizationSharing(ctx.world);
      if (organizationSharingBefore !== 'ENABLED') {
        // The call creates the service-linked role and enables trusted access on the caller's behalf.
        await ctx.authorize(
          'iam:CreateServiceLinkedRole',
          `arn:aws:iam::${account(ctx)}:role/aws-service-role/${RAM_SERVICE_PRINCIPAL}/${SERVICE_LINKED_ROLE_NAME}`,
          { context: { 'iam:AWSServiceName': RAM_SERVICE_PRINCIPAL } },
        );
        await ctx.authorize('organizations:EnableAWSServiceAccess', '*');
      }
      enableSharingWithAwsOrganization(ctx.world, account(ctx));
      return { returnValue: true };
    },
  },

  CreateResourceShare: {
    handler: (ctx, input) =>
      once(ctx, input, () => {
        const share = createResourceShare(ctx.world, account(ctx), ctx.region, {
          name: required(input.name, 'name'),
          resourceArns: input.resourceArns,
          principals: input.principals,
          tags: input.tags as Tag[] | undefined,
          allowExternalPrincipals: input.allowExternalPrincipals,
          permissionArns: input.permissionArns,
          sources: input.sources,
          retainSharingOnAccountLeaveOrganization: input.resourceShareConfiguration?.retainSharingOnAccountLeaveOrganization,
        });
        return { resourceShare: shareOut(ctx.world, share) };
      }),
  },

  UpdateResourceShare: {
    resource: shareResource,
    handler: (ctx, input) =>
      once(ctx, input, () => {
        const share = updateResourceShare(ctx.world, account(ctx), ctx.region, {
          resourceShareArn: required(input.resourceShareArn, 'resourceShareArn'),
          name: input.name,
          allowExternalPrincipals: input.allowExternalPrincipals,
        });
        return { resourceShare: shareOut(ctx.world, share) };
      }),
  },

  DeleteResourceShare: {
    resource: shareResource,
    handler: (ctx, input) =>
      once(ctx, input, () => {
        deleteResourceShare(ctx.world, account(ctx), ctx.region, required(input.resourceShareArn, 'resourceShareArn'));
        return { returnValue: true };
      }),
  },

  GetResourceShares: {
    handler: (ctx, input) => {
      const owner = oneOf(input.resourceOwner, 'resourceOwner', RESOURCE_OWNERS);
      const tagFilters = (input.tagFilters ?? []) as { tagKey?: string; tagValues?: string[] }[];
      const permission = input.permissionArn as string | undefined;
      const shares = sharesFor(ctx, owner).filter(
        (s) =>
          only(input.resourceShareArns, s.arn) &&
          (input.resourceShareStatus === undefined || shareStatus(ctx.world, s) === input.resourceShareStatus) &&
          (input.name === undefined || s.name === input.name) &&
          tagFilters.every((f) => s.tags.some((t) => t.key === f.tagKey && only(f.tagValues, t.value ?? ''))) &&
          (permission === undefined || [...s.permissions.values()].some((p) => p.arn === permission)),
      );
      const { items, nextToken } = page(shares, input);
      return { resourceShares: items.map((s) => shareOut(ctx.world, s)), nextToken };
    },
  },

  AssociateResourceShare: {
    resource: shareResource,
    handler: (ctx, input) => changeAssociations(ctx, input, associateResourceShare),
  },

  // A receiver leaving a share names the owner's share: authorized on '*', as the invitation calls are.
  DisassociateResourceShare: {
    resource: (ctx, input) => (findShare(ctx.world, input.resourceShareArn ?? '')?.owningAccountId === account(ctx) ? input.resourceShareArn : '*'),
    handler: (ctx, input) => changeAssociations(ctx, input, disassociateResourceShare),
  },

  GetResourceShareAssociations: {
    handler: (ctx, input) => {
      const type = oneOf(input.associationType, 'associationType', ['PRINCIPAL', 'RESOURCE'] as const);
      if (type === 'PRINCIPAL' && input.resourceArn) {
        throw errors.invalidParameter('You cannot specify a resource ARN when the association type is PRINCIPAL.');
      }
      if (type === 'RESOURCE' && input.principal) {
        throw errors.invalidParameter('You cannot specify a principal when the association type is RESOURCE.');
      }
      const me = account(ctx);
      const rows: ReturnType<typeof associationOut>[] = [];
      const consider = (share: ResourceShare, mine: boolean) => {
        if (!only(input.resourceShareArns, share.arn)) return;
        for (const a of share.associations) {
          if (a.type !== type) continue;
          // A receiver sees the share's resources and only its own principal association.
          if (!mine && !principalAssociationReaches(ctx.world, share, a, me) && type === 'PRINCIPAL') continue;
          if (input.resourceArn && a.entity !== input.resourceArn) continue;
          if (input.principal && a.entity !== input.principal) continue;
          const row = associationOut(ctx.world, share, a);
          if (input.associationStatus && row.status !== input.associationStatus) continue;
          if (!mine && row.status !== 'ASSOCIATED') continue;
          rows.push(row);
        }
      };
      for (const share of ownShares(ctx)) consider(share, true);
      for (const share of sharesReaching(ctx.world, me, ctx.region)) consider(share, false);
      const { items, nextToken } = page(rows, input);
      return { resourceShareAssociations: items, nextToken };
    },
  },

  GetResourceShareInvitations: {
    handler: (ctx, input) => {
      if (input.resourceShareInvitationArns?.length && input.resourceShareArns?.length) {
        throw errors.invalidParameter('You can specify resourceShareInvitationArns or resourceShareArns, not both.');
      }
      const received = invitationsFor(ctx.world, account(ctx), ctx.region);
      for (const arn of (input.resourceShareInvitationArns ?? []) as string[]) {
        if (!/^arn:aws:ram:/.test(arn)) throw errors.malformedArn(`The specified resource share invitation ARN ${arn} is not valid. Verify the ARN and try again.`);
        if (!received.some((i) => i.arn === arn)) throw errors.invitationNotFound(arn);
      }
      const invitations = received.filter((i) => only(input.resourceShareInvitationArns, i.arn) && only(input.resourceShareArns, i.resourceShareArn));
      const { items, nextToken } = page(invitations, input, (m) => new AwsError('InvalidMaxResultsException', m));
      return { resourceShareInvitations: items.map((i) => invitationOut(ctx.world, i)), nextToken };
    },
  },

  AcceptResourceShareInvitation: {
    handler: (ctx, input) =>
      once(ctx, input, () => {
        const invitation = acceptResourceShareInvitation(ctx.world, account(ctx), ctx.region, required(input.resourceShareInvitationArn, 'resourceShareInvitationArn'));
        return { resourceShareInvitation: invitationOut(ctx.world, invitation) };
      }),
  },

  RejectResourceShareInvitation: {
    handler: (ctx, input) =>
      once(ctx, input, () => {
        const invitation = rejectResourceShareInvitation(ctx.world, account(ctx), ctx.region, required(input.resourceShareInvitationArn, 'resourceShareInvitationArn'));
        return { resourceShareInvitation: invitationOut(ctx.world, invitation) };
      }),
  },

  ListPendingInvitationResources: {
    handler: (ctx, input) => {
      const arn = required(input.resourceShareInvitationArn, 'resourceShareInvitationArn');
      const scope = input.resourceRegionScope === undefined ? 'ALL' : oneOf(input.resourceRegionScope, 'resourceRegionScope', REGION_SCOPES);
      const { share, resources } = pendingInvitationResources(ctx.world, account(ctx), ctx.region, arn);
      const rows = resources
        .map((a) => ({ ...resourceOut(ctx.world, share, a), status: 'PENDING' }))
        .filter((r) => scope === 'ALL' || r.resourceRegionScope === scope);
      const { items, nextToken } = page(rows, input);
      return { resources: items, nextToken };
    },
  },

  ListResources: {
    handler: (ctx, input) => {
      const owner = oneOf(input.resourceOwner, 'resourceOwner', RESOURCE_OWNERS);
      const type = validResourceType(input.resourceType);
      const scope = input.resourceRegionScope === undefined ? 'ALL' : oneOf(input.resourceRegionScope, 'resourceRegionScope', REGION_SCOPES);
      const principal = input.principal as string | undefined;
      const rows = sharesFor(ctx, owner)
        .filter((s) => only(input.resourceShareArns, s.arn))
        .filter((s) => principal === undefined || (owner === 'SELF' ? shareHasPrincipal(ctx, s, principal) : s.owningAccountId === principal))
        .flatMap((s) =>
          liveAssociations(ctx.world, s, 'RESOURCE')
            .filter((a) => owner === 'SELF' || associationView(ctx.world, a).status === 'ASSOCIATED')
            .filter((a) => (type === undefined || a.resourceType === type) && only(input.resourceArns, a.entity))
            .map((a) => resourceOut(ctx.world, s, a)),
        )
        .filter((r) => scope === 'ALL' || r.resourceRegionScope === scope);
      const { items, nextToken } = page(rows, input);
      return { resources: items, nextToken };
    },
  },

  ListPrincipals: {
    handler: (ctx, input) => {
      const owner = oneOf(input.resourceOwner, 'resourceOwner', RESOURCE_OWNERS);
      const type = validResourceType(input.resourceType);
      const holdsMatching = (s: ResourceShare) =>
        (type === undefined && input.resourceArn === undefined) ||
        liveAssociations(ctx.world, s, 'RESOURCE').some(
          (a) => (type === undefined || a.resourceType === type) && (input.resourceArn === undefined || a.entity === input.resourceArn),
        );
      const shares = sharesFor(ctx, owner).filter((s) => only(input.resourceShareArns, s.arn) && holdsMatching(s));
      const rows =
        owner === 'SELF'
          ? shares.flatMap((s) =>
              liveAssociations(ctx.world, s, 'PRINCIPAL').map((a) => ({
                id: a.entity,
                resourceShareArn: s.arn,
                creationTime: date(a.creationTime),
                lastUpdatedTime: date(associationView(ctx.world, a).lastUpdatedTime),
                external: a.external,
              })),
            )
          : shares.map((s) => ({
              id: s.owningAccountId,
              resourceShareArn: s.arn,
              creationTime: date(s.creationTime),
              lastUpdatedTime: date(s.lastUpdatedTime),
              external: s.associations.some((a) => a.external && principalAssociationReaches(ctx.world, s, a, account(ctx))),
            }));
      const { items, nextToken } = page(rows.filter((r) => only(input.principals, r.id)), input);
      return { principals: items, nextToken };
    },
  },

  ListResourceTypes: {
    handler: (ctx, input) => {
      const scope = input.resourceRegionScope === undefined ? 'ALL' : oneOf(input.resourceRegionScope, 'resourceRegionScope', REGION_SCOPES);
      const rows = RESOURCE_TYPES.filter((t) => scope === 'ALL' || t.regionScope === scope).map((t) => ({
        resourceType: t.resourceType,
        serviceName: t.serviceName,
        resourceRegionScope: t.regionScope,
      }));
      const { items, nextToken } = page(rows, input);
      return { resourceTypes: items, nextToken };
    },
  },

  ListPermissions: {
    handler: (ctx, input) => {
      const kind = input.permissionType === undefined ? 'ALL' : oneOf(input.permissionType, 'permissionType', ['ALL', 'AWS_MANAGED', 'CUSTOMER_MANAGED'] as const);
      const type = input.resourceType === undefined ? undefined : capabilitiesOf(input.resourceType)?.resourceType ?? input.resourceType;
      const rows = listablePermissions(ctx.world, account(ctx), ctx.region).filter(
        (p) => (type === undefined || p.resourceType === type) && (kind === 'ALL' || p.permissionType === kind),
      );
      const { items, nextToken } = page(rows, input);
      return { permissions: items.map((p) => permissionOut(p)), nextToken };
    },
  },

  GetPermission: {
    handler: (ctx, input) => {
      const permission = readablePermission(ctx, required(input.permissionArn, 'permissionArn'), input.permissionVersion);
      return { permission: { ...permissionOut(permission), permission: permission.template } };
    },
  },

  ListPermissionVersions: {
    handler: (ctx, input) => {
      const arn = required(input.permissionArn, 'permissionArn');
      visiblePermission(ctx.world, account(ctx), ctx.region, arn);
      const { items, nextToken } = page(permissionVersions(ctx.world, arn)!, input);
      return { permissions: items.map((p) => permissionOut(p)), nextToken };
    },
  },

  // Receivers call it with the owner's share ARN, so it is authorized on '*' as the invitation calls are.
  ListResourceSharePermissions: {
    handler: (ctx, input) => {
      const share = visibleShare(ctx, required(input.resourceShareArn, 'resourceShareArn'));
      const rows = [...share.permissions.values()].map((attached) => permissionOut(attachedVersion(ctx.world, attached), 'ASSOCIATED'));
      const { items, nextToken } = page(rows, input);
      return { permissions: items, nextToken };
    },
  },

  CreatePermission: {
    handler: (ctx, input) =>
      once(ctx, input, () => {
        const permission = createPermission(ctx.world, account(ctx), ctx.region, {
          name: required(input.name, 'name'),
          resourceType: required(input.resourceType, 'resourceType'),
          policyTemplate: required(input.policyTemplate, 'policyTemplate'),
          tags: input.tags as Tag[] | undefined,
        });
        return { permission: permissionOut(visiblePermission(ctx.world, account(ctx), ctx.region, permission.arn)) };
      }),
  },

  CreatePermissionVersion: {
    resource: (ctx, input) => input.permissionArn ?? '*',
    handler: (ctx, input) =>
      once(ctx, input, () => {
        const view = createPermissionVersion(ctx.world, account(ctx), ctx.region, required(input.permissionArn, 'permissionArn'), required(input.policyTemplate, 'policyTemplate'));
        return { permission: { ...permissionOut(view), permission: view.template } };
      }),
  },

  SetDefaultPermissionVersion: {
    resource: (ctx, input) => input.permissionArn ?? '*',
    handler: (ctx, input) =>
      once(ctx, input, () => {
        setDefaultPermissionVersion(ctx.world, account(ctx), ctx.region, required(input.permissionArn, 'permissionArn'), required(input.permissionVersion, 'permissionVersion'));
        return { returnValue: true };
      }),
  },

  DeletePermissionVersion: {
    resource: (ctx, input) => input.permissionArn ?? '*',
    handler: (ctx, input) =>
      once(ctx, input, () => {
        deletePermissionVersion(ctx.world, account(ctx), ctx.region, required(input.permissionArn, 'permissionArn'), required(input.permissionVersion, 'permissionVersion'));
        return { returnValue: true, permissionStatus: 'ATTACHABLE' };
      }),
  },

  DeletePermission: {
    resource: (ctx, input) => input.permissionArn ?? '*',
    handler: (ctx, input) =>
      once(ctx, input, () => {
        deletePermission(ctx.world, account(ctx), ctx.region, required(input.permissionArn, 'permissionArn'));
        return { returnValue: true, permissionStatus: 'DELETED' };
      }),
  },

  ReplacePermissionAssociations: {
    handler: (ctx, input) =>
      once(ctx, input, () => {
        const work = replacePermissionAssociations(ctx.world, account(ctx), ctx.region, {
          fromPermissionArn: required(input.fromPermissionArn, 'fromPermissionArn'),
          fromPermissionVersion: input.fromPermissionVersion,
          toPermissionArn: required(input.toPermissionArn, 'toPermissionArn'),
        });
        return { replacePermissionAssociationsWork: workOut(ctx.world, work) };
      }),
  },

  ListReplacePermissionAssociationsWork: {
    handler: (ctx, input) => {
      const status = input.status === undefined ? undefined : oneOf(input.status, 'status', ['IN_PROGRESS', 'COMPLETED', 'FAILED'] as const);
      const rows = [...ramState(ctx.world).replaceWorks.values()]
        .filter((w) => w.ownerAccountId === account(ctx) && w.region === ctx.region && only(input.workIds, w.id))
        .map((w) => workOut(ctx.world, w))
        .filter((w) => status === undefined || w.status === status);
      const { items, nextToken } = page(rows, input);
      return { replacePermissionAssociationsWorks: items, nextToken };
    },
  },

  PromotePermissionCreatedFromPolicy: {
    resource: (ctx, input) => input.permissionArn ?? '*',
    handler: (ctx, input) =>
      once(ctx, input, () => {
        const permission = promotePermissionCreatedFromPolicy(ctx.world, account(ctx), ctx.region, required(input.permissionArn, 'permissionArn'), required(input.name, 'name'));
        return { permission: permissionOut(visiblePermission(ctx.world, account(ctx), ctx.region, permission.arn)) };
      }),
  },

  PromoteResourceShareCreatedFromPolicy: {
    resource: shareResource,
    handler: (ctx, input) => {
      promoteResourceShareCreatedFromPolicy(ctx.world, account(ctx), ctx.region, required(input.resourceShareArn, 'resourceShareArn'));
      return { returnValue: true };
    },
  },

  ListSourceAssociations: {
    handler: (ctx, input) => {
      for (const arn of (input.resourceShareArns ?? []) as string[]) ownShare(ctx.world, account(ctx), ctx.region, arn);
      const rows = ownShares(ctx)
        .filter((s) => only(input.resourceShareArns, s.arn))
        .flatMap((s) =>
          s.sources.map((x) => ({
            resourceShareArn: s.arn,
            sourceId: x.sourceId,
            sourceType: x.sourceType,
            status: sourceStatus(ctx.world, x),
            creationTime: date(x.creationTime),
            lastUpdatedTime: date(nowMs(ctx.world) < x.lifecycle.settlesAt ? x.lifecycle.changedAt : x.lifecycle.settlesAt),
          })),
        )
        .filter(
          (r) =>
            (input.sourceId === undefined || r.sourceId === input.sourceId) &&
            (input.sourceType === undefined || r.sourceType === input.sourceType) &&
            (input.associationStatus === undefined || r.status === input.associationStatus),
        );
      const { items, nextToken } = page(rows, input);
      return { sourceAssociations: items, nextToken };
    },
  },

  // Every permission attached to the caller's shares in the Region: one listing instead of one call per share.
  ListPermissionAssociations: {
    handler: (ctx, input) => {
      const rows = ownShares(ctx)
        .filter((s) => shareStatus(ctx.world, s) !== 'DELETED')
        .flatMap((s) =>
          [...s.permissions.entries()].map(([resourceType, attached]) => {
            const permission = attachedVersion(ctx.world, attached);
            return {
              arn: attached.arn,
              permissionVersion: attached.version,
              defaultVersion: permission.defaultVersion,
              resourceType,
              status: 'ASSOCIATED',
              featureSet: featureSetOf(ctx.world, s),
              lastUpdatedTime: date(attached.attachedAt),
              resourceShareArn: s.arn,
            };
          }),
        )
        .filter(
          (p) =>
            (input.permissionArn === undefined || p.arn === input.permissionArn) &&
            (input.permissionVersion === undefined || p.permissionVersion === String(input.permissionVersion)) &&
            (input.resourceType === undefined || p.resourceType === input.resourceType) &&
            (input.associationStatus === undefined || input.associationStatus === 'ASSOCIATED') &&
            (input.featureSet === undefined || input.featureSet === p.featureSet) &&
            (input.defaultVersion === undefined || p.defaultVersion === input.defaultVersion),
        );
      const { items, nextToken } = page(rows, input);
      return { permissions: items, nextToken };
    },
  },

  AssociateResourceSharePermission: {
    resource: shareResource,
    handler: (ctx, input) =>
      once(ctx, input, () => {
        associateResourceSharePermission(ctx.world, account(ctx), ctx.region, {
          resourceShareArn: required(input.resourceShareArn, 'resourceShareArn'),
          permissionArn: required(input.permissionArn, 'permissionArn'),
          replace: input.replace,
          permissionVersion: input.permissionVersion,
        });
        return { returnValue: true };
      }),
  },

  DisassociateResourceSharePermission: {
    resource: shareResource,
    handler: (ctx, input) =>
      once(ctx, input, () => {
        disassociateResourceSharePermission(ctx.world, account(ctx), ctx.region, {
          resourceShareArn: required(input.resourceShareArn, 'resourceShareArn'),
          permissionArn: required(input.permissionArn, 'permissionArn'),
        });
        return { returnValue: true };
      }),
  },

  TagResource: {
    resource: (ctx, input) => input.resourceShareArn ?? input.resourceArn ?? '*',
    handler: (ctx, input) => {
      const tags = required(input.tags, 'tags') as Tag[];
      if (!input.resourceShareArn && input.resourceArn) tagPermission(ctx.world, account(ctx), ctx.region, input.resourceArn, tags, []);
      else tagResourceShare(ctx.world, account(ctx), ctx.region, shareArnOf(input), tags);
      return {};
    },
  },

  UntagResource: {
    resource: (ctx, input) => input.resourceShareArn ?? input.resourceArn ?? '*',
    handler: (ctx, input) => {
      const keys = required(input.tagKeys, 'tagKeys') as string[];
      if (!input.resourceShareArn && input.resourceArn) tagPermission(ctx.world, account(ctx), ctx.region, input.resourceArn, [], keys);
      else untagResourceShare(ctx.world, account(ctx), ctx.region, shareArnOf(input), keys);
      return {};
    },
  },

  GetResourcePolicies: {
    handler: (ctx, input) => {
      const arns = required(input.resourceArns, 'resourceArns') as string[];
      const policies = arns.flatMap((arn) => resourcePolicies(ctx, arn, input.principal));
      const { items, nextToken } = page(policies, input);
      return { policies: items, nextToken };
    },
  },
};

/** The version a share holds (it exists: a version in use cannot be deleted). */
function attachedVersion(world: World, attached: { arn: string; version: string }): PermissionView {
  return permissionVersions(world, attached.arn)!.find((v) => v.version === attached.version)!;
}

/** A permission the caller owns or may use, or one attached to a share that reaches it (a receiver reads what it was granted). */
function readablePermission(ctx: RequestContext, arn: string, version?: number): PermissionView {
  try {
    return visiblePermission(ctx.world, account(ctx), ctx.region, arn, version);
  } catch (error) {
    const granted = sharesFor(ctx, 'OTHER-ACCOUNTS').some((s) => [...s.permissions.values()].some((p) => p.arn === arn));
    if (!granted) throw error;
    const versions = permissionVersions(ctx.world, arn)!;
    const found = version === undefined ? versions.find((v) => v.defaultVersion) : versions.find((v) => v.version === String(version));
    if (!found) throw errors.unknownResource(`Version ${version} of permission ${arn} could not be found.`);
    return found;
  }
}

function shareArnOf(input: Input): string {
  if (input.resourceShareArn) return input.resourceShareArn;
  throw errors.missingRequiredParameter('You must specify resourceShareArn or resourceArn.');
}

// ReplacePermissionAssociations' work settles on the sandbox clock: apply what is due before any call reads.
export const operations: Record<string, OperationSpec<Input>> = Object.fromEntries(
  Object.entries(specs).map(([name, spec]) => [
    name,
    {
      ...spec,
      handler: (ctx: RequestContext, input: Input) => {
        settleReplaceWorks(ctx.world);
        return spec.handler(ctx, input);
      },
    },
  ]),
);

/** The resource-based policy RAM maintains on a resource for each active share that holds it. */
function resourcePolicies(ctx: RequestContext, arn: string, principalFilter: string | undefined): string[] {
  if (!/^arn:aws:[a-z0-9-]+:[a-z0-9-]*:\d{12}:.+$/.test(arn)) throw errors.malformedResourceArn(arn);
  const holding = ownShares(ctx).filter(
    (s) => shareStatus(ctx.world, s) === 'ACTIVE' && liveAssociations(ctx.world, s, 'RESOURCE').some((a) => a.entity === arn),
  );
  if (!arn.includes(`:${account(ctx)}:`)) throw errors.resourceArnNotFound(`The resource ${arn} could not be found.`);
  return holding.flatMap((share) => {
    const type = liveAssociations(ctx.world, share, 'RESOURCE').find((a) => a.entity === arn)!.resourceType!;
    const template = JSON.parse(attachedVersion(ctx.world, share.permissions.get(type)!).template) as Record<string, unknown>;
    const statements = liveAssociations(ctx.world, share, 'PRINCIPAL')
      .filter((a) => associationView(ctx.world, a).status === 'ASSOCIATED' && (principalFilter === undefined || a.entity === principalFilter))
      .map((a) => {
        const { Principal, Condition } = policyPrincipal(a);
        const conditions = { ...(template.Condition as object | undefined), ...Condition };
        return { ...template, Principal, Resource: arn, ...(Object.keys(conditions).length ? { Condition: conditions } : {}) };
      });
    return statements.length ? [JSON.stringify({ Version: '2012-10-17', Statement: statements })] : [];
  });
}

function policyPrincipal(a: Association): { Principal: unknown; Condition?: Record<string, unknown> } {
  if (a.principalKind === 'organization') {
    return { Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:PrincipalOrgID': a.entity.split('/').pop() } } };
  }
  if (a.principalKind === 'organizational-unit') {
    const [, org, ou] = a.entity.split('/');
    return { Principal: { AWS: '*' }, Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': `${org}/*/${ou}/*` } } };
  }
  if (a.principalKind === 'service') return { Principal: { Service: a.entity } };
  return { Principal: { AWS: /^\d{12}$/.test(a.entity) ? `arn:aws:iam::${a.entity}:root` : a.entity } };
}
