// Route 53 Resolver state and rules for resolver rules (the resource RAM shares). State is per
// (account, Region). Resolver endpoints are not modelled: a rule names any endpoint ID string.
import type { World } from '../core/types.js';
import { HEX, newId, now, serviceState } from '../core/world.js';
import { parseArn } from '../core/arn.js';
import { scopedMap } from '../core/scope.js';
import { isSharedByOwner, sharedResources } from '../ram/state.js';
import * as errors from './exceptions.js';

export type RuleType = 'FORWARD' | 'SYSTEM' | 'RECURSIVE' | 'DELEGATE';

export interface TargetAddress {
  ip?: string;
  ipv6?: string;
  port?: number;
  protocol?: string;
  serverNameIndication?: string;
}

export interface ResolverRule {
  id: string;
  arn: string;
  ownerId: string;
  region: string;
  creatorRequestId: string;
  name?: string;
  ruleType: RuleType;
  /** Fully qualified, with the trailing dot AWS adds. */
  domainName: string;
  targetIps: TargetAddress[];
  resolverEndpointId?: string;
  delegationRecord?: string;
  tags: { key: string; value: string }[];
  policy?: string;
  creationTime: Date;
  modificationTime: Date;
}

export interface ResolverState {
  /** Keyed by `ACCOUNT/REGION`, then by rule ID. */
  scopes: Map<string, Map<string, ResolverRule>>;
}

export const emptyResolverState = (): ResolverState => ({ scopes: new Map() });

function rules(world: World, accountId: string, region: string, create = false): Map<string, ResolverRule> | undefined {
  return scopedMap(serviceState(world, 'route53resolver', emptyResolverState).scopes, accountId, region, create);
}

export type ShareStatus = 'NOT_SHARED' | 'SHARED_WITH_ME' | 'SHARED_BY_ME';

/** The rule as one account sees it: ShareStatus depends on who is looking. */
export interface RuleView {
  rule: ResolverRule;
  shareStatus: ShareStatus;
}

export const INTERNET_RESOLVER_OWNER = 'Route 53 Resolver';

/**
 * The built-in rule every VPC has, listed first by ListResolverRules in every account. Its ARN
 * has no rule ID, so RAM never sees it as shareable.
 */
export function internetResolverRule(accountId: string, region: string): ResolverRule {
  const epoch = new Date(0);
  return {
    id: 'rslvr-autodefined-rr-internet-resolver',
    arn: `arn:aws:route53resolver:${region}:${accountId}:autodefined-rule/internet-resolver`,
    ownerId: INTERNET_RESOLVER_OWNER,
    region,
    creatorRequestId: '',
    name: 'Internet Resolver',
    ruleType: 'RECURSIVE',
    domainName: '.',
    targetIps: [],
    tags: [],
    creationTime: epoch,
    modificationTime: epoch,
  };
}

export function ruleByArn(world: World, arn: string): ResolverRule | undefined {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'route53resolver' || !parsed.resource.startsWith('resolver-rule/')) return undefined;
  return rules(world, parsed.account, parsed.region)?.get(parsed.resource.slice('resolver-rule/'.length));
}

export function ownRules(world: World, accountId: string, region: string): ResolverRule[] {
  return [...(rules(world, accountId, region)?.values() ?? [])];
}

/** What ListResolverRules shows: the built-in rule, the account's own rules, then rules shared with it. */
export function visibleRules(world: World, accountId: string, region: string): RuleView[] {
  const shared = sharedResources(world, accountId, region, 'route53resolver:ResolverRule', (arn) => ruleByArn(world, arn), (rule) => rule.ownerId);
  return [
    { rule: internetResolverRule(accountId, region), shareStatus: 'NOT_SHARED' as const },
    ...ownRules(world, accountId, region).map((rule) => ({
      rule,
      shareStatus: isSharedByOwner(world, rule.arn) ? ('SHARED_BY_ME' as const) : ('NOT_SHARED' as const),
    })),
    ...shared.map((rule) => ({ rule, shareStatus: 'SHARED_WITH_ME' as const })),
  ];
}

export function visibleRule(world: World, accountId: string, region: string, ruleId: string): RuleView {
  const found = visibleRules(world, accountId, region).find((view) => view.rule.id === ruleId);
  if (!found) throw errors.ruleNotFound(ruleId);
  return found;
}

