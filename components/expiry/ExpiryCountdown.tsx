'use client';
// When a time-bound grant ends, and how it ended: a countdown on the AWS clock (the server passes its reading of
// it, so a browser whose clock is off still counts right), then who ended it, or why AWS refused and when the
// console tries again.
import { useEffect, useState } from 'react';
import type { ExpiryState } from '@/lib/expiry/expiry';
import { timeLeft } from '@/lib/expiry/format';
import { Alert, Badge } from '@/components/ui';

export function ExpiryCountdown({ expiry, awsNow }: { expiry: ExpiryState; awsNow: number }) {
  // The AWS clock as the server read it, carried forward by the browser's own elapsed time.
  const [mountedAt] = useState(() => Date.now());
  const [tick, setTick] = useState(mountedAt);
  useEffect(() => {
    if (expiry.state !== 'active') return;
    const timer = setInterval(() => setTick(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [expiry.state]);
  const now = awsNow + (tick - mountedAt);
  const deadline = new Date(expiry.deadline).toISOString();
  return (
    <div data-testid="expiry" className="space-y-2 text-sm">
      {expiry.state === 'active' && (
        <p>
          <Badge tone={expiry.deadline - now < 3_600_000 ? 'amber' : 'sky'}>Ends in {timeLeft(expiry.deadline - now)}</Badge>{' '}
          <span className="text-slate-600">at {deadline} (AWS clock); the console then takes it back by itself.</span>
        </p>
      )}
      {expiry.state === 'revoking' && <Badge tone="amber">Being taken back now</Badge>}
      {expiry.state === 'revoked' && (
        <p>
          <Badge tone="emerald">{expiry.revokedBy ? `Ended early by ${expiry.revokedBy}` : 'Ended at its deadline'}</Badge>{' '}
          {expiry.endedAt !== undefined && <span className="text-slate-600">{new Date(expiry.endedAt).toISOString()}</span>}
          {expiry.inversePlanId && (
            <>
              {' · '}
              <a className="text-sky-700 underline" href={`/plans/${expiry.inversePlanId}`}>
                the plan that ended it
              </a>
            </>
          )}
        </p>
      )}
      {expiry.state === 'failed' && (
        <Alert tone="error" title="AWS refused to take this access back: it is still granted.">
          <p>{expiry.error}</p>
          {expiry.nextAttemptAt !== undefined && <p>The console tries again at {new Date(expiry.nextAttemptAt).toISOString()} (AWS clock), and keeps trying until it succeeds.</p>}
        </Alert>
      )}
      {expiry.ends.length > 0 && (
        <ul className="list-disc pl-5 text-slate-600">
          {expiry.ends.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
