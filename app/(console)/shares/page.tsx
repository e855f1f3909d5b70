// /shares: every resource share the organization's accounts own, in every configured Region, on one list
// (Shared by me, as the RAM console calls it), with its three views. Thin: data from lib/ram.
import { Alert, buttonClass, Card, Link, PageTitle, Pager, Reading } from '@/components/ui';
import { Streamed } from '@/components/ui/Streamed';
import { SnapshotStatus } from '@/components/shares/SnapshotStatus';
import { ShareFilters } from '@/components/shares/ShareFilters';
import { PrincipalsTable, ResourcesTable, SharesTable } from '@/components/shares/ShareTables';
import { config } from '@/lib/config';
import { loadConsolePage } from '@/lib/page-context';
import { filterOptions, filterQuery, filterShares, parseShareFilters, principalRows, resourceRows, shareRows, type ShareFilters as Filters, type ShareTab } from '@/lib/ram/share-list';
import { getShareSnapshotSoon, type RamSnapshot, type ShareSnapshotStatus } from '@/lib/ram/snapshot';
import { shareSnapshotSource } from '@/lib/ram/snapshot-source';
import { organizationNames } from '@/lib/organizations/accounts';
import { shareSnapshotStatusAction } from './actions';

export const dynamic = 'force-dynamic';

// A first read streams its first rows in; after this the page shows what is there and the status bar polls.
const FIRST_ROWS_WAIT_MS = 800;

const TABS: { tab: ShareTab; label: string; noun: string }[] = [
  { tab: 'shares', label: 'Resource shares', noun: 'shares' },
  { tab: 'resources', label: 'Shared resources', noun: 'resources' },
  { tab: 'principals', label: 'Principals', noun: 'principals' },
];

/** Targets that could not be read, one line per account (its Regions together when the reason is the same). */
function unreachable(snapshot: RamSnapshot, names: Record<string, string>) {
  const byReason = new Map<string, { accountId: string; regions: string[]; error: string }>();
  for (const t of Object.values(snapshot.targets)) {
    if (!t.error) continue;
    const key = `${t.accountId}|${t.error.replaceAll(t.region, '<region>')}`;
    const item = byReason.get(key) ?? { accountId: t.accountId, regions: [], error: t.error };
    item.regions.push(t.region);
    byReason.set(key, item);
  }
  return [...byReason.values()].map((u) => ({ ...u, name: names[u.accountId] }));
}

export default async function SharesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await loadConsolePage();
  const title = (
    <PageTitle description={`Shares owned by every account of the organization, in ${config().regions.length} Regions (${config().regions.join(', ')}).`}>
      Resource shares
    </PageTitle>
  );
  if (!page.context) {
    return (
      <>
        {title}
        <Alert tone="error" title="AWS cannot be reached">{page.error}</Alert>
      </>
    );
  }
  const filters = parseShareFilters(await searchParams);
  return (
    <>
      {title}
      <div className="mb-4 flex gap-3">
        <Link className={buttonClass('primary', 'sm')} href="/shares/new">
          Create resource share
        </Link>
        <Link className={buttonClass('secondary', 'sm')} href="/shares/received">
          Shared with me
        </Link>
      </div>
      {/* Streamed: the shell shows at once, the rows as soon as the first accounts' shares are read. */}
      <Streamed
        read={() => Promise.all([getShareSnapshotSoon(shareSnapshotSource(page.context), FIRST_ROWS_WAIT_MS), organizationNames(page.context)])}
        fallback={<Reading>Reading the organization&apos;s shares…</Reading>}
      >
        {([status, names]) => <SharesView status={status} names={names} filters={filters} />}
      </Streamed>
    </>
  );
}

function SharesView({ status, names, filters }: { status: ShareSnapshotStatus; names: Record<string, string>; filters: Filters }) {
  const { snapshot } = status;
  const shares = filterShares(snapshot, filters, names);
  const failures = unreachable(snapshot, names);
  const sharesPage = filters.tab === 'shares' ? shareRows(shares, names, filters.page) : undefined;
  const resourcesPage = filters.tab === 'resources' ? resourceRows(shares, names, filters.page) : undefined;
  const principalsPage = filters.tab === 'principals' ? principalRows(shares, names, filters.page) : undefined;
  return (
    <>
      <SnapshotStatus
        initial={{
          fetchedAt: snapshot.fetchedAt,
          complete: snapshot.complete,
          refreshing: status.refreshing,
          done: status.progress?.done,
          total: status.progress?.total,
          shares: Object.keys(snapshot.shares).length,
          lastError: status.lastError,
        }}
        status={shareSnapshotStatusAction}
      />
      {failures.length > 0 && (
        <div className="mb-4">
          <Alert tone="warning" title={`${failures.length} account(s) or Region(s) could not be read: their shares are not on this list`} testId="unreachable">
            <ul className="list-disc pl-5">
              {failures.map((f) => (
                <li key={`${f.accountId}${f.error}`} data-testid="unreachable-target">
                  <span className="font-medium">{f.name ?? f.accountId}</span> ({f.accountId}, {f.regions.join(', ')}): {f.error}
                </li>
              ))}
            </ul>
          </Alert>
        </div>
      )}
      <Card>
        <nav aria-label="Views" className="mb-4 flex gap-1 border-b border-slate-200 text-sm">
          {TABS.map(({ tab, label }) => (
            <Link
              key={tab}
              href={`/shares${filterQuery({ ...filters, tab, page: 1 })}`}
              aria-current={filters.tab === tab ? 'page' : undefined}
              className={`-mb-px border-b-2 px-3 py-2 ${filters.tab === tab ? 'border-slate-900 font-semibold text-slate-900' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
            >
              {label}
            </Link>
          ))}
        </nav>
        <ShareFilters filters={filters} options={filterOptions(snapshot)} />
        {sharesPage && <SharesTable page={sharesPage} />}
        {resourcesPage && <ResourcesTable page={resourcesPage} />}
        {principalsPage && <PrincipalsTable page={principalsPage} filters={filters} />}
        <Pager page={(sharesPage ?? resourcesPage ?? principalsPage)!} noun={TABS.find((t) => t.tab === filters.tab)!.noun} href={(n) => `/shares${filterQuery({ ...filters, page: n })}`} />
      </Card>
    </>
  );
}
