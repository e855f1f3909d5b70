// Verification of cross-account access with @cloud-copilot/iam-simulate: the source principal's live identity
// policies, its permissions boundary, the SCPs on its account's path and the role's trust policy, evaluated
// together for sts:AssumeRole as AWS does across accounts, and explained layer by layer with the statement
// that decides each one.
import type { RequestAnalysis, Simulation, StatementExplain } from '@cloud-copilot/iam-simulate';
import type { ScpLevel } from '../organizations/scp-path';
import { asList, type PolicyDocument } from './policy';
import type { NamedPolicy } from './read';

type Simulator = typeof import('@cloud-copilot/iam-simulate');
let simulator: Promise<Simulator> | undefined;
// Loaded on first use: it brings the whole IAM action catalogue.
const loadSimulator = () => (simulator ??= import('@cloud-copilot/iam-simulate'));

export const VERIFY_SESSION_NAME = 'crossing-verify';

export type Layer = 'identity' | 'boundary' | 'scp' | 'rcp' | 'trust';
export interface LayerVerdict {
  layer: Layer;
  /** allows / denies: decided here; neutral: neither allows nor denies (SCPs, no boundary); assumed: not readable. */
  effect: 'allows' | 'denies' | 'neutral' | 'assumed';
  explanation: string;
}

export interface Verification {
  allowed: boolean;
  summary: string;
  layers: LayerVerdict[];
  /** The session evaluated: 'user alice, long-term access keys, no MFA, ExternalId ext-1'. */
  session: string;
}

export interface AccessEvaluation {
  /** The source: a user's or role's ARN, or `arn:aws:iam::ID:root` for any principal of the account. */
  principal: string;
  roleArn: string;
  /** The source's identity policies, or undefined where the console cannot read them (whole account, outside the organization). */
  identityPolicies?: NamedPolicy[];
  permissionsBoundary?: NamedPolicy;
  /** The SCP levels, root first; 'management' (SCPs do not apply), or 'none' (not in the organization, or SCPs off). */
  serviceControlPolicies: ScpLevel[] | 'management' | 'none';
  /** The RCP levels on the role's account, root first (customer RCPs only: RCPFullAWSAccess is implied); absent: not evaluated. */
  resourceControlPolicies?: ScpLevel[];
  trust: PolicyDocument;
  organizationId?: string;
  /** aws:PrincipalOrgPaths of the source, e.g. o-1/r-1/ou-1/. */
  organizationPaths?: string[];
  withMfa: boolean;
  externalId?: string;
  /** Overrides the evaluation time (tests). */
  now?: Date;
}

const ALLOW_ALL: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

function principalFacts(arn: string) {
  const [, , , , accountId, resource] = arn.split(':');
  const [kind, ...rest] = resource.split('/');
  const name = rest[rest.length - 1];
  return { accountId, kind: kind === 'root' ? ('account' as const) : (kind as 'user' | 'role'), name };
}

function requestContext(input: AccessEvaluation): Record<string, string | string[]> {
  const p = principalFacts(input.principal);
  const context: Record<string, string | string[]> = {
    'aws:PrincipalArn': input.principal,
    'aws:PrincipalAccount': p.accountId,
    'aws:PrincipalType': p.kind === 'user' ? 'User' : p.kind === 'role' ? 'AssumedRole' : 'Account',
    'aws:SecureTransport': 'true',
    'aws:CurrentTime': (input.now ?? new Date()).toISOString(),
    'sts:RoleSessionName': VERIFY_SESSION_NAME,
  };
  if (p.kind === 'user') context['aws:username'] = p.name;
  if (input.organizationId) context['aws:PrincipalOrgID'] = input.organizationId;
  if (input.organizationPaths?.length) context['aws:PrincipalOrgPaths'] = input.organizationPaths;
  // Long-term access keys carry no MFA key at all; a role session without MFA carries false.
  if (input.withMfa) {
    context['aws:MultiFactorAuthPresent'] = 'true';
    context['aws:MultiFactorAuthAge'] = '0';
  } else if (p.kind === 'role') context['aws:MultiFactorAuthPresent'] = 'false';
  if (input.externalId) context['sts:ExternalId'] = input.externalId;
  return context;
}

