'use client';
// Step 1, "Specify resource share details": the sharing account (searchable, from the organization), the
// Region, the share's name, its resources and its tags.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Card, Field, inputClass } from '@/components/ui';
import { StepFooter, useAutosave, useStepSubmit, type SaveTyped } from '@/components/wizard';
import type { ResourceTypeInfo } from '@/lib/ram/resource-types';
import { CREATE_PATH, stepHref } from './href';
import { ResourcePicker, type ResourceView } from './ResourcePicker';
import type { AccountChoice, ActionResult, ListResources, PickedResource } from './types';

export interface DetailsValue {
  accountId: string;
  accountName: string;
  region: string;
  name: string;
  resources: PickedResource[];
  tags: { key: string; value: string }[];
  retainSharingOnAccountLeaveOrganization?: boolean;
}

export interface DetailsStepProps {
  /** None on a fresh wizard: the first save makes the draft. */
  draftId?: string;
  initial: DetailsValue;
  regions: string[];
  resourceTypes: ResourceTypeInfo[];
  /** Whether the console can list the organization (else only its own account can share). */
  canChooseAccount: boolean;
  searchAccounts: (query: string) => Promise<ActionResult<AccountChoice[]>>;
  listResources: ListResources;
  /** The resource picker's type and filter as last typed. */
  initialView?: ResourceView;
  saveTyped: SaveTyped<Omit<DetailsValue, 'accountName'> & { view?: ResourceView }>;
  save: (input: { draftId?: string; details: Omit<DetailsValue, 'accountName'> }) => Promise<ActionResult<string>>;
  /** Modifying a share: its account and Region are fixed, and retaining access on leave is as it was created. */
  modifying?: boolean;
  /** Where the wizard lives (create or modify). */
  path?: string;
}

