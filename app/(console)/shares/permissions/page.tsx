// Managed permissions of one account in the console's Region: AWS managed and customer managed, their versions
// and the shares using them; each change a plan. Thin: data from lib/ram, UI in components/permissions.
import { PermissionsView } from '@/components/permissions/PermissionsView';
import { planPermissionEditAction } from '@/components/permissions/actions';
import { AccountChooser, AccountRefused } from '@/components/AccountChooser';
import { Alert, Button, Link, PageTitle } from '@/components/ui';
import { explainAwsError } from '@/lib/aws/errors';
import { loadConsolePage } from '@/lib/page-context';
import { namedAccounts, organizationNames } from '@/lib/organizations/accounts';
import { allowedActionsByType, viewManagedPermissions, type ManagedPermissionsView } from '@/lib/ram/managed-permissions';

export const dynamic = 'force-dynamic';

export default async function ManagedPermissionsPage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  const page = await loadConsolePage();
  const title = <PageTitle description={<Link className="text-sky-700 underline" href="/shares">All resource shares</Link>}>Managed permissions</PageTitle>;
  if (!page.context) {
    return (
      <>
        {title}
        <Alert tone="error" title="AWS cannot be reached">{page.error}</Alert>
      </>
    );
  }
  // Without the organization's names the console's own account is still offered.
  const names = await organizationNames(page.context).catch(() => ({ [page.context.accountId]: page.context.accountId }));
  const requested = (await searchParams).account;
  const accountId = requested && /^\d{12}$/.test(requested) && names[requested] ? requested : page.context.accountId;
  const accounts = namedAccounts(names);
  let view: (ManagedPermissionsView & { readAt: number; late: boolean }) | undefined;
  let error: string | undefined;
  try {
    view = await viewManagedPermissions({ accountId, region: page.region });
  } catch (e) {
    error = explainAwsError(e, { operation: 'ram:ListPermissions', accountId, region: page.region });
  }
  return (
    <>
      {title}
      <div className="flex flex-col gap-6">
        <form method="get" className="flex items-end gap-2 text-sm" data-testid="permissions-account">
          <AccountChooser label="Account" accounts={accounts} value={accountId} own={page.context.accountId} />
          <Button type="submit" variant="secondary">Show</Button>
          <span className="text-slate-500">Region {page.region} (the header&apos;s Region selector changes it). Customer managed permissions exist only in their account and Region.</span>
        </form>
        {requested && requested !== accountId && <AccountRefused title="Account" typed={requested} own={accountId} testId="permissions-account-refused" />}
        {error && <Alert tone="error" title="The permissions could not be read">{error}</Alert>}
        {view?.late && (
          <p className="text-sm text-slate-500" data-testid="permissions-read-at">
            As read at {new Date(view.readAt).toISOString().slice(11, 19)} UTC: AWS is slow to answer, and they are being read again.
          </p>
        )}
        {view && <PermissionsView view={view} allowed={allowedActionsByType(view)} build={planPermissionEditAction} />}
      </div>
    </>
  );
}
