// Protects: the inbox's server-side view — filters from the URL (bad values dropped, not errors), pages of 50,
// pending counted on the AWS clock, and the counts per receiving account and per sender.
import { describe, expect, it } from 'vitest';
import { inboxView, parseInvitationFilters } from './invitation-list';
import type { OrgInvitation } from './invitations';

const NOW = Date.UTC(2025, 5, 1, 12);
const HOUR = 3_600_000;

const invitation = (n: number, sender: string, receiver: string, expiresAt = NOW + HOUR): OrgInvitation => ({
  arn: `arn:aws:ram:us-east-1:${sender}:resource-share-invitation/${n}`,
  resourceShareArn: `arn:aws:ram:us-east-1:${sender}:resource-share/${n}`,
  shareName: `offer-${n}`,
  senderAccountId: sender,
  receiverAccountId: receiver,
  receiverName: `account-${receiver.slice(-3)}`,
  region: 'us-east-1',
  status: 'PENDING',
  invitedAt: NOW - HOUR,
  expiresAt,
});

const SENDERS = ['970000000001', '970000000002'];
const all = Array.from({ length: 120 }, (_, n) => invitation(n, SENDERS[n % 2], String(200000000000 + (n % 40)), n === 0 ? NOW - 1 : NOW + HOUR));

describe('the inbox view', () => {
  it('pages 50 at a time and counts what is still open on the AWS clock', () => {
    const view = inboxView(all, parseInvitationFilters({ page: '3' }), NOW);
    expect(view.page).toMatchObject({ page: 3, pages: 3, matching: 120 });
    expect(view.page.rows).toHaveLength(20);
    expect(view.pending).toBe(119);
    expect(view.bySender.map((s) => `${s.accountId} ${s.pending}/${s.total}`)).toEqual(['970000000002 60/60', '970000000001 59/60']);
  });

  it('filters by sender and receiver, the counts of the other side following', () => {
    const view = inboxView(all, parseInvitationFilters({ sender: SENDERS[1], receiver: '200000000001' }), NOW);
    expect(view.page.rows.map((r) => r.shareName)).toEqual(['offer-1', 'offer-41', 'offer-81']);
    expect(view.byReceiver).toHaveLength(10);
    expect(view.bySender.map((s) => s.accountId)).toEqual([SENDERS[1]]);
  });

  it('drops filter values that cannot be right instead of failing', () => {
    expect(parseInvitationFilters({ sender: '<script>', status: 'NOPE', region: 'mars', page: '-4' })).toEqual({ page: 1 });
  });
});
