// /access: every access path of the organization — roles and shares, inside and outside it — with filters and
// search in the URL, one page at a time. Thin: data from lib/access.
import Link from 'next/link';
import { Suspense } from 'react';
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { IamStatus } from '@/components/access/IamStatus';
import { PathsTable } from '@/components/access/PathRows';
import { Card, FilterForm, PageTitle } from '@/components/ui';
import { accessQuery, countPaths, filterPaths, pageOf, parseAccessFilters, PATH_KINDS, type AccessFilters } from '@/lib/access/filters';
import { MAX_CHAIN_HOPS } from '@/lib/access/chains';
import { accessViewSoon } from '@/lib/access/view';
import type { ConsoleContext } from '@/lib/aws/identity';
import { loadConsolePage } from '@/lib/page-context';

export const dynamic = 'force-dynamic';

// A first read streams in: the page shows the first accounts' paths, then the status bar polls.
const FIRST_PATHS_WAIT_MS = 1_500;

export default async function AccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await loadConsolePage();
  const title = (
    <PageTitle description={`Every path into and out of the organization's accounts: roles (trust, identity policies, boundaries, SCPs and RCPs evaluated) and resource shares. Open an account for its paths explained layer by layer and its chains (up to ${MAX_CHAIN_HOPS} roles).`}>
      Who can reach what
    </PageTitle>
  );
  if (!page.context) return <AwsUnavailable title={title} error={page.error} />;
  const filters = parseAccessFilters(await searchParams);
  return (
    <>
      {title}
      <Suspense fallback={<p className="text-sm text-slate-600">Reading the organization&apos;s IAM…</p>}>
        <PathsView context={page.context} filters={filters} />
      </Suspense>
    </>
  );
}

async function PathsView({ context, filters }: { context: ConsoleContext; filters: AccessFilters }) {
  const view = await accessViewSoon(context, FIRST_PATHS_WAIT_MS);
  const counts = countPaths(view.index);
  const matching = pageOf(filterPaths(view.index, filters, view.names), filters.page);
  const link = (n: number, label: string) => (
    <Link className="text-sky-700 underline" href={`/access${accessQuery({ ...filters, page: n })}`} scroll={false}>
      {label}
    </Link>
  );
  return (
    <>
      <IamStatus status={view.iam} names={view.names} computedMs={view.computedMs} />
      <p className="mb-3 text-sm text-slate-700" data-testid="path-counts">
        {counts.total} paths · {counts.outside} from outside the organization · {counts.withoutConditions} open without conditions · {counts.blocked} blocked
      </p>
      <Card>
        <FilterForm
          id="access"
          fields={[
            { name: 'q', label: 'Search', value: filters.q },
            { name: 'from', label: 'From account or OU', value: filters.from, narrow: true },
            { name: 'to', label: 'Into account or OU', value: filters.to, narrow: true },
            { name: 'kind', label: 'Kind', value: filters.kind, options: PATH_KINDS },
            { name: 'scope', label: 'Source', value: filters.scope, options: ['inside', 'outside'] },
            { name: 'conditions', label: 'Conditions', value: filters.conditions, options: ['with', 'without'] },
            { name: 'status', label: 'Status', value: filters.status, options: ['open', 'conditional', 'blocked'] },
          ]}
        />
        <PathsTable paths={matching.rows} names={view.names} testId="paths-table" />
        <nav aria-label="Pages" className="mt-3 flex items-center gap-4 text-sm text-slate-600" data-testid="pager">
          <span data-testid="matching">
            {matching.matching} paths{matching.pages > 1 ? ` · page ${matching.page} of ${matching.pages}` : ''}
          </span>
          {matching.page > 1 && link(matching.page - 1, 'Previous')}
          {matching.page < matching.pages && link(matching.page + 1, 'Next')}
        </nav>
      </Card>
    </>
  );
}
