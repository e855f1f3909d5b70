// The audit log: every change made through the console, filtered and paged.
import { z } from 'zod';
import { AuditExportForm } from '@/components/audit/export-form';
import { Badge, Card, Cell, FilterForm, Link, PageTitle, Table } from '@/components/ui';
import { requireUser } from '@/lib/auth/guard';
import { AUDIT_OUTCOMES, listAudit } from '@/lib/audit/log';

const filtersSchema = z.object({
  actor: z.string().max(254).optional().catch(undefined),
  action: z.string().max(200).optional().catch(undefined),
  accountId: z.string().max(12).optional().catch(undefined),
  outcome: z.enum(AUDIT_OUTCOMES).optional().catch(undefined),
  planId: z.string().regex(/^p-[0-9a-f]{20}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

type Search = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) || undefined]));
  const { page, ...filters } = filtersSchema.parse(raw);
  const result = await listAudit(filters, page ?? 1);
  const link = (p: number) => `/audit?${new URLSearchParams({ ...(Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>), page: String(p) })}`;
  const outcomeTone = { intent: 'sky', success: 'emerald', failure: 'red', denied: 'amber', unauthenticated: 'amber' } as const;
  return (
    <>
      <PageTitle description="Every change made through the console, newest first: each AWS call's intent before it, its outcome after.">Audit log</PageTitle>
      <Card>
        <FilterForm
          id="audit"
          hidden={{ planId: filters.planId }}
          fields={[
            { name: 'actor', label: 'Who', value: filters.actor },
            { name: 'action', label: 'Action', value: filters.action },
            { name: 'accountId', label: 'Account', value: filters.accountId, narrow: true },
            { name: 'outcome', label: 'Outcome', value: filters.outcome, options: AUDIT_OUTCOMES },
          ]}
        >
          {filters.planId && (
            <span>
              Plan <Link className="font-mono text-sky-700 underline" href={`/plans/${filters.planId}`}>{filters.planId}</Link> only ·{' '}
              <Link className="text-sky-700 underline" href="/audit">all entries</Link>
            </span>
          )}
        </FilterForm>
        {result.total === 0 ? (
          <p className="text-sm text-slate-500" data-testid="audit-empty">No entries.</p>
        ) : (
          <Table columns={['When (UTC)', 'Who', 'Action', 'Account', 'Region', 'Outcome', 'Request ID', 'Plan', 'Parameters']} testId="audit-table">
            {result.entries.map((entry) => (
              <tr key={entry.id}>
                <Cell className="whitespace-nowrap">{entry.at.toISOString().replace('T', ' ').slice(0, 19)}</Cell>
                <Cell>
                  {entry.actor} <Badge>{entry.role}</Badge>
                </Cell>
                <Cell mono>{entry.action}</Cell>
                <Cell mono>{entry.accountId}</Cell>
                <Cell className="whitespace-nowrap">{entry.region}</Cell>
                <Cell>
                  <Badge tone={outcomeTone[entry.outcome]}>{entry.outcome}</Badge>
                  {entry.error && <span className="mt-1 block max-w-xs text-xs text-slate-600">{entry.error}</span>}
                </Cell>
                <Cell mono>{entry.requestId}</Cell>
                <Cell className="text-xs">
                  {entry.planId && (
                    <Link className="text-sky-700 underline" href={`/plans/${entry.planId}`}>
                      step {entry.step}
                    </Link>
                  )}
                  {entry.accessRequest && (
                    <span className="mt-1 block" data-testid="audit-access-request">
                      <Link className="text-sky-700 underline" href={`/requests/${entry.accessRequest.id}`}>
                        request
                      </Link>{' '}
                      by {entry.accessRequest.requester}, approved by {entry.accessRequest.approvers.join(', ') || 'nobody'}
                    </span>
                  )}
                </Cell>
                <Cell mono className="min-w-64 max-w-md [overflow-wrap:anywhere]">{JSON.stringify(entry.parameters)}</Cell>
              </tr>
            ))}
          </Table>
        )}
        <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
          {result.page > 1 && <Link href={link(result.page - 1)} className="text-sky-700 underline">Previous</Link>}
          <span>
            Page {result.page} of {result.pages} ({result.total} entries)
          </span>
          {result.page < result.pages && <Link href={link(result.page + 1)} className="text-sky-700 underline">Next</Link>}
        </nav>
      </Card>
      {user.role === 'admin' && (
        <Card>
          <h2 className="mb-3 text-sm font-semibold text-slate-800">Export for a SIEM</h2>
          <AuditExportForm />
        </Card>
      )}
    </>
  );
}
