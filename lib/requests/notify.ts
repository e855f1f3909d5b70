// Webhook notifications of access requests (CROSSING_WEBHOOK_URL): each event is a delivery recorded in the
// state, sent in the background and retried with exponential backoff a bounded number of times. A webhook that
// fails never blocks or fails the request. Redirects are not followed (a 3xx is a failed attempt), and each
// attempt has a timeout.
import { randomBytes } from 'node:crypto';
import { processWide } from '../cache/process';
import { config } from '../config';
import { errorReason, log } from '../log';
import { state } from '../state/database';
import type { AccessRequest } from './store';

export const NOTIFICATION_EVENTS = ['requested', 'approved', 'rejected', 'withdrawn', 'applied', 'failed', 'revoked', 'expired', 'expiring-soon', 'revocation-failed'] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 30_000;
const ATTEMPT_TIMEOUT_MS = 10_000;
/** An attempt in flight holds its delivery this long, so another instance does not send it at the same time. */
const CLAIM_MS = 60_000;
const SWEEP_MS = 15_000;
export const DELIVERIES_PAGE_SIZE = 50;

/** The wait after failed attempt `attempt` (1-based): 30 s, 1 min, 2 min, 4 min, 8 min; then no more attempts. */
export function retryDelayMs(attempt: number): number | undefined {
  return attempt >= MAX_ATTEMPTS ? undefined : FIRST_RETRY_MS * 2 ** (attempt - 1);
}

/** Slack's control characters in text taken literally (a hostile name cannot make a link or a mention). */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const HEADLINES: Record<NotificationEvent, string> = {
  requested: 'New access request',
  approved: 'Access request approved',
  rejected: 'Access request rejected',
  withdrawn: 'Access request withdrawn',
  applied: 'Access request applied',
  failed: 'Access request failed',
  revoked: 'Access revoked',
  expired: 'Access expired',
  'expiring-soon': 'Access expires within the hour',
  'revocation-failed': 'Revoking access failed',
};

export interface WebhookBody {
  event: NotificationEvent;
  at: string;
  /** Who caused the event (an approver, the requester, or "console"). */
  by?: string;
  detail?: string;
  request: {
    id: string;
    url?: string;
    planId: string;
    title: string;
    state: string;
    requester: string;
    justification: string;
    durationMs: number | null;
    accounts: string[];
    decisions: { by: string; decision: string; comment: string; at: string }[];
  };
  /** Slack-compatible webhooks: a readable line. */
  text?: string;
}

/** The JSON body for `event` of `request`; with `slack`, a readable `text` with every name escaped. */
export function webhookBody(event: NotificationEvent, request: AccessRequest, options: { slack: boolean; origin?: string; by?: string; detail?: string; now?: Date }): WebhookBody {
  const url = options.origin ? `${options.origin}/requests/${request.id}` : undefined;
  const body: WebhookBody = {
    event,
    at: (options.now ?? new Date()).toISOString(),
    by: options.by,
    detail: options.detail,
    request: {
      id: request.id,
      url,
      planId: request.planId,
      title: request.title,
      state: request.state,
      requester: request.requester,
      justification: request.justification,
      durationMs: request.durationMs ?? null,
      accounts: Object.keys(request.accountPaths),
      decisions: request.decisions.map((d) => ({ by: d.by, decision: d.decision, comment: d.comment, at: d.at.toISOString() })),
    },
  };
  if (options.slack) {
    const title = url ? `<${slackEscape(url)}|${slackEscape(request.title)}>` : slackEscape(request.title);
    const lines = [`*${HEADLINES[event]}*: ${title}`, `Requested by ${slackEscape(request.requester)}: ${slackEscape(request.justification)}`];
    if (options.by && options.by !== request.requester) lines.push(`By ${slackEscape(options.by)}`);
    if (options.detail) lines.push(slackEscape(options.detail));
    body.text = lines.join('\n');
  }
  return body;
}

