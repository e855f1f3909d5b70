// The history of invitations: every one the console has seen, with its final state and who answered it through
// the console, kept after AWS forgets it (about 7 days after it is answered or expires).
import { z } from 'zod';
import { InvitationTabs } from '@/components/invitations/InvitationTabs';
import { Badge, Card, Cell, FilterForm, Link, PageTitle, Table } from '@/components/ui';
import { requireUser } from '@/lib/auth/guard';
import { listHistory } from '@/lib/ram/invitation-history';

export const dynamic = 'force-dynamic';

const STATUSES = ['PENDING', 'ACCEPTED', 'REJECTED', 'EXPIRED'] as const;
const accountId = z.string().regex(/^\d{12}$/).optional().catch(undefined);
const filtersSchema = z.object({
  receiverAccountId: accountId,
  senderAccountId: accountId,
  status: z.enum(STATUSES).optional().catch(undefined),
  decidedBy: z.string().max(254).optional().catch(undefined),
});

const utc = (iso?: string) => (iso ? `${iso.replace('T', ' ').slice(0, 16)} UTC` : '—');
const TONE = { PENDING: 'amber', ACCEPTED: 'emerald', REJECTED: 'slate', EXPIRED: 'red' } as const;

export default async function InvitationHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) || undefined]));
  const filters = filtersSchema.parse(raw);
  const entries = await listHistory(filters);
  return (
    <>
      <PageTitle description="Every invitation the console has seen, kept after AWS forgets it: its state, and who accepted or rejected it through the console.">
        Invitations
      </PageTitle>
      <InvitationTabs current="/invitations/history" />
      <Card>
        <FilterForm
          id="history"
          fields={[
            { name: 'receiverAccountId', label: 'Receiving account ID', value: filters.receiverAccountId, narrow: true },
            { name: 'senderAccountId', label: 'Sender account ID', value: filters.senderAccountId, narrow: true },
            { name: 'status', label: 'State', value: filters.status, options: STATUSES },
            { name: 'decidedBy', label: 'Decided by', value: filters.decidedBy },
          ]}
        />
        <Table testId="history-table" columns={['Share', 'Sender', 'Receiving account', 'Region', 'Resources', 'Sent', 'State', 'Decided through the console', 'Last seen in AWS']}>
          {entries.map((e) => (
            <tr key={e.arn} data-testid="history-row" data-share={e.shareName} data-receiver={e.receiverAccountId}>
              <Cell>{e.shareName}</Cell>
              <Cell mono>{e.senderAccountId}</Cell>
              <Cell mono>{e.receiverAccountId}</Cell>
              <Cell mono className="whitespace-nowrap">{e.region}</Cell>
              <Cell>
                {e.resources.map((r) => (
                  <div key={r.arn} className="text-xs">
                    {r.type}
                  </div>
                ))}
              </Cell>
              <Cell className="whitespace-nowrap">{utc(e.invitedAt)}</Cell>
              <Cell>
                <Badge tone={TONE[e.status]}>{e.status}</Badge> <span className="text-xs text-slate-500">since {utc(e.statusSince)}</span>
              </Cell>
              <Cell>
                {e.decidedBy ? (
                  <>
                    {e.decidedBy} <span className="text-xs text-slate-500">at {utc(e.decidedAt)}</span>{' '}
                    {e.planId && (
                      <Link className="text-xs text-sky-700 underline" href={`/plans/${e.planId}`}>
                        plan
                      </Link>
                    )}
                  </>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </Cell>
              <Cell className="whitespace-nowrap">{utc(e.lastSeenAt)}</Cell>
            </tr>
          ))}
        </Table>
        {entries.length === 0 && <p className="mt-3 text-sm text-slate-500">No invitations match these filters.</p>}
      </Card>
    </>
  );
}
