// Kind of change: one edit to an existing resource share — add or remove resources and principals, change a
// resource type's permission, rename, allow or refuse external principals, tag and untag, delete. Pure builders
// from the validated edit and the share as AWS read it just before; read back from the owner's account and
// Region; the organization's share list refreshed there once it ran. The rules RAM itself enforces (which
// principals a resource type accepts, outside principals) are left to RAM: its refusal is explained in the
// plan's failed step.
import { externalFact } from './resource-types';
import { z } from 'zod';
import type { ConsoleContext } from '../aws/identity';
import { PlanError } from '../plan/build';
import { organizationNames } from '../organizations/accounts';
import { defineKind, NothingToChange, type KindPlan, type ReadBack } from '../plan/kind';
import type { PlanStep } from '../plan/types';
import { principalRulesFor, shareInverse } from './create-share';
import { checkPrincipal, principalTypeOf } from './principals';
import { hasExternal, principalName, type NameBook } from './share-list';
import { readOwnedShares, refreshSharesOf, type ShareRecord } from './snapshot';

const RESOURCE_ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):[^\s]+$/;
// Account, organization or OU (ID or ARN), IAM role or user ARN, service principal (aws-facts.md, step 3).
const PRINCIPAL =
  /^(\d{12}|o-[a-z0-9]{10,32}|ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|arn:aws[a-z-]*:organizations::\d{12}:(organization\/o-[a-z0-9]{10,32}|ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})|arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]+|[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com)$/;
// AWS managed permissions have no Region in their ARN; customer managed ones do.
const PERMISSION_ARN = /^arn:aws[a-z-]*:ram:([a-z0-9-]+)?:(aws|\d{12}):permission\/[\w+=,.@-]+$/;

const entries = (what: string, pattern: RegExp, form: string) =>
  z
    .array(z.string().trim().regex(pattern, `Each ${what} must be ${form}.`))
    .min(1, `Name at least one ${what}.`)
    .max(100, `At most 100 ${what}s per change (RAM's limit per call).`)
    .transform((values) => [...new Set(values)]);

const resourceArns = entries('resource ARN', RESOURCE_ARN, 'an ARN such as arn:aws:ec2:us-east-1:111111111111:subnet/subnet-0abc');
const principals = entries(
  'principal',
  PRINCIPAL,
  'an account ID (12 digits), an organization (o-…) or OU (ou-…-…) ID or ARN, an IAM role or user ARN, or a service principal (name.amazonaws.com)',
);
const tag = z.object({
  key: z
    .string()
    .trim()
    .min(1, 'A tag key is required.')
    .max(128, 'Tag keys are at most 128 characters.')
    .refine((k) => !k.toLowerCase().startsWith('aws:'), 'Tag keys starting with aws: are reserved for AWS.'),
  value: z.string().max(256, 'Tag values are at most 256 characters.').default(''),
});

export const shareEditSchema = z.discriminatedUnion('edit', [
  z.object({ edit: z.literal('add-resources'), resourceArns }),
  z.object({ edit: z.literal('remove-resources'), resourceArns }),
  z.object({ edit: z.literal('add-principals'), principals }),
  z.object({ edit: z.literal('remove-principals'), principals }),
  z.object({ edit: z.literal('permission'), resourceType: z.string().min(1), permissionArn: z.string().regex(PERMISSION_ARN, 'A permission ARN such as arn:aws:ram::aws:permission/AWSRAMDefaultPermissionSubnet.') }),
  z.object({ edit: z.literal('rename'), name: z.string().trim().min(1, 'A share needs a name.').max(255, 'Share names are at most 255 characters.') }),
  z.object({ edit: z.literal('external'), allow: z.boolean() }),
  z.object({ edit: z.literal('tag'), tags: z.array(tag).min(1, 'Add at least one tag.').max(50, 'A share holds at most 50 tags.') }),
  z.object({ edit: z.literal('untag'), tagKeys: z.array(z.string().min(1)).min(1, 'Choose at least one tag to remove.') }),
  z.object({ edit: z.literal('delete'), confirmName: z.string() }),
]);

export type ShareEdit = z.infer<typeof shareEditSchema>;

const short = (items: string[]) => (items.length <= 3 ? items.join(', ') : `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`);

function step(share: ShareRecord, operation: string, input: Record<string, unknown>, reason: string): PlanStep {
  return { operation, accountId: share.owningAccountId, region: share.region, input: { resourceShareArn: share.arn, ...input }, reason };
}

function requireAbsent(values: string[], present: Set<string>, what: string) {
  const already = values.filter((v) => present.has(v));
  if (already.length === values.length) throw new PlanError(`${short(already)} ${already.length === 1 ? 'is' : 'are'} already among the share's ${what}: there is nothing to add.`);
}

