// A short status word (Enabled, Pending, admin) in a colour that says how it stands.
import type { ReactNode } from 'react';

const colors = {
  slate: 'bg-slate-100 text-slate-700',
  amber: 'bg-amber-100 text-amber-800',
  emerald: 'bg-emerald-100 text-emerald-800',
  sky: 'bg-sky-100 text-sky-800',
  red: 'bg-red-100 text-red-800',
} as const;

export type BadgeTone = keyof typeof colors;

export function Badge({ children, tone = 'slate', testId }: { children: ReactNode; tone?: BadgeTone; testId?: string }) {
  return (
    <span data-testid={testId} className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-medium ${colors[tone]}`}>
      {children}
    </span>
  );
}
