// Findings (pure): which of the organization's access paths should not exist, from the paths (paths.ts), the
// IAM snapshot, the allowlist and the accepted findings. Each names its severity, the paths behind it and,
// where Crossing can close it, the fix (built into a plan by the fix's own module: lib/iam/finding-fixes.ts,
// or the share edit for RAM). Accepted findings stay listed, marked, until their acceptance expires.
import type { IamSnapshot } from '../iam/snapshot';
import type { PolicyStatement } from '../iam/policy';
import { asList } from '../iam/policy';
import { runSteps, sortedSteps, type Steps } from '../cache/slices';
import { chainsFrom } from './chains';
import { actionMatches, type NamedDocument } from './match';
import { documentsOf, principalsOf, type AccessIndex, type AccessPath } from './paths';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_KINDS = {
  'missing-external-id': 'Outside account trusted without sts:ExternalId',
  'open-trust': 'Trust to * not narrowed to the organization',
  'not-allowlisted': 'Outside account or organization not on the allowlist',
  'deleted-principal': 'Trust names a principal that no longer exists',
  'broad-assume': 'Identity policy allows sts:AssumeRole on every role',
  'outside-share': 'Resource share with an outside principal not on the allowlist',
  'unused-outside-role': 'Role an outside account can assume, unused',
  'less-trusted-admin': 'Less-trusted OU reaches an administrator role',
  'half-open-trust': 'Half-open trust',
} as const;
export type FindingKind = keyof typeof FINDING_KINDS;

const SEVERITY_OF: Record<FindingKind, Severity> = {
  'open-trust': 'critical',
  'less-trusted-admin': 'critical',
  'missing-external-id': 'high',
  'outside-share': 'high',
  'not-allowlisted': 'medium',
  'broad-assume': 'medium',
  'unused-outside-role': 'medium',
  'deleted-principal': 'low',
  'half-open-trust': 'info',
};

/** One way Crossing closes a finding: the fix's kind and what it needs to build the plan. */
export type FindingFix =
  | { kind: 'add-external-id'; roleArn: string; principal: string }
  | { kind: 'remove-trust'; roleArn: string; principal: string }
  | { kind: 'delete-role'; roleArn: string }
  | { kind: 'disassociate-share'; accountId: string; region: string; shareId: string; principal: string };

export interface Finding {
  /** Stable across readings: what an acceptance is recorded against. */
  id: string;
  kind: FindingKind;
  severity: Severity;
  title: string;
  detail: string;
  /** The account the finding is about (the role's or share's, or the principal's for identity policies). */
  accountId: string;
  /** Other accounts involved (the outside or source account). */
  otherAccountId?: string;
  /** Whether everything involved is in the organization. */
  inside: boolean;
  paths: AccessPath[];
  /** How Crossing can close it, in the order offered (none: only the source's admins can). */
  fixes: FindingFix[];
  accepted?: Acceptance;
}

export interface Allowlist {
  /** Trusted outside account IDs, organization IDs (o-…) and OU IDs (ou-…). */
  accounts: string[];
  organizations: string[];
  ous: string[];
  /** OUs (of this organization) whose principals must not reach administrator roles elsewhere. */
  lessTrustedOus: string[];
}

export const EMPTY_ALLOWLIST: Allowlist = { accounts: [], organizations: [], ous: [], lessTrustedOus: [] };

export interface Acceptance {
  findingId: string;
  reason: string;
  acceptedBy: string;
  /** Epoch ms. */
  acceptedAt: number;
  expiresAt?: number;
}

export interface FindingsInput {
  index: AccessIndex;
  iam: IamSnapshot;
  allowlist: Allowlist;
  acceptances: Acceptance[];
  /** Epoch ms. */
  now: number;
  unusedDays?: number;
}

export const DEFAULT_UNUSED_DAYS = 90;
const DAY_MS = 86_400_000;
const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';

const hasCondition = (path: AccessPath, key: string) => path.conditions.some((c) => c.key.toLowerCase() === key.toLowerCase());
const orgValues = (path: AccessPath, key: RegExp) => path.conditions.filter((c) => key.test(c.key) && c.operator.startsWith('String')).flatMap((c) => c.values);
/** The principal a role path's trust names: the account's root for a whole account, else the principal's ARN. */
const trustedPrincipal = (path: AccessPath) => (path.source.kind === 'account' ? `arn:aws:iam::${path.source.id}:root` : path.source.id);

