// Pure helpers for building plans: references to earlier steps' outputs, and the checks every plan passes
// before it is stored (a reference may only point backwards, at a path the step's output has).
import { createHash } from 'node:crypto';
import type { PlanDraft, PlanStep, StepOutputRef } from './types';

export function outputOf(step: number, path: string, as: string): StepOutputRef {
  return { $ref: { step, path, as } };
}

export function isStepOutputRef(value: unknown): value is StepOutputRef {
  return !!value && typeof value === 'object' && '$ref' in value && typeof (value as StepOutputRef).$ref?.step === 'number';
}

/** Every reference in a step's input, in order. */
export function referencesIn(value: unknown): StepOutputRef[] {
  if (isStepOutputRef(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(referencesIn);
  return [];
}

/** A refusal in the admin's words; `fieldErrors` ties it to the form fields it concerns. */
export class PlanError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export function checkPlan(draft: PlanDraft): PlanDraft {
  if (draft.steps.length === 0) throw new PlanError('A plan needs at least one step.');
  draft.steps.forEach((step: PlanStep, index) => {
    if (!/^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/.test(step.operation)) throw new PlanError(`Step ${index + 1}: "${step.operation}" is not service:Operation.`);
    if (!/^\d{12}$/.test(step.accountId)) throw new PlanError(`Step ${index + 1}: account "${step.accountId}" is not 12 digits.`);
    if (draft.independentSteps && referencesIn(step.input).length) throw new PlanError(`Step ${index + 1} refers to an earlier step, but this plan's steps are independent.`);
    for (const ref of referencesIn(step.input)) {
      if (ref.$ref.step < 0 || ref.$ref.step >= index) throw new PlanError(`Step ${index + 1} refers to step ${ref.$ref.step + 1}, which does not come before it.`);
      if (!/^[A-Z][A-Z0-9_]*$/.test(ref.$ref.as)) throw new PlanError(`Step ${index + 1}: "${ref.$ref.as}" is not a shell variable name.`);
    }
  });
  return draft;
}

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

/** The step's input with each reference replaced by the value an earlier step returned. */
export function resolveInput(input: unknown, outputs: unknown[]): unknown {
  if (isStepOutputRef(input)) {
    const value = at(outputs[input.$ref.step], input.$ref.path);
    if (value === undefined) throw new PlanError(`Step ${input.$ref.step + 1} returned no ${input.$ref.path}.`);
    return value;
  }
  if (Array.isArray(input)) return input.map((v) => resolveInput(v, outputs));
  if (input && typeof input === 'object') return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, resolveInput(v, outputs)]));
  return input;
}

/**
 * The idempotency token of a step: derived from the plan and step, so a retried or resumed step (or its CLI
 * equivalent run twice) never makes a second share. RAM takes up to 64 ASCII characters; this is a UUID.
 */
export function clientTokenFor(planId: string, stepIndex: number): string {
  const hex = createHash('sha256').update(`${planId}#${stepIndex}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
