'use server';
// The create-share wizard's server side: fields saved to the draft as they are typed; each step checked on
// the server before the next opens; the plan made once, when the admin moves to review; reads for the pickers
// (resources of a type, account search, one principal checked at once). Building the share's plan changes
// nothing in AWS, so viewers may do all of it; applying is for admins.
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { config } from '@/lib/config';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';
import type { SignedInUser } from '@/lib/auth/roles';
import { searchOrganization } from '@/lib/organizations/search';
import { checkDetails, checkPermissions, checkSharePrincipals, draftFingerprint, planCreateResourceShare, principalRulesFor, sharingAccountName } from '@/lib/ram/create-share';
import { completeOrganization } from '@/lib/organizations/accounts';
import { checkPrincipal, PRINCIPAL_TYPES, type PrincipalCheck } from '@/lib/ram/principals';
import { listOwnedResources, type ResourceListing } from '@/lib/ram/resources';
import { detailsInput, emptyShareDraft, getShareDraft, MODIFY_SHARE_WIZARD, permissionsInput, principalsInput, SHARE_WIZARD, shareStepHref, typedInput, type ShareDraft, type TypedStep, type ShareDraftState } from '@/lib/ram/share-draft';
import { modifyDraftState, modifyShare } from '@/lib/ram/modify-share';
import { refreshSharesOf } from '@/lib/ram/snapshot';
import { readShareSources } from '@/lib/ram/sources';
import { createDraft, draftIdInput, finishStep, requireDraft, saveDraft, saveTyped } from '@/lib/wizard/drafts';
import type { AccountChoice } from './types';

const draftId = draftIdInput;
const WIZARD = { kind: SHARE_WIZARD, name: 'Create resource share', empty: emptyShareDraft };

/** The user's draft of either share wizard (create or modify); a fresh one is always a create draft. */
async function draftOf(id: string | undefined, email: string): Promise<ShareDraft> {
  if (id === undefined) return requireDraft<ShareDraftState>(SHARE_WIZARD, id, email, emptyShareDraft, WIZARD.name);
  const draft = await getShareDraft(id, email);
  if (!draft) throw new PlanError(`This wizard draft does not exist or is not yours: start again from ${WIZARD.name} or the share's Modify.`);
  return draft;
}

function detailsOf(draft: ShareDraft) {
  if (!draft.state.details) throw new PlanError('Finish step 1 (resource share details) first.');
  return draft.state.details;
}

/** Autosave of one step's fields, to a draft of either share wizard. */
const typedAction = (step: TypedStep) =>
  userAction({
    action: `share-wizard:typed-${step}`,
    input: z.object({ draftId: draftId.optional(), typed: typedInput[step] }).strict(),
    async run(input, { user }) {
      return (await saveTyped(await draftOf(input.draftId, user.email), step, input.typed)).id;
    },
  });
const typed = { 1: typedAction(1), 2: typedAction(2), 3: typedAction(3) };

/** Opens "Modify resource share": a draft of its own kind, every step filled in from the share as AWS reads it now. */
const startModify = userAction({
  action: 'share-wizard:modify',
  input: z.object({ accountId: z.string().regex(/^\d{12}$/), region: z.string().refine((r) => config().regions.includes(r), 'Not one of the console’s Regions.'), resourceShareArn: z.string().max(2048) }).strict(),
  async run(input, { user, region }) {
    const context = await getConsoleContext({ region });
    const share = (await refreshSharesOf(input.accountId, input.region)).find((s) => s.arn === input.resourceShareArn);
    if (!share) throw new PlanError(`The share is no longer listed by ${input.accountId} in ${input.region}.`);
    const snapshot = await completeOrganization(context);
    const types = [...new Set(share.resources.map((r) => r.type))];
    const [rules, sources, listings] = await Promise.all([
      principalRulesFor(context, { accountId: share.owningAccountId, resources: share.resources.map((r) => ({ resourceType: r.type })) }, share.allowExternalPrincipals),
      readShareSources(share.owningAccountId, share.region, share.arn),
      Promise.all(types.map((t) => listOwnedResources({ accountId: share.owningAccountId, region: share.region }, t).catch(() => undefined))),
    ]);
    const resourceNames = Object.fromEntries(listings.flatMap((l) => l?.resources ?? []).flatMap((r) => (r.name ? [[r.arn, r.name] as const] : [])));
    const accountName = sharingAccountName(context, snapshot, share.owningAccountId);
    const draft = await createDraft<ShareDraftState>(MODIFY_SHARE_WIZARD, user.email, modifyDraftState(share, { accountName, resourceNames, rules, sources }));
    return shareStepHref(draft, 1);
  },
});

const saveDetails = userAction({
  action: 'share-wizard:details',
  input: z.object({ draftId: draftId.optional(), details: detailsInput }).strict(),
  async run(input, { user, region }) {
    const draft = await draftOf(input.draftId, user.email);
    const modified = draft.state.modify;
    if (modified && (input.details.accountId !== modified.accountId || input.details.region !== modified.region)) {
      throw new PlanError('A share stays in its owner’s account and Region.', { accountId: [`The share belongs to ${modified.accountId} in ${modified.region}: it cannot move.`] });
    }
    const context = await getConsoleContext({ region });
    const details = await checkDetails(context, input.details, config().regions);
    // Set only by CreateResourceShare: a modified share keeps what it has.
    const retained = modified ? { retainSharingOnAccountLeaveOrganization: draft.state.details?.retainSharingOnAccountLeaveOrganization ?? false } : {};
    await finishStep(draft, 1, 'details', { ...details, ...retained });
    return shareStepHref(draft, 2);
  },
});

