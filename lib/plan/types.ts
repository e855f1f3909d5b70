// A plan is data: ordered AWS calls, each with its account, Region, input and reason, computed on the
// server from validated input, stored, reviewed, then applied once.

/** Where a step's input takes a value from an earlier step's output (the share ARN step 1 returns). */
export interface StepOutputRef {
  $ref: {
    /** Index of the earlier step (0-based). */
    step: number;
    /** Dotted path into that step's SDK output: 'resourceShare.resourceShareArn'. */
    path: string;
    /** A shell-safe name for the value in the CLI equivalent: 'RESOURCE_SHARE_ARN'. */
    as: string;
  };
}

export interface PlanStep {
  /** The AWS operation in AWS's words: 'ram:CreateResourceShare'. */
  operation: string;
  accountId: string;
  region: string;
  /** The SDK command's input; any value may be a StepOutputRef. */
  input: Record<string, unknown>;
  /** One line the admin reads: why this call is in the plan. */
  reason: string;
  /** Facts about the step's target that its input does not carry (a share's ARN for an invitation), for IaC. */
  about?: Record<string, string>;
}

/** What a feature hands to the store: everything the admin reviews. */
export interface PlanDraft {
  /** The kind of change that made it (lib/plan/kind.ts): picks its read-back and after-apply hook ('ram:enable-sharing'). */
  kind: string;
  title: string;
  /** Names of accounts the plan touches, for display: { '111111111111': 'network' }. */
  accountNames?: Record<string, string>;
  steps: PlanStep[];
  /** Notes the review shows (e.g. what the source account's admins must do themselves). */
  notes?: string[];
  /** What the kind's read-back and after-apply hook need (e.g. the share's name): typed by the kind's schema (lib/plan/kind.ts). */
  context?: unknown;
  /**
   * The steps do not depend on each other (answering many invitations): a failed step does not stop the
   * others, and each keeps its own outcome. Default: the first failing step stops the run.
   */
  independentSteps?: boolean;
}

export type PlanStatus = 'ready' | 'running' | 'succeeded' | 'failed' | 'interrupted' | 'expired';

/**
 * pending: not reached yet; running: its call is in flight; done; failed; not-run: after a failed step (unless
 * the plan's steps are independent);
 * unknown: the console stopped while its call was in flight, so whether AWS made the change is unknown.
 */
export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'not-run' | 'unknown';

export interface StepState {
  status: StepStatus;
  startedAt?: string;
  finishedAt?: string;
  requestId?: string;
  /** The SDK output without $metadata. */
  output?: unknown;
  /** The admin-facing explanation of a failure. */
  error?: string;
  /** Where the step started something asynchronous: how it settled (RAM associations). */
  settled?: SettledState;
}

export interface SettledState {
  /** True when everything reached its final state within the bound. */
  complete: boolean;
  items: { id: string; kind: string; status: string; statusMessage?: string; external?: boolean }[];
  waitedMs: number;
}

export interface StoredPlan extends PlanDraft {
  id: string;
  createdBy: string;
  /** Made by a viewer, to show an admin. */
  createdByViewer: boolean;
  createdAt: string;
  expiresAt: string;
  status: PlanStatus;
  appliedBy?: string;
  startedAt?: string;
  finishedAt?: string;
  stepStates: StepState[];
}
