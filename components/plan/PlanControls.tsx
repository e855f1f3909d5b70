'use client';
// A plan's buttons and live progress: Apply (or Resume, or Check in AWS after a crash) for admins; while the
// run is under way, the page refreshes itself so each step's status shows as it changes.
import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';
import { Alert, Button } from '@/components/ui';
import type { ActionResult } from '@/lib/server-actions';
import type { PlanStatus } from '@/lib/plan/types';

export interface PlanControlsProps {
  planId: string;
  status: PlanStatus;
  canApply: boolean;
  hasUnknownSteps: boolean;
  apply: (input: { planId: string }) => Promise<ActionResult<'started' | 'joined'>>;
  check: (input: { planId: string }) => Promise<ActionResult<number>>;
  /** What the button says for a fresh plan: "Apply", "Create resource share". */
  applyLabel?: string;
  /** The progress the page was rendered with (lib/plan/progress.ts). */
  signature: string;
}

export function PlanControls({ planId, status, canApply, hasUnknownSteps, apply, check, applyLabel = 'Apply', signature }: PlanControlsProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const running = status === 'running';

  // While the run is under way, watch its progress (a store read, no AWS call) and re-render the page, whose
  // reads from AWS may take seconds under throttling, only when a step's status has changed.
  useEffect(() => {
    if (!running) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const answer = await fetch(`/plans/${planId}/status`, { cache: 'no-store' }).then((r) => (r.ok ? r.json() : undefined), () => undefined);
      if (stopped) return;
      if (answer && answer.signature !== signature) router.refresh();
      else timer = setTimeout(poll, 1000);
    };
    timer = setTimeout(poll, 1000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [running, router, planId, signature]);

  const act = (action: typeof apply | typeof check) =>
    startTransition(async () => {
      setError(undefined);
      const result = await action({ planId });
      if (!result.ok) setError(result.error);
      router.refresh();
    });

  const label = status === 'ready' ? applyLabel : status === 'failed' || status === 'interrupted' ? 'Resume from the first step not done' : undefined;
  return (
    <div className="flex flex-col gap-3" data-testid="plan-controls">
      <div className="flex flex-wrap items-center gap-3">
        {label && (
          <Button disabled={!canApply || pending} onClick={() => act(apply)}>
            {pending ? 'Starting…' : label}
          </Button>
        )}
        {(status === 'interrupted' || status === 'expired') && hasUnknownSteps && (
          <Button variant="secondary" disabled={!canApply || pending} onClick={() => act(check)}>
            Check in AWS whether the unknown step took effect
          </Button>
        )}
        {running && <span className="text-sm text-slate-600" role="status">Applying… this page updates by itself.</span>}
        {label && !canApply && <span className="text-sm text-slate-500">Only admins can apply plans: request this change, or share this page with an admin.</span>}
      </div>
      {error && (
        <Alert tone="error" testId="plan-error">
          {error}
        </Alert>
      )}
    </div>
  );
}
