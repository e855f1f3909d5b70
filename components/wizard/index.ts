export { StepFooter, type StepFooterProps } from './StepFooter';
export { useAutosave, type SaveTyped } from './use-autosave';
export { useStepSubmit } from './use-step-submit';
export { GoButton } from './GoButton';
export { NeedsScript } from './NeedsScript';
