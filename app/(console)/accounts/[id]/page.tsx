// An account's access page: who can reach it (inbound) and what its principals can reach (outbound), by role
// or share, each path explained layer by layer; its role chains; and a graph of its neighbourhood with the
// tables as its text alternative. Thin: data from lib/access.
import { notFound } from 'next/navigation';
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { AccessGraphDrawn } from '@/components/access/AccessGraphDrawn';
import { FindingsTable } from '@/components/access/FindingsTable';
import { IamStatus } from '@/components/access/IamStatus';
import { PathsTable } from '@/components/access/PathRows';
import { Card, Link, PageTitle, Reading } from '@/components/ui';
import { Streamed } from '@/components/ui/Streamed';
import { findingRows } from '@/lib/access/finding-rows';
import { pathRows } from '@/lib/access/path-rows';
import { MAX_CHAIN_HOPS, MAX_CHAINS, type Chain } from '@/lib/access/chains';
import { listQuery } from '@/lib/paging';
import { accessViewSoon, accountAccess, accountFindings, type AccessView } from '@/lib/access/view';
import { findingsOf } from '@/lib/access/findings-view';
import type { SignedInUser } from '@/lib/auth/guard';
import { loadConsolePage } from '@/lib/page-context';

export const dynamic = 'force-dynamic';

const FIRST_PATHS_WAIT_MS = 1_500;
// Rows shown per table: the page is the account's overview, the graph and what matters most (open paths first); the
// rest are on /access, filtered to this account (a busy account has thousands, and each row is rendered per view).
const ROWS = 10;
// The most severe findings: each carries its explanation and fixes, three times a path's weight.
const FINDING_ROWS = 5;

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{12}$/.test(id)) notFound();
  const page = await loadConsolePage();
  if (!page.context) return <AwsUnavailable title={<PageTitle>Account {id}</PageTitle>} error={page.error} />;
  return (
    <Streamed
      read={() => accessViewSoon(page.context, FIRST_PATHS_WAIT_MS)}
      fallback={
        <>
          <PageTitle>Account {id}</PageTitle>
          <Reading>Reading the organization&apos;s IAM…</Reading>
        </>
      }
    >
      {(view) => <AccountView view={view} user={page.user} id={id} />}
    </Streamed>
  );
}

function Chains({ chains, names, testId }: { chains: Chain[]; names: Record<string, string>; testId: string }) {
  if (chains.length === 0) return <p className="text-sm text-slate-500">None.</p>;
  return (
    <ul className="space-y-1 text-sm" data-testid={testId}>
      {chains.slice(0, ROWS).map((c) => (
        <li key={c.hops.map((h) => h.id).join('>')} data-testid="chain">
          {c.hops[0].source.label}
          {c.hops.map((h) => (
            <span key={h.id}>
              {' → '}
              <span className="font-medium">{h.target.name}</span> <span className="text-xs text-slate-500">({names[h.destinationAccount] ?? h.destinationAccount})</span>
            </span>
          ))}
        </li>
      ))}
      {chains.length > ROWS && <li className="text-slate-500">and {chains.length - ROWS} more{chains.length >= MAX_CHAINS ? ` (the first ${MAX_CHAINS} followed)` : ''}.</li>}
    </ul>
  );
}

async function AccountView({ view, user, id }: { view: AccessView; user: SignedInUser; id: string }) {
  const { names } = view;
  const member = view.index.organization.accounts[id];
  const { inbound, outbound, graph, ...chains } = accountAccess(view.index, id);
  const shownIn = inbound.slice(0, ROWS);
  const shownOut = outbound.slice(0, ROWS);
  const findings = accountFindings((await findingsOf(view)).findings, id);
  const where = member ? ['Root', ...member.parents.slice(1).map((p) => names[p] ?? p)].join(' / ') : 'outside the organization, or not yet read';
  return (
    <>
      <PageTitle description={`Account ${id} · ${where}. Who can reach it, and what its principals can reach.`}>{names[id] ?? `Account ${id}`}</PageTitle>
      <IamStatus status={view.iam} names={names} computedMs={view.computedMs} />
      <Card>
        <h2 className="mb-2 text-base font-semibold">Neighbourhood</h2>
        <p className="mb-2 text-sm text-slate-600">
          <a href="#inbound" className="text-sky-700 underline">
            Skip to the tables
          </a>
        </p>
        <AccessGraphDrawn graph={graph} />
      </Card>
      <div className="mt-4" id="findings">
        <Card>
          <h2 className="mb-2 text-base font-semibold">
            Findings ({findings.filter((f) => !f.accepted).length} open, {findings.filter((f) => f.accepted).length} accepted)
          </h2>
          {findings.length ? <FindingsTable findings={findingRows(findings.slice(0, FINDING_ROWS), names)} canAccept={user.role === 'admin'} testId="account-findings" /> : <p className="text-sm text-slate-500">None.</p>}
          {findings.length > FINDING_ROWS && (
            <Link className="text-sm text-sky-700 underline" href={`/access${listQuery({ tab: 'findings', account: id })}`}>
              All {findings.length} findings
            </Link>
          )}
        </Card>
      </div>
      <div className="mt-4" id="inbound">
        <Card>
          <h2 className="mb-2 text-base font-semibold">Inbound: who can reach {names[id] ?? id} ({inbound.length})</h2>
          <PathsTable rows={pathRows(shownIn, names)} testId="inbound-table" show="source" />
          {inbound.length > ROWS && (
            <Link className="text-sm text-sky-700 underline" href={`/access${listQuery({ to: id })}`}>
              All {inbound.length} inbound paths
            </Link>
          )}
        </Card>
      </div>
      <div className="mt-4" id="outbound">
        <Card>
          <h2 className="mb-2 text-base font-semibold">Outbound: what its principals can reach ({outbound.length})</h2>
          <PathsTable rows={pathRows(shownOut, names)} testId="outbound-table" show="destination" />
          {outbound.length > ROWS && (
            <Link className="text-sm text-sky-700 underline" href={`/access${listQuery({ from: id })}`}>
              All {outbound.length} outbound paths
            </Link>
          )}
        </Card>
      </div>
      <div className="mt-4">
        <Card>
          <h2 className="mb-2 text-base font-semibold">Role chains (up to {MAX_CHAIN_HOPS} roles; a chained session lasts at most one hour)</h2>
          <h3 className="mt-2 text-sm font-medium">Into this account</h3>
          <Chains chains={chains.chainsInto} names={names} testId="chains-into" />
          <h3 className="mt-3 text-sm font-medium">Out of this account</h3>
          <Chains chains={chains.chainsFrom} names={names} testId="chains-from" />
        </Card>
      </div>
    </>
  );
}
