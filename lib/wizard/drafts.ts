// Every wizard's state (create resource share, cross-account access, and the ones to come): a server-side
// draft in the console's state (lib/state) named in the URL (?draft=…&step=…). It holds what the user typed on each step, saved as
// they type, and the steps the server has accepted, so a reload, Back and a sign-in timeout lose nothing.
// Drafts are written only by server actions (POST): opening a wizard page never writes one.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { state } from '../state/database';
import { PlanError } from '../plan/build';

/** Drafts untouched for this long are forgotten (a plan made from one lasts an hour more). */
const DRAFT_TTL_MS = 7 * 24 * 3_600_000;

export const DRAFT_ID = /^d-[0-9a-f]{20}$/;

/** A typed step's fields are bounded, so an autosave cannot fill the disk. */
export const MAX_TYPED_BYTES = 512 * 1024;

/** What every wizard keeps: the steps finished, the fields as typed per step, and the plan made for review. */
export interface DraftState<Step extends string | number = string | number> {
  /** Steps the server accepted, in order (0 = none). */
  finished: number;
  /** Each step's fields as last typed, before the server accepted them. */
  typed?: Partial<Record<Step, unknown>>;
  /** The plan made when the user moved to review, and what it was made from. */
  plan?: { id: string; of: string };
}

export interface Draft<S extends DraftState> {
  id: string;
  kind: string;
  createdBy: string;
  updatedAt: string;
  state: S;
}

export async function createDraft<S extends DraftState>(kind: string, createdBy: string, draftState: S, now = new Date()): Promise<Draft<S>> {
  const id = `d-${randomBytes(10).toString('hex')}`;
  const db = await state();
  await db.deleteFrom('wizard_drafts').where('updated_at', '<', new Date(now.getTime() - DRAFT_TTL_MS).toISOString()).execute();
  await db.insertInto('wizard_drafts').values({ id, kind, created_by: createdBy, updated_at: now.toISOString(), state: JSON.stringify(draftState) }).execute();
  return { id, kind, createdBy, updatedAt: now.toISOString(), state: draftState };
}

/** The draft of that wizard, only for the user who made it. */
export async function getDraft<S extends DraftState>(kind: string, id: string, user: string): Promise<Draft<S> | undefined> {
  if (!DRAFT_ID.test(id)) return undefined;
  const row = await (await state()).selectFrom('wizard_drafts').selectAll().where('id', '=', id).where('kind', '=', kind).where('created_by', '=', user).executeTakeFirst();
  return row && { id: row.id, kind: row.kind, createdBy: row.created_by, updatedAt: row.updated_at, state: JSON.parse(row.state) as S };
}

export async function saveDraft<S extends DraftState>(draft: Draft<S>, now = new Date()): Promise<Draft<S>> {
  await (await state()).updateTable('wizard_drafts').set({ state: JSON.stringify(draft.state), updated_at: now.toISOString() }).where('id', '=', draft.id).execute();
  return { ...draft, updatedAt: now.toISOString() };
}

/** The user's draft `id`, or a new one when there is none yet (the first field typed on a fresh wizard). */
export async function draftFor<S extends DraftState>(kind: string, id: string | undefined, user: string, empty: () => S): Promise<Draft<S> | undefined> {
  if (id === undefined) return createDraft(kind, user, empty());
  return getDraft<S>(kind, id, user);
}

/** Records what was typed on `step` (not validated: it is what the fields show again). */
export async function saveTyped<S extends DraftState>(draft: Draft<S>, step: string | number, typed: unknown): Promise<Draft<S>> {
  if (JSON.stringify(typed).length > MAX_TYPED_BYTES) throw new RangeError('too large');
  return saveDraft({ ...draft, state: { ...draft.state, typed: { ...draft.state.typed, [step]: typed } } });
}

/**
 * Records a step the server accepted, as `key` of the state. When its data changed, the later steps must be
 * looked at again (their choices stay filled in) and the review's plan is made again; when it did not (Back,
 * then Next), what was finished stays finished.
 */
export async function finishStep<S extends DraftState, K extends keyof S & string>(draft: Draft<S>, step: number, key: K, data: S[K]): Promise<Draft<S>> {
  const changed = JSON.stringify(draft.state[key]) !== JSON.stringify(data);
  const state: S = { ...draft.state, [key]: data, finished: changed ? step : Math.max(draft.state.finished, step) };
  if (changed) delete state.plan;
  return saveDraft({ ...draft, state });
}

/** The step the draft may open: a step opens only when every step before it is finished. */
export function allowedStep(state: Pick<DraftState, 'finished'>, wanted: number, steps: number): number {
  return Math.max(1, Math.min(Number.isInteger(wanted) ? wanted : 1, state.finished + 1, steps));
}

/** The draft ID as actions receive it. */
export const draftIdInput = z.string().regex(DRAFT_ID, 'A draft ID looks like d- and 20 hexadecimal digits.');

/** The user's draft `id` (a new one when undefined), or a refusal that sends them back to the wizard's start. */
export async function requireDraft<S extends DraftState>(kind: string, id: string | undefined, user: string, empty: () => S, wizardName: string): Promise<Draft<S>> {
  const draft = await draftFor<S>(kind, id, user, empty);
  if (!draft) throw new PlanError(`This wizard draft does not exist or is not yours: start again from ${wizardName}.`);
  return draft;
}
