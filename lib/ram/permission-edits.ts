// Kind of change: managed permissions — create a customer managed permission, add a version, set the default
// version, delete a version or the permission, and move every share holding one version to the default
// (ReplacePermissionAssociations, asynchronous). Pure build from validated input and the permissions as read
// just before (managed-permissions.ts); the template is checked with RAM's rules, the rule broken named, before
// AWS checks it again. Shaped as branch i17's ChangeKindSpec (id, input, context, build, readBack, afterApply):
// once lib/plan/kind.ts is here, `defineKind(editPermission)` registers it.
import { z } from 'zod';
import { defineKind, type KindPlan, type ReadBack } from '../plan/kind';
import { PlanError } from '../plan/build';
import type { PlanDraft, PlanStep } from '../plan/types';
import { forgetManagedPermissions, readManagedPermissions, type ManagedPermissionRow, type ManagedPermissionsView } from './managed-permissions';
import { refreshSharesOf } from './snapshot';

const PERMISSION_ARN = /^arn:aws[a-z-]*:ram:[a-z0-9-]*:(aws|\d{12}):permission\/[\w+=,.@-]+$/;
const permissionArn = z.string().regex(PERMISSION_ARN, 'A permission ARN such as arn:aws:ram:us-east-1:111111111111:permission/NAME.');
const version = z.coerce.number().int('A version is a whole number.').min(1, 'Versions start at 1.');
const actions = z.array(z.string().trim().min(1)).min(1, 'Choose at least one action.').max(100);
const conditions = z.string().trim().max(4_000, 'Conditions are at most 4,000 characters.').default('');

export const permissionEditSchema = z.discriminatedUnion('edit', [
  z.object({
    edit: z.literal('create'),
    name: z.string().trim().regex(/^[\w.-]{1,36}$/, 'Names are 1 to 36 letters, digits, underscores (_), periods (.) and hyphens (-).'),
    resourceType: z.string().trim().min(1, 'Choose a resource type.'),
    actions,
    conditions,
  }),
  z.object({ edit: z.literal('add-version'), permissionArn, actions, conditions }),
  z.object({ edit: z.literal('set-default'), permissionArn, version }),
  z.object({ edit: z.literal('delete-version'), permissionArn, version }),
  z.object({ edit: z.literal('delete'), permissionArn, confirmName: z.string() }),
  z.object({ edit: z.literal('update-shares'), permissionArn, version }),
]);

export type PermissionEdit = z.infer<typeof permissionEditSchema>;

// The user guide's "Considerations for using customer managed permissions".
const REFUSED_KEYS = ['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgpaths', 'aws:sourceorgid'];
const REFUSED_KEY_PREFIXES = ['aws:principaltag/aws:', 'aws:resourcetag/aws:', 'aws:requesttag/aws:'];

/**
 * The policy template RAM takes (one Allow statement, no Principal or Resource) from the chosen actions and
 * optional conditions (a JSON object of operator → key → value), or a PlanError naming the rule broken.
 */
