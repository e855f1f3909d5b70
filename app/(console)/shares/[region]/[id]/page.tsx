// A resource share's page: summary, resources, principals (named from the organization), managed permissions
// and tags as AWS reads them now, and its changes as plans. Thin: data from lib/ram.
import { externalFact } from '@/lib/ram/resource-types';
import { Alert, Badge, Card, Cell, Link, PageTitle, Table } from '@/components/ui';
import { ShareEditor } from '@/components/shares/ShareEditor';
import { ShareFeatures } from '@/components/shares/ShareFeatures';
import { planPromoteShareAction } from '@/components/shares/promote-actions';
import { readShareSources, type ShareSource } from '@/lib/ram/sources';
import { statusTone } from '@/components/shares/status-tone';
import { explainAwsError } from '@/lib/aws/errors';
import { loadConsolePage } from '@/lib/page-context';
import { permissionsByType, type PermissionChoice } from '@/lib/ram/permissions';
import { principalKind, principalName } from '@/lib/ram/share-list';
import { getShareSnapshotSoon, refreshSharesOf, type SharePrincipal, type ShareRecord } from '@/lib/ram/snapshot';
import { shareSnapshotSource } from '@/lib/ram/snapshot-source';
import { currentOrganization, organizationNames } from '@/lib/organizations/accounts';
import { loadChildrenAction, searchAction } from '@/components/organization-tree/actions';
import { listResourcesAction, startModifyAction } from '@/components/share-wizard/actions';
import { GoButton } from '@/components/wizard';
import { checkSharePrincipalAction } from '@/components/shares/share-editor-actions';
import type { ConsoleContext } from '@/lib/aws/identity';
import { principalTreeOf } from '@/lib/ram/create-share';
import { listOwnedResources } from '@/lib/ram/resources';
import { viewSharingStatus } from '@/lib/ram/sharing';
import { planShareEditAction } from './actions';
import { listResourceTypes, orgOnlyTypes, resourceTypeInfo, type ResourceTypeInfo } from '@/lib/ram/resource-types';

export const dynamic = 'force-dynamic';

const utc = (ms?: number) => (ms ? `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC` : '—');

/** Invitations only go to principals outside the organization; RAM holds their association at ASSOCIATING until they accept. */
function invitation(p: SharePrincipal): string {
  if (!p.external) return '—';
  return p.status === 'ASSOCIATING' ? 'Pending' : p.status === 'ASSOCIATED' ? 'Accepted' : p.status;
}

/** The Name tag of each resource in the share, where its service has one (read from the owner's listing; a failed read leaves names out). */
async function resourceNamesOf(share: ShareRecord): Promise<Record<string, string>> {
  const types = [...new Set(share.resources.map((r) => r.type))];
  const listings = await Promise.all(types.map((t) => listOwnedResources({ accountId: share.owningAccountId, region: share.region }, t).catch(() => undefined)));
  return Object.fromEntries(listings.flatMap((l) => l?.resources ?? []).flatMap((r) => (r.name ? [[r.arn, r.name] as const] : [])));
}

/** The organization tree for picking principals: only in the management account with sharing with Organizations on. */
async function principalTree(context: ConsoleContext) {
  if (context.standing !== 'management') return { unavailable: `The organization's structure can be shown only when the console runs in the management account (it runs in ${context.accountId}). Type principals below.` };
  if (!(await viewSharingStatus(context)).enabled) return { unavailable: 'Sharing with AWS Organizations is not enabled, so RAM cannot share with the organization or its OUs. Type accounts below.' };
  const snapshot = await currentOrganization(context);
  return snapshot ? { tree: { ...principalTreeOf(snapshot), loadChildren: loadChildrenAction, search: searchAction } } : { unavailable: 'The organization cannot be read.' };
}

// A first reading of the share list is given this long to find shares; the page then says it is still being read.
const FIRST_ROWS_WAIT_MS = 800;

