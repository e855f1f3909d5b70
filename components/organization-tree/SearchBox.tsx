'use client';
// Search by account name, ID, email or OU name; each hit under its full path (equal OU names are
// told apart by it); choosing a hit jumps to it in the tree.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { OrgNodeView } from '@/lib/organizations/types';
import type { OrganizationActions, SearchHits } from './types';

export interface SearchBoxProps {
  search: OrganizationActions['search'];
  onChoose(node: OrgNodeView): void;
}

const DEBOUNCE_MS = 150;
const INCOMPLETE_RETRY_MS = 2_000;

export function SearchBox({ search, onChoose }: SearchBoxProps) {
  const [query, setQueryText] = useState('');
  const setQuery = (text: string) => {
    setRetry(0);
    setQueryText(text);
  };
  const [answer, setResult] = useState<{ query: string; hits?: SearchHits; error?: string }>();
  const [active, setActive] = useState(0);
  // Bumped to search again while the organization is still loading.
  const [retry, setRetry] = useState(0);
  const listId = useId();
  const latest = useRef('');

  useEffect(() => {
    const q = query.trim();
    latest.current = q;
    if (!q) return;
    let again: ReturnType<typeof setTimeout> | undefined;
    const timer = setTimeout(() => {
      search(q).then(
        (r) => {
          if (latest.current !== q) return;
          setResult(r.ok ? { query: q, hits: r.data } : { query: q, error: r.error });
          if (retry === 0) setActive(0);
          if (r.ok && !r.data.complete) again = setTimeout(() => setRetry((n) => n + 1), INCOMPLETE_RETRY_MS);
        },
        (e: unknown) => latest.current === q && setResult({ query: q, error: String((e as Error)?.message ?? e) }),
      );
    }, retry === 0 ? DEBOUNCE_MS : 0);
    return () => {
      clearTimeout(timer);
      clearTimeout(again);
    };
  }, [query, search, retry]);

  // An emptied box shows no answer, whatever the last search found.
  const result = query.trim() ? answer : undefined;
  const hits = result?.hits?.hits ?? [];
  const choose = (node: OrgNodeView) => {
    onChoose(node);
    setQuery('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter' && hits[active]) choose(hits[active]);
    else if (event.key === 'Escape') setQuery('');
    else return;
    event.preventDefault();
  };

  return (
    <div role="search" className="relative">
      <input
        type="search"
        role="combobox"
        aria-label="Search accounts and OUs"
        aria-expanded={!!result}
        aria-controls={listId}
        aria-activedescendant={hits[active] ? `${listId}-${hits[active].id}` : undefined}
        placeholder="Search by account name, ID, email or OU name"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        className="w-full rounded border border-slate-300 px-3 py-2 text-sm"
      />
      {result && (
        <div className="absolute z-10 mt-1 max-h-96 w-full overflow-auto rounded border border-slate-200 bg-white shadow-lg">
          {result.error ? (
            <p role="alert" className="p-3 text-sm text-red-700">{result.error}</p>
          ) : (
            <>
              <p className="border-b border-slate-100 px-3 py-1 text-xs text-slate-500" aria-live="polite">
                {result.hits!.total === 0 ? 'No matches' : `${result.hits!.total} match${result.hits!.total === 1 ? '' : 'es'}`}
                {result.hits!.total > hits.length ? `, first ${hits.length} shown` : ''}
                {!result.hits!.complete && ' — the organization is still loading, results may be incomplete'}
              </p>
              <ul id={listId} role="listbox" aria-label="Search results">
                {hits.map((hit, i) => (
                  <li
                    key={hit.id}
                    id={`${listId}-${hit.id}`}
                    role="option"
                    aria-selected={i === active}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => choose(hit)}
                    className={`cursor-pointer px-3 py-2 text-sm ${i === active ? 'bg-sky-50' : ''}`}
                  >
                    <div className="text-xs text-slate-500">{hit.pathNames.join(' / ')}</div>
                    <div>
                      <span className="font-medium text-slate-900">{hit.name}</span>{' '}
                      <code className="text-xs text-slate-500">{hit.id}</code>
                      {hit.email && <span className="ml-2 text-xs text-slate-500">{hit.email}</span>}
                      {hit.type === 'ORGANIZATIONAL_UNIT' && <span className="ml-2 text-xs text-amber-700">OU</span>}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
