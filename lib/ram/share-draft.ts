// The create-share wizard's state (a wizard draft, lib/wizard/drafts.ts): each step's input as typed, and as
// accepted once checked here (zod for form, the step's own rules for the rest).
import { z } from 'zod';
import { allowedStep as allowedWizardStep, getDraft, type Draft, type DraftState } from '../wizard/drafts';
import { PRINCIPAL_TYPES, type SelectedPrincipal } from './principals';

export const WIZARD_STEPS = ['Specify resource share details', 'Associate managed permissions', 'Grant access to principals', 'Review and create'] as const;

/** The drafts' kind in the wizard store. */
export const SHARE_WIZARD = 'ram:create-resource-share';

export const MAX_TAGS = 50;

const tag = z.object({
  key: z
    .string()
    .trim()
    .min(1, 'Enter a tag key.')
    .max(128, 'A tag key is at most 128 characters.')
    .refine((k) => !k.toLowerCase().startsWith('aws:'), 'Tag keys starting with "aws:" are reserved for AWS.'),
  value: z.string().max(256, 'A tag value is at most 256 characters.'),
});

const resource = z.object({
  arn: z.string().regex(/^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{12}:.+$/, 'Not a resource ARN.'),
  id: z.string().max(256),
  name: z.string().max(512).optional(),
  resourceType: z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/),
});

export const detailsInput = z.object({
  accountId: z.string().regex(/^\d{12}$/, 'Choose the sharing account (12 digits).'),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'Choose a Region.'),
  name: z.string().trim().min(1, 'Enter a name for the resource share.').max(255, 'A resource share name is at most 255 characters.'),
  resources: z.array(resource).min(1, 'Select at least one resource to share.').max(100, 'RAM takes at most 100 resources in one call: make several shares.'),
  tags: z
    .array(tag)
    .max(MAX_TAGS, `A resource share has at most ${MAX_TAGS} tags.`)
    .refine((tags) => new Set(tags.map((t) => t.key)).size === tags.length, 'Each tag key may appear only once.'),
  /** resourceShareConfiguration.retainSharingOnAccountLeaveOrganization (CreateResourceShare only). */
  retainSharingOnAccountLeaveOrganization: z.boolean().optional(),
});
export type ShareDetails = z.infer<typeof detailsInput> & { accountName: string };

/** AWS managed permission ARNs name no Region; customer managed ones do. */
export const permissionsInput = z.record(z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/), z.string().regex(/^arn:aws[a-z-]*:ram:([a-z0-9-]+)?:(aws|\d{12}):permission\/[\w+=,.@-]+$/, 'Not a permission ARN.'));

const principal = z.object({
  type: z.enum([...PRINCIPAL_TYPES, 'SERVICE_PRINCIPAL']),
  principal: z.string().min(1).max(2048),
  id: z.string().max(2048),
  name: z.string().max(2048),
  outside: z.boolean(),
  containsSharingAccount: z.boolean().optional(),
});

export const principalsInput = z.object({
  allowExternalPrincipals: z.boolean(),
  principals: z.array(principal).min(1, 'Add at least one principal: the share gives access to no one without one.').max(5_000, 'A share has at most 5,000 principals.'),
  /** Source constraints on the share's service principals, as typed (checked by checkSources). */
  sources: z.array(z.string().max(2048)).max(1_000).optional(),
});
/** `sources`: the source constraints as checked (checkSources), by their IDs. */
export type SharePrincipals = { allowExternalPrincipals: boolean; principals: SelectedPrincipal[]; sources?: string[] };

/** Each step's fields as typed (autosaved before the step is accepted): bounded, not yet checked. */
export const typedInput = {
  1: z
    .object({
      accountId: z.string().max(12),
      region: z.string().max(32),
      name: z.string().max(1024),
      resources: z.array(resource).max(1_000),
      tags: z.array(z.object({ key: z.string().max(1024), value: z.string().max(1024) })).max(200),
      retainSharingOnAccountLeaveOrganization: z.boolean().optional(),
      /** The resource picker's type and filter. */
      view: z.object({ resourceType: z.string().max(128), filter: z.string().max(1024) }).strict().optional(),
    })
    .strict(),
  2: z.record(z.string().max(128), z.string().max(2048)),
  3: z
    .object({
      allowExternalPrincipals: z.boolean(),
      principals: z.array(principal).max(5_000),
      sources: z.array(z.string().max(2048)).max(1_000).optional(),
      /** A principal typed but not yet added. */
      entry: z.object({ type: z.enum(PRINCIPAL_TYPES), value: z.string().max(2048) }).strict().optional(),
    })
    .strict(),
} as const;
export type TypedStep = keyof typeof typedInput;
export type TypedShareStep<S extends TypedStep> = z.infer<(typeof typedInput)[S]>;

export interface ShareDraftState extends DraftState<TypedStep> {
  /** Set on a "Modify resource share" draft: the share it changes, as AWS read it back when Modify was opened. */
  modify?: ModifiedShare;
  details?: ShareDetails;
  /** Resource type → permission ARN. */
  permissions?: Record<string, string>;
  principals?: SharePrincipals;
}

export type ShareDraft = Draft<ShareDraftState>;

export const emptyShareDraft = (): ShareDraftState => ({ finished: 0 });

/** The share a modify draft changes (the plan is made from the share read again, not from this copy). */
export interface ModifiedShare {
  arn: string;
  id: string;
  accountId: string;
  region: string;
}

/** The drafts' kind of "Modify resource share" (the same four steps, prefilled from the share). */
export const MODIFY_SHARE_WIZARD = 'ram:modify-resource-share';

/** The user's draft of either share wizard. */
export async function getShareDraft(id: string, user: string): Promise<ShareDraft | undefined> {
  return (await getDraft<ShareDraftState>(SHARE_WIZARD, id, user)) ?? getDraft<ShareDraftState>(MODIFY_SHARE_WIZARD, id, user);
}

/** Where a step of a share wizard lives: the draft and the step in the URL (creation or modification). */
export function shareStepHref(draft: { id: string; kind: string }, step: number): string {
  return `${draft.kind === MODIFY_SHARE_WIZARD ? '/shares/modify' : '/shares/new'}?draft=${draft.id}&step=${step}`;
}

/** What step `step` shows: the fields as last typed, else as accepted. */
export function typedOf<S extends TypedStep>(draft: ShareDraft | undefined, step: S): TypedShareStep<S> | undefined {
  const typed = typedInput[step].safeParse(draft?.state.typed?.[step]);
  return typed.success ? (typed.data as TypedShareStep<S>) : undefined;
}

/** The first step the draft may open. */
export function allowedStep(state: Pick<ShareDraftState, 'finished'>, wanted: number): number {
  return allowedWizardStep(state, wanted, WIZARD_STEPS.length);
}

/** The resource types in the share, in the order resources were picked. */
export function typesOf(details: { resources: Pick<ShareDetails['resources'][number], 'resourceType'>[] } | undefined): string[] {
  return [...new Set((details?.resources ?? []).map((r) => r.resourceType))];
}
