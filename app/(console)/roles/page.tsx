// Cross-account access: every role in the organization that trusts a principal of another account.
import Link from 'next/link';
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { Alert, Badge, buttonClass, Card, Cell, PageTitle, Table } from '@/components/ui';
import { loadConsolePage } from '@/lib/page-context';
import { crossAccountTrusts } from '@/lib/iam/trusts';

export const dynamic = 'force-dynamic';

export default async function RolesPage() {
  const page = await loadConsolePage();
  const title = (
    <PageTitle description="Roles whose trust policy names a principal in another account: who can reach each account, and on what conditions.">Cross-account access</PageTitle>
  );
  if (!page.context) {
    return <AwsUnavailable title={title} error={page.error} />;
  }
  const { trusts, failures } = await crossAccountTrusts(page.context);
  return (
    <>
      {title}
      <div className="mb-4">
        <Link className={buttonClass()} href="/roles/new">
          Set up cross-account access
        </Link>
      </div>
      {failures.map((f) => (
        <div key={f.accountId} className="mb-3">
          <Alert tone="warning" title={`Account ${f.accountId} could not be read`}>
            {f.error}
          </Alert>
        </div>
      ))}
      <Card>
        {trusts.length === 0 ? (
          <p className="text-sm text-slate-500">No role in the organization trusts another account.</p>
        ) : (
          <Table columns={['Account', 'Role', 'Trusted principal', 'Conditions']} testId="trusts-table">
            {trusts.map((t) => (
              <tr key={`${t.roleArn} ${t.principal.principal} ${t.principal.statementIndex}`}>
                <Cell>
                  <Link className="text-sky-700 underline" href={`/accounts/${t.accountId}`}>
                    {t.accountName}
                  </Link>{' '}
                  <span className="text-xs text-slate-500">{t.accountId}</span>
                </Cell>
                <Cell>
                  <Link className="text-sky-700 underline" href={`/roles/${t.accountId}/${encodeURIComponent(t.roleName)}`}>
                    {t.roleName}
                  </Link>
                </Cell>
                <Cell mono>
                  {t.principal.principal}{' '}
                  {t.principalAccountName ? (
                    <span className="font-sans text-xs text-slate-500">({t.principalAccountName})</span>
                  ) : (
                    <Badge tone="amber">{t.principal.principal === '*' ? 'anyone' : 'outside the organization'}</Badge>
                  )}
                </Cell>
                <Cell>
                  <div className="flex flex-wrap gap-1">
                    {t.principal.externalId && <Badge tone="sky">ExternalId</Badge>}
                    {t.principal.requireMfa && <Badge tone="sky">MFA</Badge>}
                    {t.principal.organizationId && <Badge tone="sky">Organization only</Badge>}
                    {t.principal.otherConditions.map((c) => (
                      <Badge key={c}>{c}</Badge>
                    ))}
                    {!t.principal.externalId && !t.principal.requireMfa && !t.principal.organizationId && t.principal.otherConditions.length === 0 && (
                      <Badge tone={t.principalAccountName ? 'slate' : 'red'}>none</Badge>
                    )}
                  </div>
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
