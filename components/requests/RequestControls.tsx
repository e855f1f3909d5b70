'use client';
// A request's buttons: Approve or Reject with a comment (approvers), Withdraw (the requester, while pending),
// Apply (an approver, when the console waits for one), Revoke now (time-bound access, applied). Each shows
// only where it may work; the server decides.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert, Button, Field, inputClass } from '@/components/ui';
import type { ActionResult } from '@/lib/server-actions';

type Act = (input: { requestId: string; comment?: string }) => Promise<ActionResult<unknown>>;

export interface RequestControlsProps {
  requestId: string;
  canDecide: boolean;
  canWithdraw: boolean;
  canApply: boolean;
  canRevoke: boolean;
  approve: Act;
  reject: Act;
  withdraw: Act;
  apply: Act;
  revoke: Act;
}

export function RequestControls({ requestId, canDecide, canWithdraw, canApply, canRevoke, approve, reject, withdraw, apply, revoke }: RequestControlsProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();

  const act = (action: Act, withComment = false) =>
    startTransition(async () => {
      setError(undefined);
      const result = await action({ requestId, ...(withComment && { comment }) });
      if (!result.ok) setError(result.error);
      else setComment('');
      router.refresh();
    });

  if (!canDecide && !canWithdraw && !canApply && !canRevoke) return null;
  return (
    <div className="flex flex-col gap-3" data-testid="request-controls">
      {canDecide && (
        <>
          <Field label="Comment" htmlFor="comment" hint="Saved with your decision; the requester and the audit log see it.">
            <textarea id="comment" className={inputClass} rows={2} maxLength={2000} value={comment} onChange={(event) => setComment(event.target.value)} />
          </Field>
          <div className="flex flex-wrap gap-3">
            <Button disabled={pending} onClick={() => act(approve, true)}>
              Approve
            </Button>
            <Button variant="danger" disabled={pending} onClick={() => act(reject, true)}>
              Reject
            </Button>
          </div>
        </>
      )}
      <div className="flex flex-wrap gap-3">
        {canApply && (
          <Button disabled={pending} onClick={() => act(apply)}>
            Apply
          </Button>
        )}
        {canWithdraw && (
          <Button variant="secondary" disabled={pending} onClick={() => act(withdraw)}>
            Withdraw
          </Button>
        )}
        {canRevoke && (
          <Button variant="danger" disabled={pending} onClick={() => act(revoke)}>
            Revoke now
          </Button>
        )}
      </div>
      {error && (
        <Alert tone="error" testId="request-error">
          {error}
        </Alert>
      )}
    </div>
  );
}
