// Protects: the webhook's JSON body names the request, Slack's text cannot be hijacked by hostile names, and retries back off and stop.
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, retryDelayMs, slackEscape, webhookBody } from './notify';
import type { AccessRequest } from './store';

const request: AccessRequest = {
  id: 'r-0123456789abcdef0123',
  planId: 'p-0123456789abcdef0123',
  title: 'Let <!channel> & co assume <https://evil.example|ops>',
  accountPaths: { '111111111111': ['r-ab12'] },
  requester: 'mallory<@U123>@example.com',
  requesterRole: 'requester',
  justification: 'Incident <!here> & fix',
  durationMs: 7200_000,
  state: 'pending',
  createdAt: new Date('2026-12-01T00:00:00Z'),
  updatedAt: new Date('2026-12-01T00:00:00Z'),
  decisions: [{ by: 'ada@example.com', role: 'admin', decision: 'approve', comment: 'ok', at: new Date('2026-12-01T01:00:00Z') }],
};

describe('webhook body', () => {
  it('carries the request as JSON, without text for plain webhooks', () => {
    const body = webhookBody('approved', request, { slack: false, origin: 'https://crossing.example', by: 'ada@example.com', now: new Date('2026-12-01T01:00:00Z') });
    expect(body).toEqual({
      event: 'approved',
      at: '2026-12-01T01:00:00.000Z',
      by: 'ada@example.com',
      detail: undefined,
      request: {
        id: request.id,
        url: `https://crossing.example/requests/${request.id}`,
        planId: request.planId,
        title: request.title,
        state: 'pending',
        requester: request.requester,
        justification: request.justification,
        durationMs: 7200_000,
        accounts: ['111111111111'],
        decisions: [{ by: 'ada@example.com', decision: 'approve', comment: 'ok', at: '2026-12-01T01:00:00.000Z' }],
      },
    });
  });

  it("escapes &, < and > in Slack's text, so names cannot mention, link or notify", () => {
    expect(slackEscape('a & <b> <!channel>')).toBe('a &amp; &lt;b&gt; &lt;!channel&gt;');
    const { text } = webhookBody('requested', request, { slack: true, origin: 'https://crossing.example' });
    expect(text).toBe(
      `*New access request*: <https://crossing.example/requests/${request.id}|Let &lt;!channel&gt; &amp; co assume &lt;https://evil.example|ops&gt;>\n` +
        'Requested by mallory&lt;@U123&gt;@example.com: Incident &lt;!here&gt; &amp; fix',
    );
  });
});

describe('retry schedule', () => {
  it('doubles from 30 seconds and gives up after the last attempt', () => {
    expect(Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelayMs(i + 1))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, undefined]);
  });
});
