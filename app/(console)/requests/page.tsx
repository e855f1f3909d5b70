// Access requests: mine, waiting for me, all; with their states, paged.
import { z } from 'zod';
import { RequestsTable } from '@/components/requests/RequestsTable';
import { REQUEST_STATE } from '@/components/requests/status';
import { Card, Link, PageTitle } from '@/components/ui';
import { requireUser } from '@/lib/auth/guard';
import { REQUEST_STATES } from '@/lib/requests/rules';
import { waitingFor } from '@/lib/requests/service';
import { listRequests, REQUESTS_PAGE_SIZE, type RequestPage } from '@/lib/requests/store';

export const dynamic = 'force-dynamic';

const TABS = { mine: 'Mine', waiting: 'Waiting for me', all: 'All' } as const;

const searchSchema = z.object({
  tab: z.enum(['mine', 'waiting', 'all']).catch('mine'),
  state: z.enum(REQUEST_STATES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});

type Search = Record<string, string | string[] | undefined>;

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) || undefined]));
  const { tab, state, page } = searchSchema.parse(raw);
  let result: RequestPage;
  if (tab === 'waiting') {
    const waiting = await waitingFor(user);
    const pages = Math.max(1, Math.ceil(waiting.length / REQUESTS_PAGE_SIZE));
    const current = Math.min(page, pages);
    result = { requests: waiting.slice((current - 1) * REQUESTS_PAGE_SIZE, current * REQUESTS_PAGE_SIZE), total: waiting.length, page: current, pages };
  } else {
    result = await listRequests({ requester: tab === 'mine' ? user.email : undefined, states: state ? [state] : undefined }, page);
  }
  const link = (over: { tab?: string; state?: string; page?: number }) => {
    const params = new URLSearchParams({ tab, ...(state && { state }), ...Object.fromEntries(Object.entries(over).map(([k, v]) => [k, String(v)])) });
    if (!over.state && over.tab) params.delete('state');
    return `/requests?${params}`;
  };
  return (
    <>
      <PageTitle description="A request is a plan someone asked for, with their reason and an optional end. Others approve it; nobody approves their own.">
        Access requests
      </PageTitle>
      <Card>
        <nav aria-label="Request lists" className="mb-4 flex flex-wrap gap-4 text-sm">
          {Object.entries(TABS).map(([id, label]) => (
            <Link key={id} href={link({ tab: id, page: 1 })} aria-current={id === tab ? 'page' : undefined} className={id === tab ? 'font-semibold text-slate-900 underline' : 'text-sky-700 underline'}>
              {label}
            </Link>
          ))}
        </nav>
        {user.role === 'admin' && (
          <p className="mb-4 text-sm">
            <Link className="text-sky-700 underline" href="/requests/deliveries">
              Webhook deliveries
            </Link>{' '}
            of the request notifications.
          </p>
        )}
        {tab !== 'waiting' && (
          <nav aria-label="States" className="mb-4 flex flex-wrap gap-3 text-xs">
            <Link href={`/requests?tab=${tab}`} className={!state ? 'font-semibold' : 'text-sky-700 underline'}>
              Every state
            </Link>
            {REQUEST_STATES.map((s) => (
              <Link key={s} href={link({ state: s, page: 1 })} className={s === state ? 'font-semibold' : 'text-sky-700 underline'}>
                {REQUEST_STATE[s].label}
              </Link>
            ))}
          </nav>
        )}
        {result.requests.length === 0 ? (
          <p className="text-sm text-slate-500">{tab === 'waiting' ? 'No request is waiting for you.' : 'No requests here yet. Make a plan, then "Request this change" on its page.'}</p>
        ) : (
          <RequestsTable requests={result.requests} />
        )}
        <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
          {result.page > 1 && <Link href={link({ page: result.page - 1 })} className="text-sky-700 underline">Previous</Link>}
          <span>
            Page {result.page} of {result.pages} ({result.total} requests)
          </span>
          {result.page < result.pages && <Link href={link({ page: result.page + 1 })} className="text-sky-700 underline">Next</Link>}
        </nav>
      </Card>
    </>
  );
}
