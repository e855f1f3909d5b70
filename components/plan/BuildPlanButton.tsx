'use client';
// Builds a plan on the server from the page's choices and opens it for review. Building changes nothing,
// so viewers may do it too (to show an admin); only applying is for admins.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useRole } from '@/components/role-context';
import { Alert, Button } from '@/components/ui';
import type { ActionResult } from '@/lib/server-actions';

export function BuildPlanButton<I>({
  label,
  build,
  input,
  disabled,
}: {
  label: string;
  /** A server action that stores the plan and answers its ID. */
  build: (input: I) => Promise<ActionResult<string>>;
  /** The choices the plan is built from (validated again on the server). */
  input: I;
  disabled?: boolean;
}) {
  const router = useRouter();
  // Viewers and requesters: the plan is to show an admin, or to request (its page offers Request this change).
  const viewer = useRole() !== 'admin';
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<{ message: string; details: string[] }>();
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          disabled={disabled || pending}
          onClick={() =>
            startTransition(async () => {
              setError(undefined);
              const result = await build(input);
              if (result.ok) router.push(`/plans/${result.data}`);
              else setError({ message: result.error, details: Object.values(result.fieldErrors ?? {}).flat() });
            })
          }
        >
          {pending ? 'Making the plan…' : viewer ? `${label} (to show an admin)` : label}
        </Button>
        {viewer && (
          <span className="text-sm text-slate-500" data-testid="read-only-hint">
            Read-only: this makes a plan an admin can review and apply, or that you can request. It changes nothing.
          </span>
        )}
      </div>
      {error && (
        <Alert tone="error" title={error.details.length ? error.message : undefined}>
          {error.details.length ? (
            <ul className="list-disc pl-5">
              {error.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : (
            error.message
          )}
        </Alert>
      )}
    </div>
  );
}
