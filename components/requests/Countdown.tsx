'use client';
// The time left until time-bound access ends, ticking each second (the deadline is on the AWS clock; the browser's
// clock only counts down to it).
import { useEffect, useState } from 'react';

function left(ms: number): string {
  if (ms <= 0) return 'due now';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${d ? `${d} d ` : ''}${h} h ${String(m).padStart(2, '0')} min ${String(s % 60).padStart(2, '0')} s left`;
}

export function Countdown({ deadline }: { deadline: number }) {
  const [now, setNow] = useState<number>();
  useEffect(() => {
    // The first tick at once (in a callback: the server-rendered text has no "left" part to mismatch).
    const first = setTimeout(() => setNow(Date.now()), 0);
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  return (
    <span data-testid="request-countdown">
      Ends at {new Date(deadline).toISOString().replace('T', ' ').slice(0, 19)} UTC{now !== undefined && ` (${left(deadline - now)})`}
    </span>
  );
}
