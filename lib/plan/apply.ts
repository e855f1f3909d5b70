// Applies a stored plan: its steps in order through the one client factory, each call's intent audited before
// it and its outcome after; the first failing step stops the run and the rest are recorded as not run (unless
// the plan's steps are independent: then every step runs and keeps its own outcome). A
// failed or interrupted run resumes from the first step not done. Runs continue in the background so the
// plan page can show progress; a second apply, on this instance or another, joins the run under way (the store
// lets exactly one claim it, and the run holds a lease while it works).
import { getClient } from '../aws/clients';
import { awsErrorCode, awsRequestId, explainAwsError } from '../aws/errors';
import { recordAudit, type AccessRequestRef } from '../audit/log';
import type { SignedInUser } from '../auth/roles';
import { log, errorReason } from '../log';
import { processWide } from '../cache/process';
import { clientTokenFor, resolveInput } from './build';
import { changeKind, operationSpec } from './catalog';
import { claimRun, finishRun, getPlan, keepRunAlive, saveStepState, type RunHold } from './store';
import type { StepState, StoredPlan } from './types';

export interface ApplyOptions {
  /** How long to wait for what a step starts (RAM associations) to settle. */
  settleBoundMs?: number;
  /** The access request the run carries out: each call's audit entries name its requester and approvers. */
  accessRequest?: AccessRequestRef;
}

export type ApplyOutcome =
  | { state: 'started' | 'joined'; plan: StoredPlan }
  | { state: 'refused'; error: string; plan?: StoredPlan };

const DEFAULT_SETTLE_BOUND_MS = 120_000;

// The runs this process works on, for runFinished to wait for: who may run a plan is the store's to say.
const runs = processWide('plan-runs', () => new Map<string, Promise<void>>());

function withoutMetadata(output: unknown): unknown {
  if (!output || typeof output !== 'object') return output;
  const { $metadata: _metadata, ...rest } = output as Record<string, unknown>;
  return rest;
}

async function runSteps(plan: StoredPlan, user: SignedInUser, options: ApplyOptions, hold: RunHold): Promise<void> {
  const outputs = plan.stepStates.map((s) => s.output);
  let failed = false;
  for (const [index, step] of plan.steps.entries()) {
    const previous = plan.stepStates[index];
    if (previous.status === 'done') continue;
    if (failed && !plan.independentSteps) {
      await saveStepState(plan.id, index, { status: 'not-run' });
      continue;
    }
    const spec = operationSpec(step.operation);
    const base = { actor: user.email, role: user.role, action: step.operation, accountId: step.accountId, region: step.region, planId: plan.id, step: index + 1, accessRequest: options.accessRequest };
    const started: StepState = { status: 'running', startedAt: new Date().toISOString() };
    let input: Record<string, unknown>;
    try {
      input = resolveInput(step.input, outputs) as Record<string, unknown>;
      if (spec.clientToken) input[spec.clientToken] = clientTokenFor(plan.id, index);
    } catch (error) {
      failed = true;
      await saveStepState(plan.id, index, { ...started, status: 'failed', finishedAt: new Date().toISOString(), error: (error as Error).message });
      continue;
    }
    // A run cut off from the store for longer than its lease may be resumed elsewhere: it stops before the call.
    if (!hold.held()) throw new Error(`the run lost its lease before step ${index + 1}; it stopped there, and reads as interrupted`);
    // Committed before the call is made: an instance killed during the call leaves the intent behind.
    await recordAudit({ ...base, parameters: input, outcome: 'intent' });
    await saveStepState(plan.id, index, started);
    let state: StepState;
    try {
      const client = getClient(spec.client, { accountId: step.accountId, region: step.region, lane: 'changes' });
      const output = await client.send(new spec.command(input));
      const requestId = (output as { $metadata?: { requestId?: string } }).$metadata?.requestId;
      await recordAudit({ ...base, parameters: input, outcome: 'success', requestId });
      outputs[index] = withoutMetadata(output);
      state = { ...started, status: 'done', requestId, output: outputs[index] };
      if (spec.settle) {
        state.settled = await spec.settle(client, input, output, options.settleBoundMs ?? DEFAULT_SETTLE_BOUND_MS);
        const failures = state.settled.items.filter((item) => item.status === 'FAILED');
        if (failures.length) {
          state.status = 'failed';
          state.error = `AWS accepted the call, but ${failures.map((f) => `${f.id}${f.statusMessage ? ` (${f.statusMessage})` : ''}`).join(', ')} failed to associate.`;
        }
      }
    } catch (error) {
      const code = awsErrorCode(error);
      const requestId = awsRequestId(error);
      if (spec.alreadyDone?.(code)) {
        await recordAudit({ ...base, parameters: input, outcome: 'success', requestId, error: `${code}: already as asked` });
        state = { ...started, status: 'done', requestId, error: undefined };
      } else {
        const message = explainAwsError(error, { operation: step.operation, accountId: step.accountId, region: step.region });
        await recordAudit({ ...base, parameters: input, outcome: 'failure', requestId, error: message });
        state = { ...started, status: 'failed', requestId, error: message };
      }
    }
    state.finishedAt = new Date().toISOString();
    await saveStepState(plan.id, index, state);
    if (state.status === 'failed') failed = true;
  }
  // The hook runs before the run reads as finished, so whoever sees "Applied" sees the caches it refreshed.
  const status = failed ? 'failed' : 'succeeded';
  const finishedAt = new Date();
  await afterRun({ ...(await getPlan(plan.id))!, status, finishedAt: finishedAt.toISOString() });
  await finishRun(plan.id, status, finishedAt);
}

