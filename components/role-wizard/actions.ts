'use server';
// The cross-account access wizard's server side: fields saved to the draft as they are typed; each step
// checked on the server before the next opens (accounts resolved from names, a role-name clash found where
// the role is named); the plan made once, when the user moves to review; reads for the pickers (accounts,
// users and roles across the organization, the destination's roles and policies). Building a plan changes
// nothing in AWS, so viewers may do all of it; applying is an admin's.
import { z } from 'zod';
import { getConsoleContext, type ConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { buildAccessPlan, buildMultiAccessPlan } from '@/lib/iam/access';
import { readAccessFacts, readMultiAccessFacts } from '@/lib/iam/access-facts';
import { MAX_ACCOUNTS_SEARCHED, searchPrincipals, type PrincipalSearch } from '@/lib/iam/principal-search';
import { listManagedPolicies, listRoles, roleDetails } from '@/lib/iam/read';
import { conditionsSchema, descriptionSchema, externalIdSchema, managedPolicyArnSchema, parsePrincipalArn, pathSchema, roleNameSchema, sourceSchema } from '@/lib/iam/validation';
import { emptyRoleDraft, requestOf, resolveAccount, resolveDestinations, ROLE_WIZARD, roleStepHref, typedInput, type AccountResolution, type RoleDraft, type RoleDraftState } from '@/lib/iam/wizard';
import { completeOrganization, organizationAccounts } from '@/lib/organizations/accounts';
import { renderPolicy } from '@/lib/iam/policy';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';
import type { SignedInUser } from '@/lib/auth/roles';
import { draftIdInput, finishStep, requireDraft, saveDraft } from '@/lib/wizard/drafts';
import { typedFieldsAction } from '@/components/wizard/typed-fields-action';

const draftId = draftIdInput;
const WIZARD = { kind: ROLE_WIZARD, name: 'Set up cross-account access', empty: emptyRoleDraft };
const draftOf = (id: string | undefined, email: string): Promise<RoleDraft> => requireDraft<RoleDraftState>(ROLE_WIZARD, id, email, emptyRoleDraft, WIZARD.name);

/** The first message of a zod check, as the field error of `field`. */
function check<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new PlanError(parsed.error.issues[0].message, { [field]: [parsed.error.issues[0].message] });
  return parsed.data;
}

async function resolved(context: ConsoleContext, typed: string, label: string, field: string) {
  const resolution = resolveAccount(typed, await organizationAccounts(context), label);
  if (!resolution.ok) throw new PlanError(resolution.message, { [field]: [resolution.message] });
  return resolution;
}

const typed = {
  who: typedFieldsAction(WIZARD, 'who', typedInput.who),
  where: typedFieldsAction(WIZARD, 'where', typedInput.where),
  conditions: typedFieldsAction(WIZARD, 'conditions', typedInput.conditions),
};

const saveWho = userAction({
  action: 'role-wizard:who',
  input: z.object({ draftId: draftId.optional(), who: typedInput.who }).strict(),
  async run({ draftId, who }, { user, region }) {
    const draft = await draftOf(draftId, user.email);
    const context = await getConsoleContext({ region });
    const { account } = await resolved(context, who.account, 'Source account', 'account');
    const principal = who.principal.trim();
    if (!principal) {
      const message = 'Source principal: choose the whole account, or a user or role.';
      throw new PlanError(message, { principal: [message] });
    }
    const arnAccount = principal === 'account' ? account.id : parsePrincipalArn(principal)?.accountId;
    if (arnAccount && arnAccount !== account.id) {
      const message = `Source principal: ${principal} is in account ${arnAccount}, not in the source account ${account.id}.`;
      throw new PlanError(message, { principal: [message] });
    }
    await finishStep(draft, 1, 'who', check(sourceSchema, { accountId: account.id, principal }, 'principal'));
    return roleStepHref(draft.id, 'where');
  },
});

