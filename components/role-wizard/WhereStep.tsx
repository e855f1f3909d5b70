'use client';
// Step "where": the destination account (by name or ID) and the role there — a new one (name, path,
// description, managed policies, session length) or an existing one with its trust policy shown. Switching
// between them shows the other's fields at once. More accounts, or OUs, may follow: the same role in each.
import { useEffect, useRef, useState } from 'react';
import { Alert, Card, Field, inputClass } from '@/components/ui';
import { StepFooter, useAutosave, useStepSubmit, type SaveTyped } from '@/components/wizard';
import type { ActionResult } from '@/lib/server-actions';
import type { AccountResolution, TypedRoleStep } from '@/lib/iam/wizard';
import { roleStepHref } from '@/lib/iam/wizard-steps';
import { AccountField, type ResolveAccount } from './AccountField';

type Where = TypedRoleStep<'where'>;
type Listed<T> = { state: 'idle' | 'loading' } | { state: 'ready'; data: T } | { state: 'error'; error: string };

export interface WhereStepProps {
  draftId: string;
  initial: Where;
  resolveAccount: ResolveAccount;
  listRoles: (input: { account: string }) => Promise<ActionResult<{ name: string; arn: string; trust: string }[]>>;
  searchPolicies: (input: { account: string; query: string }) => Promise<ActionResult<{ name: string; arn: string }[]>>;
  saveTyped: SaveTyped<Where>;
  save: (input: { draftId: string; where: Where }) => Promise<ActionResult<string>>;
}

const hrefOf = (draftId: string) => roleStepHref(draftId, 'where');

