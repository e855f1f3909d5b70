// The server side of every wizard's autosave: the action saving one step's typed fields to the user's draft
// (bounded by the step's shape), the first save making the draft. Each wizard's actions.ts exports one per step.
import { z } from 'zod';
import { userAction } from '@/lib/server-actions';
import { draftIdInput, requireDraft, saveTyped, type DraftState } from '@/lib/wizard/drafts';

/** The action saving step `step`'s typed fields (shape `schema`), answering the draft's ID (made by the first save). */
export function typedFieldsAction<S extends DraftState>(wizard: { kind: string; name: string; empty: () => S }, step: string | number, schema: z.ZodType) {
  return userAction({
    action: `${wizard.kind}:typed-${step}`,
    input: z.object({ draftId: draftIdInput.optional(), typed: schema }).strict(),
    async run(input, { user }) {
      return (await saveTyped(await requireDraft(wizard.kind, input.draftId, user.email, wizard.empty, wizard.name), step, input.typed)).id;
    },
  });
}
