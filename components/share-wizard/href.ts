// Where a wizard step lives: the draft's ID and the step in the URL (server and client use it). The create
// wizard lives at /shares/new, "Modify resource share" at /shares/modify (lib/ram/share-draft.ts shareStepHref).
export const CREATE_PATH = '/shares/new';

export function stepHref(draftId: string, step: number, path = CREATE_PATH): string {
  return `${path}?draft=${draftId}&step=${step}`;
}
