// Protects: what an admin reviews before answering invitations — one step per invitation in its receiving account
// and Region, independent of each other; an expired or answered invitation refused in plain words; and the
// inbox's counts (pending, soonest expiry, senders near RAM's quota of 20 pending invitations).
import { describe, expect, it } from 'vitest';
import { PlanError } from '../plan/build';
import { answerInvitations } from './answer-invitations';
import { sendersNearQuota, summarizeInvitations, type InvitationsSnapshot, type OrgInvitation } from './invitations';

const NOW = Date.UTC(2025, 5, 1, 12);
const HOUR = 3_600_000;

function invitation(n: number, overrides: Partial<OrgInvitation> = {}): OrgInvitation {
  return {
    arn: `arn:aws:ram:us-east-1:900000000001:resource-share-invitation/0000000${n}-0000-0000-0000-000000000000`,
    resourceShareArn: `arn:aws:ram:us-east-1:900000000001:resource-share/${n}`,
    shareName: `share-${n}`,
    senderAccountId: '900000000001',
    receiverAccountId: `30000000000${n}`,
    receiverName: `account-${n}`,
    region: 'us-east-1',
    status: 'PENDING',
    invitedAt: NOW - HOUR,
    resources: [{ arn: 'arn:aws:ec2:us-east-1:900000000001:prefix-list/pl-1', type: 'ec2:PrefixList' }],
    termHours: 168,
    expiresAt: NOW + 167 * HOUR,
    ...overrides,
  };
}

const snapshot = (invitations: OrgInvitation[]): InvitationsSnapshot => ({
  key: 'test',
  fetchedAt: NOW,
  complete: true,
  accountCount: 3,
  accounts: {},
  items: Object.fromEntries(invitations.map((i) => [i.arn, i])),
  calls: 0,
});

describe('the plan answering invitations', () => {
  it('has one independent step per invitation, in its receiving account and Region', () => {
    const plan = answerInvitations.plan({ decision: 'accept', invitationArns: [] }, { invitations: [invitation(1), invitation(2, { region: 'eu-west-1' })], now: NOW });
    expect(plan.independentSteps).toBe(true);
    expect(plan.title).toBe('Accept 2 resource share invitations');
    expect(plan.steps.map((s) => `${s.operation} ${s.accountId} ${s.region}`)).toEqual([
      'ram:AcceptResourceShareInvitation 300000000001 us-east-1',
      'ram:AcceptResourceShareInvitation 300000000002 eu-west-1',
    ]);
    expect(plan.steps[0].reason).toBe(
      "Accept 900000000001 (outside the organization)'s invitation to share-1 for account-1: ec2:PrefixList arn:aws:ec2:us-east-1:900000000001:prefix-list/pl-1; expires in 6 d 23 h.",
    );
    expect(plan.steps[0].about).toEqual({ resourceShareArn: 'arn:aws:ram:us-east-1:900000000001:resource-share/1' });
  });

  it('refuses an invitation that has expired on the AWS clock or was answered, naming it', () => {
    const late = invitation(1, { expiresAt: NOW - 1 });
    expect(() => answerInvitations.plan({ decision: 'accept', invitationArns: [] }, { invitations: [late, invitation(2)], now: NOW })).toThrow(PlanError);
    expect(() => answerInvitations.plan({ decision: 'accept', invitationArns: [] }, { invitations: [late], now: NOW })).toThrow('Only pending invitations can be accepted: share-1 for account-1 (us-east-1) is expired.');
    expect(() => answerInvitations.plan({ decision: 'reject', invitationArns: [] }, { invitations: [invitation(2, { status: 'ACCEPTED' })], now: NOW })).toThrow('share-2 for account-2 (us-east-1) is accepted');
  });
});

describe('the inbox counts', () => {
  it('counts open invitations and the soonest expiry, leaving out what the AWS clock has expired', () => {
    const summary = summarizeInvitations(
      snapshot([invitation(1, { expiresAt: NOW + 2 * HOUR + 10 * 60_000 }), invitation(2), invitation(3, { expiresAt: NOW - 1 }), invitation(4, { status: 'EXPIRED', expiresAt: undefined })]),
      'us-east-1',
      NOW,
    );
    expect(summary).toEqual({ pending: 2, pendingInRegion: 2, soonestExpiresInMs: 2 * HOUR + 10 * 60_000, unreachableAccounts: 0 });
  });

  it('warns about a sender with 15 or more invitations pending to the organization', () => {
    const many = Array.from({ length: 15 }, (_, n) => invitation(n, { senderAccountId: '900000000009' }));
    expect(sendersNearQuota([...many, invitation(1)], NOW)).toEqual([{ senderAccountId: '900000000009', senderName: undefined, pending: 15 }]);
    expect(sendersNearQuota(many.slice(1), NOW)).toEqual([]);
  });
});
