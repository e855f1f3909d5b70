'use client';
// Filters and search for the organization's shares, kept in the URL (shareable, back-button safe); the
// server filters the snapshot, so thousands of shares never travel to the browser.
import { useUrlFilters } from '@/components/filters/use-url-filters';
import { inputClass } from '@/components/ui';
import { filterQuery, type FilterOptions, type ShareFilters as Filters } from '@/lib/ram/share-list';

export function ShareFilters({ filters, options }: { filters: Filters; options: FilterOptions }) {
  const { q, setQ, go } = useUrlFilters(filters, filterQuery);

  // Free text for values with too many choices for a list (thousands of owning accounts, principals).
  const text = (label: string, key: 'owner' | 'principal', placeholder: string) => (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      <input
        className={inputClass}
        defaultValue={filters[key] ?? ''}
        placeholder={placeholder}
        onBlur={(e) => e.target.value.trim() !== (filters[key] ?? '') && go({ [key]: e.target.value.trim() || undefined })}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
    </label>
  );
  const select = (label: string, key: 'region' | 'status' | 'type', values: { value: string; label: string }[]) => (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      <select className={inputClass} value={filters[key] ?? ''} onChange={(e) => go({ [key]: e.target.value || undefined })}>
        <option value="">All</option>
        {values.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label}
          </option>
        ))}
      </select>
    </label>
  );
  const plain = (values: string[]) => values.map((v) => ({ value: v, label: v }));
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3" data-testid="share-filters">
      <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs text-slate-600">
        Search
        <input className={inputClass} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name, ARN, account, principal, tag" />
      </label>
      {text('Owner account', 'owner', '12-digit account ID')}
      {select('Region', 'region', plain(options.regions))}
      {select('Status', 'status', plain(options.statuses))}
      {select('Resource type', 'type', plain(options.types))}
      {text('Principal', 'principal', 'Account, OU or ARN')}
      <label className="flex items-center gap-2 pb-1 text-sm">
        <input type="checkbox" checked={filters.external} onChange={(e) => go({ external: e.target.checked })} />
        External principals only
      </label>
    </div>
  );
}
