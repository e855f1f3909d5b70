// Dashboard: the live organization summary, with honest empty and error states.
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { AccessCounts } from '@/components/access/AccessCounts';
import { FailedRevocations } from '@/components/expiry/FailedRevocations';
import { Alert, Card, Link, PageTitle, Reading } from '@/components/ui';
import { Streamed } from '@/components/ui/Streamed';
import { STANDING_LABELS } from '@/components/console-header';
import { accessView } from '@/lib/access/view';
import { getOrganizationSummary } from '@/lib/dashboard';
import { openExpiries } from '@/lib/expiry/expiry';
import { loadConsolePage } from '@/lib/page-context';
import { formatDuration } from '@/lib/ram/invitation-expiry';
import { recentSharingStatus } from '@/lib/ram/sharing';
import { waitingFor } from '@/lib/requests/service';
import { RequestsTable } from '@/components/requests/RequestsTable';

function Figure({ label, value, testId }: { label: string; value: React.ReactNode; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900" data-testid={testId}>
        {value ?? '—'}
      </dd>
    </div>
  );
}

export default async function Dashboard() {
  const page = await loadConsolePage();
  const { context, region } = page;
  if (!context) {
    return <AwsUnavailable title={<PageTitle>Dashboard</PageTitle>} error={page.error} />;
  }
  const [summary, sharing, waiting, expiries] = await Promise.all([
    getOrganizationSummary(context),
    recentSharingStatus(context),
    waitingFor(page.user),
    page.user.role === 'admin' ? openExpiries() : [],
  ]);
  const organization = context.organization;
  return (
    <>
      <PageTitle description={page.user.role === 'admin' ? `The console acts as ${context.arn}.` : 'You can look at everything, make plans, and request them: an admin or an approver applies them.'}>Dashboard</PageTitle>
      <div className="flex flex-col gap-6">
        {waiting.length > 0 && (
          <Card title={`Requests waiting for you (${waiting.length})`} testId="requests-waiting">
            <RequestsTable requests={waiting.slice(0, 5)} testId="dashboard-requests" />
            {waiting.length > 5 && (
              <Link className="mt-2 block text-sm text-sky-700 underline" href="/requests?tab=waiting">
                All {waiting.length} waiting for you
              </Link>
            )}
          </Card>
        )}
        {context.standing === 'no-organization' && (
          <Alert tone="info" title="No organization">
            Account {context.accountId} is not a member of an AWS Organization. Crossing manages access across the accounts
            of an organization: create one in AWS Organizations, or run the console in its management account.
          </Alert>
        )}
        <FailedRevocations expiries={expiries.filter((e) => e.state === 'failed')} />
        {context.organizationError && <Alert tone="error" title="The organization could not be read">{context.organizationError}</Alert>}
        {context.standing === 'member' && organization && (
          <Alert tone="warning" title="Member account">
            The console runs in member account {context.accountId}; only the management account ({organization.managementAccountId}) or a
            delegated administrator can list the organization. Run the console with credentials of the management account.
          </Alert>
        )}
        {summary.problems.map((problem) => (
          <Alert key={problem} tone="error">
            {problem}
          </Alert>
        ))}
        {organization && summary.complete === false && (
          <Alert tone="info">The organization is still being read: the counts below are partial. Reload in a moment.</Alert>
        )}
        {organization && (
          <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="organization-summary">
            <Figure label="Accounts" value={summary.accounts} testId="figure-accounts" />
            <Figure label="Organizational units" value={summary.organizationalUnits} testId="figure-ous" />
            <Figure label="Feature set" value={organization.featureSet === 'ALL' ? 'All features' : 'Consolidated billing'} testId="figure-feature-set" />
            <Figure
              label="RAM sharing with Organizations"
              value={sharing.enabled ? 'Enabled' : sharing.trustedAccess === undefined ? undefined : 'Off'}
              testId="figure-sharing"
            />
          </dl>
        )}
        {summary.shares && (
          <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="share-summary">
            <Figure label={`Resource shares${summary.shares.complete ? '' : ' (still reading)'}`} value={<Link href="/shares">{summary.shares.total}</Link>} testId="figure-shares" />
            <Figure
              label="Shares with external principals"
              value={<Link href="/shares?external=1">{summary.shares.withExternalPrincipals}</Link>}
              testId="figure-external-shares"
            />
          </dl>
        )}
        {organization && (
          <Streamed read={() => accessView(context)} fallback={<Reading>Reading the organization&apos;s access paths…</Reading>}>
            {(view) => <AccessCounts view={view} />}
          </Streamed>
        )}
        {organization && (
          <Card title="Organization">
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
              <dt className="text-slate-500">ID</dt>
              <dd className="font-mono" data-testid="organization-id">{organization.id}</dd>
              <dt className="text-slate-500">Management account</dt>
              <dd className="font-mono">{organization.managementAccountId}</dd>
              <dt className="text-slate-500">Console standing</dt>
              <dd>{STANDING_LABELS[context.standing]}</dd>
              {summary.fetchedAt !== undefined && (
                <>
                  <dt className="text-slate-500">Counts as of</dt>
                  <dd>{new Date(summary.fetchedAt).toISOString().replace('T', ' ').slice(0, 19)} UTC</dd>
                </>
              )}
            </dl>
            {!sharing.enabled && context.standing === 'management' && (
              <p className="mt-3 text-sm">
                RAM sharing with the organization is off. <Link className="text-sky-700 underline" href="/settings">Review it in Settings</Link>.
              </p>
            )}
          </Card>
        )}
        <Card title="Resource share invitations pending across the organization" testId="pending-invitations">
          {summary.invitationsReading ? (
            <p className="text-sm text-slate-500" data-testid="invitations-reading">
              The first reading of the organization&apos;s invitations is under way ({summary.invitationsReading.done} of {summary.invitationsReading.total || '…'} accounts
              read): the <Link className="text-sky-700 underline" href="/invitations">inbox</Link> shows each one as it is found.
            </p>
          ) : summary.invitations === undefined ? (
            <p className="text-sm text-slate-500">Unknown (see above).</p>
          ) : (
            <div className="flex flex-col gap-1 text-sm">
              <p>
                <Link className="font-medium text-sky-700 underline" href="/invitations" data-testid="pending-invitations-summary">
                  {summary.invitations.pending === 0
                    ? 'None pending'
                    : `${summary.invitations.pending} pending${summary.invitations.soonestExpiresInMs === undefined ? '' : `, the first expires in ${formatDuration(summary.invitations.soonestExpiresInMs)}`}`}
                </Link>
              </p>
              <p className="text-slate-600">
                {summary.invitations.pendingInRegion
                  ? `${summary.invitations.pendingInRegion} of them in ${region}, the Region you work in.`
                  : `No pending resource share invitations in ${region}, the Region you work in.`}
              </p>
              {summary.invitationsAgeMs !== undefined && (
                <p className="text-slate-500" data-testid="pending-invitations-age">
                  Read {formatDuration(summary.invitationsAgeMs)} ago.
                </p>
              )}
              {summary.invitations.unreachableAccounts > 0 && (
                <p className="text-amber-700">
                  {summary.invitations.unreachableAccounts} account(s) could not be read: see the inbox for why.
                </p>
              )}
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
