// Trust policies (pure): the statement that lets a source principal assume a role, merged into a role's
// existing trust policy without ever dropping what is there; the principals a trust policy names, with the
// conditions that bind each; and the line diff the review shows.
import {
  asList,
  awsPrincipals,
  canonical,
  POLICY_VERSION,
  renderPolicy,
  type ConditionBlock,
  type PolicyDocument,
  type PolicyStatement,
} from './policy';

export interface TrustGrant {
  /** `arn:aws:iam::ID:root` (the whole account), or a user's or role's ARN. */
  principal: string;
  externalId?: string;
  requireMfa?: boolean;
  /** aws:PrincipalOrgID: only while the source account stays in this organization. */
  organizationId?: string;
  allowTagSession?: boolean;
  allowSetSourceIdentity?: boolean;
}

/** A bare account ID means the whole account, as `arn:aws:iam::ID:root` does; IAM stores the latter. */
export const normalizePrincipal = (principal: string): string => (/^\d{12}$/.test(principal) ? `arn:aws:iam::${principal}:root` : principal);

export const isWholeAccount = (principal: string): boolean => /^arn:aws[\w-]*:iam::\d{12}:root$/.test(normalizePrincipal(principal));

export function grantActions(grant: TrustGrant): string[] {
  return ['sts:AssumeRole', ...(grant.allowTagSession ? ['sts:TagSession'] : []), ...(grant.allowSetSourceIdentity ? ['sts:SetSourceIdentity'] : [])];
}

export function grantCondition(grant: TrustGrant): ConditionBlock | undefined {
  const condition: ConditionBlock = {};
  const stringEquals: Record<string, string> = {};
  if (grant.externalId) stringEquals['sts:ExternalId'] = grant.externalId;
  if (grant.organizationId) stringEquals['aws:PrincipalOrgID'] = grant.organizationId;
  if (Object.keys(stringEquals).length) condition.StringEquals = stringEquals;
  if (grant.requireMfa) condition.Bool = { 'aws:MultiFactorAuthPresent': 'true' };
  return Object.keys(condition).length ? condition : undefined;
}

const one = (values: string[]): string | string[] => (values.length === 1 ? values[0] : values);

