'use client';
// Picks the resources of a share: a resource type, then the owner's resources of that type in the Region
// (listed on the server from their own service), filtered and paged, with checkboxes; the selection, of any
// types, in its own list with remove. Reusable wherever a share's resources are chosen.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Cell, Field, inputClass, Table } from '@/components/ui';
import type { ResourceTypeInfo } from '@/lib/ram/resource-types';
import type { ListResources, PickedResource, ResourceListing } from './types';

const PAGE_SIZE = 20;

export interface ResourcePickerProps {
  accountId: string;
  accountLabel: string;
  region: string;
  resourceTypes: ResourceTypeInfo[];
  listResources: ListResources;
  selected: PickedResource[];
  onChange(next: PickedResource[]): void;
  error?: string | string[];
  /** ARNs already in the share (a share's page): shown as such, not offered again. */
  held?: string[];
  /** The type and filter shown first (a wizard draft keeps them), and told when they change. */
  initialView?: ResourceView;
  onViewChange?(view: ResourceView): void;
}

export interface ResourceView {
  resourceType: string;
  filter: string;
}

type Listing = { state: 'loading' } | { state: 'error'; error: string } | { state: 'ready'; data: ResourceListing };

export function ResourcePicker({ accountId, accountLabel, region, resourceTypes, listResources, selected, onChange, error, held = [], initialView, onViewChange }: ResourcePickerProps) {
  const [resourceType, setType] = useState(
    initialView?.resourceType || (selected[0]?.resourceType ?? resourceTypes.find((t) => t.resourceType === 'ec2:Subnet')?.resourceType ?? resourceTypes[0]?.resourceType ?? ''),
  );
  // What was listed is kept with the account, Region and type it was listed for: another choice shows loading.
  const listed = `${accountId}|${region}|${resourceType}`;
  const [fetched, setFetched] = useState<{ for: string; listing: Listing }>();
  const listing: Listing = fetched?.for === listed ? fetched.listing : { state: 'loading' };
  const [filter, setFilterText] = useState(initialView?.filter ?? '');
  const [paging, setPaging] = useState({ for: listed, page: 0 });
  const page = paging.for === listed ? paging.page : 0;
  const setPage = (next: number) => setPaging({ for: listed, page: next });
  const setResourceType = (next: string) => {
    setType(next);
    onViewChange?.({ resourceType: next, filter });
  };
  const setFilter = (next: string) => {
    setFilterText(next);
    onViewChange?.({ resourceType, filter: next });
  };

  useEffect(() => {
    if (!resourceType || !/^\d{12}$/.test(accountId)) return;
    let current = true;
    const key = `${accountId}|${region}|${resourceType}`;
    listResources({ accountId, region, resourceType }).then(
      (r) => current && setFetched({ for: key, listing: r.ok ? { state: 'ready', data: r.data } : { state: 'error', error: r.error } }),
      (e: unknown) => current && setFetched({ for: key, listing: { state: 'error', error: String((e as Error)?.message ?? e) } }),
    );
    return () => {
      current = false;
    };
  }, [accountId, region, resourceType, listResources]);

  const info = resourceTypes.find((t) => t.resourceType === resourceType);
  const all = useMemo(() => (fetched?.for === listed && fetched.listing.state === 'ready' ? fetched.listing.data.resources : []), [fetched, listed]);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!q) return all;
    return all.filter((r) => [r.name ?? '', r.id, ...r.details.map((d) => d.value)].some((v) => v.toLowerCase().includes(q)));
  }, [all, filter]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const rows = shown.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const chosen = new Set(selected.map((r) => r.arn));
  const columns = all[0]?.details.map((d) => d.label) ?? [];

  const toggle = (r: PickedResource) =>
    onChange(chosen.has(r.arn) ? selected.filter((s) => s.arn !== r.arn) : [...selected, { arn: r.arn, id: r.id, name: r.name, resourceType: r.resourceType }]);

  return (
    <div className="flex flex-col gap-3" data-testid="resource-picker">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Resource type" htmlFor="resource-type">
          <select id="resource-type" className={inputClass} value={resourceType} onChange={(e) => setResourceType(e.target.value)}>
            {resourceTypes.map((t) => (
              <option key={t.resourceType} value={t.resourceType}>
                {t.label} ({t.resourceType})
              </option>
            ))}
          </select>
        </Field>
        <Field label="Filter" htmlFor="resource-filter">
          <input
            id="resource-filter"
            type="search"
            className={inputClass}
            placeholder="Name, ID, CIDR, zone…"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              setPage(0);
            }}
          />
        </Field>
      </div>
      {info?.regionScope === 'GLOBAL' && region !== 'us-east-1' && (
        <Alert tone="warning">{info.label} is a global resource type: it can only be shared from us-east-1.</Alert>
      )}
      {listing.state === 'loading' && <p className="text-sm text-slate-500" role="status">Listing the {info?.label.toLowerCase() ?? 'resources'} {accountLabel} owns in {region}…</p>}
      {listing.state === 'error' && <Alert tone="error">{listing.error}</Alert>}
      {listing.state === 'ready' && all.length === 0 && (
        <p className="text-sm text-slate-600" data-testid="no-resources">
          {accountLabel} owns no {info?.label.toLowerCase() ?? 'resources'} in {region}.
          {listing.data.notOwned > 0 &&
            ` It sees ${listing.data.notOwned} that other accounts share with it: only a resource's owner can share it, so they are not offered.`}
        </p>
      )}
      {listing.state === 'ready' && all.length > 0 && (
        <>
          <Table columns={['', 'Name', 'ID', ...columns]} testId="resource-table">
            {rows.map((r) => (
              <tr key={r.arn} data-testid="resource-row" data-name={r.name} data-held={held.includes(r.arn) || undefined}>
                <Cell>
                  <input
                    type="checkbox"
                    aria-label={`Select ${r.name ?? r.id}`}
                    checked={held.includes(r.arn) || chosen.has(r.arn)}
                    disabled={held.includes(r.arn)}
                    onChange={() => toggle(r)}
                  />
                </Cell>
                <Cell>
                  {r.name ?? '—'}
                  {held.includes(r.arn) && (
                    <span className="ml-2">
                      <Badge tone="sky">In the share</Badge>
                    </span>
                  )}
                </Cell>
                <Cell mono>{r.id}</Cell>
                {columns.map((c) => (
                  <Cell key={c}>{r.details.find((d) => d.label === c)?.value ?? '—'}</Cell>
                ))}
              </tr>
            ))}
          </Table>
          <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
            <span>
              {shown.length} of {all.length} shown
              {listing.data.notOwned > 0 && ` (${listing.data.notOwned} shared with this account are left out: only the owner can share them)`}
            </span>
            <Button size="sm" variant="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
              Previous
            </Button>
            <span>
              Page {page + 1} of {pages}
            </span>
            <Button size="sm" variant="secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
              Next page
            </Button>
          </div>
        </>
      )}
      <section aria-label="Selected resources" data-testid="selected-resources">
        <h3 className="mb-1 text-sm font-semibold text-slate-800">Selected resources ({selected.length})</h3>
        {selected.length === 0 ? (
          <p className="text-sm text-slate-500">None yet.</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm">
            {selected.map((r) => (
              <li key={r.arn} className="flex flex-wrap items-center gap-2 [overflow-wrap:anywhere]" data-testid="selected-resource">
                <span className="font-medium">{r.name ?? r.id}</span>
                <span className="font-mono text-xs text-slate-500">{r.id}</span>
                <span className="text-xs text-slate-500">{r.resourceType}</span>
                <Button size="sm" variant="secondary" aria-label={`Remove ${r.name ?? r.id}`} onClick={() => onChange(selected.filter((s) => s.arn !== r.arn))}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {Array.isArray(error) ? error.join(' ') : error}
          </p>
        )}
      </section>
    </div>
  );
}
