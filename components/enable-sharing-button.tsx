'use client';
// The Enable button: calls the server action (which checks the role again) and shows its result.
import { useState, useTransition } from 'react';
import { enableSharing } from '@/app/(console)/settings/actions';

export function EnableSharingButton({ allowed, ready }: { allowed: boolean; ready: boolean }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string }>();
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-3">
        <button
          type="button"
          disabled={!allowed || !ready || pending}
          onClick={() =>
            startTransition(async () => {
              const r = await enableSharing({});
              setResult(r.ok ? { ok: true, message: 'Sharing with AWS Organizations is enabled.' } : { ok: false, message: r.error });
            })
          }
          className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {pending ? 'Enabling…' : 'Enable sharing with AWS Organizations'}
        </button>
        {!allowed && <span className="text-sm text-slate-500">Only admins can enable it; your role is viewer.</span>}
      </div>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} data-testid="enable-result" className={`text-sm ${result.ok ? 'text-emerald-800' : 'text-red-800'}`}>
          {result.message}
        </p>
      )}
    </div>
  );
}
