// The create-share wizard's state, kept server-side (SQLite in the data dir) so it survives Back, a reload
// and a sign-in timeout: the URL carries only the draft's ID and the step. Each step's input is checked
// here (zod for form, the step's own rules for the rest) before the step counts as finished.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { privateDatabase } from '../db';
import { PRINCIPAL_TYPES, type SelectedPrincipal } from './principals';

export const WIZARD_STEPS = ['Specify resource share details', 'Associate managed permissions', 'Grant access to principals', 'Review and create'] as const;

/** Drafts older than this are forgotten (a plan made from one lasts an hour more). */
const DRAFT_TTL_MS = 7 * 24 * 3_600_000;

export const DRAFT_ID = /^d-[0-9a-f]{20}$/;

const SCHEMA = `CREATE TABLE IF NOT EXISTS share_drafts (
    id TEXT PRIMARY KEY,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    state TEXT NOT NULL
  );`;

const db = () => privateDatabase('share-drafts.sqlite', SCHEMA);

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
});
export type ShareDetails = z.infer<typeof detailsInput> & { accountName: string };

export const permissionsInput = z.record(z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9]+$/), z.string().regex(/^arn:aws[a-z-]*:ram::[a-z0-9]+:permission\/[\w+=,.@-]+$/, 'Not a permission ARN.'));

const principal = z.object({
  type: z.enum(PRINCIPAL_TYPES),
  principal: z.string().min(1).max(2048),
  id: z.string().max(2048),
  name: z.string().max(2048),
  outside: z.boolean(),
  containsSharingAccount: z.boolean().optional(),
});

export const principalsInput = z.object({
  allowExternalPrincipals: z.boolean(),
  principals: z.array(principal).min(1, 'Add at least one principal: the share gives access to no one without one.').max(5_000, 'A share has at most 5,000 principals.'),
});
export type SharePrincipals = { allowExternalPrincipals: boolean; principals: SelectedPrincipal[] };

export interface ShareDraftState {
  /** Steps finished so far (0–3); step 4 opens when 3 are. */
  finished: number;
  details?: ShareDetails;
  /** Resource type → permission ARN. */
  permissions?: Record<string, string>;
  principals?: SharePrincipals;
  /** The plan made for the review step, and which state it was made from. */
  plan?: { id: string; of: string };
}

export interface ShareDraft extends ShareDraftState {
  id: string;
  createdBy: string;
  updatedAt: string;
}

export function createDraft(createdBy: string, now = new Date()): ShareDraft {
  const id = `d-${randomBytes(10).toString('hex')}`;
  const state: ShareDraftState = { finished: 0 };
  db().prepare('DELETE FROM share_drafts WHERE updated_at < ?').run(new Date(now.getTime() - DRAFT_TTL_MS).toISOString());
  db().prepare('INSERT INTO share_drafts (id, created_by, updated_at, state) VALUES (?, ?, ?, ?)').run(id, createdBy, now.toISOString(), JSON.stringify(state));
  return { id, createdBy, updatedAt: now.toISOString(), ...state };
}

/** The draft, only for the user who made it. */
export function getDraft(id: string, user: string): ShareDraft | undefined {
  if (!DRAFT_ID.test(id)) return undefined;
  const row = db().prepare('SELECT * FROM share_drafts WHERE id = ? AND created_by = ?').get(id, user) as
    | { id: string; created_by: string; updated_at: string; state: string }
    | undefined;
  return row && { id: row.id, createdBy: row.created_by, updatedAt: row.updated_at, ...(JSON.parse(row.state) as ShareDraftState) };
}

export function saveDraft(draft: ShareDraft, now = new Date()): void {
  const { id, createdBy: _by, updatedAt: _at, ...state } = draft;
  db().prepare('UPDATE share_drafts SET state = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(state), now.toISOString(), id);
}

type StepData = { 1: ShareDetails; 2: Record<string, string>; 3: SharePrincipals };
const KEYS = { 1: 'details', 2: 'permissions', 3: 'principals' } as const;

/**
 * Records a finished step. When its data changed, the later steps must be looked at again (their choices
 * stay filled in); when it did not (Back, then Next), what was finished stays finished.
 */
export function finishStep<S extends 1 | 2 | 3>(draft: ShareDraft, step: S, data: StepData[S]): ShareDraft {
  const key = KEYS[step];
  const changed = JSON.stringify(draft[key]) !== JSON.stringify(data);
  const next: ShareDraft = { ...draft, [key]: data, finished: changed ? step : Math.max(draft.finished, step) };
  if (changed) delete next.plan;
  saveDraft(next);
  return next;
}

/** The first step the draft may open: a step opens only when every step before it is finished. */
export function allowedStep(draft: ShareDraftState, wanted: number): number {
  return Math.max(1, Math.min(wanted, draft.finished + 1, WIZARD_STEPS.length));
}

/** The resource types in the share, in the order resources were picked. */
export function typesOf(details: { resources: Pick<ShareDetails['resources'][number], 'resourceType'>[] } | undefined): string[] {
  return [...new Set((details?.resources ?? []).map((r) => r.resourceType))];
}