const savePermissions = userAction({
  action: 'share-wizard:permissions',
  input: z.object({ draftId, permissions: permissionsInput }).strict(),
  async run(input, { user }) {
    const draft = await draftOf(input.draftId, user.email);
    await finishStep(draft, 2, 'permissions', await checkPermissions(detailsOf(draft), input.permissions));
    return shareStepHref(draft, 3);
  },
});

/**
 * The plan the review shows, made once from the accepted steps; the review only reads it. A modify draft's plan
 * is the difference from the share read again now, so a change made elsewhere meanwhile is not undone.
 */
async function makePlan(draft: ShareDraft, user: SignedInUser): Promise<ShareDraft> {
  const { details, permissions, principals, modify } = draft.state;
  if (!details || !permissions || !principals || draft.state.finished < 3) throw new PlanError('Finish steps 1 to 3 first.');
  const complete = { details, permissions, principals };
  let made;
  if (modify) {
    const share = (await refreshSharesOf(modify.accountId, modify.region)).find((s) => s.arn === modify.arn);
    if (!share) throw new PlanError(`The share is no longer listed by ${modify.accountId} in ${modify.region}.`);
    const sources = await readShareSources(modify.accountId, modify.region, modify.arn);
    made = modifyShare.plan(complete, { share, sources, accountName: details.accountName });
  } else made = planCreateResourceShare(complete, draft.id);
  const plan = await savePlan(made, user);
  return await saveDraft({ ...draft, state: { ...draft.state, plan: { id: plan.id, of: draftFingerprint(complete) } } });
}

const savePrincipals = userAction({
  action: 'share-wizard:principals',
  input: z.object({ draftId, principals: principalsInput }).strict(),
  async run(input, { user, region }) {
    const draft = await draftOf(input.draftId, user.email);
    if (draft.state.finished < 2) throw new PlanError('Finish step 2 (managed permissions) first.');
    const context = await getConsoleContext({ region });
    const finished = await finishStep(draft, 3, 'principals', await checkSharePrincipals(context, detailsOf(draft), input.principals));
    await makePlan(finished, user);
    return shareStepHref(draft, 4);
  },
});

/** Review, when the plan made for it expired: the same plan made again from the accepted steps. */
const remakePlan = userAction({
  action: 'share-wizard:plan',
  input: z.object({ draftId }).strict(),
  async run(input, { user }) {
    const draft = await draftOf(input.draftId, user.email);
    await makePlan(draft, user);
    return shareStepHref(draft, 4);
  },
});

const checkOne = userAction({
  action: 'share-wizard:check-principal',
  input: z
    .object({
      draftId,
      type: z.enum(PRINCIPAL_TYPES),
      value: z.string().max(2048, 'A principal is at most 2,048 characters.'),
      allowExternalPrincipals: z.boolean(),
      selected: principalsInput.shape.principals.element.array().max(5_000),
    })
    .strict(),
  async run(input, { user, region }) {
    const draft = await draftOf(input.draftId, user.email);
    const context = await getConsoleContext({ region });
    const rules = await principalRulesFor(context, detailsOf(draft), input.allowExternalPrincipals);
    return checkPrincipal(input.type, input.value, rules, input.selected);
  },
});

const listResources = userAction({
  action: 'share-wizard:list-resources',
  input: z.object({ accountId: z.string().regex(/^\d{12}$/), region: z.string().refine((r) => config().regions.includes(r), 'Not one of the console’s Regions.'), resourceType: z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/) }).strict(),
  async run(input, { region }) {
    const context = await getConsoleContext({ region });
    sharingAccountName(context, await completeOrganization(context), input.accountId);
    return listOwnedResources({ accountId: input.accountId, region: input.region }, input.resourceType);
  },
});

const searchAccounts = userAction({
  action: 'share-wizard:search-accounts',
  input: z.string().max(200),
  async run(query, { region }) {
    const context = await getConsoleContext({ region });
    const snapshot = await completeOrganization(context);
    if (!snapshot) return [{ id: context.accountId, name: context.accountId, path: 'the console’s account' }];
    return searchOrganization(snapshot, query, 200)
      .hits.filter((h) => h.type === 'ACCOUNT')
      .slice(0, 20)
      .map((h) => ({ id: h.id, name: h.name, path: h.pathNames.join(' / ') }));
  },
});

export async function startModifyAction(input: unknown): Promise<ActionResult<string>> {
  return startModify(input);
}
export async function saveTypedDetailsAction(input: unknown): Promise<ActionResult<string>> {
  return typed[1](input);
}
export async function saveTypedPermissionsAction(input: unknown): Promise<ActionResult<string>> {
  return typed[2](input);
}
export async function saveTypedPrincipalsAction(input: unknown): Promise<ActionResult<string>> {
  return typed[3](input);
}
export async function saveDetailsAction(input: unknown): Promise<ActionResult<string>> {
  return saveDetails(input);
}
export async function savePermissionsAction(input: unknown): Promise<ActionResult<string>> {
  return savePermissions(input);
}
export async function savePrincipalsAction(input: unknown): Promise<ActionResult<string>> {
  return savePrincipals(input);
}
export async function remakePlanAction(input: unknown): Promise<ActionResult<string>> {
  return remakePlan(input);
}
export async function checkPrincipalAction(input: unknown): Promise<ActionResult<PrincipalCheck>> {
  return checkOne(input);
}
export async function listResourcesAction(input: unknown): Promise<ActionResult<ResourceListing>> {
  return listResources(input);
}
export async function searchAccountsAction(query: unknown): Promise<ActionResult<AccountChoice[]>> {
  return searchAccounts(query);
}
