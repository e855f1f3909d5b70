// What stands where a page's content is still being read: announced politely, and marked as the page's loading
// state (the benchmarks and tests wait for it to go).
import type { ReactNode } from 'react';

export function Reading({ children }: { children: ReactNode }) {
  return (
    <p role="status" aria-live="polite" className="text-sm text-slate-600" data-testid="page-loading">
      {children}
    </p>
  );
}
