// A list's pager: how many match, which page, and links to the pages either side (the filters kept in the URL).
import type { ListPage } from '@/lib/paging';
import { Link } from './Link';

export function Pager({ page, noun, href, testId = 'pager', countTestId = 'matching' }: { page: ListPage<unknown>; noun: string; href: (page: number) => string; testId?: string; countTestId?: string }) {
  const link = (n: number, label: string) => (
    <Link className="text-sky-700 underline" href={href(n)} scroll={false}>
      {label}
    </Link>
  );
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center gap-4 text-sm text-slate-600" data-testid={testId}>
      <span data-testid={countTestId}>
        {page.matching} {noun}
        {page.pages > 1 ? ` · page ${page.page} of ${page.pages}` : ''}
      </span>
      {page.page > 1 && link(page.page - 1, 'Previous')}
      {page.page < page.pages && link(page.page + 1, 'Next')}
    </nav>
  );
}