function requirePresent(values: string[], present: Set<string>, what: string) {
  const missing = values.filter((v) => !present.has(v));
  if (missing.length) throw new PlanError(`${short(missing)} ${missing.length === 1 ? 'is' : 'are'} not among the share's ${what}.`);
}

function stepsFor(share: ShareRecord, edit: ShareEdit, names: NameBook): { title: string; steps: PlanStep[]; notes?: string[] } {
  const label = `"${share.name}"`;
  switch (edit.edit) {
    case 'add-resources': {
      requireAbsent(edit.resourceArns, new Set(share.resources.map((r) => r.arn)), 'resources');
      const foreign = edit.resourceArns.filter((arn) => RESOURCE_ARN.exec(arn)![1] !== share.owningAccountId);
      if (foreign.length) throw new PlanError(`Only the owner shares a resource: ${short(foreign)} ${foreign.length === 1 ? 'is' : 'are'} not in account ${share.owningAccountId}, which owns this share.`);
      return { title: `Add ${edit.resourceArns.length} resource(s) to ${label}`, steps: [step(share, 'ram:AssociateResourceShare', { resourceArns: edit.resourceArns }, `Shares ${short(edit.resourceArns)} with the share's principals.`)] };
    }
    case 'remove-resources':
      requirePresent(edit.resourceArns, new Set(share.resources.map((r) => r.arn)), 'resources');
      return { title: `Remove ${edit.resourceArns.length} resource(s) from ${label}`, steps: [step(share, 'ram:DisassociateResourceShare', { resourceArns: edit.resourceArns }, `The share's principals lose access to ${short(edit.resourceArns)}.`)] };
    case 'add-principals': {
      const present = new Set(share.principals.flatMap((p) => [p.id, p.id.split('/').pop()!]));
      requireAbsent(edit.principals, present, 'principals');
      const own = edit.principals.filter((p) => p === share.owningAccountId);
      if (own.length) throw new PlanError(`Account ${share.owningAccountId} owns the share: the owner cannot be one of its principals.`);
      const named = edit.principals.map((p) => principalName(p, names) ?? p);
      return {
        title: `Share ${label} with ${short(named)}`,
        steps: [step(share, 'ram:AssociateResourceShare', { principals: edit.principals }, `Gives ${short(named)} access to the share's resources.`)],
        notes: share.allowExternalPrincipals ? ['The share allows external principals: an account outside the organization gets an invitation it must accept.'] : [],
      };
    }
    case 'remove-principals':
      requirePresent(edit.principals, new Set(share.principals.map((p) => p.id)), 'principals');
      return {
        title: `Stop sharing ${label} with ${short(edit.principals.map((p) => principalName(p, names) ?? p))}`,
        steps: [step(share, 'ram:DisassociateResourceShare', { principals: edit.principals }, 'These principals lose access to every resource in the share.')],
      };
    case 'permission': {
      const current = share.permissions.find((p) => p.resourceType === edit.resourceType);
      if (!share.resources.some((r) => r.type === edit.resourceType)) throw new PlanError(`The share holds no resources of type ${edit.resourceType}.`);
      if (current?.arn === edit.permissionArn && current.defaultVersion) throw new PlanError(`${edit.resourceType} already uses the default version of ${current.name}.`);
      const updating = current?.arn === edit.permissionArn;
      return {
        title: updating ? `Update ${edit.resourceType}'s permission in ${label} to its default version` : `Use ${edit.permissionArn.split('/').pop()} for ${edit.resourceType} in ${label}`,
        steps: [
          step(share, 'ram:AssociateResourceSharePermission', { permissionArn: edit.permissionArn, replace: true }, updating ? `Attaches the default version of ${current!.name} (now version ${current!.version}).` : `Replaces ${current?.name ?? 'the current permission'}: principals get what ${edit.permissionArn.split('/').pop()} allows on ${edit.resourceType}.`),
        ],
      };
    }
    case 'rename':
      if (edit.name === share.name) throw new PlanError(`The share is already named "${share.name}".`);
      return { title: `Rename ${label} to "${edit.name}"`, steps: [step(share, 'ram:UpdateResourceShare', { name: edit.name }, 'Renames the share; its ARN, resources and principals stay.')] };
    case 'external':
      if (edit.allow === share.allowExternalPrincipals) throw new PlanError(`The share already ${edit.allow ? 'allows' : 'refuses'} external principals.`);
      if (!edit.allow && hasExternal(share)) {
        const outside = share.principals.filter((p) => p.external).map((p) => p.id);
        throw new PlanError(`Principals outside the organization are associated (${short(outside)}): remove them before refusing external principals.`);
      }
      return {
        title: `${edit.allow ? 'Allow' : 'Refuse'} external principals in ${label}`,
        steps: [step(share, 'ram:UpdateResourceShare', { allowExternalPrincipals: edit.allow }, edit.allow ? 'Accounts outside the organization may then be added (they get invitations).' : 'Only principals in the organization may then be added.')],
      };
    case 'tag': {
      const keys = new Set([...share.tags.map((t) => t.key), ...edit.tags.map((t) => t.key)]);
      if (keys.size > 50) throw new PlanError(`A share holds at most 50 tags; this would make ${keys.size}.`);
      return { title: `Tag ${label}`, steps: [step(share, 'ram:TagResource', { tags: edit.tags }, `Sets ${edit.tags.map((t) => `${t.key}=${t.value}`).join(', ')}.`)] };
    }
    case 'untag':
      requirePresent(edit.tagKeys, new Set(share.tags.map((t) => t.key)), 'tags');
      return { title: `Remove tags from ${label}`, steps: [step(share, 'ram:UntagResource', { tagKeys: edit.tagKeys }, `Removes ${edit.tagKeys.join(', ')}.`)] };
    case 'delete':
      if (edit.confirmName !== share.name) throw new PlanError(`Type the share's name, ${share.name}, to confirm deleting it.`);
      return {
        title: `Delete ${label}`,
        steps: [step(share, 'ram:DeleteResourceShare', {}, `Every principal loses access to the share's ${share.resources.length} resource(s); the resources themselves stay.`)],
      };
  }
}

