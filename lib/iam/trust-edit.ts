// Kind of change: editing who a role trusts — taking a principal out of a role's trust policy (and, where Crossing
// made one, the source's inline policy), or changing the conditions on one principal. Pure builders from what was
// read from IAM just before; read back by verification against the live policies; the trusts list is read again
// once it ran.
import { z } from 'zod';
import { PlanError } from '../plan/build';
import { defineKind, NothingToChange, type KindDraft } from '../plan/kind';
import type { PlanStep } from '../plan/types';
import { grantFor } from './access';
import { readRemovalFacts, type RemovalFacts } from './access-facts';
import { accessReadBack, IAM_REGION, refreshAfterAccessChange } from './read-back';
import { addTrust, isWholeAccount, policyDiff, removeTrust, type TrustGrant } from './trust';
import { conditionsSchema, principalArnSchema } from './validation';

export const roleArnSchema = z.string().regex(/^arn:aws:iam::\d{12}:role\/(?:[\x21-\x7E]+\/)?[\w+=,.@-]{1,64}$/, 'Role: a role ARN, arn:aws:iam::ACCOUNT:role/NAME.');
export const trustedPrincipalSchema = z.union([principalArnSchema, z.string().regex(/^arn:aws:iam::\d{12}:root$/, 'Principal: a user or role ARN, or arn:aws:iam::ACCOUNT:root.')]);

export type { RemovalFacts } from './access-facts';

const trustEditContext = z.object({ roleArn: z.string(), principal: z.string(), requireMfa: z.boolean().optional(), expect: z.literal('denied').optional() });
type TrustEditContext = z.infer<typeof trustEditContext>;

/** The source's half: deleting the inline policy Crossing made for this role, where it holds one. */
function sourceSteps(principal: string, facts: RemovalFacts): PlanStep[] {
  const source = facts.sourcePolicy;
  if (!source) return [];
  return [
    {
      operation: source.kind === 'user' ? 'iam:DeleteUserPolicy' : 'iam:DeleteRolePolicy',
      accountId: principal.split(':')[4],
      region: IAM_REGION,
      input: { [source.kind === 'user' ? 'UserName' : 'RoleName']: source.name, PolicyName: source.policyName },
      reason: `Deletes the inline policy ${source.policyName} that let ${source.kind} ${source.name} assume ${facts.role.name}.`,
    },
  ];
}

function removalPlan(principal: string, facts: RemovalFacts): KindDraft<TrustEditContext> {
  const { role } = facts;
  const removed = removeTrust(role.trust, principal);
  if (removed.changedStatements.length === 0 && removed.droppedStatements.length === 0) throw new PlanError(`${principal} is not trusted by ${role.arn}: there is nothing to remove.`);
  if (removed.document.Statement.length === 0) throw new PlanError(`${principal} is the only principal ${role.name} trusts: a trust policy needs at least one statement. Delete the role instead.`);
  const accountId = role.arn.split(':')[4];
  const steps: PlanStep[] = [
    {
      operation: 'iam:UpdateAssumeRolePolicy',
      accountId,
      region: IAM_REGION,
      input: { RoleName: role.name, PolicyDocument: JSON.stringify(removed.document) },
      reason: `Takes ${principal} out of ${role.name}'s trust policy; every other principal and statement stays.`,
    },
  ];
  steps.push(...sourceSteps(principal, facts));
  const sourceAccount = principal.split(':')[4];
  const source = facts.sourcePolicy;
  const notes = isWholeAccount(principal) || source ? [] : [`No inline policy made by Crossing was found on ${principal}: any policy of its own that allows sts:AssumeRole on ${role.arn} stays (it grants nothing once the trust is gone).`];
  return {
    title: `Remove ${principal.split(':').pop()}'s access to ${role.name}`,
    accountNames: Object.fromEntries([accountId, sourceAccount].filter((id) => facts.accountNames[id]).map((id) => [id, facts.accountNames[id]])),
    steps,
    notes,
    // Read back after the run: the principal must no longer be able to assume the role.
    context: { roleArn: role.arn, principal, expect: 'denied' },
  };
}

/**
 * Ending access granted for a while (lib/expiry), from the trust as it is now: the principal taken out of the
 * trust (and the source's inline policy deleted) as a removal does; a role created for that access and trusting
 * nobody else is deleted instead, since a trust policy cannot be empty. Throws NothingToChange when it is gone.
 */
