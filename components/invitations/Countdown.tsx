'use client';
// Time left before an invitation expires. The server gives the remaining time on the AWS clock; the browser only
// counts it down from when the page arrived, so a wrong browser clock changes nothing.
import { useEffect, useState } from 'react';
import { formatDuration } from '@/lib/ram/invitation-expiry';

export function Countdown({ remainingMs }: { remainingMs: number }) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const start = performance.now();
    const timer = setInterval(() => setElapsed(performance.now() - start), 1000);
    return () => clearInterval(timer);
  }, [remainingMs]);
  const left = remainingMs - elapsed;
  if (left <= 0) return <span className="font-medium text-red-700">expired</span>;
  return (
    <span className={left < 3_600_000 ? 'font-medium text-red-700' : left < 12 * 3_600_000 ? 'text-amber-700' : ''} data-testid="countdown">
      in {formatDuration(left)}
    </span>
  );
}
