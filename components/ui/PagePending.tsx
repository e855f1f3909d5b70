'use client';
// The page's skeleton: on a full load until the page streams in, and while a navigation started from a console link
// is under way, in place of the page being left until the next one replaces it, in the frame it arrives in. Not a
// route's loading.tsx: its Suspense boundary is made anew for each page, and a fallback shown during a navigation
// holds the page back until 300 ms after it (React's throttle on revealing), where a warm page takes 100–250 ms.
// This boundary stays: a navigation keeps what it shows until the next page is ready.
// `NavigationPending` wraps the console's shell (its links are in the navigation and in the page), `PagePending`
// the page; links report through `useNavigationPending` (components/ui/Link.tsx).
import { createContext, Suspense, useCallback, useContext, useState, type ReactNode } from 'react';

const Report = createContext<(change: number) => void>(() => {});
const Pending = createContext(false);

export function NavigationPending({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState(0);
  const report = useCallback((by: number) => setPending((n) => n + by), []);
  return (
    <Report value={report}>
      <Pending value={pending > 0}>{children}</Pending>
    </Report>
  );
}

function Skeleton() {
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-4" data-testid="page-loading">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-32 animate-pulse rounded-lg bg-slate-100" />
      <span className="sr-only">Loading the page…</span>
    </div>
  );
}

export function PagePending({ children }: { children: ReactNode }) {
  const pending = useContext(Pending);
  return (
    <>
      {pending && <Skeleton />}
      {/* Hidden, not unmounted: a navigation that does not complete leaves the page as it was. */}
      <div hidden={pending}>
        <Suspense fallback={<Skeleton />}>{children}</Suspense>
      </div>
    </>
  );
}

/** Counts a navigation as pending (+1) and no longer (-1); outside a NavigationPending, nothing. */
export function useNavigationPending(): (change: number) => void {
  return useContext(Report);
}