function endAccessPlan(principal: string, roleCreated: boolean, facts: RemovalFacts): KindDraft<TrustEditContext> {
  const { role } = facts;
  const removed = removeTrust(role.trust, principal);
  const trusted = removed.changedStatements.length > 0 || removed.droppedStatements.length > 0;
  const source = sourceSteps(principal, facts);
  if (!trusted && source.length === 0) throw new NothingToChange(`${role.arn} no longer trusts ${principal}, and the source holds no inline policy from Crossing for it.`);
  // A role that was there before keeps its trust policy: one left empty is refused by the removal (for an admin to settle).
  if (trusted && (removed.document.Statement.length > 0 || !roleCreated)) return removalPlan(principal, facts);
  const accountId = role.arn.split(':')[4];
  const step = (operation: string, input: Record<string, unknown>, reason: string): PlanStep => ({ operation, accountId, region: IAM_REGION, input: { RoleName: role.name, ...input }, reason });
  const roleSteps = trusted
    ? [
        ...(role.inlinePolicyNames ?? []).map((name) => step('iam:DeleteRolePolicy', { PolicyName: name }, `Deletes the inline policy ${name} (a role is deleted only once it holds none).`)),
        ...(role.attachedPolicyArns ?? []).map((arn) => step('iam:DetachRolePolicy', { PolicyArn: arn }, `Detaches ${arn.split('/').pop()}; the managed policy itself stays.`)),
        step('iam:DeleteRole', {}, `Deletes ${role.name}: it was made for this access and trusts nobody else.`),
      ]
    : [];
  return {
    title: trusted ? `End ${principal.split(':').pop()}'s access: delete ${role.name}, made for it` : `End ${principal.split(':').pop()}'s access to ${role.name}: delete its source policy`,
    accountNames: Object.fromEntries([accountId, principal.split(':')[4]].filter((id) => facts.accountNames[id]).map((id) => [id, facts.accountNames[id]])),
    steps: [...roleSteps, ...source],
    notes: trusted ? ['Sessions already issued for the role stay valid until they expire (at most its maximum session duration).'] : [],
    context: { roleArn: role.arn, principal, expect: 'denied' },
  };
}

/** Changing the conditions on one principal: its grant taken out and put back with the new conditions. */
function conditionsPlan(principal: string, grant: TrustGrant, facts: Omit<RemovalFacts, 'sourcePolicy'>): KindDraft<TrustEditContext> {
  const { role } = facts;
  const without = removeTrust(role.trust, principal);
  if (without.changedStatements.length === 0 && without.droppedStatements.length === 0) throw new PlanError(`${principal} is not trusted by ${role.arn}.`);
  const next = addTrust(without.document, grant).document;
  const diff = policyDiff(role.trust, next);
  if (!diff.some((l) => l.op !== ' ')) throw new PlanError(`${principal} already has exactly these conditions: there is nothing to change.`);
  return {
      title: `Change the conditions on ${principal.split(':').pop()} in ${role.name}'s trust policy`,
      accountNames: facts.accountNames[role.arn.split(':')[4]] ? { [role.arn.split(':')[4]]: facts.accountNames[role.arn.split(':')[4]] } : {},
      steps: [
        {
          operation: 'iam:UpdateAssumeRolePolicy',
          accountId: role.arn.split(':')[4],
          region: IAM_REGION,
          input: { RoleName: role.name, PolicyDocument: JSON.stringify(next) },
          reason: `Sets ${principal}'s conditions in ${role.name}'s trust policy; every other principal and statement stays.`,
        },
      ],
      context: { roleArn: role.arn, principal, requireMfa: grant.requireMfa },
  };
}

export const trustEdit = defineKind({
  id: 'iam:trust-edit',
  input: z.discriminatedUnion('change', [
    z.object({ change: z.literal('remove'), roleArn: roleArnSchema, principal: trustedPrincipalSchema }).strict(),
    z.object({ change: z.literal('conditions'), roleArn: roleArnSchema, principal: trustedPrincipalSchema, conditions: conditionsSchema }).strict(),
    // The inverse of cross-account access (lib/expiry): `roleCreated` when that plan made the role.
    z.object({ change: z.literal('end-access'), roleArn: roleArnSchema, principal: trustedPrincipalSchema, roleCreated: z.boolean() }).strict(),
  ]),
  context: trustEditContext,
  build(input, facts: RemovalFacts & { organizationId?: string }) {
    if (input.change === 'remove') return removalPlan(input.principal, facts);
    if (input.change === 'end-access') return endAccessPlan(input.principal, input.roleCreated, facts);
    const inOrganization = input.principal.split(':')[4] in facts.accountNames;
    if (input.conditions.restrictToOrganization && !inOrganization) throw new PlanError('Restrict to the organization: the principal is outside the organization.');
    return conditionsPlan(input.principal, grantFor(input.principal, input.conditions, facts.organizationId), facts);
  },
  async readFacts(input, aws) {
    const facts = await readRemovalFacts(input.roleArn, input.principal, aws);
    if (!facts) throw new NothingToChange(`${input.roleArn} no longer exists (iam:GetRole): nobody can assume it.`);
    return { ...facts, organizationId: aws.organization?.id };
  },
  readBack: accessReadBack,
  async afterApply(plan) {
    await refreshAfterAccessChange(plan.context.roleArn, plan.context.principal);
  },
});