/** Whether a statement allows every action on every resource, unconditionally. */
const isAdminStatement = (s: PolicyStatement) => s.Effect === 'Allow' && !s.Condition && asList(s.Action).includes('*') && asList(s.Resource).includes('*');

/** Every finding at once (tests, benchmarks); pages work them out in slices (findingSteps). */
export function computeFindings(input: FindingsInput): Finding[] {
  return runSteps(findingSteps(input));
}

/** The findings' computation, one step per path and per account. */
export function* findingSteps(input: FindingsInput): Steps<Finding[]> {
  const { index, iam, allowlist, now } = input;
  const organization = index.organization;
  const inOrg = (accountId: string | undefined) => !!accountId && !!organization.accounts[accountId];
  const unusedMs = (input.unusedDays ?? DEFAULT_UNUSED_DAYS) * DAY_MS;
  const trustedAccounts = new Set(allowlist.accounts);
  const trustedOrgs = new Set(allowlist.organizations);
  const trustedOus = new Set(allowlist.ous);
  const findings = new Map<string, Finding>();
  const add = (f: Omit<Finding, 'severity'>) => {
    const existing = findings.get(f.id);
    if (existing) existing.paths.push(...f.paths);
    else findings.set(f.id, { ...f, severity: SEVERITY_OF[f.kind] });
  };
  const name = (accountId: string) => (organization.accounts[accountId] ? `${organization.accounts[accountId].name} (${accountId})` : accountId);

  // Role paths, one trust entry each (an expanded whole-account trust gives one path per principal: one finding).
  for (const path of index.paths) {
    yield;
    if (path.kind === 'share') {
      const account = path.source.accountId;
      if (path.inside || !account || trustedAccounts.has(account)) continue;
      const [, , , region, , resource] = path.target.arn.split(':');
      add({
        id: `outside-share|${path.target.arn}|${path.source.id}`,
        kind: 'outside-share',
        title: `Share ${path.target.name} is shared with ${path.source.label}`,
        detail: `${path.target.detail ?? 'Its resources'} reach an account outside the organization that is not on the allowlist.`,
        accountId: path.destinationAccount,
        otherAccountId: account,
        inside: false,
        paths: [path],
        fixes: [{ kind: 'disassociate-share', accountId: path.destinationAccount, region, shareId: resource.split('/').pop()!, principal: path.source.id }],
      });
      continue;
    }
    const role = path.target;
    const destination = path.destinationAccount;
    const sourceAccount = path.source.accountId;
    const outside = !!sourceAccount && !inOrg(sourceAccount);
    const principal = trustedPrincipal(path);

    if (path.source.kind === 'unknown-principal') {
      add({
        id: `deleted-principal|${role.arn}|${path.source.id}`,
        kind: 'deleted-principal',
        title: `${role.name} trusts ${path.source.id}, a principal that no longer exists`,
        detail: 'IAM shows a deleted principal by its unique ID. A new principal with the same name does not get this trust; the entry only hides what the trust was for.',
        accountId: destination,
        inside: true,
        paths: [path],
        fixes: [{ kind: 'remove-trust', roleArn: role.arn, principal: path.source.id }],
      });
      continue;
    }
    const narrowed = orgValues(path, /^aws:PrincipalOrg(ID|Paths)$/i).length > 0;
    if (path.source.kind === 'any' && !narrowed && path.status !== 'blocked') {
      add({
        id: `open-trust|${role.arn}|${path.statement}`,
        kind: 'open-trust',
        title: `${role.name} trusts any principal (*)`,
        detail: `The ${path.statement} names * with no aws:PrincipalOrgID or aws:PrincipalOrgPaths condition: any AWS account may assume it${path.conditions.length ? ' when it meets the conditions shown' : ''}.`,
        accountId: destination,
        inside: false,
        paths: [path],
        fixes: [],
      });
      continue;
    }
    if (path.source.kind === 'any' || path.source.kind === 'organization') {
      // A * trust narrowed by an organization or OU condition: is the organization or OU ours or allowlisted?
      const others = orgValues(path, /^aws:PrincipalOrgID$/i).filter((o) => o !== organization.id && !trustedOrgs.has(o));
      const otherOus = orgValues(path, /^aws:PrincipalOrgPaths$/i)
        .filter((p) => !(organization.id && p.startsWith(`${organization.id}/`)))
        .filter((p) => !trustedOrgs.has(p.split('/')[0]) && !p.split('/').some((part) => trustedOus.has(part.replace(/\*$/, ''))));
      for (const other of [...others, ...otherOus]) {
        add({
          id: `not-allowlisted|${role.arn}|${other}`,
          kind: 'not-allowlisted',
          title: `${role.name} trusts ${other.includes('/') ? 'OU path' : 'organization'} ${other}, not on the allowlist`,
          detail: 'Principals of another organization may assume the role; add it to the allowlist if it is trusted.',
          accountId: destination,
          otherAccountId: other,
          inside: false,
          paths: [path],
          fixes: [],
        });
      }
      continue;
    }
    if (path.source.kind === 'service' || path.source.kind === 'federated') continue;

    if (outside && sourceAccount) {
      if (!hasCondition(path, 'sts:ExternalId')) {
        add({
          id: `missing-external-id|${role.arn}|${sourceAccount}`,
          kind: 'missing-external-id',
          title: `${role.name} trusts ${name(sourceAccount)} without an sts:ExternalId`,
          detail: `An account outside the organization may assume ${role.name} without an ExternalId: a third party acting for several customers could be tricked into using it (the confused deputy). The fix adds a new ExternalId to hand over to them.`,
          accountId: destination,
          otherAccountId: sourceAccount,
          inside: false,
          paths: [path],
          fixes: [{ kind: 'add-external-id', roleArn: role.arn, principal }],
        });
      }
      if (!trustedAccounts.has(sourceAccount)) {
        add({
          id: `not-allowlisted|${role.arn}|${sourceAccount}`,
          kind: 'not-allowlisted',
          title: `${role.name} trusts account ${sourceAccount}, outside the organization and not on the allowlist`,
          detail: 'Add the account to the allowlist in Settings if it is a trusted vendor, or remove the trust (or the role, when it trusts no one else).',
          accountId: destination,
          otherAccountId: sourceAccount,
          inside: false,
          paths: [path],
          fixes: [{ kind: 'remove-trust', roleArn: role.arn, principal }, { kind: 'delete-role', roleArn: role.arn }],
        });
      }
      if (path.status !== 'blocked' && (path.lastUsed === undefined || now - path.lastUsed > unusedMs)) {
        const days = input.unusedDays ?? DEFAULT_UNUSED_DAYS;
        add({
          id: `unused-outside-role|${role.arn}|${sourceAccount}`,
          kind: 'unused-outside-role',
          title: `${role.name}, assumable from ${name(sourceAccount)}, ${path.lastUsed === undefined ? 'has never been used' : `unused for ${Math.floor((now - path.lastUsed) / DAY_MS)} days`}`,
          detail: `No session in ${days} days (RoleLastUsed): the outside account's access is probably no longer needed.`,
          accountId: destination,
          otherAccountId: sourceAccount,
          inside: false,
          paths: [path],
          fixes: [{ kind: 'remove-trust', roleArn: role.arn, principal }, { kind: 'delete-role', roleArn: role.arn }],
        });
      }
      continue;
    }
    if (!outside && path.status === 'blocked' && path.blockedBy?.layer === 'identity' && sourceAccount) {
      add({
        id: `half-open-trust|${role.arn}|${path.source.id}`,
        kind: 'half-open-trust',
        title: `${role.name} trusts ${path.source.label}, whose own policies do not allow assuming it`,
        detail: `${path.blockedBy.why}. Nobody can use this trust today; it opens as soon as the source's policies allow it.`,
        accountId: destination,
        otherAccountId: sourceAccount,
        inside: true,
        paths: [path],
        fixes: [{ kind: 'remove-trust', roleArn: role.arn, principal }],
      });
    }
  }

  yield* broadAssumeSteps(iam, index, add);
  yield* lessTrustedSteps(iam, index, allowlist, add);

  const accepted = new Map(input.acceptances.filter((a) => a.expiresAt === undefined || a.expiresAt > now).map((a) => [a.findingId, a]));
  const listed = [...findings.values()].map((f) => (accepted.has(f.id) ? { ...f, accepted: accepted.get(f.id) } : f));
  const severityRank = (s: Severity) => SEVERITIES.indexOf(s);
  return yield* sortedSteps(listed, (a, b) => severityRank(a.severity) - severityRank(b.severity) || a.title.localeCompare(b.title));
}

