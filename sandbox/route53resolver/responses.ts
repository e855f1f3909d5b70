// Route 53 Resolver operations on resolver rules: botocore shapes ↔ model calls.
import type { OperationSpec, RequestContext } from '../core/types.js';
import { paginate } from '../core/pagination.js';
import { authorizationResource, resourcesSharedWith } from '../ram/state.js';
import * as errors from './exceptions.js';
import * as models from './models.js';
import type { RuleView } from './models.js';

interface Tag {
  Key: string;
  Value: string;
}
interface TargetAddress {
  Ip?: string;
  Ipv6?: string;
  Port?: number;
  Protocol?: string;
  ServerNameIndication?: string;
}

const account = (ctx: RequestContext) => ctx.caller.accountId;
/** A rule ID names no account: the caller's own rule, else one shared with it (authorized by the share). */
function ruleArn(ctx: RequestContext, id: string): string {
  const own = `arn:aws:route53resolver:${ctx.region}:${account(ctx)}:resolver-rule/${id}`;
  const shared = resourcesSharedWith(ctx.world, account(ctx), ctx.region, 'route53resolver:ResolverRule').find((arn) => arn.endsWith(`/${id}`));
  return shared ? authorizationResource(ctx, shared, 'route53resolver:ResolverRule') : own;
}

function ruleOut({ rule, shareStatus }: RuleView) {
  // The built-in rule has no creation story: AWS shows no times or status message for it.
  const builtIn = rule.ownerId === models.INTERNET_RESOLVER_OWNER;
  return {
    Id: rule.id,
    Arn: rule.arn,
    CreatorRequestId: rule.creatorRequestId,
    DomainName: rule.domainName,
    Status: 'COMPLETE',
    StatusMessage: builtIn ? undefined : 'Successfully created Resolver Rule',
    RuleType: rule.ruleType,
    Name: rule.name,
    TargetIps: rule.targetIps.length > 0
      ? rule.targetIps.map((t) => ({ Ip: t.ip, Ipv6: t.ipv6, Port: t.port, Protocol: t.protocol, ServerNameIndication: t.serverNameIndication }))
      : undefined,
    ResolverEndpointId: rule.resolverEndpointId,
    OwnerId: rule.ownerId,
    ShareStatus: shareStatus,
    CreationTime: builtIn ? undefined : rule.creationTime.toISOString(),
    ModificationTime: builtIn ? undefined : rule.modificationTime.toISOString(),
    DelegationRecord: rule.delegationRecord,
  };
}

/** Filter names come as DomainName or DOMAIN_NAME; both name the same rule field. */
const RULE_FILTERS: Record<string, (view: RuleView) => string | undefined> = {
  creatorrequestid: (v) => v.rule.creatorRequestId,
  domainname: (v) => v.rule.domainName,
  name: (v) => v.rule.name,
  resolverendpointid: (v) => v.rule.resolverEndpointId,
  status: () => 'COMPLETE',
  type: (v) => v.rule.ruleType,
  ruletype: (v) => v.rule.ruleType,
};

function filterRules(views: RuleView[], filters: { Name?: string; Values?: string[] }[] | undefined): RuleView[] {
  let out = views;
  for (const filter of filters ?? []) {
    const field = RULE_FILTERS[(filter.Name ?? '').replace(/_/g, '').toLowerCase()];
    if (!field) throw errors.invalidParameter(`The filter '${filter.Name ?? ''}' is invalid`, 'Filters');
    if (!filter.Values || filter.Values.length === 0) throw errors.invalidParameter(`No values specified for filter ${filter.Name}`, 'Filters');
    // A domain name filter matches with or without the trailing dot.
    const values = new Set(filter.Values.flatMap((v) => [v, v.endsWith('.') ? v : `${v}.`]));
    out = out.filter((view) => values.has(field(view) ?? ''));
  }
  return out;
}

export const operations: Record<string, OperationSpec> = {
  CreateResolverRule: {
    handler: (ctx, input: { CreatorRequestId: string; RuleType: string; Name?: string; DomainName?: string; TargetIps?: TargetAddress[]; ResolverEndpointId?: string; DelegationRecord?: string; Tags?: Tag[] }) => {
      const rule = models.createResolverRule(ctx.world, account(ctx), ctx.region, {
        creatorRequestId: input.CreatorRequestId,
        ruleType: input.RuleType,
        name: input.Name,
        domainName: input.DomainName,
        targetIps: input.TargetIps?.map((t) => ({ ip: t.Ip, ipv6: t.Ipv6, port: t.Port, protocol: t.Protocol, serverNameIndication: t.ServerNameIndication })),
        resolverEndpointId: input.ResolverEndpointId,
        delegationRecord: input.DelegationRecord,
        tags: input.Tags?.map((t) => ({ key: t.Key, value: t.Value })),
      });
      return { ResolverRule: ruleOut({ rule, shareStatus: 'NOT_SHARED' }) };
    },
  },
  GetResolverRule: {
    resource: (ctx, input: { ResolverRuleId: string }) => ruleArn(ctx, input.ResolverRuleId),
    handler: (ctx, input: { ResolverRuleId: string }) => ({
      ResolverRule: ruleOut(models.visibleRule(ctx.world, account(ctx), ctx.region, input.ResolverRuleId)),
    }),
  },
  ListResolverRules: {
    handler: (ctx, input: { MaxResults?: number; NextToken?: string; Filters?: { Name?: string; Values?: string[] }[] }) => {
      if (input.MaxResults !== undefined && (input.MaxResults < 1 || input.MaxResults > 100)) {
        throw errors.invalidParameter(`Value '${input.MaxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100`, 'MaxResults');
      }
      const views = filterRules(models.visibleRules(ctx.world, account(ctx), ctx.region), input.Filters);
      // Without MaxResults, Resolver returns up to 100 rules.
      const maxResults = input.MaxResults ?? 100;
      const { items, nextToken } = paginate(views, { maxResults, nextToken: input.NextToken, invalidToken: errors.invalidNextToken });
      return { ResolverRules: items.map(ruleOut), NextToken: nextToken, MaxResults: maxResults };
    },
  },
  DeleteResolverRule: {
    resource: (ctx, input: { ResolverRuleId: string }) => ruleArn(ctx, input.ResolverRuleId),
    handler: (ctx, input: { ResolverRuleId: string }) => {
      const rule = models.deleteResolverRule(ctx.world, account(ctx), ctx.region, input.ResolverRuleId);
      return { ResolverRule: { ...ruleOut({ rule, shareStatus: 'NOT_SHARED' }), Status: 'DELETING' } };
    },
  },
  GetResolverRulePolicy: {
    resource: (_ctx, input: { Arn: string }) => input.Arn,
    handler: (ctx, input: { Arn: string }) => ({
      ResolverRulePolicy: models.resolverRulePolicy(ctx.world, account(ctx), input.Arn),
    }),
  },
  PutResolverRulePolicy: {
    resource: (_ctx, input: { Arn: string }) => input.Arn,
    handler: (ctx, input: { Arn: string; ResolverRulePolicy: string }) => {
      models.putResolverRulePolicy(ctx.world, account(ctx), input.Arn, input.ResolverRulePolicy);
      return { ReturnValue: true };
    },
  },
};
