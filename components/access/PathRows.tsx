'use client';
// Access paths as table rows: source, how (role or share), destination, conditions, status — each with its
// explanation layer by layer when opened. Rendered from compact rows (lib/access/path-rows): a page of rendered
// rows sent as the server's tree was most of /access's and an account page's weight. Every name is text.
import { Badge, Cell, Link, Table } from '@/components/ui';
import type { Named, PathRow } from '@/lib/access/path-rows';
import { PathExplanation } from './PathExplanation';

const STATUS_TONE = { open: 'emerald', conditional: 'sky', blocked: 'slate' } as const;

function AccountLink({ account }: { account: Named }) {
  return (
    <Link className="text-sky-700 underline" href={`/accounts/${account.id}`}>
      {account.name ?? account.id}
    </Link>
  );
}

export function PathsTable({ rows, testId, show = 'both' }: { rows: PathRow[]; testId: string; show?: 'both' | 'source' | 'destination' }) {
  const columns = [...(show !== 'destination' ? ['From'] : []), 'Through', ...(show !== 'source' ? ['Into'] : []), 'Conditions', 'Status', ''];
  return (
    <Table columns={columns} testId={testId}>
      {rows.map((p) => (
        <tr key={p.id} data-testid="path-row" data-kind={p.kind} data-status={p.status}>
          {show !== 'destination' && (
            <Cell>
              <span className="break-all">{p.source.label}</span>{' '}
              {!p.inside && p.source.kind !== 'service' && p.source.kind !== 'federated' && <Badge tone="amber">outside the organization</Badge>}
              {p.source.account && (
                <div className="text-xs">
                  <AccountLink account={p.source.account} />
                </div>
              )}
            </Cell>
          )}
          <Cell>
            {p.kind === 'role' ? 'role ' : 'share '}
            <span className="font-medium break-all">{p.target.name}</span>
            {p.target.detail && <div className="text-xs text-slate-500">{p.target.detail}</div>}
            {p.via && p.via !== 'direct' && <div className="text-xs text-slate-500">through {p.via === 'ou' ? 'an OU' : 'the organization'}</div>}
          </Cell>
          {show !== 'source' && (
            <Cell>
              <AccountLink account={p.destination} /> <span className="text-xs text-slate-500">{p.destination.id}</span>
            </Cell>
          )}
          <Cell>
            <div className="flex flex-wrap gap-1">
              {p.conditions.length === 0 ? (
                <Badge tone={p.inside ? 'slate' : 'red'}>none</Badge>
              ) : (
                p.conditions.map((c) => (
                  <Badge key={`${c.operator}${c.key}`} tone="sky">
                    {c.key}
                  </Badge>
                ))
              )}
            </div>
          </Cell>
          <Cell>
            <Badge tone={STATUS_TONE[p.status]}>{p.status}</Badge>
            {p.blockedBecause && <div className="text-xs text-slate-500">{p.blockedBecause}</div>}
          </Cell>
          <Cell className="min-w-[14rem]">
            <PathExplanation pathId={p.id} chaining={p.kind === 'role' && p.source.kind === 'principal'} />
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
