// A page whose AWS reads cannot start (the console's identity could not be read): its title and why.
import type { ReactNode } from 'react';
import { Alert } from './ui';

export function AwsUnavailable({ title, error }: { title: ReactNode; error: string }) {
  return (
    <>
      {title}
      <Alert tone="error" title="AWS cannot be reached">
        {error}
      </Alert>
    </>
  );
}
