'use client';
// An unexpected failure inside a page: shown in the shell, without the server's details (they are in the
// console's log under the reference), with a retry. Expected AWS failures never get here: pages explain them.
import { Alert } from '@/components/ui';

export default function ConsoleError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <Alert tone="error" title="This page could not be shown">
      Something unexpected failed on the server{digest ? ` (reference ${digest} in the console's log)` : ''}.{' '}
      <button type="button" onClick={() => retry()} className="underline">
        Try again
      </button>
    </Alert>
  );
}
