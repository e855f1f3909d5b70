// Webhook deliveries of the request notifications (admins only): each event's status, attempts and last error.
import { z } from 'zod';
import { Alert, Badge, Card, Cell, Link, PageTitle, Table } from '@/components/ui';
import { requireUser } from '@/lib/auth/guard';
import { config } from '@/lib/config';
import { listDeliveries } from '@/lib/requests/notify';

export const dynamic = 'force-dynamic';

const utc = (at: Date) => at.toISOString().replace('T', ' ').slice(0, 19);
const tone = { delivered: 'emerald', pending: 'amber', failed: 'red' } as const;

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (user.role !== 'admin') {
    return (
      <>
        <PageTitle>Webhook deliveries</PageTitle>
        <Alert tone="warning">Only admins can see the webhook deliveries.</Alert>
      </>
    );
  }
  const page = z.coerce.number().int().min(1).catch(1).parse((await searchParams).page);
  const result = await listDeliveries(page);
  const webhook = config().webhook;
  return (
    <>
      <PageTitle description="Every notification sent to CROSSING_WEBHOOK_URL, newest first: failed attempts are retried with backoff, a few times.">Webhook deliveries</PageTitle>
      <Card>
        {!webhook && <Alert tone="info">No webhook is configured (CROSSING_WEBHOOK_URL): no notifications are sent.</Alert>}
        {result.deliveries.length === 0 ? (
          <p className="text-sm text-slate-500">No deliveries yet.</p>
        ) : (
          <Table columns={['When (UTC)', 'Event', 'Request', 'Status', 'Attempts', 'Next attempt', 'Last error']} testId="deliveries-table">
            {result.deliveries.map((d) => (
              <tr key={d.id}>
                <Cell className="whitespace-nowrap">{utc(d.createdAt)}</Cell>
                <Cell mono>{d.event}</Cell>
                <Cell mono>{d.requestId && <Link className="text-sky-700 underline" href={`/requests/${d.requestId}`}>{d.requestId}</Link>}</Cell>
                <Cell>
                  <Badge tone={tone[d.status as keyof typeof tone] ?? 'slate'}>{d.status}</Badge>
                </Cell>
                <Cell>{d.attempts}</Cell>
                <Cell className="whitespace-nowrap">{d.nextAttemptAt && utc(d.nextAttemptAt)}</Cell>
                <Cell className="max-w-xs [overflow-wrap:anywhere]">{d.lastError}</Cell>
              </tr>
            ))}
          </Table>
        )}
        <nav aria-label="Pages" className="mt-4 flex items-center gap-3 text-sm">
          {result.page > 1 && <Link href={`/requests/deliveries?page=${result.page - 1}`} className="text-sky-700 underline">Previous</Link>}
          <span>
            Page {result.page} of {result.pages}
          </span>
          {result.page < result.pages && <Link href={`/requests/deliveries?page=${result.page + 1}`} className="text-sky-700 underline">Next</Link>}
        </nav>
      </Card>
    </>
  );
}
