'use client';
// Filters and search for the organization's shares, kept in the URL (shareable, back-button safe); the
// server filters the snapshot, so thousands of shares never travel to the browser.
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { inputClass } from '@/components/ui';
import { filterQuery, type FilterOptions, type ShareFilters as Filters } from '@/lib/ram/share-list';

export function ShareFilters({ filters, options }: { filters: Filters; options: FilterOptions }) {
  const router = useRouter();
  const pathname = usePathname();
  const [q, setQ] = useState(filters.q ?? '');
  const go = (change: Partial<Filters>) => router.replace(`${pathname}${filterQuery({ ...filters, page: 1, ...change })}`, { scroll: false });

  useEffect(() => {
    if (q === (filters.q ?? '')) return;
    const timer = setTimeout(() => go({ q: q || undefined }), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const select = (label: string, key: 'owner' | 'region' | 'status' | 'type', values: { value: string; label: string }[]) => (
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
      {select('Owner account', 'owner', options.owners.map((o) => ({ value: o.id, label: o.name ? `${o.name} (${o.id})` : o.id })))}
      {select('Region', 'region', plain(options.regions))}
      {select('Status', 'status', plain(options.statuses))}
      {select('Resource type', 'type', plain(options.types))}
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        Principal
        <input className={inputClass} defaultValue={filters.principal ?? ''} placeholder="Account, OU or ARN" onBlur={(e) => e.target.value !== (filters.principal ?? '') && go({ principal: e.target.value.trim() || undefined })} />
      </label>
      <label className="flex items-center gap-2 pb-1 text-sm">
        <input type="checkbox" checked={filters.external} onChange={(e) => go({ external: e.target.checked })} />
        External principals only
      </label>
    </div>
  );
}
