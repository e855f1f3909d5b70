// Kind of change: cross-account access (pure builder): from a validated request and what was read from IAM, the
// two halves — the destination role's trust policy (a new role with its permissions, or the existing trust policy
// with the source merged in) and the source principal's inline policy allowing sts:AssumeRole on exactly that
// role — with both documents, the diff, the sizes against the accounts' quotas, and the notes the admin must
// read. Read back by verification against the live policies; the trusts list is read again once it ran.
import { z } from 'zod';
import { outputOf, PlanError } from '../plan/build';
import { defineKind, type KindDraft, type ReadBack } from '../plan/kind';
import type { PlanDraft, PlanStep } from '../plan/types';
import { POLICY_VERSION, policySize, renderPolicy, type PolicyDocument } from './policy';
import { accessReadBack, IAM_REGION, refreshAfterAccessChange } from './read-back';
import { addTrust, grantActions, newTrustPolicy, policyDiff, type DiffLine, type TrustChange, type TrustGrant } from './trust';
import { accessRequestSchema, parsePrincipalArn, type AccessConditions, type AccessRequest } from './validation';

/** What the plan needs from IAM and Organizations, read just before building. */
export interface AccessFacts {
  organizationId?: string;
  /** Account ID → name, for the accounts of the organization. */
  accountNames: Record<string, string>;
  /** Whether the console can change IAM in the source account (it is in the organization). */
  sourceReachable: boolean;
  /** For an existing role: as IAM returns it. */
  existingRole?: { arn: string; path: string; trust: PolicyDocument };
  /** GetAccountSummary of the destination account. */
  destinationQuotas: Record<string, number>;
  /** GetAccountSummary of the source account, and the size of the principal's other inline policies. */
  sourceQuotas?: Record<string, number>;
  sourceOtherInlineSize?: number;
}

export interface SizeCheck {
  label: string;
  size: number;
  quota: number;
  ok: boolean;
}

export interface AccessReview {
  roleArn: string;
  trustPolicy: string;
  /** For an existing role: what changes in its trust policy. */
  trustDiff?: DiffLine[];
  trustChange: TrustChange;
  permissions: string[];
  sourcePolicy?: { name: string; holder: string; document: string };
  sizes: SizeCheck[];
  notes: string[];
}

export function roleArnOf(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:role${path}${name}`;
}

export function grantFor(principal: string, conditions: AccessConditions, organizationId?: string): TrustGrant {
  return {
    principal,
    externalId: conditions.externalId,
    requireMfa: conditions.requireMfa,
    organizationId: conditions.restrictToOrganization ? organizationId : undefined,
    allowTagSession: conditions.allowTagSession,
    allowSetSourceIdentity: conditions.allowSetSourceIdentity,
  };
}

/** The source's inline policy: sts:AssumeRole (and the session actions the trust allows) on exactly the role. */
export function sourcePolicyFor(roleArn: string, grant: TrustGrant): PolicyDocument {
  const roleName = roleArn.split('/').pop()!;
  const actions = grantActions(grant);
  return {
    Version: POLICY_VERSION,
    Statement: [{ Sid: `Assume${roleName.replace(/[^A-Za-z0-9]/g, '')}`, Effect: 'Allow', Action: actions.length === 1 ? actions[0] : actions, Resource: roleArn }],
  };
}

/** The inline policy's name on the source principal: one per destination role, so removing it removes only that access. */
export const sourcePolicyName = (roleArn: string) => `CrossingAssume-${roleArn.split(':')[4]}-${roleArn.split('/').pop()}`.slice(0, 128);

const named = (facts: AccessFacts, accountId: string) => (facts.accountNames[accountId] ? `${facts.accountNames[accountId]} (${accountId})` : accountId);

function sizeCheck(label: string, size: number, quota: number | undefined): SizeCheck | undefined {
  return quota === undefined ? undefined : { label, size, quota, ok: size <= quota };
}

/** The source half: the step that grants it, or the note saying who must. */
function sourceHalf(request: AccessRequest, roleArn: string, grant: TrustGrant, facts: AccessFacts) {
  const { source } = request;
  if (source.principal === 'account') {
    return {
      note: `The role trusts the whole account ${named(facts, source.accountId)}: no principal there can assume it until that account's admins allow sts:AssumeRole on ${roleArn} in its own policies. This plan changes nothing in the source account.`,
    };
  }
  const parsed = parsePrincipalArn(source.principal)!;
  const document = sourcePolicyFor(roleArn, grant);
  const name = sourcePolicyName(roleArn);
  const holder = `${parsed.kind} ${parsed.name} in ${named(facts, source.accountId)}`;
  if (!facts.sourceReachable) {
    return {
      review: { name, holder, document: renderPolicy(document) },
      note: `${named(facts, source.accountId)} is outside the organization: the console cannot change it. Its admins must attach the source policy shown (inline policy ${name} on ${parsed.kind} ${parsed.name}).`,
    };
  }
  const step: PlanStep = {
    operation: parsed.kind === 'user' ? 'iam:PutUserPolicy' : 'iam:PutRolePolicy',
    accountId: source.accountId,
    region: IAM_REGION,
    input: { [parsed.kind === 'user' ? 'UserName' : 'RoleName']: parsed.name, PolicyName: name, PolicyDocument: JSON.stringify(document) },
    reason: `Allows ${parsed.kind} ${parsed.name} to call sts:AssumeRole on ${roleArn}, and nothing else.`,
  };
  const quotaKey = parsed.kind === 'user' ? 'UserPolicySizeQuota' : 'RolePolicySizeQuota';
  const size = sizeCheck(`Inline policies of ${parsed.kind} ${parsed.name} (${quotaKey})`, (facts.sourceOtherInlineSize ?? 0) + policySize(document), facts.sourceQuotas?.[quotaKey]);
  return { step, size, review: { name, holder, document: renderPolicy(document) } };
}

