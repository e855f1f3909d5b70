// Plans that close an access finding in IAM (pure builders; facts read just before): an ExternalId added to an
// outside account's trust (a new one, generated here, to hand over), a principal taken out of a trust (a
// deleted principal's unique ID, an outside account), or an unused role deleted with what it holds. Built on
// the trust edits of access.ts; read back from IAM: the trust (or the role) as it now stands.
import { randomBytes } from 'node:crypto';
import type { ConsoleContext } from '../aws/identity';
import type { ReadBack } from '../console/read-back';
import { PlanError } from '../plan/build';
import type { PlanDraft, PlanStep, StoredPlan } from '../plan/types';
import { buildConditionsPlan, buildRemovalPlan, grantFor, type RemovalFacts } from './access';
import { renderPolicy } from './policy';
import { roleDetails, type RoleDetails } from './read';
import { refreshIamOf } from './snapshot-store';
import { normalizePrincipal, renderDiff, trustedPrincipals } from './trust';
import { forgetCrossAccountTrusts } from './trusts';

export const CLOSE_FINDING_KIND = 'iam:close-finding';
const IAM_REGION = 'us-east-1';

export interface CloseFindingContext {
  roleArn: string;
  principal?: string;
  expect: 'external-id' | 'removed' | 'deleted';
  externalId?: string;
  findingId: string;
}

/** 32 random bytes as base64url: within ExternalId's alphabet ([\w+=,.@:/-]) and length (2–1224). */
export const generateExternalId = (): string => randomBytes(32).toString('base64url');

const withContext = (draft: PlanDraft, context: CloseFindingContext): PlanDraft => ({ ...draft, kind: CLOSE_FINDING_KIND, context: { ...context } });

export function buildExternalIdFix(findingId: string, principal: string, externalId: string, facts: Omit<RemovalFacts, 'sourcePolicy'>): PlanDraft {
  const target = normalizePrincipal(principal);
  const current = trustedPrincipals(facts.role.trust).find((t) => normalizePrincipal(t.principal) === target);
  if (!current) throw new PlanError(`${principal} is not trusted by ${facts.role.arn}: there is nothing to fix.`);
  if (current.externalId) throw new PlanError(`${principal} already needs the ExternalId ${current.externalId}.`);
  const grant = { ...grantFor(principal, { externalId, requireMfa: current.requireMfa, restrictToOrganization: false, allowTagSession: current.actions.includes('sts:TagSession'), allowSetSourceIdentity: current.actions.includes('sts:SetSourceIdentity') }), organizationId: current.organizationId };
  const { draft, diff } = buildConditionsPlan(principal, grant, facts);
  return withContext(
    {
      ...draft,
      title: `Require an ExternalId of ${principal.split(':')[4] ?? principal} on ${facts.role.name}`,
      notes: [
        `Hand this ExternalId to the account's owners before applying: ${externalId} — from then on their sts:AssumeRole calls must pass it (--external-id), or they are denied.`,
        `The new trust policy:\n${renderPolicy(JSON.parse(String(draft.steps[0].input.PolicyDocument)))}`,
        `What changes:\n${renderDiff(diff)}`,
      ],
    },
    { roleArn: facts.role.arn, principal, expect: 'external-id', externalId, findingId },
  );
}

export function buildTrustRemovalFix(findingId: string, principal: string, facts: RemovalFacts): PlanDraft {
  const draft = buildRemovalPlan(principal, facts);
  return withContext(draft, { roleArn: facts.role.arn, principal, expect: 'removed', findingId });
}

/** Deleting a role: its inline policies, then its managed policies detached, then the role (IAM refuses while it holds any). */
export function buildDeleteRoleFix(findingId: string, role: Pick<RoleDetails, 'arn' | 'name' | 'inlinePolicyNames' | 'attachedPolicies'>, accountNames: Record<string, string>): PlanDraft {
  const accountId = role.arn.split(':')[4];
  const step = (operation: string, input: Record<string, unknown>, reason: string): PlanStep => ({ operation, accountId, region: IAM_REGION, input: { RoleName: role.name, ...input }, reason });
  return withContext(
    {
      kind: CLOSE_FINDING_KIND,
      title: `Delete role ${role.name} in ${accountNames[accountId] ?? accountId}`,
      accountNames: accountNames[accountId] ? { [accountId]: accountNames[accountId] } : {},
      steps: [
        ...role.inlinePolicyNames.map((name) => step('iam:DeleteRolePolicy', { PolicyName: name }, `Deletes the inline policy ${name} (a role is deleted only once it holds none).`)),
        ...role.attachedPolicies.map((p) => step('iam:DetachRolePolicy', { PolicyArn: p.arn }, `Detaches ${p.name}; the managed policy itself stays.`)),
        step('iam:DeleteRole', {}, `Deletes ${role.name}: nobody can assume it any more.`),
      ],
      notes: ['Sessions already issued for the role stay valid until they expire (at most its maximum session duration).'],
    },
    { roleArn: role.arn, expect: 'deleted', findingId },
  );
}

export async function closeFindingReadBack(plan: StoredPlan, _context: ConsoleContext): Promise<ReadBack> {
  const { roleArn, principal, expect, externalId } = plan.context as unknown as CloseFindingContext;
  const accountId = roleArn.split(':')[4];
  forgetCrossAccountTrusts();
  await refreshIamOf(accountId);
  const role = await roleDetails(accountId, roleArn.split('/').pop()!);
  const failed = (title: string, facts: ReadBack['facts']): ReadBack => ({ tone: plan.status === 'succeeded' ? 'warning' : 'error', title, facts, problems: [] });
  if (expect === 'deleted') {
    return role ? failed(`${roleArn} still exists (iam:GetRole).`, []) : { tone: 'success', title: `${roleArn} no longer exists (iam:GetRole).`, facts: [], problems: [] };
  }
  if (!role) return failed(`${roleArn} no longer exists (iam:GetRole).`, []);
  const entry = trustedPrincipals(role.trust).find((t) => normalizePrincipal(t.principal) === normalizePrincipal(principal!));
  const facts = [{ label: `Trust policy of ${role.name} (iam:GetRole)`, value: renderPolicy(role.trust) }];
  if (expect === 'removed') return entry ? failed(`${principal} is still trusted by ${role.name}.`, facts) : { tone: 'success', title: `${role.name}'s trust policy no longer names ${principal}.`, facts, problems: [] };
  return entry?.externalId === externalId
    ? { tone: 'success', title: `${principal} must now pass the ExternalId to assume ${role.name}.`, facts, advice: `Hand over the ExternalId ${externalId} if not done yet.`, problems: [] }
    : failed(`${role.name}'s trust does not require the new ExternalId of ${principal}.`, facts);
}


