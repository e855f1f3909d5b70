// Kind of change: creating a resource share — the checks each wizard step makes against AWS before it counts as
// finished (the sharing account is the console's or a member; the resources are the owner's, in that Region;
// each permission is one RAM offers for its type; the principals pass RAM's rules), the plan they lead to (one
// ram:CreateResourceShare in the sharing account and Region, a pure function of the draft), what AWS reads
// back, and the organization's share list refreshed for that account and Region once it ran.
import { createHash } from 'node:crypto';
import { GetResourceSharesCommand, RAMClient, type ResourceShare } from '@aws-sdk/client-ram';
import { z } from 'zod';
import { getClient } from '../aws/clients';
import { explainAwsError } from '../aws/errors';
import type { ConsoleContext } from '../aws/identity';
import { completeOrganization } from '../organizations/accounts';
import type { OrganizationSnapshot, OrgNodeView } from '../organizations/types';
import { childViews, nodeView } from '../organizations/view';
import { PlanError } from '../plan/build';
import { defineKind, type InverseChange } from '../plan/kind';
import type { PlanDraft } from '../plan/types';
import { shareAssociations } from './associations';
import { permissionsFor } from './permissions';
import { checkPrincipals, checkSources, organizationDirectory, type PrincipalRules } from './principals';
import { externalFact, GLOBAL_TYPES_REGION, listResourceTypes, orgOnlyTypes, resourceTypeInfo, type ResourceTypeInfo } from './resource-types';
import { listOwnedResources } from './resources';
import { DRAFT_ID } from '../wizard/drafts';
import { detailsInput, permissionsInput, principalsInput, typesOf, type ShareDetails, type ShareDraftState, type SharePrincipals } from './share-draft';
import { getSharingStatus } from './sharing';
import { refreshSharesOf } from './snapshot';

/** What the principal tree opens with: the root and its children (more load as the admin opens OUs). */
export function principalTreeOf(snapshot: OrganizationSnapshot): { initial: { root: OrgNodeView; children: Record<string, OrgNodeView[]> }; organizationArn: string } {
  const root = nodeView(snapshot, snapshot.rootId)!;
  return { initial: { root, children: { [root.id]: childViews(snapshot, root.id) ?? [] } }, organizationArn: snapshot.organization.arn };
}

/** The sharing account's name: the console's own account or a member of its organization, else a refusal. */
export function sharingAccountName(context: ConsoleContext, snapshot: OrganizationSnapshot | undefined, accountId: string): string {
  const node = snapshot?.nodes[accountId];
  if (node?.type === 'ACCOUNT') return node.name;
  if (accountId === context.accountId) return accountId;
  throw new PlanError('Choose a sharing account of the organization.', {
    accountId: [`${accountId} is not an account of your organization: share from the console's account (${context.accountId}) or a member account.`],
  });
}

/** Step 1: the details as submitted, with each resource checked against the owner's own listing. */
export async function checkDetails(context: ConsoleContext, input: Omit<ShareDetails, 'accountName'>, regions: string[]): Promise<ShareDetails> {
  const snapshot = await completeOrganization(context);
  const accountName = sharingAccountName(context, snapshot, input.accountId);
  if (!regions.includes(input.region)) throw new PlanError('Choose a Region.', { region: [`${input.region} is not one of the console's Regions.`] });
  const target = { accountId: input.accountId, region: input.region };
  const offered = new Map((await listResourceTypes(target)).map((t) => [t.resourceType, t]));
  const errors: string[] = [];
  for (const type of typesOf(input)) {
    const info = offered.get(type);
    if (!info) {
      errors.push(`RAM does not offer ${type} in ${input.region}.`);
      continue;
    }
    if (info.regionScope === 'GLOBAL' && input.region !== GLOBAL_TYPES_REGION) {
      errors.push(`${info.label} (${type}) is a global resource type: share it from ${GLOBAL_TYPES_REGION}.`);
      continue;
    }
    const { resources } = await listOwnedResources(target, type);
    const owned = new Set(resources.map((r) => r.arn));
    for (const r of input.resources.filter((x) => x.resourceType === type && !owned.has(x.arn))) {
      errors.push(`${r.name ?? r.id} is not a resource ${accountName} (${input.accountId}) owns in ${input.region}: only the owner can share a resource, and a resource shared with the account cannot be shared again.`);
    }
  }
  if (errors.length) throw new PlanError('Some of the selected resources cannot be shared.', { resources: errors });
  return { ...input, accountName };
}

