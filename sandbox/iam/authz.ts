// The core's Authorizer, from IAM: @cloud-copilot/iam-simulate evaluates identity policies and
// permissions boundary (IAM), SCPs (Organizations) and an optional resource policy (a role's trust
// policy) with AWS's cross-account rule. Here, not in core/, because it reads IAM and Organizations
// state; the server hands it to the core. Decisions are cached until the policy version is bumped.
import type { RunSimulationResults, Simulation } from '@cloud-copilot/iam-simulate';
import type { Authorizer, AuthzRequest, World } from '../core/types.js';
import { now, policyVersion } from '../core/world.js';
import { organizationIdOf, resourceControlPoliciesFor, serviceControlPoliciesFor } from '../organizations/models.js';
import { principalPolicies } from './models.js';

type Decision = { allowed: true } | { allowed: false; explicit: boolean; policyType: string };

type Simulator = typeof import('@cloud-copilot/iam-simulate');
let simulator: Promise<Simulator> | undefined;
// Loaded on first use: it pulls in the whole IAM action catalogue, which a start-up does not need.
const loadSimulator = () => (simulator ??= import('@cloud-copilot/iam-simulate'));

const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const CACHE_LIMIT = 100_000;
const decisions = new Map<string, Decision>();
// Allows that hold for any resource of one account (see resourceFree), keyed without the resource.
const anyResourceDecisions = new Map<string, Decision>();

function accountOfArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

function requestContext(world: World, request: AuthzRequest): Record<string, string | string[]> {
  const { caller } = request;
  const context: Record<string, string | string[]> = {
    'aws:PrincipalArn': caller.type === 'assumed-role' ? caller.roleArn : caller.arn,
    'aws:PrincipalAccount': caller.accountId,
    'aws:PrincipalType': caller.type === 'root' ? 'Account' : caller.type === 'user' ? 'User' : 'AssumedRole',
    // Minute precision keeps decisions cacheable; policies on aws:CurrentTime rarely need more.
    'aws:CurrentTime': `${now(world).toISOString().slice(0, 16)}:00Z`,
    'aws:SecureTransport': 'false',
    'aws:RequestedRegion': request.region,
  };
  if (caller.type === 'user') context['aws:username'] = caller.userName;
  const orgId = organizationIdOf(world, caller.accountId);
  if (orgId) context['aws:PrincipalOrgID'] = orgId;
  return { ...context, ...request.context };
}

const resourceAccountOf = (request: AuthzRequest, resource: string) => request.resourceAccount ?? accountOfArn(resource) ?? request.caller.accountId;

function simulation(world: World, request: AuthzRequest, resource: string, context: Record<string, string | string[]>): Simulation {
  const { caller } = request;
  const policies = principalPolicies(world, caller);
  return {
    request: {
      principal: caller.arn,
      action: request.action,
      resource: { resource, accountId: resourceAccountOf(request, resource) },
      contextVariables: context,
    },
    // The root user is allowed everything its account may do; only SCPs (and resource policies across accounts) limit it.
    identityPolicies: caller.type === 'root' ? [{ name: 'root', policy: ALLOW_ALL }] : policies.identityPolicies,
    permissionBoundaryPolicies: caller.type === 'root' ? undefined : policies.permissionBoundaries,
    serviceControlPolicies: serviceControlPoliciesFor(world, caller.accountId),
    // Of the sandbox's services, RCPs govern only STS (AWS: S3, STS, SQS, KMS, Secrets Manager, …).
    resourceControlPolicies: request.action.startsWith('sts:') ? resourceControlPoliciesFor(world, resourceAccountOf(request, resource)) : [],
    resourcePolicy: request.resourcePolicy,
  };
}

function decisionOf(simulator: Simulator, result: Exclude<RunSimulationResults, { resultType: 'error' }>): Decision {
  if (result.overallResult === 'Allowed') return { allowed: true };
  const analyses = result.resultType === 'single' ? [result.result.analysis] : result.results.map((r) => r.analysis);
  const reasons = analyses.flatMap((analysis) => simulator.getDenialReasons(analysis));
  const reason = reasons.find((r) => r.denialType === 'Explicit') ?? reasons[0];
  return { allowed: false, explicit: reason?.denialType === 'Explicit', policyType: reason?.policyType ?? 'identity' };
}

/**
 * The unvalidated engine is several times faster (no resource-type lookup); when it allows, so
 * does the validated one. Anything else goes through the validated engine for the exact reason.
 */
function fastAllow(sim: Simulator, input: Simulation): Decision | undefined {
  try {
    return sim.runUnsafeSimulation(input, {}) === 'Allowed' ? { allowed: true } : undefined;
  } catch {
    return undefined;
  }
}

async function fullDecision(sim: Simulator, world: World, request: AuthzRequest, context: Record<string, string | string[]>): Promise<Decision> {
  let result = await sim.runSimulation(simulation(world, request, request.resource, context), {});
  // The action only takes '*', or the ARN names a resource type iam-data does not know for it.
  if (result.resultType === 'error' && request.resource !== '*' && /wildcard|resource\.types/.test(result.errors.message)) {
    result = await sim.runSimulation(simulation(world, request, '*', context), {});
  }
  if (result.resultType !== 'error') return decisionOf(sim, result);
  // Policies iam-policy rejects, or an action iam-data does not list: the unvalidated engine decides.
  try {
    const overall = sim.runUnsafeSimulation(simulation(world, request, request.resource, context), {});
    return overall === 'Allowed' ? { allowed: true } : { allowed: false, explicit: overall === 'ExplicitlyDenied', policyType: 'identity' };
  } catch (error) {
    console.warn(`sandbox: cannot evaluate ${request.action} for ${request.caller.arn} (${result.errors.message}): denied`, error);
    return { allowed: false, explicit: false, policyType: 'identity' };
  }
}

