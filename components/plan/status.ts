// How a plan's status reads on its page and in the list.
import type { PlanStatus } from '@/lib/plan/types';

export const PLAN_STATUS: Record<PlanStatus, { label: string; tone: 'slate' | 'sky' | 'emerald' | 'red' | 'amber' }> = {
  ready: { label: 'Ready to apply', tone: 'sky' },
  running: { label: 'Applying', tone: 'sky' },
  succeeded: { label: 'Applied', tone: 'emerald' },
  failed: { label: 'Failed', tone: 'red' },
  interrupted: { label: 'Interrupted', tone: 'amber' },
  expired: { label: 'Expired', tone: 'slate' },
};

/** The status badge: a plan a viewer made and nobody applied yet is there to show an admin. */
export function planStatusBadge(plan: { status: PlanStatus; createdByViewer: boolean }): { label: string; tone: 'slate' | 'sky' | 'emerald' | 'red' | 'amber' } {
  return plan.status === 'ready' && plan.createdByViewer ? { label: 'Made by a viewer to show an admin', tone: 'slate' } : PLAN_STATUS[plan.status];
}
