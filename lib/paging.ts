// One page of a list the console shows, and how many rows matched. The paths and shares tables page 25 rows: their
// rows are several kilobytes each (explanations, resources), and a page is rendered on every view.
export const PAGE_SIZE = 50;
export const DENSE_PAGE_SIZE = 25;

export interface ListPage<R> {
  rows: R[];
  matching: number;
  page: number;
  pages: number;
}

/** Page `page` (from 1) of `rows`, `size` a page; a page past the end gives the last one. */
export function pageOf<R>(rows: readonly R[], page: number, size = PAGE_SIZE): ListPage<R> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  return { rows: rows.slice((current - 1) * size, current * size), matching: rows.length, page: current, pages };
}

/** Lists' text order (names): one collator for every comparison, where `localeCompare` sets one up each time. */
export const byText = new Intl.Collator('en').compare;

/** A list's filters as a URL query: unset values and the first page left out, `true` as 1. */
export function listQuery(filters: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === false || value === '' || (key === 'page' && value === 1)) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