/**
 * What follows from a finished run, once, whether or not anyone watches its page: the kind's hook (caches it
 * refreshes, history it records). Its failure is logged; the run's outcome stands.
 */
async function afterRun(plan: StoredPlan): Promise<void> {
  try {
    await changeKind(plan.kind).afterApply(plan);
  } catch (error) {
    log('error', 'after-apply hook failed', { planId: plan.id, kind: plan.kind, reason: errorReason(error) });
  }
}

/** Starts applying plan `id` as `user` (an admin: the caller checks), or joins the run already under way. */
export async function applyPlan(id: string, user: SignedInUser, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  const plan = await getPlan(id);
  if (!plan) return { state: 'refused', error: 'No such plan, or its link is wrong.' };
  switch (plan.status) {
    case 'succeeded':
      return { state: 'refused', error: `This plan was already applied (by ${plan.appliedBy}, finished ${plan.finishedAt}); nothing was done again.`, plan };
    case 'expired':
      return {
        state: 'refused',
        error: `This plan expired at ${plan.expiresAt} (a plan can be applied, or a failed or interrupted run resumed, for one hour after it is made). Nothing was done. Make it again to see what it would do now.`,
        plan,
      };
    case 'running':
      return { state: 'joined', plan };
  }
  if (!(await claimRun(id, user.email))) return { state: 'joined', plan: (await getPlan(id))! };
  const claimed = (await getPlan(id))!;
  const hold = keepRunAlive(id);
  const run = runSteps(claimed, user, options, hold)
    .catch((error: unknown) => {
      // Only the store, or a lost lease, stops a run here (the plan then stays running, and reads as interrupted once
      // its lease lapses): the steps catch AWS's errors and the after-apply hook its own.
      console.error(`plan ${id}: ${(error as Error).message}`);
    })
    .finally(() => {
      hold.stop();
      runs.delete(id);
    });
  runs.set(id, run);
  return { state: 'started', plan: claimed };
}

/** Resolves when the run of `id` in this process (if any) has finished. */
export async function runFinished(id: string): Promise<StoredPlan | undefined> {
  await runs.get(id);
  return getPlan(id);
}

/**
 * After a crash: asks AWS whether each unknown step's change is in place. Steps found in place are done (with
 * the output later steps need); the others go back to pending, so resuming runs them (idempotently).
 */
export async function checkUnknownSteps(id: string, user: SignedInUser): Promise<StoredPlan | undefined> {
  const plan = await getPlan(id);
  // Expired or not, asking AWS what an unknown step did changes nothing there.
  if (!plan || !plan.stepStates.some((s) => s.status === 'unknown')) return plan;
  for (const [index, state] of plan.stepStates.entries()) {
    if (state.status !== 'unknown') continue;
    const step = plan.steps[index];
    const spec = operationSpec(step.operation);
    if (!spec.check) continue;
    const base = { actor: user.email, role: user.role, action: `check ${step.operation}`, accountId: step.accountId, region: step.region, planId: id, step: index + 1 };
    try {
      const input = resolveInput(step.input, plan.stepStates.map((s) => s.output)) as Record<string, unknown>;
      const found = await spec.check(getClient(spec.client, { accountId: step.accountId, region: step.region, lane: 'changes' }), input);
      await saveStepState(id, index, found.inPlace ? { ...state, status: 'done', output: found.output, finishedAt: new Date().toISOString() } : { status: 'pending' });
      await recordAudit({ ...base, outcome: 'success', parameters: { inPlace: found.inPlace } });
    } catch (error) {
      await recordAudit({ ...base, outcome: 'failure', error: explainAwsError(error, { operation: step.operation, accountId: step.accountId, region: step.region }) });
    }
  }
  return getPlan(id);
}
