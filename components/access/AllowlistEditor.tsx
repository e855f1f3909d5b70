'use client';
// Settings' allowlist for the findings: trusted outside accounts, organizations and OUs, and the organization's
// less-trusted OUs. Admins edit it (each change audited); viewers see it.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert, Button, Field, inputClass } from '@/components/ui';
import type { Allowlist } from '@/lib/access/findings';
import { editAllowlistAction } from './findings-actions';

const LISTS: { list: keyof Allowlist; label: string; hint: string }[] = [
  { list: 'accounts', label: 'Trusted outside accounts', hint: '12-digit account IDs of vendors and partners' },
  { list: 'organizations', label: 'Trusted organizations', hint: 'Organization IDs (o-…) named in aws:PrincipalOrgID conditions' },
  { list: 'ous', label: 'Trusted OUs of other organizations', hint: 'OU IDs (ou-…) named in aws:PrincipalOrgPaths conditions' },
  { list: 'lessTrustedOus', label: 'Less-trusted OUs', hint: 'OUs of this organization (e.g. Sandbox) whose principals must not reach administrator roles elsewhere' },
];

export function AllowlistEditor({ allowlist, names, canEdit }: { allowlist: Allowlist; names: Record<string, string>; canEdit: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ list: string; message: string }>();
  const edit = (list: keyof Allowlist, value: string, on: boolean) =>
    startTransition(async () => {
      setError(undefined);
      const result = await editAllowlistAction({ list, value, on });
      if (result.ok) {
        setDrafts((d) => ({ ...d, [list]: '' }));
        router.refresh();
      } else setError({ list, message: Object.values(result.fieldErrors ?? {}).flat()[0] ?? result.error });
    });
  return (
    <div className="grid gap-6 md:grid-cols-2" data-testid="allowlist">
      {LISTS.map(({ list, label, hint }) => (
        <section key={list} data-testid={`allowlist-${list}`}>
          <h3 className="text-sm font-semibold text-slate-800">{label}</h3>
          <ul className="my-2 flex flex-col gap-1 text-sm">
            {allowlist[list].length === 0 && <li className="text-slate-500">None.</li>}
            {allowlist[list].map((value) => (
              <li key={value} className="flex items-center gap-2" data-testid="allowlist-entry">
                <span className="font-mono">{value}</span>
                {names[value] && <span className="text-slate-600">{names[value]}</span>}
                {canEdit && (
                  <Button size="sm" variant="secondary" disabled={pending} onClick={() => edit(list, value, false)} aria-label={`Remove ${value} from ${label}`}>
                    Remove
                  </Button>
                )}
              </li>
            ))}
          </ul>
          {canEdit && (
            <form
              className="flex items-end gap-2"
              onSubmit={(e) => {
                e.preventDefault();
                edit(list, drafts[list] ?? '', true);
              }}
            >
              <Field label={`Add to ${label}`} htmlFor={`allowlist-${list}-value`} hint={hint} error={error?.list === list ? error.message : undefined}>
                <input id={`allowlist-${list}-value`} className={inputClass} value={drafts[list] ?? ''} onChange={(e) => setDrafts((d) => ({ ...d, [list]: e.target.value }))} />
              </Field>
              <Button size="sm" type="submit" disabled={pending}>
                Add
              </Button>
            </form>
          )}
          {error?.list === list && !canEdit && <Alert tone="error">{error.message}</Alert>}
        </section>
      ))}
    </div>
  );
}
