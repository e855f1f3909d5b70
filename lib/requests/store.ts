// Access requests and their decisions in the console's state (lib/state), shared by every console instance.
// State changes are conditional updates (from the states allowed), so two instances or two clicks cannot both
// move a request on.
import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { state } from '../state/database';
import type { AccessRequestDecisionTable, AccessRequestTable } from '../state/tables';
import type { Decision, RequestState } from './rules';

export const REQUEST_ID = /^r-[0-9a-f]{20}$/;
export const REQUESTS_PAGE_SIZE = 25;

export interface StoredDecision extends Decision {
  role: string;
  comment: string;
  at: Date;
}

export interface AccessRequest {
  id: string;
  planId: string;
  title: string;
  /** Account ID → its root and OU IDs, root first, when the request was made. */
  accountPaths: Record<string, string[]>;
  requester: string;
  requesterRole: string;
  justification: string;
  durationMs?: number;
  state: RequestState;
  detail?: string;
  createdAt: Date;
  updatedAt: Date;
  decisions: StoredDecision[];
}

export type NewRequest = Pick<AccessRequest, 'planId' | 'title' | 'accountPaths' | 'requester' | 'requesterRole' | 'justification' | 'durationMs'>;

function toRequest(row: Selectable<AccessRequestTable>, decisions: Selectable<AccessRequestDecisionTable>[]): AccessRequest {
  return {
    id: row.id,
    planId: row.plan_id,
    title: row.title,
    accountPaths: JSON.parse(row.account_ids) as Record<string, string[]>,
    requester: row.requester,
    requesterRole: row.requester_role,
    justification: row.justification,
    durationMs: row.duration_ms ?? undefined,
    state: row.state as RequestState,
    detail: row.detail ?? undefined,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    decisions: decisions
      .filter((d) => d.request_id === row.id)
      .map((d) => ({ by: d.decided_by, role: d.role, decision: d.decision as Decision['decision'], comment: d.comment, at: new Date(d.decided_at) })),
  };
}

async function withDecisions(rows: Selectable<AccessRequestTable>[]): Promise<AccessRequest[]> {
  if (!rows.length) return [];
  const db = await state();
  const decisions = await db
    .selectFrom('access_request_decisions')
    .selectAll()
    .where('request_id', 'in', rows.map((r) => r.id))
    .orderBy('decided_at')
    .execute();
  return rows.map((row) => toRequest(row, decisions));
}

/** Records a new pending request. Throws RequestExists when the plan already has one. */
export async function createRequest(request: NewRequest, now = Date.now()): Promise<AccessRequest> {
  const db = await state();
  const id = `r-${randomBytes(10).toString('hex')}`;
  const inserted = await db
    .insertInto('access_requests')
    .values({
      id,
      plan_id: request.planId,
      title: request.title,
      account_ids: JSON.stringify(request.accountPaths),
      requester: request.requester,
      requester_role: request.requesterRole,
      justification: request.justification,
      duration_ms: request.durationMs ?? null,
      state: 'pending',
      detail: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('plan_id').doNothing())
    .executeTakeFirst();
  if (!Number(inserted.numInsertedOrUpdatedRows ?? 0)) throw new RequestExists();
  return (await getRequest(id))!;
}

export class RequestExists extends Error {
  constructor() {
    super('This plan has already been submitted as a request.');
  }
}

export async function getRequest(id: string): Promise<AccessRequest | undefined> {
  if (!REQUEST_ID.test(id)) return undefined;
  const db = await state();
  const row = await db.selectFrom('access_requests').selectAll().where('id', '=', id).executeTakeFirst();
  return row && (await withDecisions([row]))[0];
}

export async function requestForPlan(planId: string): Promise<AccessRequest | undefined> {
  const db = await state();
  const row = await db.selectFrom('access_requests').selectAll().where('plan_id', '=', planId).executeTakeFirst();
  return row && (await withDecisions([row]))[0];
}

/** Moves the request from one of `from` to `to`; false when it was no longer in one of them (someone else moved it first). */
export async function moveRequest(id: string, from: RequestState[], to: RequestState, detail?: string | null, now = Date.now()): Promise<boolean> {
  const db = await state();
  const result = await db
    .updateTable('access_requests')
    .set({ state: to, updated_at: now, ...(detail !== undefined && { detail }) })
    .where('id', '=', id)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records one person's decision; false when they had already decided. */
export async function recordDecision(id: string, decision: Omit<StoredDecision, 'at'>, now = Date.now()): Promise<boolean> {
  const db = await state();
  const result = await db
    .insertInto('access_request_decisions')
    .values({ request_id: id, decided_by: decision.by.toLowerCase(), role: decision.role, decision: decision.decision, comment: decision.comment, decided_at: now })
    .onConflict((oc) => oc.columns(['request_id', 'decided_by']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export interface RequestPage {
  requests: AccessRequest[];
  total: number;
  page: number;
  pages: number;
}

/** Newest first; `requester` for "mine", `states` to narrow; `page` counts from 1. */
export async function listRequests(filter: { requester?: string; states?: RequestState[] }, page = 1): Promise<RequestPage> {
  const db = await state();
  let query = db.selectFrom('access_requests');
  if (filter.requester) query = query.where('requester', '=', filter.requester);
  if (filter.states?.length) query = query.where('state', 'in', filter.states);
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / REQUESTS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = await query
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(REQUESTS_PAGE_SIZE)
    .offset((current - 1) * REQUESTS_PAGE_SIZE)
    .execute();
  return { requests: await withDecisions(rows), total, page: current, pages };
}

/** Every pending request (the "waiting for me" list filters them by the approval rules). */
export async function pendingRequests(): Promise<AccessRequest[]> {
  const db = await state();
  return withDecisions(await db.selectFrom('access_requests').selectAll().where('state', '=', 'pending').orderBy('created_at', 'desc').execute());
}
