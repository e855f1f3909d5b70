// Kind of change: the RAM console's "Modify resource share" — the create wizard's four steps prefilled from the
// share as AWS reads it back (a draft of its own kind), and a plan of exactly the differences between the share
// read again when the plan is made and the share the steps now describe (modifyShareSteps). Pure, apart from
// the read back.
import { z } from 'zod';
import { PlanError } from '../plan/build';
import { defineKind, type KindPlan, type ReadBack } from '../plan/kind';
import { checkPrincipal, principalTypeOf, type PrincipalRules, type SelectedPrincipal } from './principals';
import { orgOnlyTypes, resourceTypeInfo } from './resource-types';
import { modifyShareSteps, type DesiredShare } from './share-diff';
import { detailsInput, permissionsInput, principalsInput, typesOf, type ShareDraftState } from './share-draft';
import { shareFacts } from './share-edits';
import { readOwnedShares, refreshSharesOf, type ShareRecord } from './snapshot';
import type { ShareSource } from './sources';

export const MODIFY_SHARE_KIND = 'ram:modify-resource-share';

/** What the page knows besides the share: the owner's name, resources' Name tags, RAM's rules for principals. */
export interface ModifyPrefillContext {
  accountName: string;
  resourceNames: Record<string, string>;
  /** RAM's rules for the share as it stands, to name and place each principal (in the organization tree). */
  rules?: PrincipalRules;
  sources?: ShareSource[];
}

/** A principal as the share records it, in the wizard's shape: named by the rules when they accept it, else as recorded. */
function selectedOf(id: string, external: boolean, rules: PrincipalRules | undefined, already: SelectedPrincipal[]): SelectedPrincipal {
  const type = principalTypeOf(id);
  const checked = rules && checkPrincipal(type, id, rules, already);
  return checked?.ok ? checked.principal : { type, principal: id, id, name: id, outside: external };
}

/** The wizard's steps filled in from the share as read back: every step counts as finished, nothing is planned yet. */
export function modifyDraftState(share: ShareRecord, known: ModifyPrefillContext): ShareDraftState {
  if (share.status === 'DELETING' || share.status === 'DELETED') throw new PlanError(`The share is ${share.status.toLowerCase()}: it can no longer be modified.`);
  if (share.featureSet && share.featureSet !== 'STANDARD') throw new PlanError('RAM made this share from a resource-based policy: promote it on its page before modifying it.');
  const principals: SelectedPrincipal[] = [];
  for (const p of share.principals) principals.push(selectedOf(p.id, p.external, known.rules, principals));
  const sources = (known.sources ?? []).map((s) => s.sourceId);
  return {
    finished: 3,
    modify: { arn: share.arn, id: share.id, accountId: share.owningAccountId, region: share.region },
    details: {
      accountId: share.owningAccountId,
      accountName: known.accountName,
      region: share.region,
      name: share.name,
      resources: share.resources.map((r) => ({ arn: r.arn, id: r.arn.split(/[:/]/).pop()!, ...(known.resourceNames[r.arn] ? { name: known.resourceNames[r.arn] } : {}), resourceType: r.type })),
      tags: share.tags,
      retainSharingOnAccountLeaveOrganization: share.retainSharingOnAccountLeaveOrganization ?? false,
    },
    permissions: Object.fromEntries(share.permissions.map((p) => [p.resourceType, p.arn])),
    principals: { allowExternalPrincipals: share.allowExternalPrincipals, principals, ...(sources.length ? { sources } : {}) },
  };
}

const desiredSchema = z.object({
  name: z.string(),
  allowExternalPrincipals: z.boolean(),
  resourceArns: z.array(z.string()),
  principals: z.array(z.string()),
  permissions: z.record(z.string(), z.string()),
  tags: z.array(z.object({ key: z.string(), value: z.string() })),
  sources: z.array(z.string()).optional(),
});
const modifyContext = z.object({ resourceShareArn: z.string(), shareName: z.string(), accountId: z.string(), region: z.string(), desired: desiredSchema });
type Typed = KindPlan<z.infer<typeof modifyContext>>;
type Complete = Required<Pick<ShareDraftState, 'details' | 'permissions' | 'principals'>>;

/** The accepted steps of a modify draft, as the plan is made from them. */
const modifyInput = z.object({ details: detailsInput.extend({ accountName: z.string() }), permissions: permissionsInput, principals: principalsInput });

/** The share the accepted steps describe. */
export function desiredShareOf(share: ShareRecord, state: Complete): DesiredShare {
  const { details, permissions, principals } = state;
  // A share holding a type that never leaves the organization ignores the flag: the plan leaves it as it is.
  const closed = orgOnlyTypes(typesOf(details).map((t) => resourceTypeInfo(t))).length > 0;
  return {
    name: details.name,
    allowExternalPrincipals: closed ? share.allowExternalPrincipals : principals.allowExternalPrincipals,
    resourceArns: details.resources.map((r) => r.arn),
    principals: principals.principals.map((p) => p.principal),
    permissions: Object.fromEntries(typesOf(details).flatMap((t) => (permissions[t] ? [[t, permissions[t]]] : []))),
    tags: details.tags,
    sources: principals.sources ?? [],
  };
}

