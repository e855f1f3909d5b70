'use client';
// An account typed by name or ID, resolved on the server as it is typed: an account of the organization
// (named, with its OU path), an account outside it (by ID only), or a refusal naming the accounts that match.
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Field, inputClass } from '@/components/ui';
import type { ActionResult } from '@/lib/server-actions';
import type { AccountResolution } from '@/lib/iam/wizard';

export type ResolveAccount = (input: { account: string; label: 'Source account' | 'Destination account' }) => Promise<ActionResult<AccountResolution>>;

export interface AccountFieldProps {
  label: 'Source account' | 'Destination account';
  value: string;
  onChange(value: string): void;
  /** Told each time the typed value resolves (or stops resolving). */
  onResolved?(resolution: AccountResolution | undefined): void;
  resolve: ResolveAccount;
  error?: string[];
}

export function AccountField({ label, value, onChange, onResolved, resolve, error }: AccountFieldProps) {
  const id = useId();
  const [answer, setAnswer] = useState<{ value: string; resolution: AccountResolution }>();
  const told = useRef(onResolved);
  useEffect(() => {
    told.current = onResolved;
  });
  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      async () => {
        const r = value.trim() ? await resolve({ account: value, label }) : undefined;
        if (!current) return;
        const next = r && (r.ok ? r.data : { ok: false as const, message: r.error, matches: [] });
        setAnswer(next && { value, resolution: next });
        told.current?.(next);
      },
      value.trim() ? 200 : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [value, label, resolve]);
  const resolution = answer?.value === value ? answer.resolution : undefined;
  return (
    <Field label={label} htmlFor={id} hint="An account of the organization by name or ID, or any other account by its 12-digit ID." error={error}>
      <input id={id} className={inputClass} value={value} autoComplete="off" aria-invalid={!!error?.length} onChange={(e) => onChange(e.target.value)} />
      <div className="mt-1 text-xs" role="status" data-testid={`${label === 'Source account' ? 'source' : 'destination'}-account-resolution`}>
        {resolution?.ok && resolution.inOrganization && (
          <span className="text-slate-700">
            <span className="font-medium">{resolution.account.name}</span> <code>{resolution.account.id}</code> — {resolution.account.path}
          </span>
        )}
        {resolution?.ok && !resolution.inOrganization && <span className="text-amber-800">Account {resolution.account.id} is outside the organization.</span>}
        {resolution && !resolution.ok && <span className="text-red-700">{resolution.message}</span>}
      </div>
      {resolution && !resolution.ok && resolution.matches.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-2" aria-label={`Accounts matching ${value}`}>
          {resolution.matches.map((a) => (
            <li key={a.id}>
              <Button size="sm" variant="secondary" onClick={() => onChange(a.id)}>
                {a.name} ({a.id})
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Field>
  );
}
