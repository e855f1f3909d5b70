// The invitations inbox: every resource share invitation to the organization's accounts in every configured
// Region, soonest expiry first, from a brief cache (its age shown, Refresh reads AWS now).
import { InvitationInbox, type InboxRow } from '@/components/invitations/InvitationInbox';
import { InvitationTabs } from '@/components/invitations/InvitationTabs';
import { RefreshButton } from '@/components/invitations/RefreshButton';
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { Alert, Card, PageTitle } from '@/components/ui';
import { awsNow } from '@/lib/aws/clients';
import { explainAwsError } from '@/lib/aws/errors';
import { loadConsolePage } from '@/lib/page-context';
import { formatDuration } from '@/lib/ram/invitation-expiry';
import { senderLabel } from '@/lib/ram/answer-invitations';
import { getOrganizationInvitations, PENDING_INVITATIONS_QUOTA, sendersNearQuota, type InvitationsSnapshot } from '@/lib/ram/invitations';
import { planInvitationsAction, refreshInvitationsAction } from './actions';

export const dynamic = 'force-dynamic';

const DESCRIPTION =
  'Resource share invitations to the console’s account and to every member account (through the member role), in each Region the console works in. ' +
  'Expiry follows the AWS clock: 7 days after sending for the resource types AWS gives 7 days, 12 hours for the others.';

/** How long ago the reading was made (on this host's clock, which stamped it). */
const ageOf = (snapshot: InvitationsSnapshot) => Date.now() - snapshot.fetchedAt;

export default async function InvitationsPage() {
  const page = await loadConsolePage();
  const title = <PageTitle description={DESCRIPTION}>Invitations</PageTitle>;
  if (!page.context) {
    return <AwsUnavailable title={title} error={page.error} />;
  }
  let snapshot: InvitationsSnapshot | undefined;
  let error: string | undefined;
  try {
    snapshot = await getOrganizationInvitations(page.context);
  } catch (e) {
    error = explainAwsError(e, { operation: 'ram:GetResourceShareInvitations', accountId: page.context.accountId });
  }
  const now = awsNow();
  const rows: InboxRow[] = (snapshot?.invitations ?? []).map((i) => {
    const remainingMs = i.status === 'PENDING' && i.expiresAt !== undefined ? i.expiresAt - now : undefined;
    return { ...i, remainingMs, senderLabel: senderLabel(i), shownStatus: remainingMs !== undefined && remainingMs <= 0 ? 'EXPIRED' : i.status };
  });
  const nearQuota = snapshot ? sendersNearQuota(snapshot, now) : [];
  return (
    <>
      {title}
      <InvitationTabs current="/invitations" />
      <div className="flex flex-col gap-4">
        {error && <Alert tone="error" title="The invitations could not be read">{error}</Alert>}
        {snapshot?.unreachable.map((u) => (
          <Alert key={`${u.accountId}|${u.error}`} tone="error" title={`${u.accountName} (${u.accountId}) could not be read in ${u.regions.join(', ')}`} testId="unreachable-account">
            {u.error}
          </Alert>
        ))}
        {nearQuota.map((s) => (
          <Alert key={s.senderAccountId} tone="warning" title={`${senderLabel(s)} is close to RAM's quota of pending invitations`} testId="quota-warning">
            {s.pending} invitations from this account are pending to this organization alone; RAM allows a sharing account {PENDING_INVITATIONS_QUOTA} pending
            invitations, after which it cannot invite anyone until some are answered or expire. Answer the ones you can.
          </Alert>
        ))}
        {page.user.role !== 'admin' && (
          <Alert tone="info">You can prepare a plan to show an admin; only admins can apply it.</Alert>
        )}
        {snapshot && (
          <Card
            title={`${rows.filter((r) => r.shownStatus === 'PENDING').length} pending of ${rows.length} listed`}
            actions={
              <span className="flex items-center gap-3 text-sm text-slate-600">
                <span data-testid="invitations-age">
                  Read {formatDuration(ageOf(snapshot))} ago from {snapshot.accounts} account(s) in {snapshot.regions.length} Region(s)
                </span>
                <RefreshButton refresh={refreshInvitationsAction} />
              </span>
            }
            testId="invitations"
          >
            <InvitationInbox rows={rows} build={planInvitationsAction} />
          </Card>
        )}
      </div>
    </>
  );
}
