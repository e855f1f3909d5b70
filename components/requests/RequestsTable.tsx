// A list of access requests: what, who asked, why, for how long, and where each stands.
import { Badge, Cell, Link, Table } from '@/components/ui';
import type { AccessRequest } from '@/lib/requests/store';
import { formatHours, REQUEST_STATE } from './status';

export function RequestsTable({ requests, testId = 'requests-table' }: { requests: AccessRequest[]; testId?: string }) {
  return (
    <Table columns={['Asked (UTC)', 'Change', 'Requester', 'Justification', 'Duration', 'State']} testId={testId}>
      {requests.map((request) => (
        <tr key={request.id}>
          <Cell className="whitespace-nowrap">{request.createdAt.toISOString().replace('T', ' ').slice(0, 19)}</Cell>
          <Cell>
            <Link className="text-sky-700 underline [overflow-wrap:anywhere]" href={`/requests/${request.id}`}>
              {request.title}
            </Link>
          </Cell>
          <Cell className="[overflow-wrap:anywhere]">{request.requester}</Cell>
          <Cell className="max-w-xs [overflow-wrap:anywhere]">{request.justification}</Cell>
          <Cell className="whitespace-nowrap">{request.durationMs ? formatHours(request.durationMs) : 'Until removed'}</Cell>
          <Cell>
            <Badge tone={REQUEST_STATE[request.state].tone} testId="request-state">
              {REQUEST_STATE[request.state].label}
            </Badge>
          </Cell>
        </tr>
      ))}
    </Table>
  );
}
