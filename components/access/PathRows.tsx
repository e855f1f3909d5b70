// Access paths as table rows: source, how (role or share), destination, conditions, status — each with its
// explanation layer by layer when opened. Every name is rendered as text.
import { Badge, Cell, Link, Table } from '@/components/ui';
import type { AccessPath } from '@/lib/access/paths';
import { PathExplanation } from './PathExplanation';

const STATUS_TONE = { open: 'emerald', conditional: 'sky', blocked: 'slate' } as const;
const STATUS_WORD = { open: 'open', conditional: 'conditional', blocked: 'blocked' } as const;

export function AccountLink({ id, names }: { id: string | undefined; names: Record<string, string> }) {
  if (!id) return null;
  return (
    <Link className="text-sky-700 underline" href={`/accounts/${id}`}>
      {names[id] ?? id}
    </Link>
  );
}

export function PathsTable({ paths, names, testId, show = 'both' }: { paths: AccessPath[]; names: Record<string, string>; testId: string; show?: 'both' | 'source' | 'destination' }) {
  const columns = [...(show !== 'destination' ? ['From'] : []), 'Through', ...(show !== 'source' ? ['Into'] : []), 'Conditions', 'Status', ''];
  return (
    <Table columns={columns} testId={testId}>
      {paths.map((p) => (
        <tr key={p.id} data-testid="path-row" data-kind={p.kind} data-status={p.status}>
          {show !== 'destination' && (
            <Cell>
              <span className="break-all">{p.source.label}</span>{' '}
              {!p.inside && p.source.kind !== 'service' && p.source.kind !== 'federated' && <Badge tone="amber">outside the organization</Badge>}
              {p.source.accountId && names[p.source.accountId] && (
                <div className="text-xs">
                  <AccountLink id={p.source.accountId} names={names} />
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
              <AccountLink id={p.destinationAccount} names={names} /> <span className="text-xs text-slate-500">{p.destinationAccount}</span>
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
            <Badge tone={STATUS_TONE[p.status]}>{STATUS_WORD[p.status]}</Badge>
            {p.blockedBy && <div className="text-xs text-slate-500">{p.blockedBy.why}</div>}
          </Cell>
          <Cell className="min-w-[14rem]">
            <PathExplanation pathId={p.id} chaining={p.kind === 'role' && p.source.kind === 'principal'} />
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
