// Kind of change: closing an access finding in IAM — an ExternalId added to an outside account's trust (a new
// one, generated here, to hand over), a principal taken out of a trust (a deleted principal's unique ID, an outside
// account), or an unused role deleted with what it holds. The trust edits are trust-edit.ts's, restamped with what
// this kind reads back: the trust (or the role) as IAM now has it, and the IAM snapshot re-read after the run.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { PlanError } from '../plan/build';
import { defineKind, type KindDraft, type ReadBack } from '../plan/kind';
import type { PlanDraft, PlanStep } from '../plan/types';
import { renderPolicy } from './policy';
import { roleDetails, type RoleDetails } from './read';
import { IAM_REGION } from './read-back';
import { refreshIamOf } from './snapshot-store';
import { normalizePrincipal, renderDiff, policyDiff, trustedPrincipals } from './trust';
import { trustEdit, type RemovalFacts } from './trust-edit';

const findingId = z.string().min(1).max(2048);
const roleArn = z.string().regex(/^arn:aws:iam::\d{12}:role\//, 'Role: a role ARN.');

const closeFindingInput = z.discriminatedUnion('fix', [
  z.object({ fix: z.literal('add-external-id'), findingId, roleArn, principal: z.string().min(1), externalId: z.string().regex(/^[\w+=,.@:/-]{2,1224}$/) }),
  z.object({ fix: z.literal('remove-trust'), findingId, roleArn, principal: z.string().min(1) }),
  z.object({ fix: z.literal('delete-role'), findingId, roleArn }),
]);
type CloseFindingInput = z.infer<typeof closeFindingInput>;

const closeFindingContext = z.object({
  roleArn: z.string(),
  principal: z.string().optional(),
  expect: z.enum(['external-id', 'removed', 'deleted']),
  externalId: z.string().optional(),
  findingId: z.string(),
});
type CloseFindingContext = z.infer<typeof closeFindingContext>;

/** What the fix reads first: the role's trust (trust edits) or the role with what it holds (deletion). */
export type CloseFindingFacts = { trust: RemovalFacts } | { role: Pick<RoleDetails, 'arn' | 'name' | 'inlinePolicyNames' | 'attachedPolicies'>; accountNames: Record<string, string> };

/** 32 random bytes as base64url: within ExternalId's alphabet ([\w+=,.@:/-]) and length (2–1224). */
export const generateExternalId = (): string => randomBytes(32).toString('base64url');

/** A trust edit's plan as this kind's: its steps and notes, this kind's context. */
const restamped = (draft: PlanDraft, context: CloseFindingContext, extra: Partial<KindDraft<CloseFindingContext>> = {}): KindDraft<CloseFindingContext> => {
  const { kind: _kind, context: _context, ...rest } = draft;
  return { ...rest, ...extra, context };
};

function externalIdPlan(input: Extract<CloseFindingInput, { fix: 'add-external-id' }>, facts: RemovalFacts): KindDraft<CloseFindingContext> {
  const current = trustedPrincipals(facts.role.trust).find((t) => normalizePrincipal(t.principal) === normalizePrincipal(input.principal));
  if (!current) throw new PlanError(`${input.principal} is not trusted by ${facts.role.arn}: there is nothing to fix.`);
  if (current.externalId) throw new PlanError(`${input.principal} already needs the ExternalId ${current.externalId}.`);
  const conditions = {
    externalId: input.externalId,
    requireMfa: current.requireMfa,
    restrictToOrganization: false,
    allowTagSession: current.actions.includes('sts:TagSession'),
    allowSetSourceIdentity: current.actions.includes('sts:SetSourceIdentity'),
  };
  const draft = trustEdit.plan({ change: 'conditions', roleArn: input.roleArn, principal: input.principal, conditions }, facts);
  const next = JSON.parse(String(draft.steps[0].input.PolicyDocument));
  return restamped(draft, { roleArn: facts.role.arn, principal: input.principal, expect: 'external-id', externalId: input.externalId, findingId: input.findingId }, {
    title: `Require an ExternalId of ${input.principal.split(':')[4] ?? input.principal} on ${facts.role.name}`,
    notes: [
      `Hand this ExternalId to the account's owners before applying: ${input.externalId} — from then on their sts:AssumeRole calls must pass it (--external-id), or they are denied.`,
      `The new trust policy:\n${renderPolicy(next)}`,
      `What changes:\n${renderDiff(policyDiff(facts.role.trust, next))}`,
    ],
  });
}

/** Deleting a role: its inline policies, then its managed policies detached, then the role (IAM refuses while it holds any). */
function deleteRolePlan(input: Extract<CloseFindingInput, { fix: 'delete-role' }>, role: Extract<CloseFindingFacts, { role: unknown }>['role'], accountNames: Record<string, string>): KindDraft<CloseFindingContext> {
  const accountId = role.arn.split(':')[4];
  const step = (operation: string, stepInput: Record<string, unknown>, reason: string): PlanStep => ({ operation, accountId, region: IAM_REGION, input: { RoleName: role.name, ...stepInput }, reason });
  return {
    title: `Delete role ${role.name} in ${accountNames[accountId] ?? accountId}`,
    accountNames: accountNames[accountId] ? { [accountId]: accountNames[accountId] } : {},
    steps: [
      ...role.inlinePolicyNames.map((name) => step('iam:DeleteRolePolicy', { PolicyName: name }, `Deletes the inline policy ${name} (a role is deleted only once it holds none).`)),
      ...role.attachedPolicies.map((p) => step('iam:DetachRolePolicy', { PolicyArn: p.arn }, `Detaches ${p.name}; the managed policy itself stays.`)),
      step('iam:DeleteRole', {}, `Deletes ${role.name}: nobody can assume it any more.`),
    ],
    notes: ['Sessions already issued for the role stay valid until they expire (at most its maximum session duration).'],
    context: { roleArn: role.arn, expect: 'deleted', findingId: input.findingId },
  };
}

export const closeFinding = defineKind({
  id: 'iam:close-finding',
  input: closeFindingInput,
  context: closeFindingContext,
  build(input, facts: CloseFindingFacts) {
    if (input.fix === 'delete-role') {
      if (!('role' in facts)) throw new PlanError(`Role ${input.roleArn} was not read.`);
      return deleteRolePlan(input, facts.role, facts.accountNames);
    }
    if (!('trust' in facts)) throw new PlanError(`The trust policy of ${input.roleArn} was not read.`);
    if (input.fix === 'add-external-id') return externalIdPlan(input, facts.trust);
    const draft = trustEdit.plan({ change: 'remove', roleArn: input.roleArn, principal: input.principal }, facts.trust);
    return restamped(draft, { roleArn: facts.trust.role.arn, principal: input.principal, expect: 'removed', findingId: input.findingId });
  },
  async readBack(plan): Promise<ReadBack> {
    const { roleArn: arn, principal, expect, externalId } = plan.context;
    const role = await roleDetails(arn.split(':')[4], arn.split('/').pop()!);
    const failed = (title: string, facts: ReadBack['facts']): ReadBack => ({ tone: plan.status === 'succeeded' ? 'warning' : 'error', title, facts, problems: [] });
    if (expect === 'deleted') return role ? failed(`${arn} still exists (iam:GetRole).`, []) : { tone: 'success', title: `${arn} no longer exists (iam:GetRole).`, facts: [], problems: [] };
    if (!role) return failed(`${arn} no longer exists (iam:GetRole).`, []);
    const entry = trustedPrincipals(role.trust).find((t) => normalizePrincipal(t.principal) === normalizePrincipal(principal!));
    const facts = [{ label: `Trust policy of ${role.name} (iam:GetRole)`, value: renderPolicy(role.trust) }];
    if (expect === 'removed') return entry ? failed(`${principal} is still trusted by ${role.name}.`, facts) : { tone: 'success', title: `${role.name}'s trust policy no longer names ${principal}.`, facts, problems: [] };
    return entry?.externalId === externalId
      ? { tone: 'success', title: `${principal} must now pass the ExternalId to assume ${role.name}.`, facts, advice: `Hand over the ExternalId ${externalId} if not done yet.`, problems: [] }
      : failed(`${role.name}'s trust does not require the new ExternalId of ${principal}.`, facts);
  },
  async afterApply(plan) {
      await refreshIamOf(plan.context.roleArn.split(':')[4]);
  },
});
