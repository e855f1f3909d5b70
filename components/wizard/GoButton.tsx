'use client';
// A wizard button that runs a server action and goes where it answers (e.g. make the review's plan again).
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert, Button } from '@/components/ui';
import type { ActionResult } from '@/lib/server-actions';

export function GoButton<I>({ label, action, input }: { label: string; action: (input: I) => Promise<ActionResult<string>>; input: I }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              setError(undefined);
              const result = await action(input);
              if (result.ok) router.push(result.data);
              else setError(result.error);
            })
          }
        >
          {pending ? 'Working…' : label}
        </Button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
