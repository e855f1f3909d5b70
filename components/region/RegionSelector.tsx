'use client';
// The header's Region selector: remembers the choice in a cookie and re-renders the page for it.
import { useTransition } from 'react';
import { chooseRegion } from './actions';

export function RegionSelector({ region, regions }: { region: string; regions: string[] }) {
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-xs text-slate-500">
      Region
      <select
        aria-label="Region"
        className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
        value={region}
        disabled={pending}
        onChange={(event) => {
          const value = event.target.value;
          startTransition(() => chooseRegion(value));
        }}
      >
        {regions.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </label>
  );
}
