// The fast side of policy evaluation for the organization-wide index (pure): which statements of a policy
// apply to sts:AssumeRole on a role ARN, with IAM's wildcard matching (case-insensitive actions, `*` and `?`
// in resources), and conditions on the keys the paths know (the source's organization, OU paths, account)
// decided, the rest reported as "depends on the request". Every path shown is then explained by
// @cloud-copilot/iam-simulate (explain.ts); this only finds them, fast enough for 10,000 accounts.
import { asList, type PolicyDocument, type PolicyStatement } from '../iam/policy';

const patterns = new Map<string, RegExp>();

/** IAM's wildcard match: `*` any run, `?` one character; actions are case-insensitive. */
export function wildcard(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = patterns.get(key);
  if (!re) {
    re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, ignoreCase ? 'is' : 's');
    patterns.set(key, re);
  }
  return re.test(value);
}

// Called for every statement of every path: a single value is tested without making a list of it.
function anyMatch(patterns: string | string[] | undefined, value: string, ignoreCase: boolean): boolean {
  if (patterns === undefined) return false;
  if (typeof patterns === 'string') return wildcard(patterns, value, ignoreCase);
  for (const p of patterns) if (wildcard(p, value, ignoreCase)) return true;
  return false;
}

export function actionMatches(statement: PolicyStatement, action: string): boolean {
  if (statement.NotAction !== undefined) return !anyMatch(statement.NotAction, action, true);
  return anyMatch(statement.Action, action, true);
}

export function resourceMatches(statement: PolicyStatement, arn: string): boolean {
  if (statement.NotResource !== undefined) return !anyMatch(statement.NotResource, arn, false);
  // Trust policies and RCP statements without Resource apply to the role itself.
  if (statement.Resource === undefined) return true;
  return anyMatch(statement.Resource, arn, false);
}

/** A condition as a path records it: `StringEquals sts:ExternalId = ext-1`. */
export interface PathCondition {
  operator: string;
  key: string;
  values: string[];
}

const conditionLists = new WeakMap<PolicyStatement, PathCondition[]>();

/** A statement's conditions (the same list every time: paths share it). */
export function conditionsOf(statement: PolicyStatement): PathCondition[] {
  let list = conditionLists.get(statement);
  if (!list) conditionLists.set(statement, (list = readConditions(statement)));
  return list;
}

function readConditions(statement: PolicyStatement): PathCondition[] {
  const out: PathCondition[] = [];
  for (const [operator, entries] of Object.entries(statement.Condition ?? {})) {
    for (const [key, values] of Object.entries(entries)) out.push({ operator, key, values: asList(values).map(String) });
  }
  return out;
}

/** What the paths know of a request: context keys with their values (lists for multivalued keys). */
export type KnownContext = Record<string, string | string[] | undefined>;

/**
 * Whether one condition holds for the known context: true, false, or undefined when it depends on what the
 * request carries (ExternalId, MFA, source identity, …) or on an operator this index does not decide.
 */
export function conditionHolds(condition: PathCondition, context: KnownContext): boolean | undefined {
  const key = Object.keys(context).find((k) => k.toLowerCase() === condition.key.toLowerCase());
  if (!key) return undefined;
  const raw = context[key];
  let operator = condition.operator;
  const ifExists = operator.endsWith('IfExists');
  if (ifExists) operator = operator.slice(0, -'IfExists'.length);
  const set = operator.startsWith('ForAnyValue:') ? 'any' : operator.startsWith('ForAllValues:') ? 'all' : undefined;
  if (set) operator = operator.slice(operator.indexOf(':') + 1);
  if (raw === undefined) return ifExists ? true : operator.startsWith('StringNot') || operator === 'Null' ? operator !== 'Null' || condition.values[0] === 'true' : false;
  const values = asList(raw);
  const test = (value: string): boolean | undefined => {
    switch (operator) {
      case 'StringEquals':
        return condition.values.includes(value);
      case 'StringNotEquals':
        return !condition.values.includes(value);
      case 'StringEqualsIgnoreCase':
        return condition.values.some((v) => v.toLowerCase() === value.toLowerCase());
      case 'StringLike':
        return condition.values.some((v) => wildcard(v, value));
      case 'StringNotLike':
        return !condition.values.some((v) => wildcard(v, value));
      case 'ArnEquals':
      case 'ArnLike':
        return condition.values.some((v) => wildcard(v, value));
      case 'ArnNotEquals':
      case 'ArnNotLike':
        return !condition.values.some((v) => wildcard(v, value));
      case 'Bool':
        return condition.values.includes(value);
      default:
        return undefined;
    }
  };
  const results = values.map(test);
  if (results.includes(undefined)) return undefined;
  // A multivalued key (aws:PrincipalOrgPaths) matches when any value does, or every one for ForAllValues / negated operators.
  return set === 'all' || (!set && operator.includes('Not')) ? results.every(Boolean) : results.some(Boolean);
}