/** Identity policies allowing sts:AssumeRole on `*` (or `arn:aws:iam::*:role/*`), or on every role of another account. */
function* broadAssumeSteps(iam: IamSnapshot, index: AccessIndex, add: (f: Omit<Finding, 'severity'>) => void): Steps<void> {
  const doc = documentsOf(iam);
  for (const [accountId, account] of Object.entries(iam.accounts)) {
    yield;
    if (account.error) continue;
    for (const principal of principalsOf(iam, accountId, doc)) {
      for (const policy of principal.identity) {
        for (const statement of policy.document.Statement) {
          // Administrator policies (Action *) are a different finding: this is about sts:AssumeRole written out.
          if (statement.Effect !== 'Allow' || asList(statement.Action).includes('*') || statement.NotAction || !actionMatches(statement, 'sts:AssumeRole')) continue;
          const broad = asList(statement.Resource).filter((r) => r === '*' || /^arn:aws[\w-]*:iam::(\*|\d{12}):role\/\*$/.test(r)).filter((r) => r.split(':')[4] !== accountId);
          if (broad.length === 0) continue;
          const other = broad.map((r) => r.split(':')[4]).find((a) => a && a !== '*');
          add({
            id: `broad-assume|${principal.arn}|${policy.name}`,
            kind: 'broad-assume',
            title: `${principal.kind} ${principal.name} may assume ${other ? `every role of ${index.organization.accounts[other]?.name ?? other}` : 'every role of every account'}`,
            detail: `The ${policy.name} allows sts:AssumeRole on ${broad.join(', ')}: any role that trusts this account (or *) is within its reach. Name the roles it needs.`,
            accountId,
            otherAccountId: other,
            inside: !other || !!index.organization.accounts[other],
            paths: (index.bySourcePrincipal.get(principal.arn) ?? []).map((i) => index.paths[i]),
            fixes: [],
          });
        }
      }
    }
  }
}

