// /access: every access path of the organization — roles and shares, inside and outside it — with filters and
// search in the URL, one page at a time. Thin: data from lib/access.
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { IamStatus } from '@/components/access/IamStatus';
import { FindingsTable } from '@/components/access/FindingsTable';
import { PathsTable } from '@/components/access/PathRows';
import { Card, FilterForm, Link, PageTitle, Pager, Reading } from '@/components/ui';
import { Streamed } from '@/components/ui/Streamed';
import { DENSE_PAGE_SIZE, listQuery, pageOf } from '@/lib/paging';
import { countPaths, filterPaths, parseAccessFilters, PATH_KINDS, type AccessFilters } from '@/lib/access/filters';
import { findingRows } from '@/lib/access/finding-rows';
import { pathRows } from '@/lib/access/path-rows';
import { MAX_CHAIN_HOPS } from '@/lib/access/chains';
import { accessViewSoon, type AccessView } from '@/lib/access/view';
import { FINDING_KINDS, SEVERITIES } from '@/lib/access/findings';
import { filterFindings, openBySeverity, parseFindingFilters, type FindingFilters } from '@/lib/access/findings-filters';
import { findingsOf } from '@/lib/access/findings-view';
import type { SignedInUser } from '@/lib/auth/guard';
import { loadConsolePage } from '@/lib/page-context';

export const dynamic = 'force-dynamic';

// A first read streams in: the page shows the first accounts' paths, then the status bar polls.
const FIRST_PATHS_WAIT_MS = 1_500;

export default async function AccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await loadConsolePage();
  const title = (
    <PageTitle description={`Every path into and out of the organization's accounts: roles (trust, identity policies, boundaries, SCPs and RCPs evaluated) and resource shares. Open an account for its paths explained layer by layer and its chains (up to ${MAX_CHAIN_HOPS} roles).`}>
      Who can reach what
    </PageTitle>
  );
  if (!page.context) return <AwsUnavailable title={title} error={page.error} />;
  const params = await searchParams;
  const findings = params.tab === 'findings';
  const tab = (href: string, label: string, current: boolean) => (
    <Link href={href} aria-current={current ? 'page' : undefined} className={current ? 'border-b-2 border-slate-900 pb-1 font-semibold' : 'pb-1 text-sky-700'}>
      {label}
    </Link>
  );
  return (
    <>
      {title}
      <nav aria-label="Access views" className="mb-4 flex gap-6 text-sm">
        {tab('/access', 'Paths', !findings)}
        {tab('/access?tab=findings', 'Findings', findings)}
        {tab('/access/move', 'Move an account', false)}
      </nav>
      <Streamed read={() => accessViewSoon(page.context, FIRST_PATHS_WAIT_MS)} fallback={<Reading>Reading the organization&apos;s IAM…</Reading>}>
        {(view) => (findings ? <FindingsView view={view} user={page.user} filters={parseFindingFilters(params)} /> : <PathsView view={view} filters={parseAccessFilters(params)} />)}
      </Streamed>
    </>
  );
}

async function FindingsView({ view, user, filters }: { view: AccessView; user: SignedInUser; filters: FindingFilters }) {
  const { findings, computedMs } = await findingsOf(view);
  const counts = openBySeverity(findings);
  const matching = pageOf(filterFindings(findings, filters, view.index.organization), filters.page, DENSE_PAGE_SIZE);
  return (
    <>
      <IamStatus status={view.iam} names={view.names} computedMs={view.computedMs} />
      <p className="mb-3 text-sm text-slate-700" data-testid="finding-counts">
        Open findings: {SEVERITIES.map((s) => `${counts[s]} ${s}`).join(' · ')} · {findings.filter((f) => f.accepted).length} accepted · computed in {Math.round(computedMs)} ms
      </p>
      <Card>
        <FilterForm
          id="findings"
          hidden={{ tab: 'findings' }}
          fields={[
            { name: 'q', label: 'Search', value: filters.q },
            { name: 'account', label: 'Account', value: filters.account, narrow: true },
            { name: 'ou', label: 'OU', value: filters.ou, narrow: true },
            { name: 'kind', label: 'Kind', value: filters.kind, options: Object.keys(FINDING_KINDS) },
            { name: 'severity', label: 'Severity', value: filters.severity, options: SEVERITIES },
            { name: 'scope', label: 'Organization', value: filters.scope, options: ['inside', 'outside'] },
            { name: 'state', label: 'State', value: filters.state, options: ['open', 'accepted'] },
          ]}
        />
        <FindingsTable findings={findingRows(matching.rows, view.names)} canAccept={user.role === 'admin'} />
        <Pager page={matching} noun="findings" href={(n) => `/access${listQuery({ tab: 'findings', ...filters, page: n })}`} testId="findings-pager" countTestId="matching-findings" />
      </Card>
    </>
  );
}

function PathsView({ view, filters }: { view: AccessView; filters: AccessFilters }) {
  const counts = countPaths(view.index);
  const matching = pageOf(filterPaths(view.index, filters, view.names), filters.page, DENSE_PAGE_SIZE);
  return (
    <>
      <IamStatus status={view.iam} names={view.names} computedMs={view.computedMs} />
      <p className="mb-3 text-sm text-slate-700" data-testid="path-counts">
        {counts.total} paths · {counts.outside} from outside the organization · {counts.withoutConditions} open without conditions · {counts.blocked} blocked
      </p>
      <Card>
        <FilterForm
          id="access"
          fields={[
            { name: 'q', label: 'Search', value: filters.q },
            { name: 'from', label: 'From account or OU', value: filters.from, narrow: true },
            { name: 'to', label: 'Into account or OU', value: filters.to, narrow: true },
            { name: 'kind', label: 'Kind', value: filters.kind, options: PATH_KINDS },
            { name: 'scope', label: 'Source', value: filters.scope, options: ['inside', 'outside'] },
            { name: 'conditions', label: 'Conditions', value: filters.conditions, options: ['with', 'without'] },
            { name: 'status', label: 'Status', value: filters.status, options: ['open', 'conditional', 'blocked'] },
          ]}
        />
        <PathsTable rows={pathRows(matching.rows, view.names)} testId="paths-table" />
        <Pager page={matching} noun="paths" href={(n) => `/access${listQuery({ ...filters, page: n })}`} />
      </Card>
    </>
  );
}