/** Records a delivery of `event` and sends it in the background. Never throws: notifications never block a request. */
export async function notify(event: NotificationEvent, request: AccessRequest, extra: { by?: string; detail?: string } = {}): Promise<void> {
  const webhook = config().webhook;
  if (!webhook) return;
  try {
    const body = webhookBody(event, request, { slack: webhook.slack, origin: config().publicOrigin, ...extra });
    const db = await state();
    const now = Date.now();
    await db
      .insertInto('webhook_deliveries')
      .values({ id: `d-${randomBytes(10).toString('hex')}`, request_id: request.id, event, body: JSON.stringify(body), status: 'pending', attempts: 0, next_attempt_at: now, last_error: null, created_at: now })
      .execute();
    startDeliveries();
    void deliverDue().catch((error: unknown) => log('warn', 'webhook deliveries failed', { reason: errorReason(error) }));
  } catch (error) {
    log('warn', 'a webhook notification could not be recorded', { event, requestId: request.id, reason: errorReason(error) });
  }
}

/** One POST: undefined when the receiver took it (2xx), else why not. */
async function post(url: string, body: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return undefined;
    if (response.status >= 300 && response.status < 400) return `HTTP ${response.status}: the webhook redirected; redirects are not followed`;
    return `HTTP ${response.status}`;
  } catch (error) {
    return /timeout|abort/i.test(errorReason(error)) ? `no answer within ${ATTEMPT_TIMEOUT_MS / 1000} s` : errorReason(error);
  }
}

/** Sends every delivery that is due (each claimed first, so two instances do not both send it). */
export async function deliverDue(now = Date.now()): Promise<number> {
  const webhook = config().webhook;
  if (!webhook) return 0;
  const db = await state();
  const due = await db.selectFrom('webhook_deliveries').selectAll().where('status', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('created_at').limit(50).execute();
  let sent = 0;
  for (const delivery of due) {
    const claimed = await db
      .updateTable('webhook_deliveries')
      .set({ attempts: delivery.attempts + 1, next_attempt_at: now + CLAIM_MS })
      .where('id', '=', delivery.id)
      .where('attempts', '=', delivery.attempts)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const attempt = delivery.attempts + 1;
    const error = await post(webhook.url, delivery.body);
    const delay = retryDelayMs(attempt);
    await db
      .updateTable('webhook_deliveries')
      .set(
        !error
          ? { status: 'delivered', last_error: null }
          : delay === undefined
            ? { status: 'failed', last_error: error }
            : { last_error: error, next_attempt_at: Date.now() + delay },
      )
      .where('id', '=', delivery.id)
      .execute();
    if (!error) sent++;
    else log('warn', 'webhook delivery failed', { delivery: delivery.id, event: delivery.event, attempt, reason: error });
  }
  return sent;
}

/** The retries: a sweep in the background of each console process that has notified or started the requests. */
export function startDeliveries(): void {
  processWide('webhook-sweep', () => {
    const timer = setInterval(() => void deliverDue().catch((error: unknown) => log('warn', 'webhook deliveries failed', { reason: errorReason(error) })), SWEEP_MS);
    timer.unref();
    return timer;
  });
}

export interface DeliveryListing {
  id: string;
  requestId?: string;
  event: string;
  status: string;
  attempts: number;
  nextAttemptAt?: Date;
  lastError?: string;
  createdAt: Date;
}

/** Newest first, for the admins' page. */
export async function listDeliveries(page = 1): Promise<{ deliveries: DeliveryListing[]; page: number; pages: number; total: number }> {
  const db = await state();
  const { n } = await db.selectFrom('webhook_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / DELIVERIES_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await db.selectFrom('webhook_deliveries').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(DELIVERIES_PAGE_SIZE).offset((current - 1) * DELIVERIES_PAGE_SIZE).execute();
  return {
    total,
    page: current,
    pages,
    deliveries: rows.map((r) => ({
      id: r.id,
      requestId: r.request_id ?? undefined,
      event: r.event,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? new Date(r.next_attempt_at) : undefined,
      lastError: r.last_error ?? undefined,
      createdAt: new Date(r.created_at),
    })),
  };
}
