// The audit log: every change made through the console, filtered and paged.
import Link from 'next/link';
import { z } from 'zod';
import { Card, PageTitle, Badge } from '@/components/ui';
import { requireUser } from '@/lib/auth/guard';
import { listAudit } from '@/lib/audit/log';

const filtersSchema = z.object({
  actor: z.string().max(254).optional().catch(undefined),
  action: z.string().max(200).optional().catch(undefined),
  accountId: z.string().max(12).optional().catch(undefined),
  outcome: z.enum(['success', 'failure', 'denied']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});

type Search = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) || undefined]));
  const { page, ...filters } = filtersSchema.parse(raw);
  const result = listAudit(filters, page ?? 1);
  const link = (p: number) => `/audit?${new URLSearchParams({ ...(Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>), page: String(p) })}`;
  const outcomeTone = { success: 'emerald', failure: 'amber', denied: 'slate' } as const;
  return (
    <>
      <PageTitle description="Every change made through the console, newest first.">Audit log</PageTitle>
      <Card>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col gap-1">
            Who
            <input name="actor" defaultValue={filters.actor} className="rounded border border-slate-300 px-2 py-1" />
          </label>
          <label className="flex flex-col gap-1">
            Action
            <input name="action" defaultValue={filters.action} className="rounded border border-slate-300 px-2 py-1" />
          </label>
          <label className="flex flex-col gap-1">
            Account
            <input name="accountId" defaultValue={filters.accountId} className="w-36 rounded border border-slate-300 px-2 py-1" />
          </label>
          <label className="flex flex-col gap-1">
            Outcome
            <select name="outcome" defaultValue={filters.outcome ?? ''} className="rounded border border-slate-300 px-2 py-1">
              <option value="">Any</option>
              <option value="success">Success</option>
              <option value="failure">Failure</option>
              <option value="denied">Denied</option>
            </select>
          </label>
          <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-white">
            Filter
          </button>
        </form>
        {result.total === 0 ? (
          <p className="text-sm text-slate-500" data-testid="audit-empty">No entries.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="audit-table">
              <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 pr-3">When (UTC)</th>
                  <th className="py-2 pr-3">Who</th>
                  <th className="py-2 pr-3">Action</th>
                  <th className="py-2 pr-3">Account</th>
                  <th className="py-2 pr-3">Region</th>
                  <th className="py-2 pr-3">Outcome</th>
                  <th className="py-2 pr-3">Request ID</th>
                  <th className="py-2">Parameters</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.entries.map((entry) => (
                  <tr key={entry.id} className="align-top">
                    <td className="py-2 pr-3 whitespace-nowrap">{entry.at.toISOString().replace('T', ' ').slice(0, 19)}</td>
                    <td className="py-2 pr-3">
                      {entry.actor} <Badge>{entry.role}</Badge>
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs">{entry.action}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{entry.accountId}</td>
                    <td className="py-2 pr-3">{entry.region}</td>
                    <td className="py-2 pr-3">
                      <Badge tone={outcomeTone[entry.outcome]}>{entry.outcome}</Badge>
                      {entry.error && <span className="mt-1 block max-w-xs text-xs text-slate-600">{entry.error}</span>}
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs">{entry.requestId}</td>
                    <td className="py-2 font-mono text-xs">{JSON.stringify(entry.parameters)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
          {result.page > 1 && <Link href={link(result.page - 1)} className="text-sky-700 underline">Previous</Link>}
          <span>
            Page {result.page} of {result.pages} ({result.total} entries)
          </span>
          {result.page < result.pages && <Link href={link(result.page + 1)} className="text-sky-700 underline">Next</Link>}
        </nav>
      </Card>
    </>
  );
}