export function DetailsStep({ draftId, initial, initialView, regions, resourceTypes, canChooseAccount, searchAccounts, listResources, saveTyped, save, modifying = false, path = CREATE_PATH }: DetailsStepProps) {
  const hrefOf = useCallback((id: string) => stepHref(id, 1, path), [path]);
  const [value, setValue] = useState(initial);
  const [view, setView] = useState(initialView);
  const details = useMemo(() => {
    const { accountName: _name, ...rest } = value;
    return rest;
  }, [value]);
  const typed = useMemo(() => ({ ...details, ...(view && { view }) }), [details, view]);
  const autosave = useAutosave(typed, saveTyped, hrefOf, draftId);
  const { submit, pending, error, errorsOf } = useStepSubmit(save, 'details');
  const set = (patch: Partial<DetailsValue>) => setValue((v) => ({ ...v, ...patch }));
  const accountLabel = value.accountName === value.accountId ? value.accountId : `${value.accountName} (${value.accountId})`;

  return (
    <form
      className="flex flex-col gap-6"
      onSubmit={(e) => {
        e.preventDefault();
        submit(async () => ({ draftId: await autosave.flush(), details }));
      }}
    >
      <Card title="Resource share">
        <div className="grid gap-4 md:grid-cols-2">
          <Field
            label="Sharing account"
            htmlFor="sharing-account"
            hint="The account that owns the resources: the console acts there through the member role."
            error={errorsOf('accountId')}
          >
            <AccountPicker
              value={{ id: value.accountId, name: value.accountName }}
              disabled={!canChooseAccount || modifying}
              search={searchAccounts}
              // Resources belong to their owner: another account starts an empty selection.
              onChange={(a) => set({ accountId: a.id, accountName: a.name, resources: a.id === value.accountId ? value.resources : [] })}
            />
          </Field>
          <Field
            label="Region"
            htmlFor="share-region"
            hint="A resource share lives in one Region; its principals use the resources there. Global resource types can only be shared from us-east-1."
            error={errorsOf('region')}
          >
            <select id="share-region" className={inputClass} value={value.region} disabled={modifying} onChange={(e) => set({ region: e.target.value, resources: [] })}>
              {regions.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </Field>
          <Field label="Name" htmlFor="share-name" hint="Required; at most 255 characters." error={errorsOf('name')}>
            <input id="share-name" className={inputClass} value={value.name} maxLength={300} aria-invalid={errorsOf('name').length > 0} onChange={(e) => set({ name: e.target.value })} />
          </Field>
        </div>
        <div className="mt-4" data-testid="retain-on-leave">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input
              type="checkbox"
              checked={value.retainSharingOnAccountLeaveOrganization ?? false}
              disabled={modifying}
              aria-describedby="retain-note"
              onChange={(e) => set({ retainSharingOnAccountLeaveOrganization: e.target.checked })}
            />
            Retain access when an account leaves the organization
          </label>
          <p id="retain-note" className="mt-1 max-w-3xl text-xs text-slate-600">
            {modifying ? 'Set when the share was created: RAM’s UpdateResourceShare cannot change it (create a new share to change it). ' : ''}
            When on, an account that leaves the organization keeps the resources it received through the organization, an OU or as a member account, and
            becomes a principal outside the organization in this share. When off (RAM’s default), it loses them when it leaves. It can be set only when the
            share is created; accounts that accepted an invitation keep access either way.
          </p>
        </div>
      </Card>
      <Card title="Resources">
        <ResourcePicker
          accountId={value.accountId}
          accountLabel={accountLabel}
          region={value.region}
          resourceTypes={resourceTypes}
          listResources={listResources}
          selected={value.resources}
          onChange={(resources) => set({ resources })}
          initialView={initialView}
          onViewChange={setView}
          error={errorsOf('resources')}
        />
      </Card>
      <Card title="Tags">
        <TagsEditor tags={value.tags} onChange={(tags) => set({ tags })} errorsOf={errorsOf} />
      </Card>
      <StepFooter error={error} pending={pending} autosave={autosave} />
    </form>
  );
}

function AccountPicker({
  value,
  disabled,
  search,
  onChange,
}: {
  value: { id: string; name: string };
  disabled: boolean;
  search: DetailsStepProps['searchAccounts'];
  onChange(account: AccountChoice): void;
}) {
  const [query, setQuery] = useState('');
  const [found, setHits] = useState<AccountChoice[]>();
  const [error, setError] = useState<string>();
  // Hits of an earlier query are not shown once the box is empty.
  const hits = query.trim() ? found : undefined;
  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let current = true;
    const timer = setTimeout(() => {
      search(q).then((r) => {
        if (!current) return;
        setHits(r.ok ? r.data : []);
        setError(r.ok ? undefined : r.error);
      });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, search]);
  return (
    <div className="relative flex flex-col gap-1">
      <p className="text-sm" data-testid="sharing-account">
        <span className="font-medium">{value.name}</span> <span className="font-mono text-xs text-slate-500">{value.id}</span>
      </p>
      {!disabled && (
        <input
          id="sharing-account"
          type="search"
          role="combobox"
          aria-expanded={!!hits}
          aria-controls="sharing-account-hits"
          className={inputClass}
          placeholder="Search accounts by name or ID to change"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      )}
      {error && <p className="text-xs text-red-700">{error}</p>}
      {hits && (
        <ul id="sharing-account-hits" role="listbox" aria-label="Accounts" className="absolute top-full z-10 mt-1 max-h-64 w-full overflow-auto rounded border border-slate-200 bg-white shadow-lg">
          {hits.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">No account matches.</li>}
          {hits.map((a) => (
            <li
              key={a.id}
              role="option"
              aria-selected={a.id === value.id}
              className="cursor-pointer px-3 py-2 text-sm hover:bg-sky-50"
              onClick={() => {
                onChange(a);
                setQuery('');
              }}
            >
              <span className="font-medium">{a.name}</span> <code className="text-xs text-slate-500">{a.id}</code>
              <span className="block text-xs text-slate-500">{a.path}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const MAX_TAGS = 50;

function TagsEditor({ tags, onChange, errorsOf }: { tags: DetailsValue['tags']; onChange(tags: DetailsValue['tags']): void; errorsOf(field: string): string[] }) {
  const update = (i: number, patch: Partial<DetailsValue['tags'][number]>) => onChange(tags.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const listErrors = errorsOf('tags').filter((m) => !tags.some((_, i) => errorsOf(`tags.${i}`).includes(m)));
  return (
    <div className="flex flex-col gap-2" data-testid="tags">
      <p className="text-xs text-slate-500">At most {MAX_TAGS} tags; keys up to 128 characters (not starting with aws:), values up to 256.</p>
      {tags.map((t, i) => (
        <div key={i} className="flex flex-wrap items-start gap-2">
          <Field label={`Tag ${i + 1} key`} htmlFor={`tag-key-${i}`} error={errorsOf(`tags.${i}.key`)}>
            <input id={`tag-key-${i}`} className={inputClass} value={t.key} onChange={(e) => update(i, { key: e.target.value })} />
          </Field>
          <Field label={`Tag ${i + 1} value`} htmlFor={`tag-value-${i}`} error={errorsOf(`tags.${i}.value`)}>
            <input id={`tag-value-${i}`} className={inputClass} value={t.value} onChange={(e) => update(i, { value: e.target.value })} />
          </Field>
          <Button size="sm" variant="secondary" className="mt-6" onClick={() => onChange(tags.filter((_, j) => j !== i))}>
            Remove tag
          </Button>
        </div>
      ))}
      <div>
        <Button size="sm" variant="secondary" disabled={tags.length >= MAX_TAGS} onClick={() => onChange([...tags, { key: '', value: '' }])}>
          Add tag
        </Button>
      </div>
      {listErrors.length > 0 && (
        <p role="alert" className="text-xs text-red-700">
          {listErrors.join(' ')}
        </p>
      )}
    </div>
  );
}