function accessNotes(request: AccessRequest, facts: AccessFacts): string[] {
  const notes: string[] = [];
  const { source, conditions } = request;
  if (source.principal !== 'account' && parsePrincipalArn(source.principal)?.kind === 'role') {
    notes.push('The source is a role (role chaining): sessions last at most 1 hour, and the chain cannot be used from the AWS Management Console.');
  }
  if (conditions.externalId) notes.push('The role requires an ExternalId: the console\'s switch-role cannot pass one, so it is usable only from the CLI and SDKs.');
  if (conditions.requireMfa) notes.push('The role requires MFA: callers must assume it with an MFA session (mfa_serial in their profile, or --serial-number and --token-code).');
  if (!(source.accountId in facts.accountNames) && !conditions.externalId) {
    notes.push(`${source.accountId} is outside the organization and no ExternalId is required: an ExternalId protects against the confused deputy when a third party assumes the role.`);
  }
  return notes;
}

const accessContext = z.object({
  roleArn: z.string(),
  principal: z.string(),
  sourceAccountId: z.string(),
  externalId: z.string().optional(),
  requireMfa: z.boolean().optional(),
  /** One plan for several destination accounts: every role (roleArn is the first). */
  roleArns: z.array(z.string()).optional(),
});
type AccessContext = z.infer<typeof accessContext>;

/** Every role the plan gives access to: one per destination account. */
const rolesOf = (context: AccessContext): string[] => context.roleArns ?? [context.roleArn];