function sidFor(document: PolicyDocument, principal: string): string {
  const account = principal.split(':')[4] ?? '';
  const base = `AllowAssumeFrom${account}`;
  const taken = new Set(document.Statement.map((s) => s.Sid));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

/** The one statement a new role's trust policy holds for `grant`. */
export function trustStatement(grant: TrustGrant, sid?: string): PolicyStatement {
  const condition = grantCondition(grant);
  return {
    ...(sid ? { Sid: sid } : {}),
    Effect: 'Allow',
    Principal: { AWS: normalizePrincipal(grant.principal) },
    Action: one(grantActions(grant)),
    ...(condition ? { Condition: condition } : {}),
  };
}

export function newTrustPolicy(grant: TrustGrant): PolicyDocument {
  const empty: PolicyDocument = { Version: POLICY_VERSION, Statement: [] };
  return { Version: POLICY_VERSION, Statement: [trustStatement(grant, sidFor(empty, normalizePrincipal(grant.principal)))] };
}

/** Whether a statement grants exactly what `grant` asks (same actions, same conditions) to AWS principals. */
function matches(statement: PolicyStatement, grant: TrustGrant): boolean {
  if (statement.Effect !== 'Allow' || statement.NotPrincipal || statement.NotAction || statement.Principal === '*' || !statement.Principal?.AWS) return false;
  return canonical(asList(statement.Action)) === canonical(grantActions(grant)) && canonical(statement.Condition ?? {}) === canonical(grantCondition(grant) ?? {});
}

export type TrustChange =
  | { kind: 'added'; statementIndex: number }
  | { kind: 'merged'; statementIndex: number }
  | { kind: 'unchanged'; statementIndex: number };

/**
 * `document` with `grant` in it: the principal merged into the statement that already grants the same actions
 * under the same conditions, or one statement added. Every existing statement stays, in its place.
 */
export function addTrust(document: PolicyDocument, grant: TrustGrant): { document: PolicyDocument; change: TrustChange } {
  const principal = normalizePrincipal(grant.principal);
  const statements = document.Statement.map((s) => ({ ...s }));
  const index = statements.findIndex((s) => matches(s, grant));
  if (index >= 0) {
    const current = awsPrincipals(statements[index]).map(normalizePrincipal);
    if (current.includes(principal)) return { document: { ...document, Statement: statements }, change: { kind: 'unchanged', statementIndex: index } };
    const existing = statements[index].Principal as Exclude<PolicyStatement['Principal'], '*' | undefined>;
    statements[index].Principal = { ...existing, AWS: [...asList(existing.AWS), principal] };
    return { document: { ...document, Statement: statements }, change: { kind: 'merged', statementIndex: index } };
  }
  statements.push(trustStatement(grant, sidFor(document, principal)));
  return { document: { ...document, Statement: statements }, change: { kind: 'added', statementIndex: statements.length - 1 } };
}

/**
 * `document` without `principal`: taken out of every Allow statement naming it; a statement left naming no
 * principal at all is dropped (it granted only that principal), every other statement stays as it was.
 */
export function removeTrust(document: PolicyDocument, principal: string): { document: PolicyDocument; changedStatements: number[]; droppedStatements: number[] } {
  const target = normalizePrincipal(principal);
  const changed: number[] = [];
  const dropped: number[] = [];
  const statements: PolicyStatement[] = [];
  document.Statement.forEach((statement, index) => {
    const aws = awsPrincipals(statement);
    if (statement.Effect !== 'Allow' || statement.Principal === '*' || !aws.map(normalizePrincipal).includes(target)) {
      statements.push(statement);
      return;
    }
    const rest = aws.filter((p) => normalizePrincipal(p) !== target);
    const { AWS: _aws, ...others } = statement.Principal as Exclude<PolicyStatement['Principal'], '*' | undefined>;
    if (rest.length === 0 && Object.keys(others).length === 0) {
      dropped.push(index);
      return;
    }
    changed.push(index);
    statements.push({ ...statement, Principal: rest.length ? { ...others, AWS: one(rest) } : others });
  });
  return { document: { ...document, Statement: statements }, changedStatements: changed, droppedStatements: dropped };
}

/** One principal a trust policy names, with what binds it in the statement that names it. */
export interface TrustedPrincipal {
  principal: string;
  statementIndex: number;
  sid?: string;
  actions: string[];
  externalId?: string;
  requireMfa: boolean;
  organizationId?: string;
  /** Condition keys beyond the three Crossing writes (the role page shows the statement as it is). */
  otherConditions: string[];
}

export function trustedPrincipals(document: PolicyDocument): TrustedPrincipal[] {
  return document.Statement.flatMap((statement, statementIndex) => {
    if (statement.Effect !== 'Allow') return [];
    const condition = statement.Condition ?? {};
    const known = new Set(['StringEquals/sts:ExternalId', 'StringEquals/aws:PrincipalOrgID', 'Bool/aws:MultiFactorAuthPresent']);
    const otherConditions = Object.entries(condition).flatMap(([op, keys]) => Object.keys(keys).filter((k) => !known.has(`${op}/${k}`)).map((k) => `${op} ${k}`));
    const first = (v: string | string[] | undefined) => asList(v)[0];
    return awsPrincipals(statement).map((principal) => ({
      principal,
      statementIndex,
      sid: statement.Sid,
      actions: asList(statement.Action),
      externalId: first(condition.StringEquals?.['sts:ExternalId']),
      requireMfa: first(condition.Bool?.['aws:MultiFactorAuthPresent']) === 'true',
      organizationId: first(condition.StringEquals?.['aws:PrincipalOrgID']),
      otherConditions,
    }));
  });
}

export interface DiffLine {
  op: ' ' | '+' | '-';
  text: string;
}

/** A line diff of the two documents as the review renders them (longest common subsequence). */
export function policyDiff(before: PolicyDocument, after: PolicyDocument): DiffLine[] {
  const a = renderPolicy(before).split('\n');
  const b = renderPolicy(after).split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ op: ' ', text: a[i++] });
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) out.push({ op: '-', text: a[i++] });
    else out.push({ op: '+', text: b[j++] });
  }
  return out;
}

export const renderDiff = (lines: DiffLine[]): string => lines.map((l) => `${l.op} ${l.text}`).join('\n');