/** Principals added to a share pass the create wizard's rules (and messages), for the share as it stands. */
export async function checkAddedPrincipals(context: ConsoleContext, share: ShareRecord, principals: string[]): Promise<void> {
  const rules = await principalRulesFor(
    context,
    { accountId: share.owningAccountId, resources: share.resources.map((r) => ({ resourceType: r.type })) },
    share.allowExternalPrincipals,
  );
  const messages = principals.map((p) => checkPrincipal(principalTypeOf(p), p, rules)).flatMap((r) => (r.ok ? [] : [r.message]));
  if (messages.length) throw new PlanError('Some principals cannot be added to this share.', { principals: messages });
}

type Fact = ReadBack['facts'][number];

const TRANSIENT = new Set(['ASSOCIATING', 'DISASSOCIATING', 'PENDING', 'DELETING']);

export function shareFacts(share: ShareRecord): Fact[] {
  return [
    { label: 'Name (ram:GetResourceShares)', value: share.name },
    { label: 'Status', value: share.status },
    { label: 'Allows external principals', value: externalFact(share.allowExternalPrincipals, share.resources.map((r) => r.type)) },
    { label: 'Resources (ram:GetResourceShareAssociations)', value: share.resources.map((r) => `${r.arn} ${r.status}`).join('; ') || 'none' },
    { label: 'Principals', value: share.principals.map((p) => `${p.id} ${p.status}${p.external ? ' (external)' : ''}`).join('; ') || 'none' },
    { label: 'Permissions (ram:ListPermissionAssociations)', value: share.permissions.map((p) => `${p.resourceType}: ${p.name} v${p.version}${p.defaultVersion ? '' : ' (not the default version)'}`).join('; ') || 'none' },
    { label: 'Tags', value: share.tags.map((t) => `${t.key}=${t.value}`).join(', ') || 'none' },
  ];
}

/** For each entity the edit named: how the share holds it now ('absent' when it no longer lists it). */
function entityStates(share: ShareRecord | undefined, wanted: string[]): { id: string; status: string; message?: string }[] {
  const rows = [...(share?.resources ?? []), ...(share?.principals ?? [])].map((e) => ({ id: 'arn' in e ? e.arn : e.id, status: e.status, message: e.statusMessage, external: 'external' in e && e.external }));
  return wanted.map((id) => {
    const row = rows.find((r) => r.id === id || r.id.endsWith(`/${id}`));
    return { id, status: row ? (row.status === 'ASSOCIATING' && row.external ? 'ASSOCIATED' : row.status) : 'absent', message: row?.message };
  });
}

/** Whether the share reads as the edit asked; undefined while RAM is still settling an association. */
function asAsked(edit: ShareEdit, share: ShareRecord): boolean | undefined {
  switch (edit.edit) {
    case 'add-resources':
    case 'remove-resources':
    case 'add-principals':
    case 'remove-principals': {
      const adding = edit.edit.startsWith('add');
      const states = entityStates(share, 'resourceArns' in edit ? edit.resourceArns : edit.principals);
      if (states.some((e) => !TRANSIENT.has(e.status) && (adding ? e.status !== 'ASSOCIATED' : e.status !== 'absent'))) return false;
      return states.some((e) => TRANSIENT.has(e.status)) ? undefined : true;
    }
    case 'permission':
      return share.permissions.some((p) => p.arn === edit.permissionArn && p.defaultVersion);
    case 'rename':
      return share.name === edit.name;
    case 'external':
      return share.allowExternalPrincipals === edit.allow;
    case 'tag':
      return edit.tags.every((t) => share.tags.some((s) => s.key === t.key && s.value === t.value));
    case 'untag':
      return edit.tagKeys.every((k) => !share.tags.some((t) => t.key === k));
    case 'delete':
      return share.status === 'DELETED';
  }
}

