// /shares/received (Shared with me): the shares other accounts give the console's account, a chosen member
// account, or all of them, from the organization's received-shares snapshot (the last complete reading at once,
// a first one streamed in as it is read); leaving a share is a plan.
import { SnapshotStatus } from '@/components/shares/SnapshotStatus';
import { ReceivedSharesTable } from '@/components/shares/ReceivedSharesTable';
import { AccountChooser, AccountRefused } from '@/components/AccountChooser';
import { Alert, Button, Card, Link, PageTitle, Pager } from '@/components/ui';
import { regionsCovered, unreachableOf } from '@/lib/aws/account-snapshot';
import { loadConsolePage } from '@/lib/page-context';
import { containersOf, getReceivedSharesSoon, receivedBy, receivedOrder, receivedProgress } from '@/lib/ram/received';
import { receivedSharesSource } from '@/lib/ram/received-source';
import { receivedRows } from '@/lib/ram/received-rows';
import { DENSE_PAGE_SIZE, listQuery, pageOf } from '@/lib/paging';
import { accountsOf, currentOrganization, organizationNames } from '@/lib/organizations/accounts';
import { planLeaveShareAction, receivedStatusAction } from './actions';

export const dynamic = 'force-dynamic';

// A first reading is given this long to find its first shares; then the page shows its progress and polls.
const FIRST_ROWS_WAIT_MS = 800;

export default async function ReceivedSharesPage({ searchParams }: { searchParams: Promise<{ account?: string; page?: string }> }) {
  const page = await loadConsolePage();
  const title = <PageTitle description="Shares other accounts give the organization's accounts.">Shared with me</PageTitle>;
  if (!page.context) {
    return (
      <>
        {title}
        <Alert tone="error" title="AWS cannot be reached">{page.error}</Alert>
      </>
    );
  }
  const { account, page: pageNumber } = await searchParams;
  const own = page.context.accountId;
  // The organization as far as it is read: a cold crawl of 10,000 accounts takes minutes.
  const [organization, names, status] = await Promise.all([
    currentOrganization(page.context),
    organizationNames(page.context),
    getReceivedSharesSoon(receivedSharesSource(page.context), FIRST_ROWS_WAIT_MS),
  ]);
  const accounts = organization ? accountsOf(organization) : [{ id: own, name: own, path: '' }];
  const known = (id: string) => id in status.snapshot.accounts || accounts.some((a) => a.id === id);
  const chosen = account === 'all' ? 'all' : account && /^\d{12}$/.test(account) && known(account) ? account : own;
  const refused = account && account !== 'all' && chosen === own && account !== own ? account : undefined;
  // The chosen account may be one the organization's crawl has not reached yet.
  const choices = chosen === 'all' || accounts.some((a) => a.id === chosen) ? accounts : [{ id: chosen, name: names[chosen] ?? chosen }, ...accounts];
  const mine = <T extends { accountId: string }>(rows: T[]) => (chosen === 'all' ? rows : rows.filter((r) => r.accountId === chosen));
  // All accounts: a share received through the organization or OUs is one row, "every account in" them.
  const shares = (chosen === 'all' ? Object.values(status.snapshot.items) : receivedBy(status.snapshot, chosen, containersOf(organization, page.context.organization?.id, chosen))).sort(receivedOrder);
  const rows = pageOf(shares, Number(pageNumber) || 1, DENSE_PAGE_SIZE);
  const failures = mine(unreachableOf(status.snapshot));
  const regions = regionsCovered(status.snapshot);
  return (
    <>
      {title}
      <p className="mb-4 text-sm">
        <Link className="text-sky-700 underline" href="/shares">
          Shared by the organization
        </Link>
      </p>
      <form className="mb-4 flex items-end gap-2" action="/shares/received">
        <AccountChooser label="Receiving account" accounts={choices} value={chosen} own={own} all />
        <Button type="submit" variant="secondary" size="sm">
          Show
        </Button>
      </form>
      {refused && (
        <div className="mb-4">
          <AccountRefused title="Receiving account" typed={refused} own={own} all testId="receiving-account-refused" />
        </div>
      )}
      <SnapshotStatus initial={receivedProgress(status)} status={receivedStatusAction} />
      <p className="mb-4 text-sm text-slate-600" data-testid="received-regions">
        {regions.length ? `Read in ${regions.join(', ')}.` : 'No Region read yet.'}
      </p>
      {failures.length > 0 && (
        <div className="mb-4">
          <Alert tone="warning" title="Some accounts or Regions could not be read">
            <ul className="list-disc pl-5">
              {failures.map((f) => (
                <li key={`${f.accountId}/${f.error}`}>
                  {names[f.accountId] ?? f.accountId} ({f.accountId}
                  {f.regions.length ? `, ${f.regions.join(', ')}` : ''}): {f.error}
                </li>
              ))}
            </ul>
          </Alert>
        </div>
      )}
      <Card title={`Received shares (${shares.length})`} testId="received-shares">
        <ReceivedSharesTable rows={receivedRows(rows.rows, names, chosen === 'all')} leave={planLeaveShareAction} />
        <Pager page={rows} noun="shares" href={(n) => `/shares/received${listQuery({ account: chosen, page: n })}`} />
      </Card>
    </>
  );
}