// A resource policy goes into every cache key: serialize each (shared, parsed) document once.
const policyTexts = new WeakMap<object, string>();

function policyText(policy: unknown): string | undefined {
  if (policy === undefined || policy === null || typeof policy !== 'object') return JSON.stringify(policy);
  let text = policyTexts.get(policy);
  if (text === undefined) {
    text = JSON.stringify(policy);
    policyTexts.set(policy, text);
  }
  return text;
}

const resourceFreeDocuments = new WeakMap<object, boolean>();

/** Whether a policy's statements all apply to every resource unconditionally (`Resource: "*"`, no condition). */
function resourceFreeDocument(policy: unknown): boolean {
  if (policy === null || typeof policy !== 'object') return false;
  let free = resourceFreeDocuments.get(policy);
  if (free === undefined) {
    const statement = (policy as { Statement?: unknown }).Statement;
    const statements = Array.isArray(statement) ? statement : [statement];
    free = statements.every((s) => {
      if (s === null || typeof s !== 'object') return false;
      const { Resource, NotResource, Condition } = s as Record<string, unknown>;
      return NotResource === undefined && Condition === undefined && (Resource === '*' || (Array.isArray(Resource) && Resource.length === 1 && Resource[0] === '*'));
    });
    resourceFreeDocuments.set(policy, free);
  }
  return free;
}

/**
 * Whether the decision cannot depend on the resource beyond its account: no resource policy, and
 * every identity policy, boundary and SCP statement names `Resource: "*"` without conditions. Then
 * a decision for one role ARN holds for every ARN in that account (CreateRole names a new one each time).
 */
function resourceFree(input: Simulation): boolean {
  if (input.resourcePolicy !== undefined) return false;
  const documents = [
    ...input.identityPolicies,
    ...(input.permissionBoundaryPolicies ?? []),
    ...(input.serviceControlPolicies ?? []).flatMap((level) => level.policies),
    ...(input.resourceControlPolicies ?? []).flatMap((level) => level.policies),
  ];
  return documents.every((p) => resourceFreeDocument(p.policy));
}

function remember(cache: Map<string, Decision>, key: string, decision: Decision): Decision {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, decision);
  return decision;
}

async function evaluate(world: World, request: AuthzRequest): Promise<Decision> {
  const context = requestContext(world, request);
  const version = policyVersion(world);
  const key = JSON.stringify([version, request.caller.arn, request.action, request.resource, request.resourceAccount, policyText(request.resourcePolicy), context]);
  const cached = decisions.get(key);
  if (cached) return cached;

  const input = simulation(world, request, request.resource, context);
  const anyResource = resourceFree(input);
  const anyResourceKey = anyResource ? JSON.stringify([version, request.caller.arn, request.action, input.request.resource.accountId, context]) : '';
  const shared = anyResource ? anyResourceDecisions.get(anyResourceKey) : undefined;
  if (shared) return shared;

  const sim = await loadSimulator();
  const decision = fastAllow(sim, input) ?? (await fullDecision(sim, world, request, context));
  // Only allows are shared: a denial's reason (which policy type) is worked out for the exact resource.
  if (anyResource && decision.allowed) return remember(anyResourceDecisions, anyResourceKey, decision);
  return remember(decisions, key, decision);
}

const POLICY_WORDS: Record<string, [explicit: string, implicit: string]> = {
  identity: ['an identity-based policy', 'identity-based policy'],
  resource: ['a resource-based policy', 'resource-based policy'],
  scp: ['a service control policy', 'service control policy'],
  rcp: ['a resource control policy', 'resource control policy'],
  pb: ['a permissions boundary', 'permissions boundary'],
  vpce: ['a VPC endpoint policy', 'VPC endpoint policy'],
  's3-bpa': ['S3 Block Public Access', 'S3 Block Public Access'],
};

/** AWS's sentence for a denial, e.g. `User: arn... is not authorized to perform: iam:CreateRole on resource: ... because no identity-based policy allows the iam:CreateRole action`. */
function denialMessage(request: AuthzRequest, decision: Extract<Decision, { allowed: false }>): string {
  const [explicit, implicit] = POLICY_WORDS[decision.policyType] ?? POLICY_WORDS.identity;
  const why = decision.explicit ? `with an explicit deny in ${explicit}` : `because no ${implicit} allows the ${request.action} action`;
  return `User: ${request.caller.arn} is not authorized to perform: ${request.action} on resource: ${request.resource} ${why}`;
}

/** Allows (undefined) or denies (AWS's sentence) a request; the core answers a denial in the protocol's words. */
export const authorize: Authorizer = async (world, request) => {
  const decision = await evaluate(world, request);
  return decision.allowed ? undefined : denialMessage(request, decision);
};