/** `independent`: the steps are to stand alone (one plan over several accounts: the engine allows no reference there). */
function accessPlan(request: AccessRequest, facts: AccessFacts, independent = false): { draft: KindDraft<z.infer<typeof accessContext>>; review: AccessReview } {
  const { source, destination, conditions } = request;
  if (conditions.restrictToOrganization && !facts.organizationId) throw new PlanError('Restrict to the organization: the console cannot read the organization ID.');
  if (conditions.restrictToOrganization && !(source.accountId in facts.accountNames)) {
    throw new PlanError(`Restrict to the organization: ${source.accountId} is not in the organization, so aws:PrincipalOrgID would never match.`);
  }
  const principal = source.principal === 'account' ? `arn:aws:iam::${source.accountId}:root` : source.principal;
  const grant = grantFor(principal, conditions, facts.organizationId);
  const steps: PlanStep[] = [];
  const sizes: SizeCheck[] = [];
  let roleArn: string;
  let trust: PolicyDocument;
  let trustDiff: DiffLine[] | undefined;
  let trustChange: TrustChange;
  let permissions: string[] = [];
  const role = destination.role;
  if (role.kind === 'new') {
    if (facts.existingRole) throw new PlanError(`Role name: ${role.name} already exists in ${named(facts, destination.accountId)}; choose it as an existing role, or another name.`);
    roleArn = roleArnOf(destination.accountId, role.path, role.name);
    trust = newTrustPolicy(grant);
    trustChange = { kind: 'added', statementIndex: 0 };
    permissions = role.managedPolicyArns;
    steps.push({
      operation: 'iam:CreateRole',
      accountId: destination.accountId,
      region: IAM_REGION,
      input: {
        RoleName: role.name,
        Path: role.path,
        AssumeRolePolicyDocument: JSON.stringify(trust),
        ...(role.description ? { Description: role.description } : {}),
        MaxSessionDuration: role.maxSessionHours * 3600,
      },
      reason: `Creates role ${role.name}, trusting ${principal}.`,
    });
    for (const arn of role.managedPolicyArns) {
      steps.push({
        operation: 'iam:AttachRolePolicy',
        accountId: destination.accountId,
        region: IAM_REGION,
        input: { RoleName: independent ? role.name : outputOf(0, 'Role.RoleName', 'ROLE_NAME'), PolicyArn: arn },
        reason: `Gives the role the permissions of ${arn.split('/').pop()}.`,
      });
    }
  } else {
    if (!facts.existingRole) throw new PlanError(`Role: ${role.name} does not exist in ${named(facts, destination.accountId)}.`);
    roleArn = facts.existingRole.arn;
    const merged = addTrust(facts.existingRole.trust, grant);
    trust = merged.document;
    trustChange = merged.change;
    trustDiff = policyDiff(facts.existingRole.trust, trust);
    if (merged.change.kind !== 'unchanged') {
      steps.push({
        operation: 'iam:UpdateAssumeRolePolicy',
        accountId: destination.accountId,
        region: IAM_REGION,
        input: { RoleName: role.name, PolicyDocument: JSON.stringify(trust) },
        reason:
          merged.change.kind === 'merged'
            ? `Adds ${principal} to statement ${merged.change.statementIndex + 1} of ${role.name}'s trust policy (same actions and conditions); every other statement stays.`
            : `Adds one statement trusting ${principal} to ${role.name}'s trust policy; every existing statement stays.`,
      });
    }
  }
  const trustSize = sizeCheck(`Trust policy of ${roleArn.split('/').pop()} (AssumeRolePolicySizeQuota)`, policySize(trust), facts.destinationQuotas.AssumeRolePolicySizeQuota);
  if (trustSize) sizes.push(trustSize);
  if (role.kind === 'new') {
    const attachedQuota = facts.destinationQuotas.AttachedPoliciesPerRoleQuota;
    if (attachedQuota !== undefined) sizes.push({ label: 'Managed policies on the role (AttachedPoliciesPerRoleQuota)', size: permissions.length, quota: attachedQuota, ok: permissions.length <= attachedQuota });
  }
  const half = sourceHalf(request, roleArn, grant, facts);
  if (half.step) steps.push(half.step);
  if (half.size) sizes.push(half.size);
  const over = sizes.filter((s) => !s.ok);
  if (over.length) throw new PlanError(`Too large for the account's quota: ${over.map((s) => `${s.label} would be ${s.size}, the quota is ${s.quota}`).join('; ')}. Nothing was changed.`);
  if (steps.length === 0) throw new PlanError(`${principal} is already trusted by ${roleArn} with these conditions, and the source needs no change: there is nothing to do.`);
  const notes = [...(half.note ? [half.note] : []), ...accessNotes(request, facts)];
  const accountNames = Object.fromEntries([source.accountId, destination.accountId].filter((id) => facts.accountNames[id]).map((id) => [id, facts.accountNames[id]]));
  return {
    draft: {
      title: `Let ${source.principal === 'account' ? `account ${named(facts, source.accountId)}` : principal.split(':').pop()} assume ${roleArn.split('/').pop()} in ${named(facts, destination.accountId)}`,
      accountNames,
      steps,
      notes,
      context: { roleArn, principal, sourceAccountId: source.accountId, externalId: conditions.externalId, requireMfa: conditions.requireMfa },
    },
    review: { roleArn, trustPolicy: renderPolicy(trust), trustDiff, trustChange, permissions, sourcePolicy: half.review, sizes, notes },
  };
}

export const crossAccountAccess = defineKind({
  id: 'iam:cross-account-access',
  input: accessRequestSchema,
  context: accessContext,
  build: (request, facts: AccessFacts) => accessPlan(request, facts).draft,
  async readBack(plan, aws) {
    const roles = rolesOf(plan.context);
    if (roles.length === 1) return accessReadBack(plan, aws);
    return combinedReadBack(await Promise.all(roles.map((roleArn) => accessReadBack({ ...plan, context: { ...plan.context, roleArn } }, aws))), roles);
  },
  async afterApply(plan) {
    for (const roleArn of rolesOf(plan.context)) await refreshAfterAccessChange(roleArn, plan.context.principal);
  },
  // In each account, the trust it added taken out (and the source's inline policy); a role it created, deleted.
  inverse: (plan) =>
    rolesOf(plan.context).map((roleArn) => ({
      kind: 'iam:trust-edit',
      input: {
        change: 'end-access',
        roleArn,
        principal: plan.context.principal,
        roleCreated: plan.steps.some((s) => s.operation === 'iam:CreateRole' && s.accountId === roleArn.split(':')[4]),
      },
      summary: `${plan.context.principal} can no longer assume ${roleArn}`,
    })),
});