/** Step 2: one permission per type in the share, each one RAM offers for it. */
export async function checkPermissions(details: ShareDetails, chosen: Record<string, string>): Promise<Record<string, string>> {
  const target = { accountId: details.accountId, region: details.region };
  const out: Record<string, string> = {};
  const errors: Record<string, string[]> = {};
  for (const type of typesOf(details)) {
    const offered = await permissionsFor(target, type);
    const arn = chosen[type] ?? offered.find((p) => p.isDefault)?.arn;
    if (arn && offered.some((p) => p.arn === arn)) out[type] = arn;
    else errors[type] = [`Choose one of the managed permissions RAM offers for ${type}.`];
  }
  if (Object.keys(errors).length) throw new PlanError('Choose a managed permission for each resource type.', errors);
  return out;
}

/** The rules principals of a share must pass: one being made from `details`, or one that exists (its owner and resources). */
export async function principalRulesFor(
  context: ConsoleContext,
  details: { accountId: string; resources: Pick<ShareDetails['resources'][number], 'resourceType'>[] },
  allowExternalPrincipals: boolean,
): Promise<PrincipalRules> {
  const [snapshot, sharing] = await Promise.all([completeOrganization(context), context.standing === 'management' ? getSharingStatus(context) : undefined]);
  return {
    organization: snapshot && organizationDirectory(snapshot),
    // Only the management account can read whether sharing is on; RAM itself would refuse otherwise.
    organizationSharing: sharing ? sharing.enabled : context.standing === 'delegated-admin',
    sharingAccountId: details.accountId,
    allowExternalPrincipals,
    resourceTypes: shareTypes(details),
  };
}

export function shareTypes(details: { resources: Pick<ShareDetails['resources'][number], 'resourceType'>[] }): ResourceTypeInfo[] {
  return typesOf(details).map((t) => resourceTypeInfo(t));
}

/** The RAM guide's caveats on retaining access after an account leaves the organization, said where it is chosen. */
export const RETAIN_CAVEAT =
  'Retain access when an account leaves the organization: an account that leaves keeps the resources it received through the organization, an OU or as a member, and becomes an outside principal of the share. It is set only when the share is created (UpdateResourceShare cannot change it), and accounts that received the share by invitation keep access either way.';

/** Step 3: every principal checked again for the share as it stands, and the source constraints typed. */
export async function checkSharePrincipals(context: ConsoleContext, details: ShareDetails, input: SharePrincipals): Promise<SharePrincipals> {
  // A type that can only be shared inside the organization keeps the share closed, whatever was sent.
  const allowExternalPrincipals = input.allowExternalPrincipals && orgOnlyTypes(shareTypes(details)).length === 0;
  const rules = await principalRulesFor(context, details, allowExternalPrincipals);
  const { principals, errors } = checkPrincipals(input.principals, rules);
  const messages = Object.values(errors);
  if (messages.length) throw new PlanError('Some principals cannot be in this share.', { principals: messages });
  const sources = checkSources(input.sources ?? [], principals);
  const sourceErrors = Object.values(sources.errors);
  if (sourceErrors.length) throw new PlanError('Some source constraints cannot be used.', { sources: sourceErrors });
  return { allowExternalPrincipals, principals, ...(sources.sources.length ? { sources: sources.sources.map((s) => s.sourceId) } : {}) };
}

type CompleteDraft = Required<Pick<ShareDraftState, 'details' | 'permissions' | 'principals'>>;

/** A fingerprint of what the plan is made from, so the review step knows when to make it again. */
export function draftFingerprint(draft: CompleteDraft): string {
  return createHash('sha256').update(JSON.stringify([draft.details, draft.permissions, draft.principals])).digest('hex').slice(0, 16);
}

