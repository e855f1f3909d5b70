// Settings: RAM sharing with AWS Organizations, with its preflight checks and the plan that enables it.
import { AllowlistEditor } from '@/components/access/AllowlistEditor';
import { BuildPlanButton } from '@/components/plan/BuildPlanButton';
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { Alert, Badge, Card, PageTitle } from '@/components/ui';
import { loadConsolePage } from '@/lib/page-context';
import { viewSharingStatus } from '@/lib/ram/sharing';
import { readAllowlist } from '@/lib/access/findings-store';
import { currentOrganization, organizationNames } from '@/lib/organizations/accounts';
import { sharingLostWithoutOrganizations } from '@/lib/ram/disable-sharing-impact';
import { derived, identity } from '@/lib/cache/derived';
import { getShareSnapshotSoon } from '@/lib/ram/snapshot';
import { shareSnapshotSource } from '@/lib/ram/snapshot-source';
import { planEnableSharingAction } from './actions';

// A first reading of the share list is given this long; the page then says it is still being read.
const FIRST_ROWS_WAIT_MS = 800;
// What would stop working, as far as a page can list it: 600 shares with the whole organization name 10,000 accounts each.
const LOST_SHOWN = 100;
const ACCOUNTS_SHOWN = 20;

export default async function SettingsPage() {
  const page = await loadConsolePage();
  if (!page.context) {
    return <AwsUnavailable title={<PageTitle>Settings</PageTitle>} error={page.error} />;
  }
  const [sharing, names] = await Promise.all([viewSharingStatus(page.context), organizationNames(page.context).catch(() => ({}) as Record<string, string>)]);
  const [organization, shares] = sharing.enabled
    ? await Promise.all([currentOrganization(page.context).catch(() => undefined), getShareSnapshotSoon(shareSnapshotSource(page.context), FIRST_ROWS_WAIT_MS).catch(() => undefined)])
    : [undefined, undefined];
  const allowlist = await readAllowlist();
  // The editor (in the browser) gets the names of what is listed, not the organization's 10,000.
  const allowlistNames = Object.fromEntries(Object.values(allowlist).flatMap((values: string[]) => values.filter((v) => names[v]).map((v) => [v, names[v]])));
  // Which accounts a share reaches through an OU needs the whole tree.
  // Work over 10,000 accounts and thousands of shares: once per 10 s per reading.
  const lost =
    organization?.complete && shares
      ? derived(shares.snapshot, `lost:${identity(organization)}`, () => sharingLostWithoutOrganizations(Object.values(shares.snapshot.shares), organization, ACCOUNTS_SHOWN), 10_000)
      : undefined;
  return (
    <>
      <PageTitle>Settings</PageTitle>
      <Card title="Sharing with AWS Organizations" testId="sharing-settings">
        <p className="mb-4 text-sm text-slate-700">
          When on, AWS RAM can share resources with the whole organization or its OUs, and accounts inside the organization get
          access without invitations. Status:{' '}
          <span data-testid="sharing-status">{sharing.enabled ? <Badge tone="emerald">Enabled</Badge> : <Badge tone="amber">Off</Badge>}</span>
          {sharing.late && (
            <span className="text-slate-500" data-testid="sharing-read-at">
              {' '}
              (as read at {new Date(sharing.readAt).toISOString().slice(11, 19)} UTC: AWS is slow to answer, and it is being read again)
            </span>
          )}
        </p>
        {sharing.problems.map((problem) => (
          <div key={problem} className="mb-3">
            <Alert tone="error">{problem}</Alert>
          </div>
        ))}
        <h3 className="mb-2 text-sm font-semibold text-slate-800">Preflight checks</h3>
        <ul className="mb-5 flex flex-col gap-2" data-testid="preflight-checks">
          {sharing.checks.map((check) => (
            <li key={check.id} data-testid={`check-${check.id}`} data-passed={check.passed} className="flex gap-3 text-sm">
              <span aria-hidden className={check.passed ? 'text-emerald-600' : 'text-red-600'}>
                {check.passed ? '✔' : '✘'}
              </span>
              <span>
                <span className="font-medium">{check.label}</span>: {check.passed ? 'passed' : 'failed'}
                <span className="block text-slate-600">{check.detail}</span>
              </span>
            </li>
          ))}
        </ul>
        {!sharing.enabled && (
          <>
            <p className="mb-2 text-sm text-slate-600">
              Enabling is one call, <span className="font-mono">ram:EnableSharingWithAwsOrganization</span>: review it as a plan (with its CLI and
              Terraform equivalents) before an admin applies it.
            </p>
            <BuildPlanButton label="Review the plan to enable sharing" build={planEnableSharingAction} input={{}} disabled={!sharing.canEnable} />
          </>
        )}
        {sharing.enabled && (
          <div className="mt-6 flex flex-col gap-2 text-sm" data-testid="disable-sharing">
            <h3 className="font-semibold text-slate-800">Turning sharing with AWS Organizations off</h3>
            <p className="text-slate-700">
              RAM has no call for it. It is done in AWS Organizations, from the management account, by disabling trusted access for{' '}
              <span className="font-mono">ram.amazonaws.com</span> (<span className="font-mono">aws organizations disable-aws-service-access --service-principal ram.amazonaws.com</span>, or the
              Organizations console&apos;s Services page). RAM then removes organization and OU principals from every share; accounts added individually stay.
            </p>
            {!lost ? (
              <p className="text-slate-500">The organization or the share list is still being read: what would stop working is not known yet.</p>
            ) : lost.length === 0 ? (
              <p data-testid="disable-sharing-impact">No share names the organization or an OU: nothing would stop working.</p>
            ) : (
              <>
                <p>These shares would stop reaching these accounts (from the share list read {shares ? new Date(shares.snapshot.fetchedAt).toISOString().slice(0, 16).replace('T', ' ') : ''} UTC{shares?.snapshot.complete ? '' : ', still incomplete'}):</p>
                <ul className="flex flex-col gap-1" data-testid="disable-sharing-impact">
                  {lost.slice(0, LOST_SHOWN).map((l) => (
                    <li key={`${l.share.arn}-${l.principal}`} data-testid="lost-share">
                      <a className="font-medium text-sky-700 underline" href={`/shares/${l.share.region}/${l.share.id}`}>{l.share.name}</a> ({l.share.region}, owner {l.share.owningAccountId}) via{' '}
                      <span className="font-mono text-xs">{l.principal}</span>: {l.accountCount} account(s) —{' '}
                      {l.accounts.map((a) => `${a.name} (${a.id})`).join(', ') || 'none'}
                      {l.accountCount > l.accounts.length && ` and ${l.accountCount - l.accounts.length} more`}
                    </li>
                  ))}
                </ul>
                {lost.length > LOST_SHOWN && <p className="text-slate-600">And {lost.length - LOST_SHOWN} more share principals.</p>}
              </>
            )}
          </div>
        )}
      </Card>
      <div className="mt-4">
        <Card title="Access findings: allowlist" testId="allowlist-settings">
          <p className="mb-4 text-sm text-slate-700">
            Outside accounts, organizations and OUs listed here are trusted: trusts and shares to them are not reported as findings (a trust without
            an ExternalId still is). Principals in a less-trusted OU reaching an administrator role in another account are.
          </p>
          <AllowlistEditor allowlist={allowlist} names={allowlistNames} canEdit={page.user.role === 'admin'} />
        </Card>
      </div>
    </>
  );
}
