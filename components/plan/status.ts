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