export default async function SharePage({ params }: { params: Promise<{ region: string; id: string }> }) {
  const { region, id } = await params;
  const page = await loadConsolePage();
  if (!page.context) {
    return (
      <>
        <PageTitle>Resource share</PageTitle>
        <Alert tone="error" title="AWS cannot be reached">{page.error}</Alert>
      </>
    );
  }
  const [{ snapshot }, names] = await Promise.all([getShareSnapshotSoon(shareSnapshotSource(page.context), FIRST_ROWS_WAIT_MS), organizationNames(page.context)]);
  const known = Object.values(snapshot.shares).find((s) => s.region === region && s.id === id);
  if (!known) {
    return (
      <>
        <PageTitle>Resource share</PageTitle>
        <Alert tone="warning" title={`No share ${id} in ${region}`}>
          The organization&apos;s share list does not hold it{snapshot.complete ? '' : ' yet (it is still being read)'}. <Link className="underline" href="/shares">Back to the list</Link>, or refresh it there.
        </Alert>
      </>
    );
  }
  // What AWS says now (and the list learns it too): associations settle after a change.
  let share: ShareRecord | undefined = known;
  let readError: string | undefined;
  let permissions: Record<string, PermissionChoice[]> = {};
  let resourceTypes: ResourceTypeInfo[] = [];
  let resourceNames: Record<string, string> = {};
  let sources: ShareSource[] = [];
  try {
    share = (await refreshSharesOf(known.owningAccountId, known.region)).find((s) => s.arn === known.arn);
    if (share) {
      [permissions, resourceTypes, resourceNames, sources] = await Promise.all([
        permissionsByType(share.owningAccountId, share.region, share.permissions.map((p) => p.resourceType)),
        listResourceTypes({ accountId: share.owningAccountId, region: share.region }),
        resourceNamesOf(share),
        readShareSources(share.owningAccountId, share.region, share.arn),
      ]);
    }
  } catch (error) {
    readError = explainAwsError(error, { operation: 'ram:GetResourceShares', accountId: known.owningAccountId, region: known.region });
  }
  if (!share) {
    return (
      <>
        <PageTitle>{known.name}</PageTitle>
        <Alert tone="info" title="The share is deleted">Its owner {known.owningAccountId} no longer lists it in {known.region}. <Link className="underline" href="/shares">Back to the list</Link>.</Alert>
      </>
    );
  }
  const owner = names[share.owningAccountId];
  const picker = await principalTree(page.context).catch((error: unknown) => ({ tree: undefined, unavailable: explainAwsError(error, { operation: 'organizations:ListRoots' }) }));
  const summary: [string, React.ReactNode][] = [
    ['Name', share.name],
    ['ID', <span key="id" className="font-mono">{share.id}</span>],
    ['ARN', <span key="arn" className="font-mono text-xs">{share.arn}</span>],
    ['Owner', `${owner ? `${owner} ` : ''}(${share.owningAccountId})`],
    ['Region', share.region],
    ['Status', <Badge key="s" tone={statusTone(share.status)} testId="share-status">{share.status}</Badge>],
    ['Created', utc(share.creationTime)],
    ['Last updated', utc(share.lastUpdatedTime)],
    ['Allows external principals', externalFact(share.allowExternalPrincipals, share.resources.map((r) => r.type))],
  ];
  return (
    <>
      <PageTitle description={<Link className="text-sky-700 underline" href="/shares">All resource shares</Link>}>{share.name}</PageTitle>
      <div className="flex flex-col gap-6">
        {(share.featureSet ?? 'STANDARD') === 'STANDARD' && share.status === 'ACTIVE' && (
          <div className="flex flex-wrap items-center gap-3" data-testid="share-modify">
            <GoButton label="Modify" action={startModifyAction} input={{ accountId: share.owningAccountId, region: share.region, resourceShareArn: share.arn }} />
            <span className="text-sm text-slate-600">The four steps of creation, filled in from the share as AWS reads it; the review shows the plan of exactly what changes.</span>
          </div>
        )}
        {readError && <Alert tone="warning" title="The share could not be read again; this is the list's copy">{readError}</Alert>}
        <Card title="Summary" testId="share-summary">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
            {summary.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={`Resources (${share.resources.length})`} testId="share-resources">
          <Table columns={['Type', 'Resource', 'Status']}>
            {share.resources.map((r) => (
              <tr key={r.arn} data-testid="share-resource">
                <Cell>{r.type}</Cell>
                <Cell mono>
                  {resourceNames[r.arn] && <span className="block font-sans font-medium">{resourceNames[r.arn]}</span>}
                  {r.arn.split(/[:/]/).pop()}
                  <span className="block break-all text-slate-500">{r.arn}</span>
                </Cell>
                <Cell>
                  <Badge tone={statusTone(r.status)}>{r.status}</Badge>
                  {r.statusMessage && <span className="block text-xs text-red-700">{r.statusMessage}</span>}
                </Cell>
              </tr>
            ))}
          </Table>
        </Card>
        <Card title={`Principals (${share.principals.length})`} testId="share-principals">
          <Table columns={['Type', 'ID', 'Name', 'Status', 'External', 'Invitation']}>
            {share.principals.map((p) => (
              <tr key={p.id} data-testid="share-principal">
                <Cell>{principalKind(p.id)}</Cell>
                <Cell mono>{p.id}</Cell>
                <Cell>{principalName(p.id, names) ?? (principalKind(p.id) === 'account' ? 'outside the organization' : '—')}</Cell>
                <Cell>
                  <Badge tone={statusTone(p.status)}>{p.status}</Badge>
                  {p.statusMessage && <span className="block text-xs text-red-700">{p.statusMessage}</span>}
                </Cell>
                <Cell>{p.external ? <Badge tone="amber">yes</Badge> : 'no'}</Cell>
                <Cell>{invitation(p)}</Cell>
              </tr>
            ))}
          </Table>
        </Card>
        <Card title="Managed permissions" testId="share-permissions">
          <Table columns={['Resource type', 'Permission', 'Version']}>
            {share.permissions.map((p) => (
              <tr key={p.resourceType} data-testid="share-permission">
                <Cell>{p.resourceType}</Cell>
                <Cell mono>{p.name}</Cell>
                <Cell>
                  {p.version}
                  {p.defaultVersion ? ' (default)' : <Badge tone="amber">a newer default version exists</Badge>}
                </Cell>
              </tr>
            ))}
          </Table>
        </Card>
        <ShareFeatures share={share} servicePrincipals={share.principals.map((p) => p.id).filter((id) => id.endsWith('.amazonaws.com'))} sources={sources} promote={planPromoteShareAction} />
        <Card title={`Tags (${share.tags.length})`} testId="share-tags">
          {share.tags.length === 0 ? (
            <p className="text-sm text-slate-500">No tags.</p>
          ) : (
            <Table columns={['Key', 'Value']}>
              {share.tags.map((t) => (
                <tr key={t.key} data-testid="share-tag">
                  <Cell mono>{t.key}</Cell>
                  <Cell mono>{t.value}</Cell>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <ShareEditor
          share={share}
          ownerLabel={owner ? `${owner} (${share.owningAccountId})` : share.owningAccountId}
          permissions={permissions}
          resourceTypes={resourceTypes}
          listResources={listResourcesAction}
          resourceNames={resourceNames}
          principalNames={Object.fromEntries(share.principals.flatMap((p) => { const name = principalName(p.id, names); return name ? [[p.id, name]] : []; }))}
          tree={picker.tree}
          treeUnavailable={picker.unavailable && <Alert tone="info">{picker.unavailable}</Alert>}
          checkPrincipal={checkSharePrincipalAction}
          organizationOnly={orgOnlyTypes([...new Set(share.resources.map((r) => r.type))].map((t) => resourceTypeInfo(t))).map((t) => t.label)}
          build={planShareEditAction}
        />
      </div>
    </>
  );
}