export function policyTemplate(resourceType: string, chosen: string[], conditionsJson: string, allowed: string[]): string {
  const allowedSet = new Set(allowed);
  const unknown = chosen.filter((a) => !allowedSet.has(a));
  if (unknown.length) {
    throw new PlanError('Some actions are not allowed for this resource type.', {
      actions: [`${unknown.join(', ')}: RAM allows only ${resourceType}'s actions in a customer managed permission (${allowed.join(', ') || 'none are known'}).`],
    });
  }
  const template: Record<string, unknown> = { Effect: 'Allow', Action: [...new Set(chosen)] };
  if (conditionsJson) {
    const problems: string[] = [];
    let condition: unknown;
    try {
      condition = JSON.parse(conditionsJson);
    } catch {
      throw new PlanError('The conditions are not JSON.', { conditions: ['Conditions must be a JSON object such as {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}.'] });
    }
    if (!condition || typeof condition !== 'object' || Array.isArray(condition)) {
      problems.push('Conditions must be a JSON object of operators, each mapping condition keys to values.');
    } else {
      for (const [operator, block] of Object.entries(condition)) {
        if (/Not/.test(operator) || /^For(All|Any)Value:/i.test(operator)) problems.push(`${operator}: only single, non-negating operators are allowed (RAM).`);
        if (!block || typeof block !== 'object' || Array.isArray(block)) {
          problems.push(`${operator} must map condition keys to values.`);
          continue;
        }
        for (const key of Object.keys(block)) {
          const k = key.toLowerCase();
          if (REFUSED_KEYS.includes(k)) problems.push(`${key}: RAM fills in principal and source conditions itself; customer managed permissions cannot use them.`);
          if (REFUSED_KEY_PREFIXES.some((p) => k.startsWith(p))) problems.push(`${key}: AWS system tags (aws:…) cannot be conditions of a customer managed permission.`);
        }
      }
    }
    if (problems.length) throw new PlanError('The conditions break RAM\'s rules for customer managed permissions.', { conditions: problems });
    template.Condition = condition;
  }
  return JSON.stringify(template);
}

function find(view: ManagedPermissionsView, arn: string): ManagedPermissionRow {
  const permission = view.permissions.find((p) => p.arn === arn);
  if (!permission) throw new PlanError(`No permission ${arn} in account ${view.accountId}, ${view.region}.`);
  return permission;
}

