'use client';
// The inbox's filters and search, kept in the URL (shareable, back-button safe); the server filters the reading.
import { useUrlFilters } from '@/components/filters/use-url-filters';
import { inputClass } from '@/components/ui';
import type { InvitationFilters as Filters } from '@/lib/ram/invitation-list';

const STATUSES = ['PENDING', 'EXPIRED', 'ACCEPTED', 'REJECTED'];

export function InvitationFilters({ filters, regions }: { filters: Filters; regions: string[] }) {
  const { q, setQ, go } = useUrlFilters(filters);

  // Account IDs typed, not picked: 10,000 accounts make no list.
  const account = (label: string, key: 'receiver' | 'sender') => (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      <input
        className={inputClass}
        defaultValue={filters[key] ?? ''}
        key={filters[key] ?? ''}
        placeholder="12-digit account ID"
        onBlur={(e) => e.target.value.trim() !== (filters[key] ?? '') && go({ [key]: e.target.value.trim() || undefined })}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
    </label>
  );
  const select = (label: string, key: 'status' | 'region', values: string[]) => (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      <select className={inputClass} value={filters[key] ?? ''} onChange={(e) => go({ [key]: e.target.value || undefined })}>
        <option value="">All</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3" data-testid="invitation-filters">
      <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs text-slate-600">
        Search
        <input className={inputClass} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Share, account, sender, ARN" />
      </label>
      {account('Receiving account', 'receiver')}
      {account('Sender', 'sender')}
      {select('Status', 'status', STATUSES)}
      {select('Region', 'region', regions)}
    </div>
  );
}
