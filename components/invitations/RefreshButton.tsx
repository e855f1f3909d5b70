'use client';
// Reads AWS again now instead of the brief cache, then shows the new reading.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert, Button } from '@/components/ui';
import type { ActionResult } from '@/lib/server-actions';

export function RefreshButton({ refresh }: { refresh: (input: object) => Promise<ActionResult<number>> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setError(undefined);
            const result = await refresh({});
            if (!result.ok) setError(result.error);
            router.refresh();
          })
        }
      >
        {pending ? 'Reading AWS…' : 'Refresh'}
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
    </span>
  );
}
