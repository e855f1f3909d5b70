// Managed permissions of one account in the console's Region: AWS managed and customer managed, their versions
// and the shares using them; each change a plan. Thin: data from lib/ram, UI in components/permissions.
import Link from 'next/link';
import { PermissionsView } from '@/components/permissions/PermissionsView';
import { planPermissionEditAction } from '@/components/permissions/actions';
import { Alert, Button, inputClass, PageTitle } from '@/components/ui';
import { explainAwsError } from '@/lib/aws/errors';
import { loadConsolePage } from '@/lib/page-context';
import { organizationNames } from '@/lib/organizations/accounts';
import { allowedActionsByType, viewManagedPermissions, type ManagedPermissionsView } from '@/lib/ram/managed-permissions';

export const dynamic = 'force-dynamic';

// Past this many accounts and OUs the account is typed: ten thousand options are most of a page.
const CHOOSER_LIMIT = 1_000;

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
          {Object.keys(names).length <= CHOOSER_LIMIT ? (
            <label className="flex flex-col gap-1">
              <span className="font-medium">Account</span>
              <select name="account" defaultValue={accountId} className={inputClass}>
                {Object.entries(names)
                  .sort((a, b) => a[1].localeCompare(b[1]))
                  .map(([id, name]) => (
                    <option key={id} value={id}>
                      {name === id ? id : `${name} (${id})`}
                    </option>
                  ))}
              </select>
            </label>
          ) : (
            <label className="flex flex-col gap-1">
              <span className="font-medium">Account (12-digit account ID)</span>
              <input name="account" defaultValue={accountId} pattern="\d{12}" className={inputClass} />
            </label>
          )}
          <Button type="submit" variant="secondary">Show</Button>
          <span className="text-slate-500">Region {page.region} (the header&apos;s Region selector changes it). Customer managed permissions exist only in their account and Region.</span>
        </form>
        {requested && requested !== accountId && (
          <Alert tone="error" title="Account" testId="permissions-account-refused">
            {/^\d{12}$/.test(requested) ? `Account ${requested} is not in the organization as read so far` : 'An account is a 12-digit account ID'}: showing this account ({accountId}).
          </Alert>
        )}
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
