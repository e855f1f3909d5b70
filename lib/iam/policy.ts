// IAM policy documents as Crossing reads and writes them: parsed from what IAM answers (URL-encoded JSON,
// Statement and Action as a single value or a list), sized as IAM counts them, rendered the same way every time.

export type Principal = '*' | { AWS?: string | string[]; Service?: string | string[]; Federated?: string | string[] };
export type ConditionBlock = Record<string, Record<string, string | string[]>>;

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: Principal;
  NotPrincipal?: Principal;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: ConditionBlock;
}

export interface PolicyDocument {
  Version: string;
  Statement: PolicyStatement[];
}

export const POLICY_VERSION = '2012-10-17';

export const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** A policy document as IAM returns it (GetRole's AssumeRolePolicyDocument and GetPolicyVersion are URL-encoded). */
export function parsePolicy(text: string | undefined): PolicyDocument {
  if (!text) return { Version: POLICY_VERSION, Statement: [] };
  let json = text;
  if (!json.trimStart().startsWith('{')) json = decodeURIComponent(json);
  const raw = JSON.parse(json) as { Version?: string; Statement?: PolicyStatement | PolicyStatement[] };
  return { Version: raw.Version ?? POLICY_VERSION, Statement: asList(raw.Statement) };
}

/** IAM's size: characters of the JSON without whitespace outside strings. */
export function policySize(document: PolicyDocument): number {
  return JSON.stringify(document).length;
}

export const renderPolicy = (document: PolicyDocument): string => JSON.stringify(document, null, 2);

/** The AWS principals a statement names, as listed. */
export function awsPrincipals(statement: PolicyStatement): string[] {
  const principal = statement.Principal;
  if (principal === '*') return ['*'];
  return asList(principal?.AWS);
}

/** The account an `AWS` principal belongs to: `arn:aws:iam::ID:…` or a bare account ID. */
export function accountOfPrincipal(principal: string): string | undefined {
  if (/^\d{12}$/.test(principal)) return principal;
  const account = principal.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/** Order-free form of a value, to compare actions, conditions and documents as IAM does (sets, not lists). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Every single value as a one-element list (IAM treats "x" and ["x"] alike), but Version, Sid and Effect. */
function asSets(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return ['Version', 'Sid', 'Effect'].includes(key) ? value : [value];
  if (Array.isArray(value)) return value.flatMap((v) => asSets(v, key) as unknown[]);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asSets(v, k)]));
  return value;
}

/** Whether two policy texts (as IAM stores or returns them) say the same. */
export function samePolicy(a: string | undefined, b: string | undefined): boolean {
  const norm = (text: string | undefined) => canonical(parsePolicy(text).Statement.map((s) => asSets(s)));
  return norm(a) === norm(b);
}
