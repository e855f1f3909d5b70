// The shape of one kind of change (enable sharing, create a share, cross-account access, …): everything the
// console knows about it, in one module in its service's folder, handed to the engine by lib/changes/registry.ts.
//
// Adding a kind:
//   1. In lib/<service>/, one module: `export const deleteRole = defineKind({ id, input, context, build, readBack,
//      afterApply })`. `id` is 'service:what' ('iam:delete-role'); `input` the zod schema of what a form or action
//      submits; `build(input, facts)` pure (facts are what was read from AWS just before); `context` the zod
//      schema of the data its read-back and hook need (parsed from the stored plan, never cast); `readBack` a
//      pure read of AWS, run on every view of the plan's page (no cache clearing, no writes); `afterApply` what
//      follows once a run finishes (refresh the caches it changed, record history), never run on render.
//      A kind that grants access (a trust, a share's principal) also gives `inverse(plan)`: pure, from the applied
//      plan to the input of a kind (often another one: trust-edit, edit-share) that takes back only what it added;
//      that kind's `readFacts(input, aws, target)` reads AWS as it is then, so lib/expiry can build and apply the
//      inverse plan by itself at a deadline, through this engine (audited, with equivalents and a read-back).
//   2. New AWS operations: their OperationSpec in lib/<service>/operations.ts.
//   3. List the kind (and any new operations table) in lib/changes/registry.ts.
//   4. Its page or form (an action calls `await savePlan(kind.plan(input, facts), user)`), and its tests.
import type { z } from 'zod';
import type { ConsoleContext } from '../aws/identity';
import type { PlanDraft, StoredPlan } from './types';

/** What AWS shows now for a plan that has run: the reads that prove (or disprove) its change. */
export interface ReadBack {
  tone: 'success' | 'warning' | 'error';
  title: string;
  facts: { label: string; value: string }[];
  /** What the admin should do when AWS does not show the change. */
  advice?: string;
  /** Where the admin goes next (the created share's page, the wizard step to fix). */
  links?: { href: string; label: string }[];
  problems: string[];
}

/**
 * What takes back the access an applied plan added: the input of a kind of change, built against AWS as it is
 * when the access ends (the policy may have changed since), never a copy of old documents.
 */
export interface InverseChange {
  /** The kind that takes it back ('iam:trust-edit'). */
  kind: string;
  input: unknown;
  /** What that kind's `readFacts` needs besides its input (the share it edits): ARNs, account, Region. */
  target?: Record<string, string>;
  /** One line for people: what ends. */
  summary: string;
}

/** A kind that can take back nothing more: what it would remove is already gone. */
export class NothingToChange extends Error {}

/** What a kind's builder returns: the plan without its kind (the kind stamps it), with its typed context. */
export type KindDraft<Context> = Omit<PlanDraft, 'kind' | 'context'> & { context: Context };

/** A stored plan of one kind, its context parsed by the kind's schema. */
export type KindPlan<Context> = Omit<StoredPlan, 'context'> & { context: Context };

export interface ChangeKindSpec<Input, Context, Facts> {
  /** 'service:what', stored with each plan: 'ram:create-resource-share'. */
  id: string;
  /** What the form or action submits, validated before anything is read or built. */
  input: z.ZodType<Input>;
  /** What the read-back and the after-apply hook need, stored with the plan. */
  context: z.ZodType<Context>;
  /** Pure: the plan from validated input and the facts read from AWS just before (a PlanError refuses). */
  build(input: Input, facts: Facts): KindDraft<Context>;
  /** A pure read of AWS, safe on every view of the plan's page: no cache cleared, nothing written. */
  readBack(plan: KindPlan<Context>, aws: ConsoleContext): Promise<ReadBack>;
  /** Run once when a run finishes (succeeded or failed), page open or not: caches to refresh, history to record. */
  afterApply?(plan: KindPlan<Context>): Promise<void>;
  /** For a kind that grants access: pure, what takes back each grant of the applied plan (one per account or share). */
  inverse?(plan: KindPlan<Context>): InverseChange[];
  /** The facts `build` needs, read from AWS now: lets the console build the plan by itself (an inverse at its deadline). */
  readFacts?(input: Input, aws: ConsoleContext, target: Record<string, string>): Promise<Facts>;
}

/** A kind as the engine and the console's actions use it. */
export interface ChangeKind<Input, Context, Facts> {
  readonly id: string;
  readonly input: z.ZodType<Input>;
  /** The plan to store: `build`'s draft stamped with this kind. */
  plan(input: Input, facts: Facts): PlanDraft;
  /** Stamps a draft built elsewhere in the kind's module (a builder that also returns a review). */
  draft(built: KindDraft<Context>): PlanDraft;
  /** The stored plan's context, parsed (throws when the plan is not of this kind). */
  contextOf(plan: StoredPlan): Context;
  readBack(plan: StoredPlan, aws: ConsoleContext): Promise<ReadBack>;
  afterApply(plan: StoredPlan): Promise<void>;
  /** What takes back the access the plan added; empty when its kind (or this plan) grants none. */
  inverse(plan: StoredPlan): InverseChange[];
  /** The plan for `input`, built from what AWS reads now (throws when the kind cannot read its own facts). */
  planFromAws(input: unknown, aws: ConsoleContext, target?: Record<string, string>): Promise<PlanDraft>;
}

/** What the engine needs of every kind, whatever its input, context and facts. */
export type RegisteredKind = Pick<ChangeKind<unknown, unknown, unknown>, 'id' | 'readBack' | 'afterApply' | 'inverse' | 'planFromAws'>;

export function defineKind<Input, Context, Facts = void>(spec: ChangeKindSpec<Input, Context, Facts>): ChangeKind<Input, Context, Facts> {
  const typed = (plan: StoredPlan): KindPlan<Context> => {
    if (plan.kind !== spec.id) throw new Error(`Plan ${plan.id} is a ${plan.kind} plan, not ${spec.id}.`);
    return { ...plan, context: spec.context.parse(plan.context) };
  };
  const draft = (built: KindDraft<Context>): PlanDraft => ({ ...built, kind: spec.id, context: spec.context.parse(built.context) });
  return {
    id: spec.id,
    input: spec.input,
    plan: (input, facts) => draft(spec.build(input, facts)),
    draft,
    contextOf: (plan) => typed(plan).context,
    readBack: (plan, aws) => spec.readBack(typed(plan), aws),
    afterApply: async (plan) => {
      await spec.afterApply?.(typed(plan));
    },
    inverse: (plan) => spec.inverse?.(typed(plan)) ?? [],
    async planFromAws(input, aws, target = {}) {
      if (!spec.readFacts) throw new Error(`${spec.id} cannot read its facts from AWS by itself.`);
      const parsed = spec.input.parse(input);
      return draft(spec.build(parsed, await spec.readFacts(parsed, aws, target)));
    },
  };
}