function customer(view: ManagedPermissionsView, arn: string): ManagedPermissionRow {
  const permission = find(view, arn);
  if (permission.permissionType !== 'CUSTOMER_MANAGED') throw new PlanError(`${permission.name} is AWS managed: only customer managed permissions can be changed.`);
  return permission;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function stepsFor(view: ManagedPermissionsView, edit: PermissionEdit, allowed: Record<string, string[]>): { title: string; steps: Omit<PlanStep, 'accountId' | 'region'>[]; notes?: string[] } {
  switch (edit.edit) {
    case 'create': {
      if (!allowed[edit.resourceType]) throw new PlanError(`${edit.resourceType} is not a resource type with AWS managed permissions here.`, { resourceType: ['Choose one of the listed resource types.'] });
      if (view.permissions.some((p) => p.permissionType === 'CUSTOMER_MANAGED' && p.name === edit.name)) {
        throw new PlanError(`A permission named ${edit.name} already exists in ${view.region}.`, { name: ['Names are unique in a Region: choose another.'] });
      }
      const template = policyTemplate(edit.resourceType, edit.actions, edit.conditions, allowed[edit.resourceType]);
      return {
        title: `Create the customer managed permission ${edit.name} for ${edit.resourceType}`,
        steps: [{ operation: 'ram:CreatePermission', input: { name: edit.name, resourceType: edit.resourceType, policyTemplate: template }, reason: `Version 1 allows ${edit.actions.join(', ')} on shared ${edit.resourceType} resources${edit.conditions ? ', under the conditions given' : ''}; shares can then use it.` }],
        notes: ['A customer managed permission exists only in this Region and account: shares elsewhere cannot use it.'],
      };
    }
    case 'add-version': {
      const permission = customer(view, edit.permissionArn);
      if (permission.versions.length >= 5) throw new PlanError(`${permission.name} already has 5 versions, RAM's limit: delete one first.`);
      const template = policyTemplate(permission.resourceType, edit.actions, edit.conditions, allowed[permission.resourceType] ?? []);
      return {
        title: `Add a version to ${permission.name}`,
        steps: [{ operation: 'ram:CreatePermissionVersion', input: { permissionArn: permission.arn, policyTemplate: template }, reason: `The new version allows ${edit.actions.join(', ')} and becomes the default; shares keep the version they hold until they are updated.` }],
        notes: permission.usedBy.length ? [`${plural(permission.usedBy.length, 'share')} use ${permission.name}: update them to the default version afterwards to apply the new version.`] : [],
      };
    }
    case 'set-default': {
      const permission = customer(view, edit.permissionArn);
      const v = String(edit.version);
      if (!permission.versions.some((x) => x.version === v)) throw new PlanError(`${permission.name} has no version ${v}.`);
      if (permission.defaultVersion === v) throw new PlanError(`Version ${v} is already the default version of ${permission.name}.`);
      return {
        title: `Make version ${v} the default of ${permission.name}`,
        steps: [{ operation: 'ram:SetDefaultPermissionVersion', input: { permissionArn: permission.arn, permissionVersion: edit.version }, reason: `New shares and updated shares get version ${v}; shares holding other versions keep them until updated.` }],
      };
    }
    case 'delete-version': {
      const permission = customer(view, edit.permissionArn);
      const v = String(edit.version);
      if (!permission.versions.some((x) => x.version === v)) throw new PlanError(`${permission.name} has no version ${v}.`);
      if (permission.defaultVersion === v) throw new PlanError(`Version ${v} is the default version of ${permission.name}: make another version the default first, or delete the permission.`);
      const holding = permission.usedBy.filter((u) => u.version === v);
      if (holding.length) throw new PlanError(`${plural(holding.length, 'share')} hold version ${v} (${holding.map((u) => u.shareName).join(', ')}): update them to the default version first.`);
      return {
        title: `Delete version ${v} of ${permission.name}`,
        steps: [{ operation: 'ram:DeletePermissionVersion', input: { permissionArn: permission.arn, permissionVersion: edit.version }, reason: `No share holds version ${v}; its number is never reused.` }],
      };
    }
    case 'delete': {
      const permission = customer(view, edit.permissionArn);
      if (edit.confirmName !== permission.name) throw new PlanError(`Type the permission's name, ${permission.name}, to confirm deleting it.`, { confirmName: ['It must match the name exactly.'] });
      if (permission.usedBy.length) throw new PlanError(`${plural(permission.usedBy.length, 'share')} use ${permission.name} (${permission.usedBy.map((u) => u.shareName).join(', ')}): give them another permission first.`);
      return {
        title: `Delete ${permission.name}`,
        steps: [{ operation: 'ram:DeletePermission', input: { permissionArn: permission.arn }, reason: `Deletes all ${plural(permission.versions.length, 'version')}; no share uses it.` }],
      };
    }
    case 'update-shares': {
      const permission = find(view, edit.permissionArn);
      const v = String(edit.version);
      if (permission.defaultVersion === v) throw new PlanError(`Version ${v} is the default version: shares holding it are up to date.`);
      const holding = permission.usedBy.filter((u) => u.version === v);
      if (!holding.length) throw new PlanError(`No share holds version ${v} of ${permission.name}.`);
      return {
        title: `Update ${plural(holding.length, 'share')} from version ${v} of ${permission.name} to the default (version ${permission.defaultVersion})`,
        steps: [
          {
            operation: 'ram:ReplacePermissionAssociations',
            input: { fromPermissionArn: permission.arn, fromPermissionVersion: edit.version, toPermissionArn: permission.arn },
            reason: `Moves ${holding.map((u) => u.shareName).join(', ')} to version ${permission.defaultVersion}; RAM does it asynchronously and the plan follows its work to the end.`,
          },
        ],
        notes: ['Principals of these shares get what the default version allows as soon as the work completes.'],
      };
    }
  }
}

const permissionEditContext = z.object({
  accountId: z.string(),
  region: z.string(),
  permissionArn: z.string(),
  edit: z.enum(['create', 'add-version', 'set-default', 'delete-version', 'delete', 'update-shares']),
  version: z.string().optional(),
});

export type PermissionEditContext = z.infer<typeof permissionEditContext>;

/** The facts the plan is built from: the permissions as read just before, and each type's allowed actions. */
export interface PermissionFacts {
  view: ManagedPermissionsView;
  allowed: Record<string, string[]>;
}

type Typed = KindPlan<PermissionEditContext>;

/** Pure: the verdict on a permission plan from the permissions as read after it ran. */
export function permissionEditVerdict(plan: Typed, view: ManagedPermissionsView): ReadBack {
  const context = plan.context;
  const permission = view.permissions.find((p) => p.arn === context.permissionArn);
  const facts = permission
    ? [
        { label: 'Permission (ram:ListPermissions)', value: `${permission.name} for ${permission.resourceType}` },
        { label: 'Versions (ram:ListPermissionVersions)', value: permission.versions.map((v) => `v${v.version}${v.isDefault ? ' (default)' : ''}: ${v.actions.join(', ')}`).join('; ') },
        { label: 'Used by (ram:ListPermissionAssociations)', value: permission.usedBy.map((u) => `${u.shareName} v${u.version}`).join('; ') || 'no share' },
      ]
    : [{ label: 'Permission (ram:ListPermissions)', value: 'not listed' }];
  const links = [{ href: `/shares/permissions?account=${context.accountId}`, label: 'Managed permissions' }];
  const done = (title: string): ReadBack => ({ tone: 'success', title, facts, problems: [], links });
  const notYet = (title: string): ReadBack => ({ tone: plan.status === 'succeeded' ? 'warning' : 'error', title, facts, problems: [], links });
  switch (context.edit) {
    case 'create':
      return permission ? done(`${permission.name} exists, version 1 is its default.`) : notYet('The permission is not listed.');
    case 'add-version': {
      const newest = permission?.versions.at(-1);
      return newest?.isDefault ? done(`Version ${newest.version} is the default version.`) : notYet('No new default version reads back.');
    }
    case 'set-default':
      return permission?.defaultVersion === context.version ? done(`Version ${context.version} is the default version.`) : notYet(`Version ${context.version} is not the default version.`);
    case 'delete-version':
      return permission && !permission.versions.some((v) => v.version === context.version) ? done(`Version ${context.version} is deleted.`) : notYet(`Version ${context.version} is still listed.`);
    case 'delete':
      return permission ? notYet('The permission is still listed.') : done('The permission is deleted.');
    case 'update-shares': {
      const left = permission?.usedBy.filter((u) => u.version === context.version) ?? [];
      return left.length
        ? notYet(`${left.map((u) => u.shareName).join(', ')} still hold version ${context.version}.`)
        : done(`Every share now holds version ${permission?.defaultVersion} (the default).`);
    }
  }
}

export const editPermission = defineKind({
  id: 'ram:edit-permission',
  input: permissionEditSchema,
  context: permissionEditContext,
  build(edit: PermissionEdit, { view, allowed }: PermissionFacts) {
    const { title, steps, notes } = stepsFor(view, edit, allowed);
    const arn = 'permissionArn' in edit ? edit.permissionArn : `arn:aws:ram:${view.region}:${view.accountId}:permission/${edit.name}`;
    return {
      title,
      steps: steps.map((s) => ({ ...s, accountId: view.accountId, region: view.region })),
      notes,
      context: { accountId: view.accountId, region: view.region, permissionArn: arn, edit: edit.edit, ...('version' in edit && { version: String(edit.version) }) },
    };
  },
  /** A pure read of AWS: the account's permissions in the Region again. */
  async readBack(plan) {
    return permissionEditVerdict(plan, await readManagedPermissions({ accountId: plan.context.accountId, region: plan.context.region }));
  },
  /** The page reads the permissions again; shares moved to another version: the share list reads this account and Region again. */
  async afterApply(plan) {
    forgetManagedPermissions(plan.context);
    if (plan.context.edit === 'update-shares') await refreshSharesOf(plan.context.accountId, plan.context.region);
  },
});

export const PERMISSION_EDIT_KIND = editPermission.id;

/** The plan for one change to the account's managed permissions in a Region. */
export function planPermissionEdit(view: ManagedPermissionsView, edit: PermissionEdit, allowed: Record<string, string[]>): PlanDraft {
  return editPermission.plan(edit, { view, allowed });
}
