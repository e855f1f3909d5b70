'use client';
// Step "who": the source account (by name or ID) and the principal there — the whole account, or a user or
// role found by name across the organization's accounts (or in the chosen one), or typed as an ARN for an
// account outside the organization.
import { useEffect, useState } from 'react';
import { Card, Field, inputClass } from '@/components/ui';
import { StepFooter, useAutosave, useStepSubmit, type SaveTyped } from '@/components/wizard';
import type { ActionResult } from '@/lib/server-actions';
import type { PrincipalSearch } from '@/lib/iam/principal-search';
import type { AccountResolution, TypedRoleStep } from '@/lib/iam/wizard';
import { roleStepHref } from '@/lib/iam/wizard-steps';
import { AccountField, type ResolveAccount } from './AccountField';

type Who = TypedRoleStep<'who'>;

export interface WhoStepProps {
  draftId?: string;
  initial: Who;
  resolveAccount: ResolveAccount;
  searchPrincipals: (input: { account: string; query: string }) => Promise<ActionResult<PrincipalSearch>>;
  saveTyped: SaveTyped<Who>;
  save: (input: { draftId?: string; who: Who }) => Promise<ActionResult<string>>;
}

const hrefOf = (draftId: string) => roleStepHref(draftId, 'who');

export function WhoStep({ draftId, initial, resolveAccount, searchPrincipals, saveTyped, save }: WhoStepProps) {
  const [value, setValue] = useState(initial);
  const [resolution, setResolution] = useState<AccountResolution>();
  const [found, setFound] = useState<{ search?: PrincipalSearch; error?: string }>({});
  const autosave = useAutosave(value, saveTyped, hrefOf, draftId);
  const { submit, pending, error, errorsOf } = useStepSubmit(save, 'who');
  const set = (patch: Partial<Who>) => setValue((v) => ({ ...v, ...patch }));
  const outside = resolution?.ok && !resolution.inOrganization;
  // Search the chosen account of the organization, or every account while none is chosen.
  const scope = resolution?.ok && resolution.inOrganization ? resolution.account.id : value.account.trim() ? undefined : '';

  useEffect(() => {
    if (scope === undefined) return;
    let current = true;
    const timer = setTimeout(async () => {
      const r = await searchPrincipals({ account: scope, query: value.query });
      if (current) setFound(r.ok ? { search: r.data } : { error: r.error });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [scope, value.query, searchPrincipals]);

  // Results of an earlier scope are not shown once the scope is gone.
  const results = scope === undefined ? {} : found;
  const search = results.search;
  const arn = value.principal !== 'account' ? value.principal : '';
  return (
    <form
      className="flex flex-col gap-4"
      data-testid="step-who"
      onSubmit={(e) => {
        e.preventDefault();
        submit(async () => ({ draftId: await autosave.flush(), who: value }));
      }}
    >
      <Card>
        <div className="flex flex-col gap-4">
          <AccountField label="Source account" value={value.account} onChange={(account) => set({ account })} onResolved={setResolution} resolve={resolveAccount} error={errorsOf('account')} />
          <fieldset className="flex flex-col gap-2 text-sm">
            <legend className="mb-1 font-medium text-slate-800">Source principal</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="principal" checked={value.principal === 'account'} onChange={() => set({ principal: 'account' })} /> The whole account (any principal there whose own
              policies allow it)
            </label>
            {outside ? (
              <Field label="User or role ARN" htmlFor="principal-arn" hint="The account is outside the organization: the console cannot list its users and roles.">
                <input
                  id="principal-arn"
                  className={inputClass}
                  value={arn}
                  placeholder={resolution?.ok ? `arn:aws:iam::${resolution.account.id}:user/NAME` : undefined}
                  onChange={(e) => set({ principal: e.target.value })}
                />
              </Field>
            ) : (
              <>
                <Field
                  label="Search users and roles"
                  htmlFor="principal-query"
                  hint={scope ? 'Users and roles of the source account whose name contains this.' : "Users and roles of the organization's accounts whose name contains this."}
                >
                  <input id="principal-query" type="search" className={inputClass} value={value.query} onChange={(e) => set({ query: e.target.value })} />
                </Field>
                {results.error && <p className="text-xs text-red-700">{results.error}</p>}
                {search && (
                  <div className="flex flex-col gap-1" data-testid="principal-hits">
                    {search.hits.map((p) => (
                      <div key={p.arn} className="flex flex-wrap items-center gap-2">
                        <label className="flex items-center gap-2">
                          <input
                            type="radio"
                            name="principal"
                            checked={value.principal === p.arn}
                            // The principal names its account: the source account follows it.
                            onChange={() => set({ principal: p.arn, account: resolution?.ok && resolution.account.id === p.accountId ? value.account : p.accountId })}
                          />
                          {`${p.kind} ${p.name}`}
                        </label>
                        <span className="text-xs text-slate-600">in {p.accountName}</span>
                        <span className="font-mono text-xs text-slate-500">{p.arn}</span>
                      </div>
                    ))}
                    <p className="text-xs text-slate-500">
                      {search.hits.length === 0 ? 'No user or role matches. ' : ''}
                      {search.truncated ? `The first ${search.hits.length} matches; type more of the name. ` : ''}
                      {search.searched < search.total ? `Searched ${search.searched} of ${search.total} accounts: choose the account to search it. ` : ''}
                      {search.failed.length ? `${search.failed.length} account(s) could not be read: ${search.failed.map((f) => `${f.accountId}: ${f.error}`).join('; ')}` : ''}
                    </p>
                  </div>
                )}
              </>
            )}
            {errorsOf('principal').length > 0 && (
              <p role="alert" className="text-xs text-red-700">
                {errorsOf('principal').join(' ')}
              </p>
            )}
          </fieldset>
        </div>
      </Card>
      <StepFooter error={error} pending={pending} autosave={autosave} />
    </form>
  );
}
