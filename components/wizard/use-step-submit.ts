'use client';
// Next on a wizard step: what was typed is saved first, then the server checks the step and answers where
// the wizard goes (the next step's URL), or the errors to show at the fields they concern.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/server-actions';

/** `prefix`: the input member the step's data is under ('details'), which field names are relative to. */
export function useStepSubmit<I>(save: (input: I) => Promise<ActionResult<string>>, prefix: string) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const submit = (input: () => Promise<I>) =>
    startTransition(async () => {
      setError(undefined);
      setFieldErrors({});
      const result = await save(await input());
      if (result.ok) router.push(result.data);
      else {
        // A message already shown at its field is not repeated above the buttons.
        const atFields = Object.values(result.fieldErrors ?? {}).flat();
        setError(atFields.includes(result.error) ? undefined : result.error);
        const relative = Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k.startsWith(`${prefix}.`) ? k.slice(prefix.length + 1) : k, v] as const);
        setFieldErrors(Object.fromEntries(relative));
      }
    });
  /** The messages of a field and of the fields under it (tags.0.key under tags). */
  const errorsOf = (field: string) => Object.entries(fieldErrors).flatMap(([k, v]) => (k === field || k.startsWith(`${field}.`) ? v : []));
  return { submit, pending, error, errorsOf };
}
