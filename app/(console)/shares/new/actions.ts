'use server';
// The create-share wizard's server side: each step's save validates on the server before the next step
// opens; reads for the pickers (resources of a type, account search, one principal checked at once).
// Building the share's plan changes nothing in AWS, so viewers may do all of it; applying is for admins.
import { z } from 'zod';
import type { AccountChoice } from '@/components/share-wizard/types';
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { config } from '@/lib/config';
import { PlanError } from '@/lib/plan/build';
import { searchOrganization } from '@/lib/organizations/search';
import { checkDetails, checkPermissions, checkSharePrincipals, principalRulesFor, sharingAccountName } from '@/lib/ram/create-share';
import { completeOrganization } from '@/lib/organizations/accounts';
import { checkPrincipal, PRINCIPAL_TYPES, type PrincipalCheck } from '@/lib/ram/principals';
import { listOwnedResources, type ResourceListing } from '@/lib/ram/resources';
import { DRAFT_ID, detailsInput, finishStep, getDraft, permissionsInput, principalsInput, type ShareDraft } from '@/lib/ram/share-draft';

const draftId = z.string().regex(DRAFT_ID, 'A draft ID looks like d- and 20 hexadecimal digits.');

function draftOf(id: string, email: string): ShareDraft {
  const draft = getDraft(id, email);
  if (!draft) throw new PlanError('This wizard draft does not exist or is not yours: start again from Create resource share.');
  return draft;
}

function detailsOf(draft: ShareDraft) {
  if (!draft.details) throw new PlanError('Finish step 1 (resource share details) first.');
  return draft.details;
}

const saveDetails = userAction({
  action: 'share-wizard:details',
  input: z.object({ draftId, details: detailsInput }).strict(),
  async run(input, { user, region }) {
    const draft = draftOf(input.draftId, user.email);
    const context = await getConsoleContext({ region });
    finishStep(draft, 1, await checkDetails(context, input.details, config().regions));
    return 2;
  },
});

const savePermissions = userAction({
  action: 'share-wizard:permissions',
  input: z.object({ draftId, permissions: permissionsInput }).strict(),
  async run(input, { user }) {
    const draft = draftOf(input.draftId, user.email);
    finishStep(draft, 2, await checkPermissions(detailsOf(draft), input.permissions));
    return 3;
  },
});

const savePrincipals = userAction({
  action: 'share-wizard:principals',
  input: z.object({ draftId, principals: principalsInput }).strict(),
  async run(input, { user, region }) {
    const draft = draftOf(input.draftId, user.email);
    if (draft.finished < 2) throw new PlanError('Finish step 2 (managed permissions) first.');
    const context = await getConsoleContext({ region });
    finishStep(draft, 3, await checkSharePrincipals(context, detailsOf(draft), input.principals));
    return 4;
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

export async function saveDetailsAction(input: unknown): Promise<ActionResult<number>> {
  return saveDetails(input);
}
export async function savePermissionsAction(input: unknown): Promise<ActionResult<number>> {
  return savePermissions(input);
}
export async function savePrincipalsAction(input: unknown): Promise<ActionResult<number>> {
  return savePrincipals(input);
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
