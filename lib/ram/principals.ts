// The principals a resource share may name, and the rules RAM applies to them, checked before the plan
// is made so a refusal is explained in the step that causes it: the format of each principal type; an
// organization or OU only from the console's own organization; an account outside the organization only
// when the share allows external principals and every resource type in it can go outside; IAM roles and
// users only when every type supports them. Pure: the organization comes in as a directory.
import type { OrganizationSnapshot } from '../organizations/types';
import { ancestorsOf } from '../organizations/view';
import type { ResourceTypeInfo } from './resource-types';

export const PRINCIPAL_TYPES = ['AWS_ACCOUNT', 'ORGANIZATION', 'ORGANIZATIONAL_UNIT', 'IAM_ROLE', 'IAM_USER', 'SERVICE_PRINCIPAL'] as const;
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

export const PRINCIPAL_TYPE_INFO: Record<PrincipalType, { label: string; hint: string; example: string }> = {
  AWS_ACCOUNT: { label: 'AWS account', hint: '12 digits', example: '123456789012' },
  ORGANIZATION: { label: 'Organization', hint: 'o- and 10–32 lowercase letters or digits, or its ARN', example: 'o-abcde12345' },
  ORGANIZATIONAL_UNIT: { label: 'Organizational unit', hint: 'ou-, 4–32 lowercase letters or digits, -, 8–32 more; or its ARN', example: 'ou-ab12-cdef3456' },
  IAM_ROLE: { label: 'IAM role', hint: 'arn:aws:iam::ACCOUNT:role/NAME', example: 'arn:aws:iam::123456789012:role/Dev' },
  IAM_USER: { label: 'IAM user', hint: 'arn:aws:iam::ACCOUNT:user/NAME', example: 'arn:aws:iam::123456789012:user/JohnDoe' },
  SERVICE_PRINCIPAL: { label: 'Service principal', hint: 'SERVICE.amazonaws.com', example: 'elasticloadbalancing.amazonaws.com' },
};

const ACCOUNT_ID = /^\d{12}$/;
const ORG_ID = /^o-[a-z0-9]{10,32}$/;
const ORG_ARN = /^arn:aws[a-z-]*:organizations::\d{12}:organization\/(o-[a-z0-9]{10,32})$/;
const OU_ID = /^ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/;
const OU_ARN = /^arn:aws[a-z-]*:organizations::\d{12}:ou\/(o-[a-z0-9]{10,32})\/(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})$/;
const IAM_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):(role|user)\/(?:[\x21-\x7e]*\/)?[\w+=,.@-]{1,64}$/;
const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com$/;

/** Which rule refused a principal (the UI and tests tell them apart). */
export type PrincipalRule =
  | 'format'
  | 'own-account'
  | 'other-organization'
  | 'organization-sharing-off'
  | 'external-not-allowed'
  | 'type-organization-only'
  | 'type-no-iam'
  | 'service-principal'
  | 'duplicate';

/** A principal as the share will name it, with what the admin needs to recognise it. */
export interface SelectedPrincipal {
  type: PrincipalType;
  /** What goes into CreateResourceShare's principals: account ID, organization/OU ARN, role/user ARN. */
  principal: string;
  /** The short ID the tree knows it by (account, r-/o-, ou-) or the ARN. */
  id: string;
  /** Account name, OU path, organization name. */
  name: string;
  /** Outside the console's organization (RAM sends an invitation). */
  outside: boolean;
  /** An organization or OU that contains the sharing account itself. */
  containsSharingAccount?: boolean;
}

export type PrincipalCheck = { ok: true; principal: SelectedPrincipal } | { ok: false; rule: PrincipalRule; message: string };

/** The console's organization as the rules need it. */
export interface OrganizationDirectory {
  organizationId: string;
  organizationArn: string;
  rootId: string;
  name: string;
  account(id: string): { name: string; path: string } | undefined;
  ou(id: string): { name: string; path: string; arn: string } | undefined;
  /** The IDs (root, OUs) above an account, for the "contains the sharing account" warning. */
  ancestorsOfAccount(id: string): string[];
}

export interface PrincipalRules {
  /** Undefined when the console is not in an organization. */
  organization?: OrganizationDirectory;
  /** RAM sharing with AWS Organizations is enabled. */
  organizationSharing: boolean;
  sharingAccountId: string;
  allowExternalPrincipals: boolean;
  /** The types in the share. */
  resourceTypes: ResourceTypeInfo[];
}

const typeNames = (types: ResourceTypeInfo[]) => types.map((t) => `${t.label} (${t.resourceType})`).join(', ');
const refuse = (rule: PrincipalRule, message: string): PrincipalCheck => ({ ok: false, rule, message });