/** One read-back for a plan over several accounts: each role's, grouped by account, the worst tone first. */
function combinedReadBack(each: ReadBack[], roles: string[]): ReadBack {
  const tones: ReadBack['tone'][] = ['error', 'warning', 'success'];
  const tone = tones.find((t) => each.some((r) => r.tone === t)) ?? 'success';
  const fine = each.filter((r) => r.tone === 'success').length;
  return {
    tone,
    title: `${fine} of ${roles.length} accounts read back as the plan asked.`,
    facts: each.flatMap((r, i) => [{ label: roles[i], value: r.title }, ...r.facts]),
    advice: each.find((r) => r.tone !== 'success')?.advice,
    links: each.flatMap((r) => r.links ?? []),
    problems: each.flatMap((r) => r.problems),
  };
}

/** What the review shows for each destination account of a plan over several. */
export interface AccountReview {
  accountId: string;
  accountName?: string;
  review: AccessReview;
}

/**
 * One plan giving the source the same role in every account of `accountIds` (chosen one by one, or every account
 * under an OU): each account's steps as a plan for it alone would have them, independent of the other accounts',
 * so one approval covers them all and a refusal in one account does not stop the others. A step names its role
 * rather than referring to the output of the step that creates it: independent steps refer to none.
 */
export function buildMultiAccessPlan(request: AccessRequest, accountIds: string[], factsOf: Record<string, AccessFacts>): { draft: PlanDraft; reviews: AccountReview[] } {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) throw new PlanError('Destination accounts: choose at least one account.');
  if (ids.length === 1) {
    const { draft, review } = buildAccessPlan({ ...request, destination: { ...request.destination, accountId: ids[0] } }, factsOf[ids[0]]);
    return { draft, reviews: [{ accountId: ids[0], accountName: factsOf[ids[0]].accountNames[ids[0]], review }] };
  }
  if (ids.includes(request.source.accountId)) throw new PlanError(`Destination accounts: ${request.source.accountId} is the source account; cross-account access needs two different accounts.`);
  const steps: PlanStep[] = [];
  const reviews: AccountReview[] = [];
  const notes = new Set<string>();
  const accountNames: Record<string, string> = {};
  const roleArns: string[] = [];
  let sourceSize = 0;
  const errors: string[] = [];
  for (const accountId of ids) {
    const facts = factsOf[accountId];
    let built: ReturnType<typeof accessPlan>;
    try {
      built = accessPlan({ ...request, destination: { ...request.destination, accountId } }, facts, true);
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      errors.push(`${named(facts, accountId)}: ${error.message}`);
      continue;
    }
    steps.push(...built.draft.steps);
    built.draft.notes?.forEach((n) => notes.add(n));
    Object.assign(accountNames, built.draft.accountNames);
    roleArns.push(built.review.roleArn);
    if (built.review.sourcePolicy) sourceSize += policySize(JSON.parse(built.review.sourcePolicy.document) as PolicyDocument);
    reviews.push({ accountId, accountName: facts.accountNames[accountId], review: built.review });
  }
  if (errors.length) throw new PlanError(`Not every account can take this role; nothing was changed. ${errors.join(' ')}`);
  // The source's inline policies, one per role, share one quota on the principal.
  const first = factsOf[ids[0]];
  const parsed = parsePrincipalArn(request.source.principal);
  const quotaKey = parsed?.kind === 'user' ? 'UserPolicySizeQuota' : 'RolePolicySizeQuota';
  const quota = first.sourceQuotas?.[quotaKey];
  const total = (first.sourceOtherInlineSize ?? 0) + sourceSize;
  if (parsed && quota !== undefined && total > quota) {
    throw new PlanError(`Too large for the account's quota: inline policies of ${parsed.kind} ${parsed.name} (${quotaKey}) would be ${total}, the quota is ${quota} (one policy per destination role). Nothing was changed: choose fewer accounts, or a role as the source.`);
  }
  const principal = request.source.principal === 'account' ? `account ${named(first, request.source.accountId)}` : request.source.principal.split(':').pop();
  const roleName = roleArns[0].split('/').pop();
  return {
    draft: crossAccountAccess.draft({
      title: `Let ${principal} assume ${roleName} in ${ids.length} accounts: ${ids.map((id) => named(first, id)).join(', ')}`,
      accountNames,
      steps,
      notes: [...notes, `Each account's steps are independent: a refusal in one account does not stop the others, and each account shows its own outcome.`],
      independentSteps: true,
      context: { roleArn: roleArns[0], roleArns, principal: request.source.principal === 'account' ? `arn:aws:iam::${request.source.accountId}:root` : request.source.principal, sourceAccountId: request.source.accountId, externalId: request.conditions.externalId, requireMfa: request.conditions.requireMfa },
    }),
    reviews,
  };
}

/** The plan and what its review shows (documents, diff, sizes). */
export function buildAccessPlan(request: AccessRequest, facts: AccessFacts): { draft: PlanDraft; review: AccessReview } {
  const { draft, review } = accessPlan(request, facts);
  return { draft: crossAccountAccess.draft(draft), review };
}
