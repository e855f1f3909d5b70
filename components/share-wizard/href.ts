// Where a wizard step lives: the draft's ID and the step in the URL (server and client use it).
export function stepHref(draftId: string, step: number): string {
  return `/shares/new?draft=${draftId}&step=${step}`;
}
