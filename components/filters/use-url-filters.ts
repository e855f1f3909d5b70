'use client';
// A list's filters kept in the URL (shareable, back-button safe): a change replaces the URL at page 1, and the
// search box follows typing after a pause, so the server filters once per word, not per key.
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useEffectEvent, useState } from 'react';
import { listQuery } from '@/lib/paging';

/** `query`: the filters as the URL's query (a list with a default tab leaves it out). */
export function useUrlFilters<F extends { q?: string; page?: number }>(filters: F, query: (filters: F) => string = listQuery) {
  const router = useRouter();
  const pathname = usePathname();
  const [q, setQ] = useState(filters.q ?? '');
  const go = (change: Partial<F>) => router.replace(`${pathname}${query({ ...filters, page: 1, ...change })}`, { scroll: false });

  // The latest filters when the pause ends, not those of the keystroke that started it.
  const search = useEffectEvent((value: string) => go({ q: value || undefined } as Partial<F>));
  const shown = filters.q ?? '';
  useEffect(() => {
    if (q === shown) return;
    const timer = setTimeout(() => search(q), 250);
    return () => clearTimeout(timer);
  }, [q, shown]);

  return { q, setQ, go };
}
