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
import { detailsInput, emptyShareDraft, permissionsInput, principalsInput, SHARE_WIZARD, typedInput, type ShareDraft, type ShareDraftState } from '@/lib/ram/share-draft';
import { draftIdInput, finishStep, requireDraft, saveDraft } from '@/lib/wizard/drafts';
import { typedFieldsAction } from '@/components/wizard/typed-fields-action';
import { stepHref } from './href';
import type { AccountChoice } from './types';

const draftId = draftIdInput;
const WIZARD = { kind: SHARE_WIZARD, name: 'Create resource share', empty: emptyShareDraft };
const draftOf = (id: string | undefined, email: string): ShareDraft => requireDraft<ShareDraftState>(SHARE_WIZARD, id, email, emptyShareDraft, WIZARD.name);

function detailsOf(draft: ShareDraft) {
  if (!draft.state.details) throw new PlanError('Finish step 1 (resource share details) first.');
  return draft.state.details;
}

const typed = { 1: typedFieldsAction(WIZARD, 1, typedInput[1]), 2: typedFieldsAction(WIZARD, 2, typedInput[2]), 3: typedFieldsAction(WIZARD, 3, typedInput[3]) };

const saveDetails = userAction({
  action: 'share-wizard:details',
  input: z.object({ draftId: draftId.optional(), details: detailsInput }).strict(),
  async run(input, { user, region }) {
    const draft = draftOf(input.draftId, user.email);
    const context = await getConsoleContext({ region });
    finishStep(draft, 1, 'details', await checkDetails(context, input.details, config().regions));
    return stepHref(draft.id, 2);
  },
});

const savePermissions = userAction({
  action: 'share-wizard:permissions',
  input: z.object({ draftId, permissions: permissionsInput }).strict(),
  async run(input, { user }) {
    const draft = draftOf(input.draftId, user.email);
    finishStep(draft, 2, 'permissions', await checkPermissions(detailsOf(draft), input.permissions));
    return stepHref(draft.id, 3);
  },
});

/** The plan the review shows, made once from the accepted steps; the review only reads it. */
function makePlan(draft: ShareDraft, user: SignedInUser): ShareDraft {
  const { details, permissions, principals } = draft.state;
  if (!details || !permissions || !principals || draft.state.finished < 3) throw new PlanError('Finish steps 1 to 3 first.');
  const complete = { details, permissions, principals };
  const plan = savePlan(planCreateResourceShare(complete, draft.id), user);
  return saveDraft({ ...draft, state: { ...draft.state, plan: { id: plan.id, of: draftFingerprint(complete) } } });
}

const savePrincipals = userAction({
  action: 'share-wizard:principals',
  input: z.object({ draftId, principals: principalsInput }).strict(),
  async run(input, { user, region }) {
    const draft = draftOf(input.draftId, user.email);
    if (draft.state.finished < 2) throw new PlanError('Finish step 2 (managed permissions) first.');
    const context = await getConsoleContext({ region });
    const finished = finishStep(draft, 3, 'principals', await checkSharePrincipals(context, detailsOf(draft), input.principals));
    makePlan(finished, user);
    return stepHref(draft.id, 4);
  },
});

/** Review, when the plan made for it expired: the same plan made again from the accepted steps. */
const remakePlan = userAction({
  action: 'share-wizard:plan',
  input: z.object({ draftId }).strict(),
  async run(input, { user }) {
    makePlan(draftOf(input.draftId, user.email), user);
    return stepHref(input.draftId, 4);
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
    const draft = draftOf(input.draftId, user.email);
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