/** The rules an account principal must pass, inside or outside the organization. */
function accountRules(accountId: string, rules: PrincipalRules, what: string): { outside: boolean; refusal?: PrincipalCheck } {
  const member = rules.organization?.account(accountId);
  // Without sharing with Organizations, RAM treats every other account as external (an invitation).
  const outside = !member || !rules.organizationSharing;
  if (!outside) return { outside };
  const where = member ? `${what} is in your organization, but sharing with AWS Organizations is off, so RAM treats it as outside the organization` : `${what} is outside your organization`;
  // The type's limit first: no toggle can lift it.
  const orgOnly = rules.resourceTypes.filter((t) => !t.outsideOrganization);
  if (orgOnly.length > 0) {
    return { outside, refusal: refuse('type-organization-only', `${where}: ${typeNames(orgOnly)} can only be shared within your organization.`) };
  }
  if (!rules.allowExternalPrincipals) {
    return { outside, refusal: refuse('external-not-allowed', `${where}, and "Allow principals outside your organization" is off for this share.`) };
  }
  return { outside };
}

/** Checks one principal typed (or picked) by the admin against RAM's rules for this share. */
/** The type a typed principal is by its form (account ID, o-/ou- ID or ARN, role or user ARN); accounts by default. */
export function principalTypeOf(value: string): PrincipalType {
  const v = value.trim();
  if (/^(arn:[^:]+:organizations::\d{12}:ou\/|ou-)/.test(v)) return 'ORGANIZATIONAL_UNIT';
  if (/^(arn:[^:]+:organizations::\d{12}:organization\/|o-)/.test(v)) return 'ORGANIZATION';
  if (/^arn:[^:]+:iam::\d{12}:role\//.test(v)) return 'IAM_ROLE';
  if (/^arn:[^:]+:iam::\d{12}:user\//.test(v)) return 'IAM_USER';
  if (SERVICE_PRINCIPAL.test(v)) return 'SERVICE_PRINCIPAL';
  return 'AWS_ACCOUNT';
}

export function checkPrincipal(type: PrincipalType, raw: string, rules: PrincipalRules, already: readonly SelectedPrincipal[] = []): PrincipalCheck {
  const value = raw.trim();
  const info = PRINCIPAL_TYPE_INFO[type];
  // A service principal typed under another type is still one: RAM's rule for it is the answer.
  if (SERVICE_PRINCIPAL.test(value) && type !== 'SERVICE_PRINCIPAL') return checkPrincipal('SERVICE_PRINCIPAL', value, rules, already);
  const result = checkOfType(type, value, rules);
  if (!result.ok) return result.message ? result : refuse('format', `"${value || '(empty)'}" is not ${article(info.label)}: expected ${info.hint}, e.g. ${info.example}.`);
  if (already.some((p) => p.principal === result.principal.principal)) {
    return refuse('duplicate', `${result.principal.name} is already in the share's principals.`);
  }
  return result;
}

const article = (label: string) => `${/^[AEIOU]/.test(label) ? 'an' : 'a'} ${label}`;

function checkOfType(type: PrincipalType, value: string, rules: PrincipalRules): PrincipalCheck | { ok: false; message?: undefined } {
  const org = rules.organization;
  switch (type) {
    case 'AWS_ACCOUNT': {
      if (!ACCOUNT_ID.test(value)) return { ok: false };
      if (value === rules.sharingAccountId) return refuse('own-account', `${value} is the sharing account: a share's owner cannot be one of its principals.`);
      const { outside, refusal } = accountRules(value, rules, `Account ${value}`);
      if (refusal) return refusal;
      const member = org?.account(value);
      return { ok: true, principal: { type, principal: value, id: value, name: member ? `${member.name} (${member.path})` : `Account ${value}`, outside } };
    }
    case 'ORGANIZATION': {
      const id = ORG_ID.test(value) ? value : ORG_ARN.exec(value)?.[1];
      if (!id) return { ok: false };
      if (!org || id !== org.organizationId) {
        return refuse('other-organization', `${id} is not your organization${org ? ` (${org.organizationId})` : ''}: RAM shares only with the sharing account's own organization.`);
      }
      if (!rules.organizationSharing) return refuse('organization-sharing-off', 'Sharing with AWS Organizations is off: enable it in Settings before sharing with the organization.');
      const contains = org.ancestorsOfAccount(rules.sharingAccountId).includes(org.rootId);
      return { ok: true, principal: { type, principal: org.organizationArn, id: org.rootId, name: `${org.name} (whole organization)`, outside: false, containsSharingAccount: contains } };
    }
    case 'ORGANIZATIONAL_UNIT': {
      const arn = OU_ARN.exec(value);
      const id = OU_ID.test(value) ? value : arn?.[2];
      if (!id) return { ok: false };
      const ou = org && (!arn || arn[1] === org.organizationId) ? org.ou(id) : undefined;
      if (!ou) {
        return refuse('other-organization', `${id} is not an organizational unit of your organization${org ? ` (${org.organizationId})` : ''}: RAM shares only with OUs of the sharing account's own organization.`);
      }
      if (!rules.organizationSharing) return refuse('organization-sharing-off', 'Sharing with AWS Organizations is off: enable it in Settings before sharing with an OU.');
      const contains = org!.ancestorsOfAccount(rules.sharingAccountId).includes(id);
      return { ok: true, principal: { type, principal: ou.arn, id, name: ou.path, outside: false, containsSharingAccount: contains } };
    }
    case 'SERVICE_PRINCIPAL': {
      if (!SERVICE_PRINCIPAL.test(value)) return { ok: false };
      const refused = rules.resourceTypes.filter((t) => !t.servicePrincipals);
      if (refused.length > 0) {
        return refuse(
          'service-principal',
          `${typeNames(refused)} cannot be shared with a service principal such as ${value}: AWS RAM's "Shareable AWS resources" table does not mark ${refused.length === 1 ? 'this type' : 'these types'} "Can share with service principals".`,
        );
      }
      return { ok: true, principal: { type, principal: value, id: value, name: value, outside: false } };
    }
    case 'IAM_ROLE':
    case 'IAM_USER': {
      const m = IAM_ARN.exec(value);
      if (!m || (m[2] === 'role') !== (type === 'IAM_ROLE')) return { ok: false };
      const noIam = rules.resourceTypes.filter((t) => !t.iamPrincipals);
      if (noIam.length > 0) {
        return refuse('type-no-iam', `${typeNames(noIam)} cannot be shared with IAM ${m[2]}s: share with the ${m[2]}'s account (${m[1]}) instead.`);
      }
      if (m[1] === rules.sharingAccountId) return refuse('own-account', `${value} is in the sharing account: a share's owner cannot be one of its principals.`);
      const { outside, refusal } = accountRules(m[1], rules, `The ${m[2]}'s account ${m[1]}`);
      if (refusal) return refusal;
      const member = org?.account(m[1]);
      return { ok: true, principal: { type, principal: value, id: value, name: member ? `${value} (${member.name})` : value, outside } };
    }
  }
}

/** Every principal again, for the share as it now stands (types or the toggle may have changed). */
export function checkPrincipals(principals: readonly SelectedPrincipal[], rules: PrincipalRules): { principals: SelectedPrincipal[]; errors: Record<string, string> } {
  const out: SelectedPrincipal[] = [];
  const errors: Record<string, string> = {};
  for (const p of principals) {
    const r = checkPrincipal(p.type, p.principal, rules, out);
    if (r.ok) out.push(r.principal);
    else errors[p.principal] = r.message;
  }
  return { principals: out, errors };
}

/** The directory of the organization a snapshot holds. */
export function organizationDirectory(snapshot: OrganizationSnapshot): OrganizationDirectory {
  const pathOf = (id: string) => [...ancestorsOf(snapshot, id).map((a) => a.name), snapshot.nodes[id].name].join(' / ');
  const root = snapshot.nodes[snapshot.rootId];
  return {
    organizationId: snapshot.organization.id,
    organizationArn: snapshot.organization.arn,
    rootId: snapshot.rootId,
    name: root?.name ?? snapshot.organization.id,
    account(id) {
      const node = snapshot.nodes[id];
      return node?.type === 'ACCOUNT' ? { name: node.name, path: ancestorsOf(snapshot, id).map((a) => a.name).join(' / ') } : undefined;
    },
    ou(id) {
      const node = snapshot.nodes[id];
      return node?.type === 'ORGANIZATIONAL_UNIT' ? { name: node.name, path: pathOf(id), arn: node.arn } : undefined;
    },
    ancestorsOfAccount: (id) => ancestorsOf(snapshot, id).map((a) => a.id),
  };
}

/** A source constraint on a share's service principals (CreateResourceShare / AssociateResourceShare `sources`). */
export interface SourceConstraint {
  sourceId: string;
  sourceType: 'ACCOUNT' | 'ARN' | 'ORGANIZATION' | 'ORGANIZATION_PATH';
}

const SOURCE_FORMS: [SourceConstraint['sourceType'], RegExp][] = [
  ['ACCOUNT', ACCOUNT_ID],
  ['ORGANIZATION', ORG_ID],
  ['ORGANIZATION_PATH', /^o-[a-z0-9]{10,32}\/r-[0-9a-z]{4,32}(\/ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})*\/$/],
  ['ARN', /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:\S+$/],
];

/**
 * Source constraints typed by the admin: each an account ID, an ARN, an organization ID or an organization path
 * (o-…/r-…/ou-…/), with a message for each that is not; they need a service principal in the share.
 */
export function checkSources(raw: readonly string[], principals: readonly Pick<SelectedPrincipal, 'type'>[]): { sources: SourceConstraint[]; errors: Record<string, string> } {
  const sources: SourceConstraint[] = [];
  const errors: Record<string, string> = {};
  const values = [...new Set(raw.map((v) => v.trim()).filter(Boolean))];
  if (values.length && !principals.some((p) => p.type === 'SERVICE_PRINCIPAL')) {
    for (const v of values) errors[v] = 'Source constraints limit where a service principal may use the shared resources from: add a service principal first.';
    return { sources, errors };
  }
  for (const v of values) {
    const form = SOURCE_FORMS.find(([, pattern]) => pattern.test(v));
    if (form) sources.push({ sourceId: v, sourceType: form[0] });
    else errors[v] = `"${v}" is not a source: use an account ID (12 digits), an ARN, an organization ID (o-…) or an organization path (o-…/r-…/ou-…/).`;
  }
  return { sources, errors };
}
