'use client';
// Accepting a finding (admins): a reason and an optional expiry; an accepted one shows who, when and why, and
// may be reopened. The finding stays listed either way.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert, Button, Field, inputClass } from '@/components/ui';
import type { AcceptedView } from '@/lib/access/finding-rows';
import { acceptFindingAction, reopenFindingAction } from './findings-actions';

export function AcceptFinding({ findingId, accepted, canChange, index }: { findingId: string; accepted?: AcceptedView; canChange: boolean; index: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState('');
  const [error, setError] = useState<{ message: string; fields: Record<string, string[]> }>();
  const run = (action: () => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string[]> }>) =>
    startTransition(async () => {
      setError(undefined);
      const result = await action();
      if (result.ok) {
        setOpen(false);
        router.refresh();
      } else setError({ message: result.error ?? 'Failed.', fields: result.fieldErrors ?? {} });
    });
  if (accepted) {
    return (
      <div className="text-xs text-slate-600" data-testid="finding-accepted">
        Accepted by <span className="font-medium">{accepted.acceptedBy}</span> on {accepted.acceptedAt}
        {accepted.expiresAt ? `, until ${accepted.expiresAt}` : ''}: <q>{accepted.reason}</q>
        {canChange && (
          <Button size="sm" variant="secondary" className="ml-2" disabled={pending} onClick={() => run(() => reopenFindingAction({ findingId }))}>
            Reopen
          </Button>
        )}
      </div>
    );
  }
  if (!canChange) return null;
  if (!open) {
    return (
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Accept…
      </Button>
    );
  }
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-testid="accept-form"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => acceptFindingAction({ findingId, reason, expires }));
      }}
    >
      <Field label="Reason" htmlFor={`accept-reason-${index}`} error={error?.fields.reason}>
        <input id={`accept-reason-${index}`} className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <Field label="Expires (optional)" htmlFor={`accept-expires-${index}`} error={error?.fields.expires}>
        <input id={`accept-expires-${index}`} type="date" className={inputClass} value={expires} onChange={(e) => setExpires(e.target.value)} />
      </Field>
      <Button size="sm" type="submit" disabled={pending}>
        Accept finding
      </Button>
      {error && !Object.keys(error.fields).length && <Alert tone="error">{error.message}</Alert>}
    </form>
  );
}