const saveWhere = userAction({
  action: 'role-wizard:where',
  input: z.object({ draftId, where: typedInput.where }).strict(),
  async run({ draftId, where }, { user, region }) {
    const draft = await draftOf(draftId, user.email);
    if (!draft.state.who) throw new PlanError('Finish the first step (who) first.');
    const context = await getConsoleContext({ region });
    const { account } = await resolved(context, where.account, 'Destination account', 'account');
    if (account.id === draft.state.who.accountId) {
      const message = 'Destination account: it is the source account; cross-account access needs two different accounts.';
      throw new PlanError(message, { account: [message] });
    }
    // More destinations (accounts, or every account under an OU): one plan for all of them.
    const also = (where.also ?? '').split(/[\r\n,]+/).filter((line) => line.trim());
    let accountIds = [account.id];
    if (also.length) {
      const destinations = resolveDestinations([account.id, ...also], await organizationAccounts(context), await completeOrganization(context));
      if (!destinations.ok) throw new PlanError(destinations.message, { also: [destinations.message] });
      if (destinations.accountIds.includes(draft.state.who.accountId)) {
        const message = `Destination accounts: ${draft.state.who.accountId} is the source account; cross-account access needs two different accounts.`;
        throw new PlanError(message, { also: [message] });
      }
      accountIds = destinations.accountIds;
    }
    const several = accountIds.length > 1 ? { accountIds } : {};
    const field = accountIds.length > 1 ? 'also' : undefined;
    const existing = where.roleKind === 'existing';
    const name = check(roleNameSchema, existing ? where.existingRole : where.roleName, existing ? 'existingRole' : 'roleName');
    const roles = await Promise.all(accountIds.map(async (id) => ({ id, exists: !!(await roleDetails(id, name)) })));
    const labelOf = (id: string) => (id === account.id && account.name ? `${account.name} (${id})` : id);
    if (existing) {
      const missing = roles.filter((r) => !r.exists).map((r) => labelOf(r.id));
      if (missing.length) {
        const message = `Role: ${missing.join(', ')} ${missing.length === 1 ? 'has' : 'have'} no role named ${name}.`;
        throw new PlanError(message, { [field ?? 'existingRole']: [message] });
      }
      await finishStep(draft, 2, 'where', { accountId: account.id, role: { kind: 'existing', name }, ...several });
    } else {
      const role = {
        kind: 'new' as const,
        name,
        path: check(pathSchema, where.path || '/', 'path'),
        description: where.description ? check(descriptionSchema, where.description, 'description') : undefined,
        managedPolicyArns: check(z.array(managedPolicyArnSchema).max(10, 'Permissions: at most 10 managed policies per role (IAM quota).'), where.policies, 'policies'),
        maxSessionHours: where.maxSessionHours,
      };
      // Found here, where the role is named, not at review.
      const taken = roles.filter((r) => r.exists).map((r) => labelOf(r.id));
      if (taken.length) {
        const message = `Role name: ${taken.join(', ')} already ${taken.length === 1 ? 'has' : 'have'} a role named ${name}. Choose another name, or choose "Existing role" to add the trust to it.`;
        throw new PlanError(message, { [field ?? 'roleName']: [message] });
      }
      await finishStep(draft, 2, 'where', { accountId: account.id, role, ...several });
    }
    return roleStepHref(draft.id, 'conditions');
  },
});

/** The plan the review shows, made once from the accepted steps, with what the review shows beside it. */
async function makePlan(draft: RoleDraft, user: SignedInUser, context: ConsoleContext): Promise<void> {
  const request = requestOf(draft.state);
  if (!request || draft.state.finished < 3) throw new PlanError('Finish the first three steps first.');
  const ids = draft.state.where?.accountIds;
  if (ids && ids.length > 1) {
    // One plan for every destination account, so one approval covers them; the review groups them.
    const built = buildMultiAccessPlan(request, ids, await readMultiAccessFacts(request, ids, context));
    const plan = await savePlan(built.draft, user);
    await saveDraft({ ...draft, state: { ...draft.state, plan: { id: plan.id, of: JSON.stringify(request) }, review: built.reviews[0].review, reviews: built.reviews } });
    return;
  }
  const built = buildAccessPlan(request, await readAccessFacts(request, context));
  const plan = await savePlan(built.draft, user);
  await saveDraft({ ...draft, state: { ...draft.state, plan: { id: plan.id, of: JSON.stringify(request) }, review: built.review, reviews: undefined } });
}

const saveConditions = userAction({
  action: 'role-wizard:conditions',
  input: z.object({ draftId, conditions: typedInput.conditions }).strict(),
  async run({ draftId, conditions }, { user, region }) {
    const draft = await draftOf(draftId, user.email);
    if (draft.state.finished < 2 || !draft.state.who) throw new PlanError('Finish the steps before (who, where) first.');
    const context = await getConsoleContext({ region });
    const inOrganization = (await organizationAccounts(context)).some((a) => a.id === draft.state.who!.accountId);
    if (conditions.restrictToOrganization && !inOrganization) {
      const message = 'Only while in this organization: the source is outside the organization.';
      throw new PlanError(message, { restrictToOrganization: [message] });
    }
    const accepted = check(
      conditionsSchema,
      { ...conditions, externalId: conditions.externalIdOn ? check(externalIdSchema, conditions.externalId, 'externalId') : undefined },
      'externalId',
    );
    const finished = await finishStep(draft, 3, 'conditions', accepted);
    await makePlan(finished, user, context);
    return roleStepHref(draft.id, 'review');
  },
});

