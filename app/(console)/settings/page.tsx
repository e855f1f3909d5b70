// Settings: RAM sharing with AWS Organizations, with its preflight checks and the plan that enables it.
import { BuildPlanButton } from '@/components/plan/BuildPlanButton';
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { Alert, Badge, Card, PageTitle } from '@/components/ui';
import { loadConsolePage } from '@/lib/page-context';
import { getSharingStatus } from '@/lib/ram/sharing';
import { planEnableSharingAction } from './actions';

export default async function SettingsPage() {
  const page = await loadConsolePage();
  if (!page.context) {
    return <AwsUnavailable title={<PageTitle>Settings</PageTitle>} error={page.error} />;
  }
  const sharing = await getSharingStatus(page.context);
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
        {!sharing.enabled && (
          <>
            <p className="mb-2 text-sm text-slate-600">
              Enabling is one call, <span className="font-mono">ram:EnableSharingWithAwsOrganization</span>: review it as a plan (with its CLI and
              Terraform equivalents) before an admin applies it.
            </p>
            <BuildPlanButton label="Review the plan to enable sharing" build={planEnableSharingAction} input={{}} disabled={!sharing.canEnable} />
          </>
        )}
      </Card>
    </>
  );
}