/** A server read that follows `key` (debounced; none while undefined), the latest answer winning. */
function useRead<T>(key: string | undefined, read: () => Promise<ActionResult<T>>): Listed<T> {
  const [listed, setListed] = useState<{ key?: string; listed: Listed<T> }>({ listed: { state: 'idle' } });
  const latest = useRef(read);
  useEffect(() => {
    latest.current = read;
  });
  useEffect(() => {
    if (key === undefined) return;
    let current = true;
    const timer = setTimeout(async () => {
      const r = await latest.current();
      if (current) setListed({ key, listed: r.ok ? { state: 'ready', data: r.data } : { state: 'error', error: r.error } });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  if (key === undefined) return { state: 'idle' };
  return listed.key === key ? listed.listed : { state: 'loading' };
}

export function WhereStep({ draftId, initial, resolveAccount, listRoles, searchPolicies, saveTyped, save }: WhereStepProps) {
  const [value, setValue] = useState(initial);
  const [resolution, setResolution] = useState<AccountResolution>();
  const autosave = useAutosave(value, saveTyped, hrefOf, draftId);
  const { submit, pending, error, errorsOf } = useStepSubmit(save, 'where');
  const set = (patch: Partial<Where>) => setValue((v) => ({ ...v, ...patch }));
  const account = resolution?.ok && resolution.inOrganization ? resolution.account.id : undefined;
  const roles = useRead(account && value.roleKind === 'existing' ? account : undefined, () => listRoles({ account: account! }));
  const policyKey = account && value.roleKind === 'new' && value.policyQuery.trim() ? JSON.stringify([account, value.policyQuery]) : undefined;
  const policies = useRead(policyKey, () => searchPolicies({ account: account!, query: value.policyQuery }));
  const fieldError = (field: string) => {
    const messages = errorsOf(field);
    return messages.length ? messages : undefined;
  };
  const togglePolicy = (arn: string, on: boolean) => set({ policies: on ? [...value.policies, arn] : value.policies.filter((p) => p !== arn) });
  const shownPolicies = [
    ...value.policies.map((arn) => ({ arn, name: arn.split('/').pop()! })),
    ...(policies.state === 'ready' ? policies.data.filter((p) => !value.policies.includes(p.arn)) : []),
  ];

  return (
    <form
      className="flex flex-col gap-4"
      data-testid="step-where"
      onSubmit={(e) => {
        e.preventDefault();
        submit(async () => ({ draftId: (await autosave.flush()) ?? draftId, where: value }));
      }}
    >
      <Card>
        <div className="flex flex-col gap-4">
          <AccountField label="Destination account" value={value.account} onChange={(a) => set({ account: a })} onResolved={setResolution} resolve={resolveAccount} error={fieldError('account')} />
          {resolution?.ok && !resolution.inOrganization && <Alert tone="warning">The console can make or change roles only in the organization&apos;s accounts.</Alert>}
          <Field
            label="Also in these accounts or OUs (optional)"
            htmlFor="also"
            hint="One a line: an account's name or ID, or an OU (its ou-… ID or its name: every account under it now). One plan, with each account's steps independent, covers them all; the role is the same in each."
            error={fieldError('also')}
          >
            <textarea id="also" data-testid="also" className={`${inputClass} font-mono`} rows={3} value={value.also ?? ''} onChange={(e) => set({ also: e.target.value })} />
          </Field>
          <fieldset className="flex gap-4 text-sm">
            <legend className="mb-1 font-medium text-slate-800">Role</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="role-kind" checked={value.roleKind === 'new'} onChange={() => set({ roleKind: 'new' })} /> New role
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="role-kind" checked={value.roleKind === 'existing'} onChange={() => set({ roleKind: 'existing' })} /> Existing role
            </label>
          </fieldset>
          {value.roleKind === 'existing' ? (
            <fieldset className="flex flex-col gap-2 text-sm" data-testid="existing-roles">
              <legend className="mb-1 font-medium text-slate-800">Existing role</legend>
              {!account && <p className="text-slate-500">Choose the destination account to list its roles.</p>}
              {roles.state === 'loading' && <p className="text-slate-500" role="status">Listing the account&apos;s roles…</p>}
              {roles.state === 'error' && <Alert tone="error">{roles.error}</Alert>}
              {roles.state === 'ready' &&
                roles.data.map((r) => (
                  <div key={r.arn}>
                    <label className="flex items-center gap-2">
                      <input type="radio" name="existing-role" checked={value.existingRole === r.name} onChange={() => set({ existingRole: r.name })} /> {r.name}
                    </label>
                    <details className="ml-6">
                      <summary className="cursor-pointer text-xs text-slate-600">Current trust policy</summary>
                      <pre className="mt-1 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs">{r.trust}</pre>
                    </details>
                  </div>
                ))}
              {fieldError('existingRole') && (
                <p role="alert" className="text-xs text-red-700">
                  {errorsOf('existingRole').join(' ')}
                </p>
              )}
            </fieldset>
          ) : (
            <div className="grid gap-4 md:grid-cols-2">
              <Field label="Role name" htmlFor="role-name" hint="Up to 64 letters, digits and + = , . @ _ -" error={fieldError('roleName')}>
                <input id="role-name" className={inputClass} value={value.roleName} aria-invalid={!!fieldError('roleName')} onChange={(e) => set({ roleName: e.target.value })} />
              </Field>
              <Field label="Path" htmlFor="role-path" hint="/ or /teams/payments/" error={fieldError('path')}>
                <input id="role-path" className={inputClass} value={value.path} onChange={(e) => set({ path: e.target.value })} />
              </Field>
              <Field label="Description" htmlFor="role-description" error={fieldError('description')}>
                <input id="role-description" className={inputClass} value={value.description} onChange={(e) => set({ description: e.target.value })} />
              </Field>
              <Field label="Maximum session duration (hours)" htmlFor="role-hours">
                <select id="role-hours" className={inputClass} value={value.maxSessionHours} onChange={(e) => set({ maxSessionHours: Number(e.target.value) })}>
                  {Array.from({ length: 12 }, (_, i) => (
                    <option key={i + 1} value={i + 1}>
                      {i + 1}
                    </option>
                  ))}
                </select>
              </Field>
              <fieldset className="flex flex-col gap-2 text-sm md:col-span-2">
                <legend className="mb-1 font-medium text-slate-800">Permissions (managed policies)</legend>
                <Field label="Search policies by name" htmlFor="policy-query" hint="AWS managed and this account's customer managed policies.">
                  <input id="policy-query" type="search" className={inputClass} value={value.policyQuery} onChange={(e) => set({ policyQuery: e.target.value })} />
                </Field>
                {policies.state === 'error' && <Alert tone="error">{policies.error}</Alert>}
                {shownPolicies.map((p) => (
                  <div key={p.arn} className="flex items-center gap-2">
                    <label className="flex items-center gap-2">
                      <input type="checkbox" checked={value.policies.includes(p.arn)} onChange={(e) => togglePolicy(p.arn, e.target.checked)} /> {p.name}
                    </label>
                    <span className="font-mono text-xs text-slate-500">{p.arn}</span>
                  </div>
                ))}
                {fieldError('policies') && (
                  <p role="alert" className="text-xs text-red-700">
                    {errorsOf('policies').join(' ')}
                  </p>
                )}
              </fieldset>
            </div>
          )}
        </div>
      </Card>
      <StepFooter error={error} pending={pending} autosave={autosave} backHref={roleStepHref(draftId, 'who')} />
    </form>
  );
}
