// RAM operations: botocore input shapes → model calls → output shapes. The caller's account and
// the request's Region scope everything: RAM is Regional.
import { AwsError } from '../core/errors.js';
import { paginate } from '../core/pagination.js';
import type { OperationSpec, RequestContext, World, WireInput } from '../core/types.js';
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
  findShare,
  idempotent,
  invitationsFor,
  organizationSharing,
  ownShare,
  pendingInvitationResources,
  RAM_SERVICE_PRINCIPAL,
  rejectResourceShareInvitation,
  SERVICE_LINKED_ROLE_NAME,
  tagResourceShare,
  untagResourceShare,
  updateResourceShare,
} from './models.js';
import { MANAGED_PERMISSIONS, managedPermission, type ManagedPermission } from './permissions.js';
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
  type Association,
  type Invitation,
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
    featureSet: 'STANDARD',
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

function permissionOut(p: ManagedPermission, status = 'ATTACHABLE') {
  return {
    arn: p.arn,
    version: p.version,
    defaultVersion: true,
    name: p.name,
    resourceType: p.resourceType,
    status,
    creationTime: p.creationTime,
    lastUpdatedTime: p.lastUpdatedTime,
    isResourceTypeDefault: p.isResourceTypeDefault,
    permissionType: 'AWS_MANAGED',
    featureSet: 'STANDARD',
  };
}

// ---- which shares a caller sees ---------------------------------------------------------------------

function ownShares(ctx: RequestContext): ResourceShare[] {
  return [...ramState(ctx.world).shares.values()].filter((s) => s.owningAccountId === account(ctx) && s.region === ctx.region);
}

