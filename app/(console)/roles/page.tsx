// /roles: every role of the organization and whom its trust policy lets in, from the IAM snapshot (the last
// reading at once, with its age; a running read's progress), searched, filtered, sorted and paged on the server
// with everything in the URL. Thin: data from lib/iam/roles-page.ts.
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { IamStatus } from '@/components/access/IamStatus';
import { RoleRows } from '@/components/roles/RoleRows';
import { buttonClass, Card, FilterForm, Link, PageTitle, Pager, Reading } from '@/components/ui';
import { Streamed } from '@/components/ui/Streamed';
import { parseRoleFilters, ROLE_SORTS, rolesHref, TRUST_KINDS, type RoleFilters } from '@/lib/iam/roles-view';
import { rolesView, type RolesView } from '@/lib/iam/roles-page';
import { loadConsolePage } from '@/lib/page-context';

export const dynamic = 'force-dynamic';

// A cold console's first read gets this long to show its first accounts before the page answers without them.
const FIRST_ACCOUNTS_WAIT_MS = 500;

export default async function RolesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await loadConsolePage();
  const title = (
    <PageTitle description="Every role in the organization's accounts and whom its trust policy lets in: other accounts, AWS services, SAML and OIDC providers. Open a role for its trust explained and verified.">
      Cross-account access
    </PageTitle>
  );
  if (!page.context) return <AwsUnavailable title={title} error={page.error} />;
  const filters = parseRoleFilters(await searchParams);
  return (
    <>
      {title}
      <div className="mb-4">
        <Link className={buttonClass()} href="/roles/new">
          Set up cross-account access
        </Link>
      </div>
      <Streamed read={() => rolesView(page.context, filters, FIRST_ACCOUNTS_WAIT_MS)} fallback={<Reading>Reading the organization&apos;s IAM…</Reading>}>
        {(view) => <RolesList view={view} filters={filters} />}
      </Streamed>
    </>
  );
}

function RolesList({ view, filters }: { view: RolesView; filters: RoleFilters }) {
  const { iam, names, page, memberRole } = view;
  return (
    <>
      <IamStatus status={iam} names={names} />
      <Card>
        <FilterForm
          id="roles"
          hidden={{ member: filters.member }}
          fields={[
            { name: 'q', label: 'Search', value: filters.q },
            { name: 'account', label: 'Account', value: filters.account, narrow: true },
            { name: 'kind', label: 'Trusts', value: filters.kind, options: TRUST_KINDS },
            { name: 'sort', label: 'Sort by', value: filters.sort === 'account' ? undefined : filters.sort, options: ROLE_SORTS.filter((s) => s !== 'account') },
          ]}
        />
        <p className="mb-3 text-sm text-slate-600" data-testid="member-roles">
          {filters.member ? (
            <>
              Showing {memberRole}, the role used to reach member accounts.{' '}
              <Link className="text-sky-700 underline" href={rolesHref(filters, { member: undefined, page: 1 })}>
                Hide it
              </Link>
            </>
          ) : (
            <>
              {page.hiddenMemberRoles} {memberRole} role(s) hidden (the role used to reach member accounts).{' '}
              <Link className="text-sky-700 underline" href={rolesHref(filters, { member: 'show', page: 1 })}>
                Show them
              </Link>
            </>
          )}
        </p>
        {page.matching === 0 ? (
          <p className="text-sm text-slate-500" data-testid="no-roles">
            No role matches.
          </p>
        ) : (
          <RoleRows rows={page.rows} names={names} />
        )}
        <Pager page={page} noun="roles" href={(n) => rolesHref(filters, { page: n })} testId="roles-pager" countTestId="matching-roles" />
      </Card>
    </>
  );
}
