// Settings: RAM sharing with AWS Organizations, with its preflight checks and the Enable button.
import { Alert, Badge, Card, PageTitle } from '@/components/ui';
import { EnableSharingButton } from '@/components/enable-sharing-button';
import { requireUser } from '@/lib/auth/guard';
import { explainAwsError } from '@/lib/aws/errors';
import { getConsoleContext } from '@/lib/aws/identity';
import { currentRegion } from '@/lib/region';
import { getSharingStatus } from '@/lib/sharing';

export default async function SettingsPage() {
  const user = await requireUser();
  const region = await currentRegion();
  let context;
  try {
    context = await getConsoleContext({ region });
  } catch (error) {
    return (
      <>
        <PageTitle>Settings</PageTitle>
        <Alert tone="error" title="AWS cannot be reached">
          {explainAwsError(error, { operation: 'sts:GetCallerIdentity', region })}
        </Alert>
      </>
    );
  }
  const sharing = await getSharingStatus(context);
  return (
    <>
      <PageTitle>Settings</PageTitle>
      <Card title="Sharing with AWS Organizations" testId="sharing-settings">
        <p className="mb-4 text-sm text-slate-700">
          When on, AWS RAM can share resources with the whole organization or its OUs, and accounts inside the organization get
          access without invitations. Status:{' '}
          <span data-testid="sharing-status">{sharing.enabled ? <Badge tone="emerald">Enabled</Badge> : <Badge tone="amber">Off</Badge>}</span>
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
        {!sharing.enabled && <EnableSharingButton allowed={user.role === 'admin'} ready={sharing.canEnable} />}
      </Card>
    </>
  );
}