function verdict(plan: KindPlan<EditContext>, share: ShareRecord | undefined): Pick<ReadBack, 'tone' | 'title' | 'advice'> {
  const { edit } = plan.context;
  const pageHint = share ? "The share's page reads it again on every visit." : undefined;
  const settling = { tone: 'warning' as const, title: 'AWS accepted the change; RAM is still settling it.', advice: `Associations are asynchronous. ${pageHint ?? ''}` };
  if (edit.edit === 'delete') {
    if (!share || share.status === 'DELETED') return { tone: 'success', title: 'The share is deleted.' };
    return share.status === 'DELETING' ? { ...settling, title: 'The share is being deleted (DELETING).' } : { tone: 'error', title: `The share still reads as ${share.status}.` };
  }
  if (!share) return { tone: 'error', title: 'The share is no longer listed by its owner.' };
  const ok = asAsked(edit, share);
  if (ok === false) {
    const named = 'resourceArns' in edit ? edit.resourceArns : 'principals' in edit ? edit.principals : [];
    const failed = entityStates(share, named).filter((e) => e.status === 'FAILED' && e.message);
    return { tone: 'error', title: 'The share does not read as the plan asked.', advice: failed.map((e) => `${e.id}: ${e.message}`).join(' ') || pageHint };
  }
  if (ok === undefined) return settling;
  return { tone: 'success', title: 'The share reads as the plan asked.', advice: pageHint };
}

const editContext = z.object({ resourceShareArn: z.string(), shareName: z.string(), accountId: z.string(), region: z.string(), edit: shareEditSchema });
type EditContext = z.infer<typeof editContext>;

export const editShare = defineKind({
  id: 'ram:edit-share',
  input: shareEditSchema,
  context: editContext,
  build(edit, { share, names }: { share: ShareRecord; names: NameBook }) {
    if (share.status === 'DELETING' || share.status === 'DELETED') throw new PlanError(`The share is ${share.status.toLowerCase()}: it can no longer be changed.`);
    const { title, steps, notes } = stepsFor(share, edit, names);
    return {
      title,
      accountNames: names[share.owningAccountId] ? { [share.owningAccountId]: names[share.owningAccountId] } : undefined,
      steps,
      notes,
      context: { resourceShareArn: share.arn, shareName: share.name, accountId: share.owningAccountId, region: share.region, edit },
    };
  },
  async readBack(plan) {
    const { accountId, region, resourceShareArn } = plan.context;
    const share = (await readOwnedShares(accountId, region)).find((s) => s.arn === resourceShareArn);
    return {
      ...verdict(plan, share),
      facts: share ? shareFacts(share) : [{ label: 'Share (ram:GetResourceShares SELF)', value: 'not listed' }],
      links: share && share.status !== 'DELETED' ? [{ href: `/shares/${share.region}/${share.id}`, label: "The share's page" }] : undefined,
      problems: [],
    };
  },
  // The organization's list shows the share as AWS now has it.
  async afterApply(plan) {
    await refreshSharesOf(plan.context.accountId, plan.context.region);
  },
  inverse(plan) {
    const { edit, resourceShareArn, accountId, region, shareName } = plan.context;
    if (edit.edit === 'add-principals') return [shareInverse({ resourceShareArn, accountId, region }, { edit: 'remove-principals', principals: edit.principals }, `${shareName} is no longer shared with ${edit.principals.join(', ')}`)];
    if (edit.edit === 'add-resources') return [shareInverse({ resourceShareArn, accountId, region }, { edit: 'remove-resources', resourceArns: edit.resourceArns }, `${edit.resourceArns.join(', ')} leave ${shareName}`)];
    return [];
  },
  async readFacts(edit, aws, target) {
    const share = (await readOwnedShares(target.accountId, target.region)).find((s) => s.arn === target.resourceShareArn);
    if (!share || share.status === 'DELETING' || share.status === 'DELETED') throw new NothingToChange(`The share ${target.resourceShareArn} no longer exists: it shares nothing.`);
    const held = new Set([...share.principals.map((p) => p.id), ...share.resources.map((r) => r.arn)]);
    const named = 'principals' in edit ? edit.principals : 'resourceArns' in edit ? edit.resourceArns : [];
    if (edit.edit.startsWith('remove') && !named.some((id) => held.has(id))) throw new NothingToChange(`${named.join(', ')}: no longer in the share.`);
    return { share, names: await organizationNames(aws) };
  },
});