export interface CreateResolverRuleParams {
  creatorRequestId: string;
  ruleType: string;
  domainName?: string;
  name?: string;
  targetIps?: TargetAddress[];
  resolverEndpointId?: string;
  delegationRecord?: string;
  tags?: { key: string; value: string }[];
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function createResolverRule(world: World, accountId: string, region: string, params: CreateResolverRuleParams): ResolverRule {
  const ruleType = params.ruleType as RuleType;
  if (!['FORWARD', 'SYSTEM', 'RECURSIVE', 'DELEGATE'].includes(ruleType)) {
    throw errors.invalidParameter(`Invalid RuleType: '${params.ruleType}'. Valid values: FORWARD, SYSTEM, RECURSIVE, DELEGATE.`, 'RuleType');
  }
  const targets = params.targetIps ?? [];
  if (ruleType === 'FORWARD' && targets.length === 0) {
    throw errors.invalidRequest('Rule of type FORWARD must have TargetIps.');
  }
  if (ruleType !== 'FORWARD' && targets.length > 0) {
    throw errors.invalidRequest(`Cannot specify TargetIps for rule of type ${ruleType}.`);
  }
  if (ruleType === 'SYSTEM' && params.resolverEndpointId) {
    throw errors.invalidRequest('Cannot specify resolver endpoint ID and target IP for SYSTEM type resolver rule');
  }
  for (const target of targets) {
    if (target.ip === undefined && target.ipv6 === undefined) {
      throw errors.invalidParameter('Each target must have an Ip or an Ipv6 address.', 'TargetIps');
    }
    if (target.ip !== undefined && !IPV4.test(target.ip)) throw errors.invalidParameter(`Invalid IP address: '${target.ip}'`, 'TargetIps');
    if (target.port !== undefined && (target.port < 0 || target.port > 65535)) {
      throw errors.invalidParameter(`Invalid port: ${target.port}`, 'TargetIps');
    }
  }
  const domain = params.domainName?.trim();
  if (!domain && ruleType !== 'DELEGATE') throw errors.invalidParameter('DomainName is required.', 'DomainName');
  const home = rules(world, accountId, region, true)!;
  if ([...home.values()].some((r) => r.creatorRequestId === params.creatorRequestId)) {
    throw errors.resourceExists(`Resolver rule with creator request ID '${params.creatorRequestId}' already exists`, 'ResolverRule');
  }
  const domainName = domain ? (domain.endsWith('.') ? domain : `${domain}.`) : '.';
  const id = `rslvr-rr-${newId(world, 17, HEX)}`;
  const created = now(world);
  const rule: ResolverRule = {
    id,
    arn: `arn:aws:route53resolver:${region}:${accountId}:resolver-rule/${id}`,
    ownerId: accountId,
    region,
    creatorRequestId: params.creatorRequestId,
    name: params.name,
    ruleType,
    domainName,
    targetIps: targets.map((t) => ({ ...t, port: t.port ?? 53, protocol: t.protocol ?? 'Do53' })),
    resolverEndpointId: params.resolverEndpointId,
    delegationRecord: params.delegationRecord,
    tags: [...(params.tags ?? [])],
    creationTime: created,
    modificationTime: created,
  };
  home.set(id, rule);
  return rule;
}

function ownRule(world: World, accountId: string, region: string, ruleId: string): ResolverRule {
  const rule = rules(world, accountId, region)?.get(ruleId);
  if (!rule) throw errors.ruleNotFound(ruleId);
  return rule;
}

export function deleteResolverRule(world: World, accountId: string, region: string, ruleId: string): ResolverRule {
  const rule = ownRule(world, accountId, region, ruleId);
  rules(world, accountId, region)!.delete(ruleId);
  return rule;
}

/** The rule's resource policy: the one put on it, else none. */
export function resolverRulePolicy(world: World, accountId: string, arn: string): string | undefined {
  const rule = ruleByArn(world, arn);
  if (!rule || rule.ownerId !== accountId) throw errors.unknownResource(arn);
  return rule.policy;
}

export function putResolverRulePolicy(world: World, accountId: string, arn: string, policy: string): void {
  const rule = ruleByArn(world, arn);
  if (!rule || rule.ownerId !== accountId) throw errors.unknownResource(arn);
  try {
    JSON.parse(policy);
  } catch {
    throw errors.invalidPolicyDocument('The policy document is not valid JSON.');
  }
  rule.policy = policy;
  rule.modificationTime = now(world);
}
