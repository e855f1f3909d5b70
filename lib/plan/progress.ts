// What changes as a plan runs: its status and each step's, in one string the page compares.
import type { StoredPlan } from './types';

export function progressSignature(plan: Pick<StoredPlan, 'status' | 'stepStates'>): string {
  return [plan.status, ...plan.stepStates.map((s) => s.status)].join(',');
}
