// The /roles/new wizard's state (a wizard draft, lib/wizard/drafts.ts): each step's fields as typed, and as
// accepted once checked on the server; how a typed account (a name or an ID) resolves against the
// organization; and how the accepted steps become the request the plan is built from.
import { z } from 'zod';
import { accountsUnderOu, type OrganizationAccount } from '../organizations/accounts';
import type { OrganizationSnapshot } from '../organizations/types';
import { allowedStep as allowedWizardStep, getDraft, type Draft, type DraftState } from '../wizard/drafts';
import type { AccessReview, AccountReview } from './access';
import { destinationSchema, sourceSchema, type AccessConditions, type AccessRequest } from './validation';

import { WIZARD_STEPS, type WizardStep } from './wizard-steps';

export { roleStepHref, WIZARD_STEPS, type WizardStep } from './wizard-steps';

/** The drafts' kind in the wizard store. */
export const ROLE_WIZARD = 'iam:cross-account-access';

export function stepOf(word: string | undefined): WizardStep | undefined {
  return WIZARD_STEPS.find((s) => s === word);
}

const text = (max: number) => z.string().max(max);

/** Each step's fields as typed (autosaved before the step is accepted): bounded, not yet checked. */
export const typedInput = {
  who: z.object({ account: text(256), principal: text(2048), query: text(256) }).strict(),
  where: z
    .object({
      account: text(256),
      roleKind: z.enum(['new', 'existing']),
      roleName: text(256),
      existingRole: text(256),
      path: text(1024),
      description: text(2000),
      policies: z.array(text(2048)).max(50),
      policyQuery: text(256),
      maxSessionHours: z.number().int().min(1).max(12),
      /** More destinations, one a line: accounts (name or ID) or OUs (ID or name). */
      also: text(20_000).optional(),
    })
    .strict(),
  conditions: z
    .object({
      externalIdOn: z.boolean(),
      externalId: text(2000),
      requireMfa: z.boolean(),
      restrictToOrganization: z.boolean(),
      allowTagSession: z.boolean(),
      allowSetSourceIdentity: z.boolean(),
    })
    .strict(),
};
export type TypedRoleStep<S extends keyof typeof typedInput> = z.infer<(typeof typedInput)[S]>;

export interface RoleDraftState extends DraftState<WizardStep> {
  who?: z.infer<typeof sourceSchema>;
  /** `accountIds`: every destination account when there are several (accountId is the first). */
  where?: z.infer<typeof destinationSchema> & { accountIds?: string[] };
  conditions?: AccessConditions;
  /** What the review shows beside the plan, made with it. */
  review?: AccessReview;
  /** For several destination accounts: each account's review, in the plan's order. */
  reviews?: AccountReview[];
}

export type RoleDraft = Draft<RoleDraftState>;

export const emptyRoleDraft = (): RoleDraftState => ({ finished: 0 });

export function getRoleDraft(id: string, user: string): Promise<RoleDraft | undefined> {
  return getDraft<RoleDraftState>(ROLE_WIZARD, id, user);
}

/** What step `step` shows: the fields as last typed, when they have the step's shape. */
export function typedOf<S extends keyof typeof typedInput>(draft: RoleDraft | undefined, step: S): TypedRoleStep<S> | undefined {
  const typed = typedInput[step].safeParse(draft?.state.typed?.[step]);
  return typed.success ? (typed.data as TypedRoleStep<S>) : undefined;
}

/** The step the draft may open: one after the finished ones at most. */
export function allowedStep(state: Pick<RoleDraftState, 'finished'>, wanted: WizardStep): WizardStep {
  return WIZARD_STEPS[allowedWizardStep(state, WIZARD_STEPS.indexOf(wanted) + 1, WIZARD_STEPS.length) - 1];
}

/** The request the plan is built from, once the first three steps are accepted. */
export function requestOf(state: RoleDraftState): AccessRequest | undefined {
  const { who, where, conditions } = state;
  return who && where && conditions ? { source: who, destination: where, conditions } : undefined;
}

export type AccountResolution =
  | { ok: true; account: { id: string; name?: string; path?: string }; inOrganization: boolean }
  | { ok: false; message: string; matches: OrganizationAccount[] };

/** At most this many matching accounts are named in a refusal. */
const MAX_MATCHES = 10;

/**
 * A typed account: a 12-digit ID (of the organization, or any account outside it), or the name of an account
 * of the organization — exact first, else the one account whose name contains it. Several → refused, naming them.
 */
export function resolveAccount(typed: string, accounts: readonly OrganizationAccount[], field: string): AccountResolution {
  const value = typed.trim();
  if (!value) return { ok: false, message: `${field}: type an account's name or its 12-digit ID.`, matches: [] };
  if (/^\d{12}$/.test(value)) {
    const known = accounts.find((a) => a.id === value);
    return { ok: true, account: known ?? { id: value }, inOrganization: !!known };
  }
  const lower = value.toLowerCase();
  const exact = accounts.filter((a) => a.name.toLowerCase() === lower);
  const matches = exact.length ? exact : accounts.filter((a) => a.name.toLowerCase().includes(lower));
  if (matches.length === 1) return { ok: true, account: matches[0], inOrganization: true };
  if (matches.length === 0) {
    const hint = /^\d+$/.test(value) ? ' An account ID is 12 digits.' : ' For an account outside the organization, type its 12-digit ID.';
    return { ok: false, message: `${field}: no account of the organization is named "${value}".${hint}`, matches: [] };
  }
  const named = matches.slice(0, MAX_MATCHES).map((a) => `${a.name} (${a.id})`).join(', ');
  const more = matches.length > MAX_MATCHES ? ` and ${matches.length - MAX_MATCHES} more` : '';
  return { ok: false, message: `${field}: "${value}" matches ${matches.length} accounts: ${named}${more}. Type the full name or the ID.`, matches: matches.slice(0, MAX_MATCHES) };
}

/** At most this many destination accounts in one plan (each adds an inline policy to the source). */
export const MAX_DESTINATIONS = 100;

/**
 * The destination accounts of one plan: the accounts and OUs typed (one a line), each OU as every account under it
 * now (from the organization snapshot), in the order typed, each account once. Only the organization's accounts:
 * the console makes roles nowhere else.
 */
export function resolveDestinations(
  typed: string[],
  accounts: readonly OrganizationAccount[],
  snapshot: OrganizationSnapshot | undefined,
): { ok: true; accountIds: string[] } | { ok: false; message: string } {
  const ids: string[] = [];
  for (const line of typed.map((l) => l.trim()).filter(Boolean)) {
    const ou = snapshot && accountsUnderOu(snapshot, line);
    if (ou && 'error' in ou) return { ok: false, message: `Destination accounts: ${ou.error}` };
    if (ou) {
      if (ou.accounts.length === 0) return { ok: false, message: `Destination accounts: the OU ${ou.ou.name} (${ou.ou.id}) holds no active account.` };
      ids.push(...ou.accounts.map((a) => a.id));
      continue;
    }
    const resolution = resolveAccount(line, accounts, 'Destination accounts');
    if (!resolution.ok) return { ok: false, message: resolution.message };
    if (!resolution.inOrganization) return { ok: false, message: `Destination accounts: ${resolution.account.id} is outside the organization: the console can make or change roles only in its accounts.` };
    ids.push(resolution.account.id);
  }
  const unique = [...new Set(ids)];
  if (unique.length > MAX_DESTINATIONS) return { ok: false, message: `Destination accounts: ${unique.length} accounts; one plan covers at most ${MAX_DESTINATIONS}.` };
  return { ok: true, accountIds: unique };
}
