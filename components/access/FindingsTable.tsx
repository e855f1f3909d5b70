// The findings as a table: severity, what and why, the accounts, the paths behind it, its fixes (each builds a
// reviewed plan) and its acceptance. Names and titles come from other accounts: rendered as text.
import { BuildPlanButton } from '@/components/plan/BuildPlanButton';
import { Badge, type BadgeTone, Cell, Link, Table } from '@/components/ui';
import { FINDING_KINDS, type Finding, type FindingFix, type Severity } from '@/lib/access/findings';
import { AcceptFinding } from './AcceptFinding';
import { planFindingFixAction } from './findings-actions';

const TONES: Record<Severity, BadgeTone> = { critical: 'red', high: 'red', medium: 'amber', low: 'sky', info: 'slate' };

const FIX_LABELS: Record<FindingFix['kind'], string> = {
  'add-external-id': 'Plan: require an ExternalId',
  'remove-trust': 'Plan: remove the trust',
  'delete-role': 'Plan: delete the role',
  'disassociate-share': 'Plan: stop sharing with it',
};

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function FindingsTable({ findings, names, canAccept, testId = 'findings-table' }: { findings: Finding[]; names: Record<string, string>; canAccept: boolean; testId?: string }) {
  const account = (id: string | undefined) =>
    id && /^\d{12}$/.test(id) ? (
      <Link className="text-sky-700 underline" href={`/accounts/${id}`}>
        {names[id] ? `${names[id]} (${id})` : id}
      </Link>
    ) : (
      id
    );
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
            <div className="text-xs uppercase text-slate-500">{FINDING_KINDS[f.kind]}</div>
            <div className="font-medium text-slate-900">{f.title}</div>
            <div className="text-slate-600">{f.detail}</div>
            {f.paths.length > 0 && (
              <details className="mt-1 text-xs text-slate-600">
                <summary className="cursor-pointer">{f.paths.length === 1 ? 'The path behind it' : `The ${f.paths.length} paths behind it`}</summary>
                <ul className="list-disc pl-5">
                  {f.paths.slice(0, 20).map((p) => (
                    <li key={p.id}>
                      {p.source.label} → {p.target.name} ({p.status}
                      {p.conditions.length ? `; ${p.conditions.map((c) => `${c.operator} ${c.key}`).join(', ')}` : ''})
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </Cell>
          <Cell>
            <div>{account(f.accountId)}</div>
            {f.otherAccountId && <div className="text-xs text-slate-600">with {account(f.otherAccountId)}</div>}
            <div className="text-xs text-slate-500">{f.inside ? 'inside the organization' : 'outside the organization'}</div>
          </Cell>
          <Cell>
            <div className="flex flex-col gap-2">
              {f.fixes.map((fix, n) => (
                <BuildPlanButton key={fix.kind} label={FIX_LABELS[fix.kind]} build={planFindingFixAction} input={{ findingId: f.id, fix: n }} />
              ))}
              <AcceptFinding
                findingId={f.id}
                index={i}
                canChange={canAccept}
                accepted={f.accepted && { reason: f.accepted.reason, acceptedBy: f.accepted.acceptedBy, acceptedAt: day(f.accepted.acceptedAt), expiresAt: f.accepted.expiresAt ? day(f.accepted.expiresAt) : undefined }}
              />
            </div>
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
