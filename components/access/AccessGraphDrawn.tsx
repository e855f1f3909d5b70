'use client';
// The neighbourhood graph drawn in the browser only: its server-rendered drawing was a fifth of an account page's
// bytes, rendered again on every view; the tables below carry the same data as text meanwhile.
import dynamic from 'next/dynamic';

export const AccessGraphDrawn = dynamic(() => import('./AccessGraph').then((m) => m.AccessGraph), {
  ssr: false,
  loading: () => <div className="h-[28rem] w-full rounded border border-slate-200" aria-hidden />,
});
