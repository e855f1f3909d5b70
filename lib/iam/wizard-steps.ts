// The /roles/new wizard's steps and their URLs, apart from its state so the browser's code can name them.
export const WIZARD_STEPS = ['who', 'where', 'conditions', 'review'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** `/roles/new?draft=…&step=where`: the step by its word. */
export function roleStepHref(draftId: string, step: WizardStep): string {
  return `/roles/new?draft=${draftId}&step=${step}`;
}
