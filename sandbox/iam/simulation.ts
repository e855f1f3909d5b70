// SimulatePrincipalPolicy and SimulateCustomPolicy, answered by the same @cloud-copilot/iam-simulate
// evaluator requests are authorized with (authz.ts). That one only says allowed/denied; the
// simulator APIs also report which statements decided, so they run the simulation here.
import type { RequestAnalysis, RunSimulationResults, Simulation } from '@cloud-copilot/iam-simulate';
import { AwsError } from '../core/errors.js';
import type { RequestContext } from '../core/types.js';
import { serviceControlPoliciesFor } from '../organizations/models.js';
import { invalidInput, malformedPolicyDocument, noSuchEntity } from './exceptions.js';
import { entityPolicies, parsedPolicy, type NamedPolicy } from './models.js';

type Simulator = typeof import('@cloud-copilot/iam-simulate');
let simulator: Promise<Simulator> | undefined;
const loadSimulator = () => (simulator ??= import('@cloud-copilot/iam-simulate'));

export interface SimulationInput {
  /** SimulatePrincipalPolicy's PolicySourceArn: a user, group or role. */
  principalArn?: string;
  policyInputList: string[];
  permissionsBoundaryPolicyInputList: string[];
  actionNames: string[];
  resourceArns?: string[];
  resourcePolicy?: string;
  resourceOwner?: string;
  callerArn?: string;
  contextEntries: { ContextKeyName?: string; ContextKeyValues?: string[]; ContextKeyType?: string }[];
}

interface Source {
  SourcePolicyId: string;
  SourcePolicyType: string;
}

/** Where a policy named by IAM's models (ARN or `<entity ARN>/<name>`) or by the input list comes from. */
function sourceOf(name: string): Source {
  const managed = /^arn:aws:iam::(aws|\d{12}):policy\/(?:.*\/)?([^/]+)$/.exec(name);
  if (managed) return { SourcePolicyId: managed[2], SourcePolicyType: managed[1] === 'aws' ? 'aws-managed' : 'user-managed' };
  const inline = /^arn:aws:iam::\d{12}:(user|group|role)\/.*\/([^/]+)$/.exec(name);
  if (inline) return { SourcePolicyId: inline[2], SourcePolicyType: inline[1] };
  return { SourcePolicyId: name, SourcePolicyType: 'none' };
}

function inputPolicies(prefix: string, documents: string[]): NamedPolicy[] {
  return documents.map((document, i) => {
    const policy = parsedPolicy(document);
    if (typeof policy !== 'object' || policy === null) throw malformedPolicyDocument('Syntax errors in policy.');
    return { name: `${prefix}.${i + 1}`, policy };
  });
}

function accountOf(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4] ?? arn;
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

function decisionName(result: string): 'allowed' | 'explicitDeny' | 'implicitDeny' {
  return result === 'Allowed' ? 'allowed' : result === 'ExplicitlyDenied' ? 'explicitDeny' : 'implicitDeny';
}

function matchedStatements(analyses: RequestAnalysis[], decision: string): Source[] {
  const statements = analyses.flatMap((a) =>
    [a.identityAnalysis, a.resourceAnalysis].flatMap((part) =>
      !part ? [] : decision === 'explicitDeny' ? part.denyStatements : decision === 'allowed' ? part.allowStatements : [],
    ),
  );
  const seen = new Set<string>();
  return statements
    .map((s) => sourceOf(s.policyId))
    .filter((s) => {
      const key = `${s.SourcePolicyType}:${s.SourcePolicyId}`;
      return !seen.has(key) && seen.add(key) !== undefined;
    });
}

export async function simulate(ctx: RequestContext, input: SimulationInput) {
  let identityPolicies = inputPolicies('PolicyInputList', input.policyInputList);
  let boundaries = inputPolicies('PermissionsBoundaryPolicyInputList', input.permissionsBoundaryPolicyInputList);
  let principal = input.callerArn ?? ctx.caller.arn;
  let principalAccount = ctx.caller.accountId;
  if (input.principalArn !== undefined) {
    const entity = entityPolicies(ctx.world, input.principalArn);
    if (!entity) {
      if (!/^arn:aws:iam::\d{12}:(user|group|role)\//.test(input.principalArn)) throw invalidInput(`Invalid ARN: ${input.principalArn}`);
      throw noSuchEntity(`PolicySourceArn ${input.principalArn} does not exist.`);
    }
    identityPolicies = [...entity.identityPolicies, ...identityPolicies];
    // A boundary given in the request replaces the entity's own.
    if (boundaries.length === 0) boundaries = entity.permissionBoundaries ?? [];
    principal = input.callerArn ?? input.principalArn;
    principalAccount = accountOf(input.principalArn)!;
  }
  const resourcePolicy = input.resourcePolicy === undefined ? undefined : parsedPolicy(input.resourcePolicy);
  const contextVariables: Record<string, string | string[]> = {};
  for (const entry of input.contextEntries) {
    if (entry.ContextKeyName) contextVariables[entry.ContextKeyName] = entry.ContextKeyValues ?? [];
  }
  // SimulatePrincipalPolicy includes the SCPs of the principal's account; custom policies stand alone.
  const scps = input.principalArn === undefined ? [] : serviceControlPoliciesFor(ctx.world, principalAccount);
  const sim = await loadSimulator();

  const results = [];
  for (const action of input.actionNames) {
    for (const resource of input.resourceArns?.length ? input.resourceArns : ['*']) {
      // Without a resource policy the simulator judges identity policies alone, as in the principal's account.
      const resourceAccount = resourcePolicy === undefined ? principalAccount : (accountOf(input.resourceOwner) ?? accountOf(resource) ?? principalAccount);
      const simulation: Simulation = {
        request: { principal, action, resource: { resource, accountId: resourceAccount }, contextVariables },
        identityPolicies,
        permissionBoundaryPolicies: boundaries.length > 0 ? boundaries : undefined,
        serviceControlPolicies: scps,
        resourceControlPolicies: [],
        resourcePolicy,
      };
      let outcome: RunSimulationResults = await sim.runSimulation(simulation, {});
      if (outcome.resultType === 'error' && resource !== '*' && /wildcard|resource\.types/.test(outcome.errors.message)) {
        outcome = await sim.runSimulation({ ...simulation, request: { ...simulation.request, resource: { resource: '*', accountId: resourceAccount } } }, {});
      }
      let decision: ReturnType<typeof decisionName>;
      let analyses: RequestAnalysis[] = [];
      if (outcome.resultType === 'error') {
        if (outcome.errors.identityPolicyErrors || outcome.errors.permissionBoundaryErrors || outcome.errors.resourcePolicyErrors) {
          throw malformedPolicyDocument(outcome.errors.message);
        }
        decision = decisionName(sim.runUnsafeSimulation(simulation, {}));
      } else {
        decision = decisionName(outcome.overallResult);
        analyses = outcome.resultType === 'single' ? [outcome.result.analysis] : outcome.results.map((r) => r.analysis);
      }
      results.push({
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: decision,
        MatchedStatements: matchedStatements(analyses, decision),
        MissingContextValues: [],
      });
    }
  }
  if (results.length === 0) throw new AwsError('InvalidInput', 'ActionNames must not be empty.');
  return results;
}