export const modifyShare = defineKind({
  id: MODIFY_SHARE_KIND,
  input: modifyInput,
  context: modifyContext,
  build(state: Complete, { share, sources, accountName }: { share: ShareRecord; sources: ShareSource[]; accountName: string }) {
    const desired = desiredShareOf(share, state);
    const steps = modifyShareSteps(share, desired, sources.map((s) => s.sourceId));
    if (!steps.length) throw new PlanError('Nothing differs from the share as AWS reads it now: change a step before making the plan.');
    const notes = [
      ...(state.details.retainSharingOnAccountLeaveOrganization !== (share.retainSharingOnAccountLeaveOrganization ?? false)
        ? ['Retaining access when an account leaves the organization is set only when a share is created (UpdateResourceShare has no such field): this plan leaves it as it is.']
        : []),
      ...(steps.some((s) => s.operation === 'ram:DisassociateResourceShare') ? ['Removals come first: principals lose access to removed resources as soon as RAM disassociates them.'] : []),
    ];
    return {
      title: `Modify resource share ${share.name}`,
      accountNames: { [share.owningAccountId]: accountName },
      steps,
      notes,
      context: { resourceShareArn: share.arn, shareName: share.name, accountId: share.owningAccountId, region: share.region, desired },
    };
  },
  /** A pure read: the owner's shares in the Region again, compared with what the plan wanted. */
  async readBack(plan: Typed): Promise<ReadBack> {
    const { accountId, region, resourceShareArn, desired } = plan.context;
    const share = (await readOwnedShares(accountId, region)).find((s) => s.arn === resourceShareArn);
    if (!share) return { tone: 'error', title: 'The share is no longer listed by its owner.', facts: [], problems: [] };
    return { ...modifyVerdict(share, desired), facts: shareFacts(share), links: [{ href: `/shares/${share.region}/${share.id}`, label: "The share's page" }], problems: [] };
  },
  /** The organization's share list learns the share as modified. */
  async afterApply(plan: Typed): Promise<void> {
    await refreshSharesOf(plan.context.accountId, plan.context.region);
  },
});

const SETTLING = new Set(['ASSOCIATING', 'DISASSOCIATING', 'PENDING']);
const key = (p: string) => (/^arn:aws[a-z-]*:organizations::/.test(p) ? p.split('/').pop()! : p);

/** Whether the share as read back is the share the plan wanted (associations may still be settling). */
export function modifyVerdict(share: ShareRecord, desired: DesiredShare): Pick<ReadBack, 'tone' | 'title'> & { advice?: string } {
  const differences: string[] = [];
  const live = <T extends { status: string }>(xs: T[]) => xs.filter((x) => x.status !== 'DISASSOCIATED' && x.status !== 'FAILED');
  const resources = new Set(live(share.resources).map((r) => r.arn));
  const principals = new Set(live(share.principals).map((p) => key(p.id)));
  if (share.name !== desired.name) differences.push(`name is "${share.name}"`);
  if (share.allowExternalPrincipals !== desired.allowExternalPrincipals) differences.push(`external principals ${share.allowExternalPrincipals ? 'allowed' : 'refused'}`);
  const sameSet = (have: Set<string>, want: string[]) => have.size === new Set(want).size && want.every((w) => have.has(w));
  if (!sameSet(resources, desired.resourceArns)) differences.push('resources differ');
  if (!sameSet(principals, desired.principals.map(key))) differences.push('principals differ');
  for (const [type, arn] of Object.entries(desired.permissions)) {
    if (!share.permissions.some((p) => p.resourceType === type && p.arn === arn)) differences.push(`${type} does not use ${arn.split('/').pop()}`);
  }
  const tags = new Map(share.tags.map((t) => [t.key, t.value]));
  if (tags.size !== desired.tags.length || desired.tags.some((t) => tags.get(t.key) !== t.value)) differences.push('tags differ');
  const settling = [...share.resources, ...share.principals].some((e) => SETTLING.has(e.status));
  if (!differences.length) return settling ? { tone: 'warning', title: 'The share reads as planned; RAM is still settling some associations.' } : { tone: 'success', title: 'The share reads as the plan asked.' };
  if (settling) return { tone: 'warning', title: 'AWS accepted the changes; RAM is still settling them.', advice: `Not yet: ${differences.join('; ')}. The share's page reads it again on every visit.` };
  return { tone: 'error', title: 'The share does not read as the plan asked.', advice: differences.join('; ') };
}
