// Taking access back through the plan engine: each inverse change built against AWS as it is now, stored as a
// plan and applied by lib/plan/apply.ts (audited call by call, with its CLI/IaC equivalents and a read-back). A
// plan already made for it is resumed, never run a second time: a run cut short has its unknown steps checked
// against AWS, a failed one picks up at its failed step; only a plan past its lifetime is made again, from what
// AWS shows then, so it does only what is left.
import type { SignedInUser } from '../auth/roles';
import { getConsoleContext } from '../aws/identity';
import { applyPlan, checkUnknownSteps, runFinished } from '../changes/registry';
import { changeKind } from '../plan/catalog';
import { NothingToChange, type InverseChange } from '../plan/kind';
import { getPlan, savePlan } from '../plan/store';
import type { StoredPlan } from '../plan/types';
import { recordInversePlans, type ExpirationRow } from './store';

export type RevocationOutcome = { ok: true; inversePlanIds: (string | null)[]; detail?: string } | { ok: false; inversePlanIds: (string | null)[]; error: string };

/** Who the audit log names for an inverse: the console itself, for the request (and whoever asked to end it early). */
export function consoleActor(row: Pick<ExpirationRow, 'plan_id' | 'request_id' | 'revoke_by'>): SignedInUser {
  const forWhat = row.request_id ? `request ${row.request_id}` : `plan ${row.plan_id}`;
  const email = `console (expiry of ${forWhat}${row.revoke_by ? `, ended early by ${row.revoke_by}` : ''})`;
  return { email, name: email, role: 'admin' };
}

function failure(plan: StoredPlan): string {
  const failed = plan.stepStates.map((s, i) => ({ s, i })).filter(({ s }) => s.status === 'failed' || s.status === 'unknown');
  return failed.map(({ s, i }) => `step ${i + 1} (${plan.steps[i].operation}): ${s.error ?? s.status}`).join('; ') || `the run ended ${plan.status}`;
}

/** One inverse change: its plan made (or the one made before resumed) and run to its end. */
async function applyOne(change: InverseChange, previousId: string | null | undefined, actor: SignedInUser, record: (id: string | null) => Promise<void>): Promise<{ planId: string | null; error?: string; nothing?: string }> {
  let plan = previousId ? await getPlan(previousId) : undefined;
  if (plan?.status === 'succeeded') return { planId: plan.id };
  if (plan?.status === 'interrupted') plan = await checkUnknownSteps(plan.id, actor);
  if (!plan || plan.status === 'expired') {
    try {
      const draft = await changeKind(change.kind).planFromAws(change.input, await getConsoleContext(), change.target);
      plan = await savePlan(draft, actor.email);
    } catch (error) {
      if (error instanceof NothingToChange) {
        await record(null);
        return { planId: null, nothing: error.message };
      }
      return { planId: previousId ?? null, error: `Could not build the plan that ends it: ${(error as Error).message}` };
    }
    await record(plan.id);
  }
  const outcome = await applyPlan(plan.id, actor);
  if (outcome.state === 'refused') return { planId: plan.id, error: outcome.error };
  const finished = await runFinished(plan.id);
  return finished?.status === 'succeeded' ? { planId: plan.id } : { planId: plan.id, error: failure(finished ?? plan) };
}

/** Applies every inverse change of the claimed expiration `row`, as the console; the claimer records the outcome. */
export async function applyInverse(row: ExpirationRow, instance: string): Promise<RevocationOutcome> {
  const changes = JSON.parse(row.inverse) as InverseChange[];
  const ids = JSON.parse(row.inverse_plan_ids) as (string | null)[];
  const actor = consoleActor(row);
  const errors: string[] = [];
  const nothing: string[] = [];
  for (const [index, change] of changes.entries()) {
    const done = await applyOne(change, ids[index], actor, async (id) => {
      ids[index] = id;
      await recordInversePlans(row.plan_id, instance, ids);
    });
    ids[index] = done.planId;
    if (done.error) errors.push(`${change.summary}: ${done.error}`);
    if (done.nothing) nothing.push(done.nothing);
  }
  await recordInversePlans(row.plan_id, instance, ids);
  if (errors.length) return { ok: false, inversePlanIds: ids, error: errors.join(' ') };
  return { ok: true, inversePlanIds: ids, detail: nothing.length ? `Already gone: ${nothing.join(' ')}` : undefined };
}