/** All conditions of a statement: true (all hold), false (one fails), undefined (depends on the request). */
export function statementConditions(statement: PolicyStatement, context: KnownContext): boolean | undefined {
  if (!statement.Condition) return true;
  let verdict: boolean | undefined = true;
  for (const condition of conditionsOf(statement)) {
    const holds = conditionHolds(condition, context);
    if (holds === false) return false;
    if (holds === undefined) verdict = undefined;
  }
  return verdict;
}

export type Decision = 'allow' | 'deny' | 'implicit' | 'conditional';

export interface PolicyDecision {
  decision: Decision;
  /** The deciding statement: `statement Sid` or `statement 2`, and its policy's name. */
  statement?: string;
}

const statementName = (s: PolicyStatement, index: number) => (s.Sid ? `statement ${s.Sid}` : `statement ${index + 1}`);

export interface NamedDocument {
  name: string;
  document: PolicyDocument;
}

/**
 * Identity-style evaluation of several policies for one action on one resource: an applicable Deny wins,
 * else an applicable Allow, else implicit. A Deny or Allow whose condition depends on the request makes
 * the outcome conditional.
 */
export function evaluatePolicies(policies: NamedDocument[], action: string, resource: string, context: KnownContext): PolicyDecision {
  let allow: PolicyDecision | undefined;
  let conditionalAllow: PolicyDecision | undefined;
  let conditionalDeny: PolicyDecision | undefined;
  for (const { name, document } of policies) {
    for (const [i, s] of document.Statement.entries()) {
      if (!actionMatches(s, action) || !resourceMatches(s, resource)) continue;
      const holds = statementConditions(s, context);
      if (holds === false) continue;
      const statement = `${statementName(s, i)} of ${name}`;
      if (s.Effect === 'Deny' && holds) return { decision: 'deny', statement };
      if (s.Effect === 'Deny') conditionalDeny ??= { decision: 'conditional', statement };
      else if (holds) allow ??= { decision: 'allow', statement };
      else conditionalAllow ??= { decision: 'conditional', statement };
    }
  }
  if (allow) return conditionalDeny ?? allow;
  return conditionalAllow ?? { decision: 'implicit' };
}

const resourceFree = new WeakMap<PolicyDocument, boolean>();

/** Whether a document's every statement names any resource, unconditionally: its decision is the same for every role. */
export function isResourceFree(document: PolicyDocument): boolean {
  let free = resourceFree.get(document);
  if (free === undefined) {
    free = document.Statement.every((s) => !s.Condition && s.NotResource === undefined && (s.Resource === undefined || s.Resource === '*' || (Array.isArray(s.Resource) && s.Resource.includes('*'))));
    resourceFree.set(document, free);
  }
  return free;
}

/** Control policies (SCPs, RCPs): every level must allow, a Deny anywhere wins. `implicitAllow`: RCPFullAWSAccess is implied. */
export function evaluateLevels(levels: { label: string; policies: NamedDocument[] }[], action: string, resource: string, context: KnownContext, implicitAllow = false): PolicyDecision & { level?: string } {
  let conditional: (PolicyDecision & { level?: string }) | undefined;
  for (const level of levels) {
    const decision = evaluatePolicies(level.policies, action, resource, context);
    if (decision.decision === 'deny') return { ...decision, level: level.label };
    if (decision.decision === 'implicit' && !implicitAllow) return { decision: 'deny', statement: `no policy allows it (every level must)`, level: level.label };
    if (decision.decision === 'conditional') conditional ??= { ...decision, level: level.label };
  }
  return conditional ?? { decision: 'allow' };
}