/** Roles with administrator permissions (AdministratorAccess, or a statement allowing * on *). */
function* administratorRoleSteps(iam: IamSnapshot): Steps<Set<string>> {
  const doc = documentsOf(iam);
  const admin = new Set<string>();
  const isAdmin = (policies: NamedDocument[]) => policies.some((p) => p.document.Statement.some(isAdminStatement));
  for (const account of Object.values(iam.accounts)) {
    yield;
    for (const role of account.roles) {
      if (role.attached.includes(ADMINISTRATOR_ACCESS)) admin.add(role.arn);
      else if (isAdmin([...role.inline.map((p) => ({ name: p.name, document: doc(p.document) })), ...role.attached.flatMap((arn) => (iam.managedPolicies[arn] === undefined ? [] : [{ name: arn, document: doc(iam.managedPolicies[arn]) }]))])) admin.add(role.arn);
    }
  }
  return admin;
}

/** A principal in a less-trusted OU reaching an administrator role in another account, directly or by a chain. */
function* lessTrustedSteps(iam: IamSnapshot, index: AccessIndex, allowlist: Allowlist, add: (f: Omit<Finding, 'severity'>) => void): Steps<void> {
  if (allowlist.lessTrustedOus.length === 0) return;
  const lessTrusted = new Set(allowlist.lessTrustedOus);
  const admin = yield* administratorRoleSteps(iam);
  const { organization } = index;
  for (const [accountId, member] of Object.entries(organization.accounts)) {
    yield;
    const ou = member.parents.find((p) => lessTrusted.has(p));
    if (!ou) continue;
    const direct = (index.outbound.get(accountId) ?? []).map((i) => index.paths[i]).filter((p) => p.kind === 'role' && p.status !== 'blocked').map((p) => [p]);
    const routes = [...direct, ...chainsFrom(index, accountId).map((c) => c.hops)];
    for (const hops of routes) {
      const last = hops[hops.length - 1];
      if (!admin.has(last.target.arn) || last.destinationAccount === accountId) continue;
      add({
        id: `less-trusted-admin|${hops[0].source.id}|${last.target.arn}`,
        kind: 'less-trusted-admin',
        title: `${hops[0].source.label} (OU ${organization.groupNames[ou] ?? ou}) reaches administrator role ${last.target.name} in ${organization.accounts[last.destinationAccount]?.name ?? last.destinationAccount}`,
        detail: hops.length > 1 ? `Through ${hops.map((h) => h.target.name).join(' → ')}.` : 'Directly, by the role\'s trust.',
        accountId: last.destinationAccount,
        otherAccountId: accountId,
        inside: true,
        paths: hops,
        fixes: [],
      });
    }
  }
}
