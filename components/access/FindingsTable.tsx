'use client';
// The findings as a table: severity, what and why, the accounts, the paths behind it, its fixes (each builds a
// reviewed plan) and its acceptance. Rendered from compact rows (lib/access/finding-rows). Names and titles come
// from other accounts: rendered as text.
import { BuildPlanButton } from '@/components/plan/BuildPlanButton';
import { Badge, type BadgeTone, Cell, Link, Table } from '@/components/ui';
import type { AccountRef, FindingRow } from '@/lib/access/finding-rows';
import type { FindingFix, Severity } from '@/lib/access/findings';
import { AcceptFinding } from './AcceptFinding';
import { planFindingFixAction } from './findings-actions';

const TONES: Record<Severity, BadgeTone> = { critical: 'red', high: 'red', medium: 'amber', low: 'sky', info: 'slate' };

const FIX_LABELS: Record<FindingFix['kind'], string> = {
  'add-external-id': 'Plan: require an ExternalId',
  'remove-trust': 'Plan: remove the trust',
  'delete-role': 'Plan: delete the role',
  'disassociate-share': 'Plan: stop sharing with it',
};

function Account({ account }: { account: AccountRef }) {
  if (!account.isAccount) return account.id;
  return (
    <Link className="text-sky-700 underline" href={`/accounts/${account.id}`}>
      {account.name ? `${account.name} (${account.id})` : account.id}
    </Link>
  );
}

export function FindingsTable({ findings, canAccept, testId = 'findings-table' }: { findings: FindingRow[]; canAccept: boolean; testId?: string }) {
  return (
    <Table columns={['Severity', 'Finding', 'Accounts', 'Close it']} testId={testId}>
      {findings.map((f, i) => (
        <tr key={f.id} data-testid="finding-row" data-kind={f.kind} data-severity={f.severity} data-accepted={!!f.accepted}>
          <Cell>
            <Badge tone={TONES[f.severity]}>{f.severity}</Badge>
            {f.accepted && (
              <span className="ml-1">
                <Badge tone="emerald">accepted</Badge>
              </span>
            )}
          </Cell>
          <Cell>
            <div className="text-xs uppercase text-slate-500">{f.kindLabel}</div>
            <div className="font-medium text-slate-900">{f.title}</div>
            <div className="text-slate-600">{f.detail}</div>
            {f.pathCount > 0 && (
              <details className="mt-1 text-xs text-slate-600">
                <summary className="cursor-pointer">{f.pathCount === 1 ? 'The path behind it' : `The ${f.pathCount} paths behind it`}</summary>
                <ul className="list-disc pl-5">
                  {f.paths.map((p) => (
                    <li key={p.id}>{p.line}</li>
                  ))}
                </ul>
              </details>
            )}
          </Cell>
          <Cell>
            <div>
              <Account account={f.account} />
            </div>
            {f.other && (
              <div className="text-xs text-slate-600">
                with <Account account={f.other} />
              </div>
            )}
            <div className="text-xs text-slate-500">{f.inside ? 'inside the organization' : 'outside the organization'}</div>
          </Cell>
          <Cell>
            <div className="flex flex-col gap-2">
              {f.fixes.map((fix, n) => (
                <BuildPlanButton key={fix} label={FIX_LABELS[fix]} build={planFindingFixAction} input={{ findingId: f.id, fix: n }} />
              ))}
              <AcceptFinding
                findingId={f.id}
                index={i}
                canChange={canAccept}
                accepted={f.accepted}
              />
            </div>
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
