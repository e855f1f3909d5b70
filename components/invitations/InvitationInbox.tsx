'use client';
// One page of the organization's invitations (filtered and paged on the server): checkboxes on the open ones;
// Accept selected / Reject selected build one plan for the admin to review.
import { useState } from 'react';
import { BuildPlanButton } from '@/components/plan/BuildPlanButton';
import { Badge, Cell, Table, type BadgeTone } from '@/components/ui';
import type { ActionResult } from '@/lib/server-actions';
import type { InvitationDecision } from '@/lib/ram/answer-invitations';
import type { InvitationStatus } from '@/lib/ram/invitations';
import type { InboxRow } from '@/lib/ram/invitation-list';
import { Countdown } from './Countdown';

export type DecisionInput = { decision: InvitationDecision; invitationArns: string[] };

const STATUS_TONE: Record<InvitationStatus, BadgeTone> = { PENDING: 'amber', ACCEPTED: 'emerald', REJECTED: 'slate', EXPIRED: 'red' };

const utc = (ms: number) => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 16)} UTC`;

export function InvitationInbox({ rows, build }: { rows: InboxRow[]; build: (input: DecisionInput) => Promise<ActionResult<string>> }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const chosen = rows.filter((r) => r.shownStatus === 'PENDING' && selected.has(r.arn)).map((r) => r.arn);
  const toggle = (arn: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(arn)) next.add(arn);
      return next;
    });
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start gap-3">
        <BuildPlanButton label={`Accept selected (${chosen.length})`} build={build} input={{ decision: 'accept', invitationArns: chosen }} disabled={!chosen.length} />
        <BuildPlanButton label={`Reject selected (${chosen.length})`} build={build} input={{ decision: 'reject', invitationArns: chosen }} disabled={!chosen.length} />
      </div>
      <Table
        testId="invitations-table"
        columns={[<span key="select" className="sr-only">Select</span>, 'Share', 'Sender', 'Receiving account', 'Region', 'Resources', 'Sent', 'Expires', 'Status']}
      >
        {rows.map((r) => (
          <tr key={r.arn} data-testid="invitation-row" data-arn={r.arn} data-share={r.shareName} data-receiver={r.receiverName} data-status={r.shownStatus}>
            <Cell>
              <input
                type="checkbox"
                aria-label={`Select ${r.shareName} for ${r.receiverName} (${r.region})`}
                disabled={r.shownStatus !== 'PENDING'}
                checked={r.shownStatus === 'PENDING' && selected.has(r.arn)}
                onChange={() => toggle(r.arn)}
              />
            </Cell>
            <Cell>
              <span className="font-medium">{r.shareName}</span>
            </Cell>
            <Cell>
              {r.senderName ? r.senderLabel : (
                <>
                  <span className="font-mono text-xs">{r.senderAccountId}</span> <Badge tone="sky">outside the organization</Badge>
                </>
              )}
            </Cell>
            <Cell>
              {r.receiverName} <span className="font-mono text-xs text-slate-500">{r.receiverAccountId}</span>
            </Cell>
            <Cell mono className="whitespace-nowrap">{r.region}</Cell>
            <Cell>
              {r.resources?.map((resource) => (
                <div key={resource.arn}>
                  <span className="text-xs text-slate-500">{resource.type}</span> <span className="font-mono text-xs">{resource.arn}</span>
                </div>
              ))}
              {r.resourcesError && <span className="text-xs text-red-700">{r.resourcesError}</span>}
              {!r.resources && !r.resourcesError && <span className="text-xs text-slate-500">AWS lists resources of pending invitations only</span>}
            </Cell>
            <Cell className="whitespace-nowrap">{utc(r.invitedAt)}</Cell>
            <Cell>
              {r.expiresAt !== undefined && r.remainingMs !== undefined ? (
                <>
                  <div className="whitespace-nowrap">{utc(r.expiresAt)}</div>
                  <Countdown remainingMs={r.remainingMs} />{' '}
                  <span className="text-xs text-slate-500">({r.termHours === 12 ? '12 hours' : '7 days'} after sending)</span>
                </>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </Cell>
            <Cell>
              <Badge tone={STATUS_TONE[r.shownStatus]} testId="invitation-status">
                {r.shownStatus}
              </Badge>
            </Cell>
          </tr>
        ))}
      </Table>
      {rows.length === 0 && <p className="text-sm text-slate-500">No invitations match these filters.</p>}
    </div>
  );
}
