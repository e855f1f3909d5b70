// The three views of the organization's shares, one page of rows each, and the pager between pages.
import { Badge, Cell, Link, Table } from '@/components/ui';
import type { ListPage } from '@/lib/paging';
import { statusTone } from './status-tone';
import { filterQuery, type PrincipalRow, type ResourceRow, type ShareFilters, type ShareRow } from '@/lib/ram/share-list';

const date = (ms?: number) => (ms ? new Date(ms).toISOString().slice(0, 10) : '—');

export const shareHref = (row: { region: string; id: string }) => `/shares/${row.region}/${row.id}`;

function Account({ id, name }: { id: string; name?: string }) {
  return (
    <>
      {name && name !== id && <span className="block">{name}</span>}
      <span className="font-mono text-xs text-slate-500">{id}</span>
    </>
  );
}

export function SharesTable({ page }: { page: ListPage<ShareRow> }) {
  return (
    <Table testId="shares-table" columns={['Name', 'Owner', 'Region', 'Status', 'Resources', 'Principals', 'External', 'Created']}>
      {page.rows.map((row) => (
        <tr key={row.arn} data-testid="share-row">
          <Cell>
            <Link className="font-medium text-sky-700 underline" href={shareHref(row)}>
              {row.name}
            </Link>
            {row.featureSet && (
              <span className="ml-2" title="RAM made this share from a resource-based policy; promote it on its page to manage it in RAM.">
                <Badge tone="amber" testId="share-from-policy">from a resource policy</Badge>
              </span>
            )}
          </Cell>
          <Cell>
            <Account id={row.owningAccountId} name={row.ownerName} />
          </Cell>
          <Cell mono className="whitespace-nowrap">{row.region}</Cell>
          <Cell>
            <Badge tone={statusTone(row.status)}>{row.status}</Badge>
          </Cell>
          <Cell>
            {row.resourceCount}
            {row.resourceTypes.length > 0 && <span className="block text-xs text-slate-500">{row.resourceTypes.join(', ')}</span>}
          </Cell>
          <Cell>{row.principalCount}</Cell>
          <Cell>{row.external ? <Badge tone="amber">yes</Badge> : 'no'}</Cell>
          <Cell className="whitespace-nowrap">{date(row.creationTime)}</Cell>
        </tr>
      ))}
    </Table>
  );
}

export function ResourcesTable({ page }: { page: ListPage<ResourceRow> }) {
  return (
    <Table testId="resources-table" columns={['Resource', 'Type', 'Owner', 'Region', 'Shares', 'Principals']}>
      {page.rows.map((row) => (
        <tr key={row.arn} data-testid="resource-row">
          <Cell mono>{row.arn}</Cell>
          <Cell>{row.type}</Cell>
          <Cell>
            <Account id={row.owningAccountId} name={row.ownerName} />
          </Cell>
          <Cell mono className="whitespace-nowrap">{row.region}</Cell>
          <Cell>{row.shareCount}</Cell>
          <Cell>{row.principalCount}</Cell>
        </tr>
      ))}
    </Table>
  );
}

const KIND_LABELS: Record<PrincipalRow['kind'], string> = {
  account: 'AWS account',
  organization: 'Organization',
  'organizational-unit': 'Organizational unit',
  role: 'IAM role',
  user: 'IAM user',
  service: 'Service principal',
};

export function PrincipalsTable({ page, filters }: { page: ListPage<PrincipalRow>; filters: ShareFilters }) {
  return (
    <Table testId="principals-table" columns={['Principal', 'Type', 'Name', 'External', 'Shares', 'Resources']}>
      {page.rows.map((row) => (
        <tr key={row.id} data-testid="principal-row">
          <Cell mono>
            <Link className="text-sky-700 underline" href={`/shares${filterQuery({ ...filters, tab: 'shares', page: 1, principal: row.id })}`}>
              {row.id}
            </Link>
          </Cell>
          <Cell>{KIND_LABELS[row.kind]}</Cell>
          <Cell>{row.name ?? (row.kind === 'account' ? 'outside the organization' : '—')}</Cell>
          <Cell>{row.external ? <Badge tone="amber">yes</Badge> : 'no'}</Cell>
          <Cell>{row.shareCount}</Cell>
          <Cell>{row.resourceCount}</Cell>
        </tr>
      ))}
    </Table>
  );
}
