// The invitations inbox: every resource share invitation to the organization's accounts, soonest expiry first,
// from the last complete reading (its age shown; Refresh reads again behind it); a first reading streams its
// invitations in as they are found. Filtered and paged on the server. Thin: data from lib/ram.
import { InvitationFilters } from '@/components/invitations/InvitationFilters';
import { InvitationInbox } from '@/components/invitations/InvitationInbox';
import { InvitationTabs } from '@/components/invitations/InvitationTabs';
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { SnapshotStatus } from '@/components/shares/SnapshotStatus';
import { Alert, Card, Link, PageTitle, Pager, Reading } from '@/components/ui';
import { Streamed } from '@/components/ui/Streamed';
import { regionsCovered, unreachableOf } from '@/lib/aws/account-snapshot';
import { config } from '@/lib/config';
import { loadConsolePage } from '@/lib/page-context';
import { listQuery } from '@/lib/paging';
import { organizationNames } from '@/lib/organizations/accounts';
import { formatDuration } from '@/lib/ram/invitation-expiry';
import { inboxView, parseInvitationFilters, type AccountCount, type InvitationFilters as Filters } from '@/lib/ram/invitation-list';
import { getInvitationsSnapshotSoon, invitationList, invitationsProgress, PENDING_INVITATIONS_QUOTA, sendersNearQuota, type InvitationsStatus } from '@/lib/ram/invitations';
import { invitationsSource } from '@/lib/ram/invitations-source';
import { senderLabel } from '@/lib/ram/answer-invitations';
import { invitationsStatusAction, planInvitationsAction } from './actions';

export const dynamic = 'force-dynamic';

// A first reading is given this long to find its first invitations; then the page shows its progress and polls.
const FIRST_ROWS_WAIT_MS = 800;
// Unreachable accounts listed one by one; more are counted.
const UNREACHABLE_LISTED = 20;

const DESCRIPTION =
  'Resource share invitations to the console’s account and to every member account (through the member role). ' +
  'Expiry follows the AWS clock: 7 days after sending for the resource types AWS gives 7 days, 12 hours for the others.';

export default async function InvitationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await loadConsolePage();
  const title = <PageTitle description={DESCRIPTION}>Invitations</PageTitle>;
  if (!page.context) {
    return <AwsUnavailable title={title} error={page.error} />;
  }
  const filters = parseInvitationFilters(await searchParams);
  return (
    <>
      {title}
      <InvitationTabs current="/invitations" />
      {page.user.role !== 'admin' && (
        <div className="mb-4">
          <Alert tone="info">You can prepare a plan to show an admin; only admins can apply it.</Alert>
        </div>
      )}
      {/* Streamed: the shell shows at once, the rows as soon as the first invitations are found. */}
      <Streamed
        read={() => Promise.all([getInvitationsSnapshotSoon(invitationsSource(page.context), FIRST_ROWS_WAIT_MS), organizationNames(page.context)])}
        fallback={<Reading>Reading the organization&apos;s invitations…</Reading>}
      >
        {([status, names]) => <Inbox status={status} names={names} filters={filters} />}
      </Streamed>
    </>
  );
}

function Counts({ title, counts, filter, filters, testId }: { title: string; counts: AccountCount[]; filter: 'receiver' | 'sender'; filters: Filters; testId: string }) {
  return (
    <Card title={title} testId={testId}>
      {counts.length === 0 ? (
        <p className="text-sm text-slate-500">None.</p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm">
          {counts.map((c) => (
            <li key={c.accountId} data-testid={`${testId}-row`}>
              <Link className="text-sky-700 underline" href={`/invitations${listQuery({ ...filters, [filter]: c.accountId, page: 1 })}`} scroll={false}>
                {c.label}
              </Link>
              : {c.pending} pending of {c.total}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Inbox({ status, names, filters }: { status: InvitationsStatus; names: Record<string, string>; filters: Filters }) {
  const { snapshot } = status;
  const invitations = invitationList(snapshot, names);
  const view = inboxView(invitations, filters);
  const nearQuota = sendersNearQuota(invitations);
  const unreachable = unreachableOf(snapshot);
  const regions = regionsCovered(snapshot);
  const accountsRead = Object.keys(snapshot.accounts).length;
  return (
    <div className="flex flex-col gap-4">
      <SnapshotStatus initial={invitationsProgress(status)} status={invitationsStatusAction} />
      <p className="text-sm text-slate-600" data-testid="invitations-age">
        {snapshot.complete ? `Read ${formatDuration(status.ageMs)} ago from` : `Read so far from ${accountsRead} of`} {snapshot.accountCount || '…'} account(s)
        {regions.length ? ` in ${regions.length} Region(s): ${regions.join(', ')}` : ''}.{' '}
        {config().regionsPinned
          ? 'The Regions are the ones CROSSING_REGIONS names.'
          : 'Each account is read in the Regions enabled for it where the organization uses RAM (its shares, invitations seen before, and the console’s Region).'}
      </p>
      {unreachable.length > 0 && (
        <Alert tone="error" title={`${new Set(unreachable.map((u) => u.accountId)).size} account(s) could not be read: their invitations are not listed`} testId="unreachable">
          <ul className="list-disc pl-5">
            {unreachable.slice(0, UNREACHABLE_LISTED).map((u) => (
              <li key={`${u.accountId}|${u.error}`} data-testid="unreachable-account">
                <span className="font-medium">{names[u.accountId] ?? u.accountId}</span> ({u.accountId}
                {u.regions.length ? `, ${u.regions.join(', ')}` : ''}): {u.error}
              </li>
            ))}
          </ul>
          {unreachable.length > UNREACHABLE_LISTED && <p>And {unreachable.length - UNREACHABLE_LISTED} more.</p>}
        </Alert>
      )}
      {nearQuota.map((s) => (
        <Alert key={s.senderAccountId} tone="warning" title={`${senderLabel(s)} is close to RAM's quota of pending invitations`} testId="quota-warning">
          {s.pending} invitations from this account are pending to this organization alone; RAM allows a sharing account {PENDING_INVITATIONS_QUOTA} pending
          invitations, after which it cannot invite anyone until some are answered or expire. Answer the ones you can.
        </Alert>
      ))}
      <div className="grid gap-4 lg:grid-cols-2">
        <Counts title="Receiving accounts with the most pending" counts={view.byReceiver} filter="receiver" filters={filters} testId="by-receiver" />
        <Counts title="Senders with the most pending" counts={view.bySender} filter="sender" filters={filters} testId="by-sender" />
      </div>
      <Card title={`${view.pending} pending of ${view.total} listed`} testId="invitations">
        <InvitationFilters filters={filters} regions={view.regions} />
        <InvitationInbox rows={view.page.rows} build={planInvitationsAction} />
        <Pager page={view.page} noun="invitations" href={(n) => `/invitations${listQuery({ ...filters, page: n })}`} />
      </Card>
    </div>
  );
}