function simulationOf(input: AccessEvaluation): Simulation {
  const p = principalFacts(input.principal);
  return {
    request: {
      principal: p.kind === 'role' ? `arn:aws:sts::${p.accountId}:assumed-role/${p.name}/${VERIFY_SESSION_NAME}` : input.principal,
      action: 'sts:AssumeRole',
      resource: { resource: input.roleArn, accountId: input.roleArn.split(':')[4] },
      contextVariables: requestContext(input),
    },
    identityPolicies: input.identityPolicies ?? [{ name: 'the source account\'s own policies (not read)', policy: ALLOW_ALL }],
    permissionBoundaryPolicies: input.permissionsBoundary ? [input.permissionsBoundary] : undefined,
    serviceControlPolicies: Array.isArray(input.serviceControlPolicies)
      ? input.serviceControlPolicies.map((level) => ({ orgIdentifier: level.label, policies: level.policies.map((p) => ({ name: `SCP ${p.name} (${p.id})`, policy: p.document })) }))
      : [],
    resourceControlPolicies: (input.resourceControlPolicies ?? []).map((level) => ({ orgIdentifier: level.label, policies: level.policies.map((p) => ({ name: `RCP ${p.name} (${p.id})`, policy: p.document })) })),
    resourcePolicy: input.trust,
  };
}

type Analyzed = { statement: { sid(): string | undefined; index(): number }; policyId: string; explain: StatementExplain };

const statementName = (s: Analyzed) => (s.statement.sid() ? `statement ${s.statement.sid()}` : `statement ${s.statement.index()}`);

/** The unmet conditions of a statement, in words: 'Bool aws:MultiFactorAuthPresent = true (the request has no aws:MultiFactorAuthPresent)'. */
function unmetConditions(explain: StatementExplain, context: Record<string, string | string[]>): string[] {
  return (explain.conditions ?? [])
    .filter((c) => !c.matches)
    .map((c) => {
      const wanted = asList(c.values as { value: string } | { value: string }[]).map((v) => v.value).join(' or ');
      const key = c.conditionKeyValue;
      const why = c.failedBecauseMissing || context[key] === undefined ? `the request has no ${key}` : `the request has ${key} = ${context[key]}`;
      return `${c.operator} ${key} = ${wanted} (${why})`;
    });
}

function identityVerdict(analysis: RequestAnalysis, input: AccessEvaluation, who: string): LayerVerdict {
  if (!input.identityPolicies) {
    return {
      layer: 'identity',
      effect: 'assumed',
      explanation: `${who}'s own policies are not readable by the console: it needs its account's admins to allow sts:AssumeRole on ${input.roleArn}; evaluated as if they do.`,
    };
  }
  const a = analysis.identityAnalysis;
  const deny = a?.denyStatements[0] as Analyzed | undefined;
  if (deny) return { layer: 'identity', effect: 'denies', explanation: `Explicitly denied by ${statementName(deny)} of ${deny.policyId}.` };
  const allow = a?.allowStatements[0] as Analyzed | undefined;
  if (allow) return { layer: 'identity', effect: 'allows', explanation: `Allowed by ${statementName(allow)} of ${allow.policyId}.` };
  return {
    layer: 'identity',
    effect: 'denies',
    explanation: `No identity policy of ${who} allows sts:AssumeRole on ${input.roleArn} (${input.identityPolicies.length} policies read: ${input.identityPolicies.map((p) => p.name).join('; ') || 'none'}).`,
  };
}

function boundaryVerdict(analysis: RequestAnalysis, input: AccessEvaluation): LayerVerdict {
  if (!input.permissionsBoundary) return { layer: 'boundary', effect: 'neutral', explanation: input.identityPolicies ? 'No permissions boundary.' : 'Not readable (see above).' };
  const a = analysis.permissionBoundaryAnalysis;
  const deny = a?.denyStatements[0] as Analyzed | undefined;
  if (deny) return { layer: 'boundary', effect: 'denies', explanation: `Explicitly denied by ${statementName(deny)} of ${deny.policyId}.` };
  const allow = a?.allowStatements[0] as Analyzed | undefined;
  if (allow) return { layer: 'boundary', effect: 'allows', explanation: `Within the boundary: ${statementName(allow)} of ${allow.policyId}.` };
  return { layer: 'boundary', effect: 'denies', explanation: `The ${input.permissionsBoundary.name} does not allow sts:AssumeRole on ${input.roleArn}.` };
}