/** Which wizard step an error concerns, from what RAM's message is about. */
function stepOfError(message: string): { step: number; label: string } {
  if (/principal|organization|invitation|external/i.test(message)) return { step: 3, label: 'principals' };
  if (/permission/i.test(message) && !/not authorized|access ?denied/i.test(message)) return { step: 2, label: 'managed permissions' };
  return { step: 1, label: 'resource share details' };
}

const completeDraft = z.object({
  draftId: z.string().regex(DRAFT_ID),
  details: detailsInput.extend({ accountName: z.string() }),
  permissions: permissionsInput,
  principals: principalsInput,
});

export const createShare = defineKind({
  id: 'ram:create-resource-share',
  input: completeDraft,
  context: z.object({
    draftId: z.string(),
    name: z.string(),
    principals: z.array(principalsInput.shape.principals.element),
    resources: z.array(detailsInput.shape.resources.element),
  }),
  /** One CreateResourceShare with the resources, permissions and principals (RAM's clientToken added by the engine). */
  build({ draftId, details, permissions, principals }) {
    const outside = principals.principals.filter((p) => p.outside);
    const containing = principals.principals.filter((p) => p.containsSharingAccount);
    const notes = [
      ...(principals.allowExternalPrincipals
        ? ['Principals outside the organization are allowed: anyone who can get an account ID added to this share later receives an invitation, and the organization no longer bounds who can use these resources.']
        : []),
      `The share lives in ${details.region} only: its principals use the resources there.`,
      ...(outside.length
        ? [`RAM sends an invitation to ${outside.map((p) => p.name).join(', ')}: outside the organization, access starts only when the invitation is accepted.`]
        : []),
      ...containing.map((p) => `${p.name} contains the sharing account ${details.accountName} (${details.accountId}): its own principals get the share's access too.`),
      ...(details.retainSharingOnAccountLeaveOrganization ? [RETAIN_CAVEAT] : []),
    ];
    return {
      title: `Create resource share ${details.name}`,
      accountNames: { [details.accountId]: details.accountName },
      steps: [
        {
          operation: 'ram:CreateResourceShare',
          accountId: details.accountId,
          region: details.region,
          input: {
            name: details.name,
            resourceArns: details.resources.map((r) => r.arn),
            principals: principals.principals.map((p) => p.principal),
            permissionArns: typesOf(details).map((t) => permissions[t]),
            allowExternalPrincipals: principals.allowExternalPrincipals,
            ...(principals.sources?.length ? { sources: principals.sources } : {}),
            ...(details.tags.length ? { tags: details.tags } : {}),
            ...(details.retainSharingOnAccountLeaveOrganization ? { resourceShareConfiguration: { retainSharingOnAccountLeaveOrganization: true } } : {}),
          },
          reason: `Creates the share ${details.name} in ${details.accountName} (${details.accountId}), ${details.region}: ${details.resources.length} resource(s) for ${principals.principals.length} principal(s).`,
        },
      ],
      notes,
      context: { draftId, name: details.name, principals: principals.principals, resources: details.resources },
    };
  },
  async readBack(plan) {
    const step = plan.steps[0];
    const state = plan.stepStates[0];
    const { draftId, name } = plan.context;
    const names = new Map(plan.context.principals.map((p) => [p.principal, p.name]));
    const resourceNames = new Map(plan.context.resources.map((r) => [r.arn, r.name ?? r.id]));
    const ram = getClient(RAMClient, { accountId: step.accountId, region: step.region });
    const problems: string[] = [];
    let share: ResourceShare | undefined;
    try {
      const arn = (state.output as { resourceShare?: ResourceShare } | undefined)?.resourceShare?.resourceShareArn;
      const out = await ram.send(new GetResourceSharesCommand(arn ? { resourceOwner: 'SELF', resourceShareArns: [arn] } : { resourceOwner: 'SELF', name }));
      share = out.resourceShares?.find((s) => s.status !== 'DELETED');
    } catch (error) {
      problems.push(explainAwsError(error, { operation: 'ram:GetResourceShares', accountId: step.accountId, region: step.region }));
    }
    if (!share) {
      const cause = stepOfError(state.error ?? '');
      return {
        tone: 'error',
        title: `No share named ${name} exists in ${step.accountId}, ${step.region}: nothing was created.`,
        facts: [],
        advice: state.error ? `RAM refused it: ${state.error} This concerns step ${cause.step} (${cause.label}).` : undefined,
        links: [{ href: `/shares/new?draft=${draftId}&step=${cause.step}`, label: `Back to step ${cause.step}: ${cause.label}` }],
        problems,
      };
    }
    const shareId = share.resourceShareArn!.split('/').pop()!;
    const associations = await shareAssociations(ram, share.resourceShareArn!).catch((error: unknown) => {
      problems.push(explainAwsError(error, { operation: 'ram:GetResourceShareAssociations', accountId: step.accountId, region: step.region }));
      return [];
    });
    const facts = [
      { label: 'Name', value: share.name ?? '' },
      { label: 'Status', value: share.status ?? 'UNKNOWN' },
      { label: 'ARN', value: share.resourceShareArn! },
      { label: 'Allows principals outside the organization', value: externalFact(share.allowExternalPrincipals, [...new Set(plan.context.resources.map((r) => r.resourceType))]) },
      ...associations.map((a) => {
        const entity = a.associatedEntity ?? '';
        const label = a.associationType === 'RESOURCE' ? resourceNames.get(entity) : names.get(entity);
        const invited = a.external && a.status === 'ASSOCIATING';
        return {
          label: `${a.associationType === 'RESOURCE' ? 'Resource' : 'Principal'} ${label ? `${label} — ` : ''}${entity}`,
          value: `${invited ? 'invitation sent (ASSOCIATING until accepted)' : (a.status ?? 'UNKNOWN')}${a.statusMessage ? `: ${a.statusMessage}` : ''}`,
        };
      }),
    ];
    const failed = associations.filter((a) => a.status === 'FAILED');
    const ok = failed.length === 0 && plan.status === 'succeeded';
    return {
      tone: ok ? 'success' : failed.length ? 'error' : 'warning',
      title: ok ? `Resource share ${share.name} is created.` : failed.length ? `Resource share ${share.name} exists, but ${failed.length} association(s) FAILED.` : `Resource share ${share.name} exists; the run did not finish.`,
      facts,
      advice: failed.length ? 'Each FAILED line carries RAM’s reason. Fix it, then add the failed principal or resource to the share again.' : undefined,
      links: [{ href: `/shares/${step.region}/${shareId}`, label: "The share's page" }],
      problems,
    };
  },
  // The organization's list shows the new share at once, without waiting for its next read.
  // The principals it added are disassociated, not the share deleted: anything added to the share since (other
  // principals, resources) stays, and the owner decides what becomes of the share.
  inverse(plan) {
    const step = plan.steps[0];
    const arn = (plan.stepStates[0]?.output as { resourceShare?: ResourceShare } | undefined)?.resourceShare?.resourceShareArn;
    const principals = plan.context.principals.map((p) => p.principal);
    if (!arn || principals.length === 0) return [];
    return [shareInverse({ resourceShareArn: arn, accountId: step.accountId, region: step.region }, { edit: 'remove-principals', principals }, `${plan.context.name} is no longer shared with ${principals.join(', ')}`)];
  },
  async afterApply(plan) {
    await refreshSharesOf(plan.steps[0].accountId, plan.steps[0].region);
  },
});

/** The plan for a finished draft. */
export function planCreateResourceShare(draft: CompleteDraft, draftId: string): PlanDraft {
  return createShare.plan({ ...draft, draftId }, undefined);
}

/** Taking back what was added to a share: the opposite edit of the same share, built when the access ends. */
export function shareInverse(target: { resourceShareArn: string; accountId: string; region: string }, edit: { edit: 'remove-principals'; principals: string[] } | { edit: 'remove-resources'; resourceArns: string[] }, summary: string): InverseChange {
  return { kind: 'ram:edit-share', input: edit, target, summary };
}
