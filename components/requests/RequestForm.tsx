'use client';
// "Request this change": a plan submitted for approval with a justification and, for changes that grant
// access, an optional duration. The server checks everything again.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert, Button, Field, inputClass } from '@/components/ui';
import type { ActionResult } from '@/lib/server-actions';

export interface RequestFormProps {
  planId: string;
  offersDuration: boolean;
  submit: (input: { planId: string; justification: string; durationHours?: number }) => Promise<ActionResult<string>>;
}

export function RequestForm({ planId, offersDuration, submit }: RequestFormProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [justification, setJustification] = useState('');
  const [hours, setHours] = useState('');
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string[]>>({});

  const send = () =>
    startTransition(async () => {
      setError(undefined);
      setFields({});
      const result = await submit({ planId, justification, ...(offersDuration && hours.trim() !== '' && { durationHours: Number(hours) }) });
      if (!result.ok) {
        setError(result.error);
        setFields(result.fieldErrors ?? {});
        return;
      }
      router.push(`/requests/${result.data}`);
    });

  return (
    <form
      className="flex flex-col gap-3"
      data-testid="request-form"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <Field label="Justification (required)" htmlFor="justification" hint="Why this change is needed: the approvers read it." error={fields.justification}>
        <textarea
          id="justification"
          className={inputClass}
          rows={3}
          maxLength={2000}
          value={justification}
          aria-invalid={!!fields.justification}
          onChange={(event) => setJustification(event.target.value)}
        />
      </Field>
      {offersDuration && (
        <Field label="Duration in hours (optional)" htmlFor="durationHours" hint="From 1 hour to 90 days (2160 hours). Empty: the access stays until removed." error={fields.durationHours}>
          <input
            id="durationHours"
            type="number"
            min={1}
            max={2160}
            step="any"
            className={`${inputClass} w-40`}
            value={hours}
            aria-invalid={!!fields.durationHours}
            onChange={(event) => setHours(event.target.value)}
          />
        </Field>
      )}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Submitting…' : 'Request this change'}
        </Button>
      </div>
      {error && (
        <Alert tone="error" testId="request-error">
          {error}
        </Alert>
      )}
    </form>
  );
}
