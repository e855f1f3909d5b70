// Protects: nobody approves their own request, N distinct people approve, OU approvers only under their OUs, four eyes for admins.
import { describe, expect, it } from 'vitest';
import type { RequestsConfig } from '../config';
import { checkDuration, isApproved, mayApplyDirectly, mayDecide, underOuPath, type RequestFacts } from './rules';

const config: RequestsConfig = { approvals: 1, fourEyes: false, apply: 'on-approval', ouApprovers: { 'dev-approvers': ['r-ab12/ou-ab12-dev00001'] } };
const request = (over: Partial<RequestFacts> = {}): RequestFacts => ({
  requester: 'Rita@example.com',
  requesterRole: 'requester',
  state: 'pending',
  accountPaths: { '111111111111': ['r-ab12', 'ou-ab12-dev00001'], '222222222222': ['r-ab12', 'ou-ab12-dev00001', 'ou-ab12-team0001'] },
  decisions: [],
  ...over,
});
const admin = { email: 'ada@example.com', role: 'admin' };

describe('approval rules', () => {
  it('refuses self-approval, whatever the role or the case of the address', () => {
    expect(mayDecide({ email: 'rita@EXAMPLE.com', role: 'admin' }, request(), config, 'approve')).toEqual({
      ok: false,
      reason: 'You cannot approve your own request: another person must approve it.',
    });
    expect(mayDecide({ email: 'rita@example.com', role: 'admin' }, request(), config, 'reject')).toMatchObject({ ok: false, reason: expect.stringContaining('withdraw') });
    expect(mayDecide(admin, request(), config, 'approve')).toEqual({ ok: true });
  });

  it('needs N distinct approvals: the same person twice counts once, the requester never', () => {
    const two = { ...config, approvals: 2 };
    expect(isApproved(request({ decisions: [{ by: 'ada@example.com', decision: 'approve' }] }), two)).toBe(false);
    expect(isApproved(request({ decisions: [{ by: 'ada@example.com', decision: 'approve' }, { by: 'ADA@example.com', decision: 'approve' }] }), two)).toBe(false);
    expect(isApproved(request({ decisions: [{ by: 'ada@example.com', decision: 'approve' }, { by: 'rita@example.com', decision: 'approve' }] }), two)).toBe(false);
    expect(isApproved(request({ decisions: [{ by: 'ada@example.com', decision: 'approve' }, { by: 'bob@example.com', decision: 'approve' }] }), two)).toBe(true);
    expect(mayDecide(admin, request({ decisions: [{ by: 'ada@example.com', decision: 'approve' }] }), two, 'approve')).toMatchObject({ ok: false, reason: expect.stringContaining('already approved') });
  });

  it('lets OU approvers approve only changes whose accounts are all under their OU', () => {
    const ouApprover = { email: 'olga@example.com', role: 'viewer', groups: ['dev-approvers'] };
    expect(mayDecide(ouApprover, request(), config, 'approve')).toEqual({ ok: true });
    const outside = request({ accountPaths: { '111111111111': ['r-ab12', 'ou-ab12-dev00001'], '333333333333': ['r-ab12', 'ou-ab12-prod0001'] } });
    expect(mayDecide(ouApprover, outside, config, 'approve')).toEqual({
      ok: false,
      reason: 'You approve changes under r-ab12/ou-ab12-dev00001 only; this request also changes account 333333333333.',
    });
    expect(mayDecide({ email: 'vic@example.com', role: 'viewer', groups: ['other'] }, request(), config, 'approve')).toMatchObject({ ok: false });
    expect(mayDecide(admin, outside, config, 'approve')).toEqual({ ok: true });
    expect(underOuPath(['r-ab12', 'ou-ab12-dev00001'], 'ou-ab12-dev00001')).toBe(true);
    expect(underOuPath(['r-ab12', 'ou-ab12-devx'], 'r-ab12/ou-ab12-dev00001')).toBe(false);
  });

  it('with four eyes, an admin applies nothing directly and only another admin approves their request', () => {
    const fourEyes = { ...config, fourEyes: true };
    expect(mayApplyDirectly(admin, config)).toEqual({ ok: true });
    expect(mayApplyDirectly(admin, fourEyes)).toMatchObject({ ok: false, reason: expect.stringContaining('Four eyes') });
    const adminsOwn = request({ requester: 'ada@example.com', requesterRole: 'admin' });
    expect(mayDecide({ email: 'olga@example.com', role: 'viewer', groups: ['dev-approvers'] }, adminsOwn, fourEyes, 'approve')).toMatchObject({ ok: false, reason: expect.stringContaining('another admin') });
    expect(mayDecide({ email: 'bob@example.com', role: 'admin' }, adminsOwn, fourEyes, 'approve')).toEqual({ ok: true });
    expect(mayDecide(admin, adminsOwn, fourEyes, 'approve')).toMatchObject({ ok: false });
  });

  it('refuses decisions once the request is no longer pending', () => {
    expect(mayDecide(admin, request({ state: 'withdrawn' }), config, 'approve')).toMatchObject({ ok: false, reason: expect.stringContaining('withdrawn') });
  });

  it('takes durations from 1 hour to 90 days, only for changes that grant access', () => {
    expect(checkDuration(undefined, false)).toEqual({ ok: true });
    expect(checkDuration(2, true)).toEqual({ ok: true, durationMs: 7200_000 });
    expect(checkDuration(2, false)).toMatchObject({ ok: false });
    expect(checkDuration(0.5, true)).toEqual({ ok: false, reason: 'The duration must be at least 1 hour.' });
    expect(checkDuration(2161, true)).toEqual({ ok: false, reason: 'The duration must be at most 90 days (2160 hours).' });
  });
});
