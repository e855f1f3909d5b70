// /shares/received (Shared with me): the shares other accounts give the console's account, a chosen member
// account, or all of them, in every configured Region, read live; leaving a share is a plan.
import Link from 'next/link';
import { BuildPlanButton } from '@/components/plan/BuildPlanButton';
import { statusTone } from '@/components/shares/ShareTables';
import { Alert, Badge, Button, Card, Cell, inputClass, PageTitle, Table } from '@/components/ui';
import { config } from '@/lib/config';
import { loadConsolePage } from '@/lib/page-context';
import { organizationAccounts } from '@/lib/organizations/accounts';
import { readReceivedAcross } from '@/lib/ram/received';
import { receivedIndividually } from '@/lib/ram/leave-share';
import { principalName } from '@/lib/ram/share-list';
import { organizationNames } from '@/lib/organizations/accounts';
import { planLeaveShareAction } from './actions';

export const dynamic = 'force-dynamic';

// Reading every account live is one fan-out per visit: beyond this, choose an account.
const ALL_ACCOUNTS_LIMIT = 100;

export default async function ReceivedSharesPage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  const page = await loadConsolePage();
  const title = <PageTitle description={`Shares other accounts give yours, in ${config().regions.join(', ')}.`}>Shared with me</PageTitle>;
  if (!page.context) {
    return (
      <>
        {title}
        <Alert tone="error" title="AWS cannot be reached">{page.error}</Alert>
      </>
    );
  }
  const { account } = await searchParams;
  const [accounts, names] = await Promise.all([organizationAccounts(page.context), organizationNames(page.context)]);
  const chosen = account === 'all' ? 'all' : accounts.some((a) => a.id === account) ? account! : page.context.accountId;
  const tooMany = chosen === 'all' && accounts.length > ALL_ACCOUNTS_LIMIT;
  const results = tooMany ? [] : await readReceivedAcross(chosen === 'all' ? accounts.map((a) => a.id) : [chosen], config().regions);
  const shares = results.flatMap((r) => (r.ok ? r.value : [])).sort((a, b) => a.accountId.localeCompare(b.accountId) || a.name.localeCompare(b.name));
  const failures = results.filter((r) => !r.ok);
  return (
    <>
      {title}
      <p className="mb-4 text-sm">
        <Link className="text-sky-700 underline" href="/shares">
          Shared by the organization
        </Link>
      </p>
      <form className="mb-4 flex items-end gap-2" action="/shares/received">
        <label className="flex flex-col gap-1 text-sm">
          Receiving account
          <select name="account" defaultValue={chosen} className={inputClass}>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.id})
              </option>
            ))}
            <option value="all">All accounts</option>
          </select>
        </label>
        <Button type="submit" variant="secondary" size="sm">
          Show
        </Button>
      </form>
      {tooMany && <Alert tone="info">The organization has {accounts.length} accounts: choose one (all of them are read live only up to {ALL_ACCOUNTS_LIMIT}).</Alert>}
      {failures.length > 0 && (
        <div className="mb-4">
          <Alert tone="warning" title="Some accounts or Regions could not be read">
            <ul className="list-disc pl-5">
              {failures.map((f) => (
                <li key={`${f.accountId}/${f.region}`}>
                  {names[f.accountId] ?? f.accountId} ({f.accountId}, {f.region}): {!f.ok && f.error}
                </li>
              ))}
            </ul>
          </Alert>
        </div>
      )}
      <Card title={`Received shares (${shares.length})`} testId="received-shares">
        <Table columns={['Share', 'Receiving account', 'Owner', 'Region', 'Status', 'Resources', 'Received through', '']}>
          {shares.map((s) => (
            <tr key={`${s.accountId}/${s.arn}`} data-testid="received-share">
              <Cell>
                <span className="font-medium">{s.name}</span>
                <span className="block font-mono text-xs text-slate-500">{s.arn}</span>
              </Cell>
              <Cell>
                {names[s.accountId] ?? s.accountId} <span className="font-mono text-xs text-slate-500">{s.accountId}</span>
              </Cell>
              <Cell>
                <span data-testid="received-owner">{names[s.owningAccountId] && s.owningAccountId !== names[s.owningAccountId] ? names[s.owningAccountId] : 'outside the organization'}</span>
                <span className="block font-mono text-xs text-slate-500">{s.owningAccountId}</span>
              </Cell>
              <Cell mono className="whitespace-nowrap">{s.region}</Cell>
              <Cell>
                <Badge tone={statusTone(s.status)}>{s.status}</Badge>
              </Cell>
              <Cell>
                <ul className="font-mono text-xs">
                  {s.resources.map((r) => (
                    <li key={r.arn}>
                      {r.type}: {r.arn.split(/[:/]/).pop()}
                    </li>
                  ))}
                </ul>
              </Cell>
              <Cell>{s.via.map((v) => (v === s.accountId ? 'this account' : (principalName(v, names) ?? v))).join(', ') || '—'}</Cell>
              <Cell>
                {receivedIndividually(s) ? (
                  <BuildPlanButton label="Plan leaving" build={planLeaveShareAction} input={{ accountId: s.accountId, region: s.region, resourceShareArn: s.arn }} />
                ) : (
                  <span className="text-xs text-slate-500">Received through the organization: only the owner can remove it.</span>
                )}
              </Cell>
            </tr>
          ))}
        </Table>
      </Card>
    </>
  );
}
