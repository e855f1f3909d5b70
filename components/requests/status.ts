// How a request's state reads in the list and on its page.
import type { BadgeTone } from '@/components/ui';
import type { RequestState } from '@/lib/requests/rules';

export const REQUEST_STATE: Record<RequestState, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Pending', tone: 'amber' },
  approved: { label: 'Approved', tone: 'sky' },
  rejected: { label: 'Rejected', tone: 'red' },
  applied: { label: 'Applied', tone: 'emerald' },
  failed: { label: 'Failed', tone: 'red' },
  expired: { label: 'Expired', tone: 'slate' },
  revoked: { label: 'Revoked', tone: 'slate' },
  withdrawn: { label: 'Withdrawn', tone: 'slate' },
};

/** "2 hours", "3 days 4 hours": a request's duration. */
export function formatHours(ms: number): string {
  const hours = Math.round(ms / 3600_000);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return [days && part(days, 'day'), (rest || !days) && part(rest, 'hour')].filter(Boolean).join(' ');
}