function scpVerdict(analysis: RequestAnalysis, input: AccessEvaluation): LayerVerdict {
  const levels = input.serviceControlPolicies;
  if (levels === 'management') return { layer: 'scp', effect: 'neutral', explanation: 'SCPs do not apply to the management account.' };
  if (levels === 'none' || levels.length === 0) return { layer: 'scp', effect: 'neutral', explanation: 'No SCPs apply (the account is outside the organization, or SCPs are not enabled).' };
  const path = levels.map((l) => l.label).join(' / ');
  for (const ou of analysis.scpAnalysis?.ouAnalysis ?? []) {
    const deny = ou.denyStatements[0] as Analyzed | undefined;
    if (deny) return { layer: 'scp', effect: 'denies', explanation: `Denied by ${statementName(deny)} of ${deny.policyId} on ${ou.orgIdentifier}.` };
  }
  const blocked = (analysis.scpAnalysis?.ouAnalysis ?? []).find((ou) => ou.allowStatements.length === 0);
  if (blocked) return { layer: 'scp', effect: 'denies', explanation: `No SCP on ${blocked.orgIdentifier} allows sts:AssumeRole (every level on the path must allow it).` };
  return { layer: 'scp', effect: 'neutral', explanation: `No SCP on ${path} denies it.` };
}

function rcpVerdict(analysis: RequestAnalysis, input: AccessEvaluation): LayerVerdict {
  const levels = input.resourceControlPolicies ?? [];
  if (levels.length === 0) return { layer: 'rcp', effect: 'neutral', explanation: 'No RCPs apply to the role (its account is outside the organization or the management account, or RCPs are not enabled).' };
  for (const ou of analysis.rcpAnalysis?.ouAnalysis ?? []) {
    const deny = ou.denyStatements[0] as Analyzed | undefined;
    if (deny) return { layer: 'rcp', effect: 'denies', explanation: `Denied by ${statementName(deny)} of ${deny.policyId} on ${ou.orgIdentifier}.` };
  }
  return { layer: 'rcp', effect: 'neutral', explanation: `No RCP on ${levels.map((l) => l.label).join(' / ')} denies it.` };
}

function trustVerdict(analysis: RequestAnalysis, input: AccessEvaluation, context: Record<string, string | string[]>, who: string): LayerVerdict {
  const a = analysis.resourceAnalysis;
  const deny = a?.denyStatements[0] as Analyzed | undefined;
  if (deny) return { layer: 'trust', effect: 'denies', explanation: `Denied by ${statementName(deny)} of the role's trust policy.` };
  const allow = a?.allowStatements[0] as Analyzed | undefined;
  if (allow) return { layer: 'trust', effect: 'allows', explanation: `Trusted by ${statementName(allow)} of the role's trust policy.` };
  const near = (a?.unmatchedStatements ?? []).find((s) => s.explain.effect === 'Allow' && s.explain.actionMatch && s.explain.principalMatch !== 'NoMatch') as Analyzed | undefined;
  if (near) {
    const unmet = unmetConditions(near.explain, context);
    return { layer: 'trust', effect: 'denies', explanation: `${statementName(near)} of the role's trust policy names ${who}, but its condition is not met: ${unmet.join('; ') || 'see the statement'}.` };
  }
  return { layer: 'trust', effect: 'denies', explanation: `No statement of the role's trust policy names ${who} (or its account) for sts:AssumeRole.` };
}

function describeSession(input: AccessEvaluation, who: string): string {
  const p = principalFacts(input.principal);
  const credentials = p.kind === 'user' ? 'long-term access keys' : p.kind === 'role' ? 'a role session' : 'any principal of the account';
  return [who, credentials, input.withMfa ? 'with MFA' : 'no MFA', input.externalId ? `ExternalId ${input.externalId}` : 'no ExternalId'].join(', ');
}

export async function evaluateAccess(input: AccessEvaluation): Promise<Verification> {
  const sim = await loadSimulator();
  const simulation = simulationOf(input);
  const result = await sim.runSimulation(simulation, {});
  if (result.resultType === 'error') throw new Error(`The policies could not be evaluated: ${result.errors.message}`);
  const analysis = result.resultType === 'single' ? result.result.analysis : result.results[0].analysis;
  const p = principalFacts(input.principal);
  const who = p.kind === 'account' ? `account ${p.accountId}` : `${p.kind} ${p.name}`;
  const context = simulation.request.contextVariables;
  const layers = [
    identityVerdict(analysis, input, who),
    boundaryVerdict(analysis, input),
    scpVerdict(analysis, input),
    ...(input.resourceControlPolicies ? [rcpVerdict(analysis, input)] : []),
    trustVerdict(analysis, input, context, who),
  ];
  const allowed = result.overallResult === 'Allowed';
  const role = input.roleArn.split('/').pop();
  const because = layers.filter((l) => (allowed ? l.effect !== 'neutral' || l.layer === 'scp' : l.effect === 'denies')).map((l) => l.explanation.replace(/\.$/, ''));
  return {
    allowed,
    summary: allowed ? `${who} can assume ${role}, because: ${because.join('; ')}.` : `${who} cannot assume ${role}: ${because.join('; ')}.`,
    layers,
    session: describeSession(input, who),
  };
}
