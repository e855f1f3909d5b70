// Moving an account: choose it and a destination OU, see what it gains and loses before any change (shares
// through OUs, SCPs and RCPs, org-path conditions, access paths), then build the MoveAccount plan. Thin: the
// preview comes from lib/access/move.ts.
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { planMoveAccountAction } from '@/components/access/move-actions';
import { BuildPlanButton } from '@/components/plan/BuildPlanButton';
import { Alert, Card, FilterForm, Link, PageTitle } from '@/components/ui';
import { destinationParents, previewMoveSteps, type MoveChange } from '@/lib/access/move';
import { accessView } from '@/lib/access/view';
import { runInSlices } from '@/lib/cache/slices';
import { loadConsolePage } from '@/lib/page-context';
import { currentOrganization } from '@/lib/organizations/accounts';
import { getShareSnapshot } from '@/lib/ram/snapshot';
import { shareSnapshotSource } from '@/lib/ram/snapshot-source';

export const dynamic = 'force-dynamic';

// OUs named on the page up to this many; a large organization's (1,000 on the large seed) are found in its tree.
const OUS_LISTED = 50;

function Changes<T>({ title, change, render, testId }: { title: string; change: MoveChange<T>; render: (t: T) => string; testId: string }) {
  const list = (items: T[], sign: string, tone: string) =>
    items.map((item, i) => (
      <li key={i} className={tone} data-testid={sign === '+' ? 'gained' : 'lost'}>
        {sign} {render(item)}
      </li>
    ));
  return (
    <section className="mb-4" data-testid={testId}>
      <h3 className="text-sm font-semibold text-slate-800">{title}</h3>
      {change.gained.length + change.lost.length === 0 ? (
        <p className="text-sm text-slate-500">No change.</p>
      ) : (
        <ul className="text-sm">
          {list(change.gained, '+', 'text-emerald-800')}
          {list(change.lost, '−', 'text-red-800')}
        </ul>
      )}
    </section>
  );
}

export default async function MovePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await loadConsolePage();
  const title = <PageTitle description="What an account gains and loses by moving to another OU, before any change; then the organizations:MoveAccount plan.">Move an account</PageTitle>;
  if (!page.context) return <AwsUnavailable title={title} error={page.error} />;
  const params = await searchParams;
  const account = typeof params.account === 'string' && /^\d{12}$/.test(params.account) ? params.account : undefined;
  const to = typeof params.to === 'string' ? params.to : undefined;
  const snapshot = await currentOrganization(page.context);
  if (!snapshot) return <AwsUnavailable title={title} error="The console cannot list the organization: moving accounts needs the management account or a delegated administrator." />;
  if (!snapshot.complete) {
    const read = Object.values(snapshot.nodes).filter((n) => n.type === 'ACCOUNT').length;
    return (
      <>
        {title}
        <Alert tone="info" title="The organization is still being read">
          {read} accounts so far. What a move changes depends on the whole tree: <Link className="underline" href={`/access/move?${new URLSearchParams(Object.entries({ account, to }).filter((e): e is [string, string] => !!e[1]))}`}>reload</Link> once the{' '}
          <Link className="underline" href="/organization">organization</Link> is read.
        </Alert>
      </>
    );
  }
  const ous = Object.values(snapshot.nodes).filter((n) => n.type !== 'ACCOUNT');
  const parents = to ? destinationParents(snapshot, to) : undefined;
  const view = account && parents ? await accessView(page.context) : undefined;
  const member = account && view?.index.organization.accounts[account];
  // Seconds of one core at 10,000 accounts (the paths again, with the account moved): in slices, pages served between.
  const preview = view && member && parents ? await runInSlices(previewMoveSteps({ iam: view.iam.snapshot, organization: view.index.organization, index: view.index, ram: getShareSnapshot(shareSnapshotSource(page.context)).snapshot }, account!, parents)) : undefined;
  return (
    <>
      {title}
      <p className="mb-3 text-sm">
        <Link className="text-sky-700 underline" href="/access">
          Back to who can reach what
        </Link>
      </p>
      <Card>
        <FilterForm
          id="move"
          fields={[
            { name: 'account', label: 'Account ID', value: account, narrow: true },
            { name: 'to', label: 'Destination OU or root ID', value: to, narrow: true },
          ]}
        />
        <p className="text-xs text-slate-500" data-testid="move-ous">
          {ous.length <= OUS_LISTED ? (
            `OUs: ${ous.map((o) => `${o.type === 'ROOT' ? 'Root' : o.name} (${o.id})`).join(', ')}`
          ) : (
            <>
              {ous.length - 1} OUs and the root: find an OU&apos;s ID in the{' '}
              <Link className="underline" href="/organization">
                organization&apos;s tree
              </Link>
              .
            </>
          )}
        </p>
        {account && !member && <Alert tone="error">Account: {account} is not an account of the organization.</Alert>}
        {to && !parents && <Alert tone="error">Destination: {to} is not the root or an OU of the organization.</Alert>}
      </Card>
      {preview && (
        <div className="mt-4">
          <Card testId="move-preview">
            <h2 className="mb-3 text-base font-semibold">
              {view!.names[account!] ?? account}: {preview.fromPath.join(' / ')} → {preview.toPath.join(' / ')}
            </h2>
            <Changes title="Service control policies" change={preview.scps} render={(s) => s} testId="move-scps" />
            <Changes title="Resource control policies" change={preview.rcps} render={(s) => s} testId="move-rcps" />
            <Changes title="Resource shares reached through an OU" change={preview.shares} render={(s) => `${s.name} (through ${s.via})`} testId="move-shares" />
            <Changes title="aws:PrincipalOrgPaths / aws:ResourceOrgPaths conditions" change={preview.conditions} render={(c) => `${c.statement} of ${c.policy}: ${c.condition}`} testId="move-conditions" />
            <Changes title="Access paths" change={preview.paths} render={(p) => `${p.source.label} → ${p.target.name} in ${view!.names[p.destinationAccount] ?? p.destinationAccount} (${p.status})`} testId="move-paths" />
            <BuildPlanButton label="Review the MoveAccount plan" build={planMoveAccountAction} input={{ accountId: account!, destinationParentId: to! }} />
          </Card>
        </div>
      )}
    </>
  );
}