function sharesFor(ctx: RequestContext, owner: ResourceOwner): ResourceShare[] {
  return owner === 'SELF' ? ownShares(ctx) : sharesReaching(ctx.world, account(ctx), ctx.region);
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

export const operations: Record<string, OperationSpec<Input>> = {
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
    handler: (ctx, input) =>
      once(ctx, input, () => {
        const arn = required(input.resourceShareArn, 'resourceShareArn');
        const touched = associateResourceShare(ctx.world, account(ctx), ctx.region, {
          resourceShareArn: arn,
          resourceArns: input.resourceArns,
          principals: input.principals,
        });
        const share = findShare(ctx.world, arn)!;
        return { resourceShareAssociations: touched.map((a) => associationOut(ctx.world, share, a)) };
      }),
  },

  // A receiver leaving a share names the owner's share: authorized on '*', as the invitation calls are.
  DisassociateResourceShare: {
    resource: (ctx, input) => (findShare(ctx.world, input.resourceShareArn ?? '')?.owningAccountId === account(ctx) ? input.resourceShareArn : '*'),
    handler: (ctx, input) =>
      once(ctx, input, () => {
        const arn = required(input.resourceShareArn, 'resourceShareArn');
        const touched = disassociateResourceShare(ctx.world, account(ctx), ctx.region, {
          resourceShareArn: arn,
          resourceArns: input.resourceArns,
          principals: input.principals,
        });
        const share = findShare(ctx.world, arn)!;
        return { resourceShareAssociations: touched.map((a) => associationOut(ctx.world, share, a)) };
      }),
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
      const rows = kind === 'CUSTOMER_MANAGED' ? [] : MANAGED_PERMISSIONS.filter((p) => type === undefined || p.resourceType === type);
      const { items, nextToken } = page(rows, input);
      return { permissions: items.map((p) => permissionOut(p)), nextToken };
    },
  },

  GetPermission: {
    handler: (ctx, input) => {
      const permission = permissionByArn(required(input.permissionArn, 'permissionArn'));
      if (input.permissionVersion !== undefined && String(input.permissionVersion) !== permission.version) {
        throw errors.unknownResource(`Version ${input.permissionVersion} of permission ${permission.arn} could not be found.`);
      }
      return { permission: { ...permissionOut(permission), permission: permission.permission } };
    },
  },

  ListPermissionVersions: {
    handler: (ctx, input) => {
      const permission = permissionByArn(required(input.permissionArn, 'permissionArn'));
      const { items, nextToken } = page([permission], input);
      return { permissions: items.map((p) => permissionOut(p)), nextToken };
    },
  },

  // Receivers call it with the owner's share ARN, so it is authorized on '*' as the invitation calls are.
  ListResourceSharePermissions: {
    handler: (ctx, input) => {
      const share = visibleShare(ctx, required(input.resourceShareArn, 'resourceShareArn'));
      const rows = [...share.permissions.values()].map((attached) => ({
        ...permissionOut(managedPermission(attached.arn)!, 'ASSOCIATED'),
        version: attached.version,
      }));
      const { items, nextToken } = page(rows, input);
      return { permissions: items, nextToken };
    },
  },

  // Every permission attached to the caller's shares in the Region: one listing instead of one call per share.
  ListPermissionAssociations: {
    handler: (ctx, input) => {
      const rows = ownShares(ctx)
        .filter((s) => shareStatus(ctx.world, s) !== 'DELETED')
        .flatMap((s) =>
          [...s.permissions.entries()].map(([resourceType, attached]) => {
            const permission = managedPermission(attached.arn)!;
            return {
              arn: attached.arn,
              permissionVersion: attached.version,
              defaultVersion: attached.version === permission.version,
              resourceType,
              status: 'ASSOCIATED',
              featureSet: 'STANDARD',
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
            (input.featureSet === undefined || input.featureSet === 'STANDARD') &&
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
    resource: shareResource,
    handler: (ctx, input) => {
      tagResourceShare(ctx.world, account(ctx), ctx.region, shareArnOf(input), required(input.tags, 'tags') as Tag[]);
      return {};
    },
  },

  UntagResource: {
    resource: shareResource,
    handler: (ctx, input) => {
      untagResourceShare(ctx.world, account(ctx), ctx.region, shareArnOf(input), required(input.tagKeys, 'tagKeys') as string[]);
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

function permissionByArn(arn: string): ManagedPermission {
  const permission = managedPermission(arn);
  if (permission) return permission;
  if (!/^arn:aws:ram:[a-z0-9-]*:(aws|\d{12}):permission\/[\w+=,.@-]+$/.test(arn)) {
    throw errors.malformedArn(`The specified permission ARN ${arn} is not valid. Verify the ARN and try again.`);
  }
  throw errors.unknownResource(`Permission ${arn} could not be found.`);
}

function shareArnOf(input: Input): string {
  if (input.resourceShareArn) return input.resourceShareArn;
  if (input.resourceArn) {
    throw errors.operationNotPermitted(`Tagging ${input.resourceArn} is not supported: the sandbox has no customer managed permissions.`);
  }
  throw errors.missingRequiredParameter('You must specify resourceShareArn.');
}

/** The resource-based policy RAM maintains on a resource for each active share that holds it. */
function resourcePolicies(ctx: RequestContext, arn: string, principalFilter: string | undefined): string[] {
  if (!/^arn:aws:[a-z0-9-]+:[a-z0-9-]*:\d{12}:.+$/.test(arn)) throw errors.malformedResourceArn(arn);
  const holding = ownShares(ctx).filter(
    (s) => shareStatus(ctx.world, s) === 'ACTIVE' && liveAssociations(ctx.world, s, 'RESOURCE').some((a) => a.entity === arn),
  );
  if (!arn.includes(`:${account(ctx)}:`)) throw errors.resourceArnNotFound(`The resource ${arn} could not be found.`);
  return holding.flatMap((share) => {
    const type = liveAssociations(ctx.world, share, 'RESOURCE').find((a) => a.entity === arn)!.resourceType!;
    const template = JSON.parse(managedPermission(share.permissions.get(type)!.arn)!.permission) as Record<string, unknown>;
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
  return { Principal: { AWS: /^\d{12}$/.test(a.entity) ? `arn:aws:iam::${a.entity}:root` : a.entity } };
}
