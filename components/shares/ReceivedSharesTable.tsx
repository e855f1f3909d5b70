'use client';
// Shared with me as a table: the share, who receives it, its owner, Region, status, resources and how it is
// received, with a plan to leave it where the account may. Rendered from compact rows (lib/ram/received-rows).
// Names come from other accounts: rendered as text.
import { BuildPlanButton } from '@/components/plan/BuildPlanButton';
import { Badge, Cell, Table } from '@/components/ui';
import type { ReceivedRow } from '@/lib/ram/received-rows';
import type { ActionResult } from '@/lib/server-actions';
import { statusTone } from './status-tone';

export function ReceivedSharesTable({ rows, leave }: { rows: ReceivedRow[]; leave: (input: NonNullable<ReceivedRow['leave']>) => Promise<ActionResult<string>> }) {
  return (
    <Table columns={['Share', 'Receiving account', 'Owner', 'Region', 'Status', 'Resources', 'Received through', '']}>
      {rows.map((s) => (
        <tr key={s.key} data-testid="received-share">
          <Cell>
            <span className="font-medium">{s.name}</span>
            <span className="block font-mono text-xs text-slate-500">{s.arn}</span>
          </Cell>
          <Cell>
            {'everyAccountIn' in s.receiving ? (
              <>Every account in {s.receiving.everyAccountIn}</>
            ) : (
              <>
                {s.receiving.name} <span className="font-mono text-xs text-slate-500">{s.receiving.accountId}</span>
              </>
            )}
          </Cell>
          <Cell>
            <span data-testid="received-owner">{s.owner.name ?? 'outside the organization'}</span>
            <span className="block font-mono text-xs text-slate-500">{s.owner.id}</span>
          </Cell>
          <Cell mono className="whitespace-nowrap">
            {s.region}
          </Cell>
          <Cell>
            <Badge tone={statusTone(s.status)}>{s.status}</Badge>
          </Cell>
          <Cell>
            <ul className="font-mono text-xs">
              {s.resources.map((r) => (
                <li key={r.arn}>
                  {r.type}: {r.id}
                </li>
              ))}
            </ul>
          </Cell>
          <Cell>{s.via}</Cell>
          <Cell>
            {s.leave ? (
              <BuildPlanButton label="Plan leaving" build={leave} input={s.leave} />
            ) : (
              <span className="text-xs text-slate-500">Received through the organization: only the owner can remove it.</span>
            )}
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