/** Review, when the plan made for it expired: made again from the accepted steps. */
const remakePlan = userAction({
  action: 'role-wizard:plan',
  input: z.object({ draftId }).strict(),
  async run({ draftId }, { user, region }) {
    await makePlan(await draftOf(draftId, user.email), user, await getConsoleContext({ region }));
    return roleStepHref(draftId, 'review');
  },
});

const resolve = userAction({
  action: 'role-wizard:resolve-account',
  input: z.object({ account: z.string().max(256), label: z.enum(['Source account', 'Destination account']) }).strict(),
  async run({ account, label }, { region }) {
    return resolveAccount(account, await organizationAccounts(await getConsoleContext({ region })), label);
  },
});

const findPrincipals = userAction({
  action: 'role-wizard:search-principals',
  input: z.object({ account: z.string().max(256), query: z.string().max(256) }).strict(),
  async run({ account, query }, { region }) {
    const accounts = await organizationAccounts(await getConsoleContext({ region }));
    if (!account.trim()) {
      // Everything of a large organization is no answer: a name or an account narrows it first.
      if (!query.trim() && accounts.length > MAX_ACCOUNTS_SEARCHED) return { hits: [], searched: 0, total: accounts.length, truncated: false, failed: [] };
      return searchPrincipals(query, accounts);
    }
    const resolution = resolveAccount(account, accounts, 'Source account');
    if (!resolution.ok) throw new PlanError(resolution.message);
    if (!resolution.inOrganization) throw new PlanError(`Account ${resolution.account.id} is outside the organization: the console cannot list its users and roles. Type the ARN, or choose the whole account.`);
    return searchPrincipals(query, accounts.filter((a) => a.id === resolution.account.id));
  },
});

async function destination(account: string, region: string) {
  const resolution = resolveAccount(account, await organizationAccounts(await getConsoleContext({ region })), 'Destination account');
  if (!resolution.ok) throw new PlanError(resolution.message);
  if (!resolution.inOrganization) throw new PlanError(`Account ${resolution.account.id} is outside the organization: the console cannot make or change roles there.`);
  return resolution.account.id;
}

const rolesIn = userAction({
  action: 'role-wizard:list-roles',
  input: z.object({ account: z.string().max(256) }).strict(),
  async run({ account }, { region }) {
    const roles = await listRoles(await destination(account, region));
    return roles.map((r) => ({ name: r.name, arn: r.arn, trust: renderPolicy(r.trust) }));
  },
});

const policiesIn = userAction({
  action: 'role-wizard:search-policies',
  input: z.object({ account: z.string().max(256), query: z.string().max(256) }).strict(),
  async run({ account, query }, { region }) {
    const accountId = await destination(account, region);
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const all = [...(await listManagedPolicies(accountId, 'Local')), ...(await listManagedPolicies(accountId, 'AWS'))];
    return all.filter((p) => p.name.toLowerCase().includes(q)).slice(0, 30).map((p) => ({ name: p.name, arn: p.arn }));
  },
});

export async function saveTypedWhoAction(input: unknown): Promise<ActionResult<string>> {
  return typed.who(input);
}
export async function saveTypedWhereAction(input: unknown): Promise<ActionResult<string>> {
  return typed.where(input);
}
export async function saveTypedConditionsAction(input: unknown): Promise<ActionResult<string>> {
  return typed.conditions(input);
}
export async function saveWhoAction(input: unknown): Promise<ActionResult<string>> {
  return saveWho(input);
}
export async function saveWhereAction(input: unknown): Promise<ActionResult<string>> {
  return saveWhere(input);
}
export async function saveConditionsAction(input: unknown): Promise<ActionResult<string>> {
  return saveConditions(input);
}
export async function remakePlanAction(input: unknown): Promise<ActionResult<string>> {
  return remakePlan(input);
}
export async function resolveAccountAction(input: unknown): Promise<ActionResult<AccountResolution>> {
  return resolve(input);
}
export async function searchPrincipalsAction(input: unknown): Promise<ActionResult<PrincipalSearch>> {
  return findPrincipals(input);
}
export async function listRolesAction(input: unknown): Promise<ActionResult<{ name: string; arn: string; trust: string }[]>> {
  return rolesIn(input);
}
export async function searchPoliciesAction(input: unknown): Promise<ActionResult<{ name: string; arn: string }[]>> {
  return policiesIn(input);
}
