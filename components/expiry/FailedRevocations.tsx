// For admins: time-bound access AWS refused to take back, so it is still granted — each with AWS's reason and when
// the console tries again (it keeps trying), linked to the plan that granted it and the one that tries to end it.
import { Alert, Link } from '@/components/ui';
import type { ExpiryState } from '@/lib/expiry/expiry';

export function FailedRevocations({ expiries }: { expiries: ExpiryState[] }) {
  if (expiries.length === 0) return null;
  return (
    <Alert tone="error" title={`${expiries.length} time-bound grant${expiries.length === 1 ? '' : 's'} could not be taken back: still granted`} testId="failed-revocations">
      <ul className="list-disc space-y-1 pl-5">
        {expiries.map((e) => (
          <li key={e.planId}>
            {e.ends.join('; ')} — due {new Date(e.deadline).toISOString()}, {e.attempts} attempt{e.attempts === 1 ? '' : 's'}: {e.error}
            {e.nextAttemptAt !== undefined && <> Next attempt {new Date(e.nextAttemptAt).toISOString()}.</>}{' '}
            <Link className="underline" href={`/plans/${e.planId}`}>
              The grant
            </Link>
            {e.inversePlanId && (
              <>
                {' · '}
                <Link className="underline" href={`/plans/${e.inversePlanId}`}>
                  the plan ending it
                </Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
