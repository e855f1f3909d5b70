'use client';
// The share snapshot's age and progress, with Refresh. While a build runs it polls the status and re-renders
// the page as targets arrive, so the first accounts' shares show while the rest are read.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { Alert, Button } from '@/components/ui';
import type { ActionResult } from '@/lib/server-actions';
import type { SnapshotProgress } from '@/lib/ram/snapshot';

const POLL_MS = 700;

function age(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  return `${Math.round(s / 3600)} h ago`;
}

/** What changes the rows: a first build's progress, or a new complete snapshot (a refresh shows the old one until then). */
const markOf = (p: SnapshotProgress) => (p.complete ? `complete ${p.fetchedAt}` : `partial ${p.done}/${p.shares}`);

export function SnapshotStatus({ initial, status }: { initial: SnapshotProgress; status: (input: { refresh?: boolean }) => Promise<ActionResult<SnapshotProgress>> }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const [error, setError] = useState<string>();
  const [now, setNow] = useState(() => Date.now());
  const [pending, startTransition] = useTransition();
  const seen = useRef(markOf(initial));

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(tick);
  }, []);

  useEffect(() => {
    if (!progress.refreshing) return;
    const timer = setTimeout(async () => {
      const result = await status({});
      if (!result.ok) return setError(result.error);
      setProgress(result.data);
      const mark = markOf(result.data);
      if (mark !== seen.current) {
        seen.current = mark;
        router.refresh();
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [progress, status, router]);

  return (
    <div className="mb-4 flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600" data-testid="snapshot-status">
        <span>
          {progress.complete ? `Read ${age(now - progress.fetchedAt)}` : 'First read of the organization'}
          {progress.refreshing && progress.total ? ` · reading ${progress.done ?? 0} of ${progress.total} ${progress.unit ?? 'account-Regions'}…` : ''}
        </span>
        <Button
          size="sm"
          variant="secondary"
          disabled={pending || progress.refreshing}
          onClick={() =>
            startTransition(async () => {
              const result = await status({ refresh: true });
              if (result.ok) setProgress(result.data);
              else setError(result.error);
            })
          }
        >
          {progress.refreshing ? 'Refreshing…' : 'Refresh'}
        </Button>
      </div>
      {progress.lastError && <Alert tone="error" title="The last refresh failed; the list is the previous one">{progress.lastError}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
