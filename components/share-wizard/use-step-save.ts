'use client';
// Saving a wizard step: the server validates it and answers the step that opens next, or the errors to
// show at the fields they concern.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { stepHref } from './href';
import type { ActionResult } from './types';

/** `prefix`: the input member the step's data is under ('details'), which field names are relative to. */
export function useStepSave<I>(draftId: string, save: (input: I) => Promise<ActionResult<number>>, prefix: string) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const submit = (input: I) =>
    startTransition(async () => {
      setError(undefined);
      setFieldErrors({});
      const result = await save(input);
      if (result.ok) router.push(stepHref(draftId, result.data));
      else {
        setError(result.error);
        const relative = Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k.startsWith(`${prefix}.`) ? k.slice(prefix.length + 1) : k, v] as const);
        setFieldErrors(Object.fromEntries(relative));
      }
    });
  /** The messages of a field and of the fields under it (tags.0.key under tags). */
  const errorsOf = (field: string) => Object.entries(fieldErrors).flatMap(([k, v]) => (k === field || k.startsWith(`${field}.`) ? v : []));
  return { submit, pending, error, errorsOf };
}
