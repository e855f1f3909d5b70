// The audit log: every change made through the console, in the console's state (lib/state: SQLite in the data
// dir, or the PostgreSQL every instance shares): its intent before the AWS call and its outcome after it.
// Secrets in parameters are replaced before anything is written.
import { sql, type Selectable } from 'kysely';
import { closeState, state } from '../state/database';
import type { AuditTable } from '../state/tables';

export interface AuditEntry {
  actor: string;
  role: string;
  /** What was done, in AWS's words where one call: 'ram:EnableSharingWithAwsOrganization'. */
  action: string;
  accountId?: string;
  region?: string;
  parameters?: unknown;
  /** intent: written before the call; success/failure: after it; denied/unauthenticated: refused before any call. */
  outcome: AuditOutcome;
  requestId?: string;
  error?: string;
  /** The plan and step (1-based) this entry belongs to, for changes made through a plan. */
  planId?: string;
  step?: number;
  /** The access request the call carries out: who asked and who approved. */
  accessRequest?: AccessRequestRef;
}

export interface AccessRequestRef {
  id: string;
  requester: string;
  approvers: string[];
}

export const AUDIT_OUTCOMES = ['intent', 'success', 'failure', 'denied', 'unauthenticated'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditRecord extends Omit<AuditEntry, 'parameters'> {
  id: number;
  at: Date;
  parameters: unknown;
}

export interface AuditFilters {
  actor?: string;
  action?: string;
  accountId?: string;
  outcome?: AuditOutcome;
  planId?: string;
}

export const AUDIT_PAGE_SIZE = 50;

const SECRET_KEY = /secret|password|token|credential|privatekey|private_key|apikey|api_key/i;

/** A copy of `value` with every member whose name looks secret replaced by "[removed]". */
export function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, SECRET_KEY.test(key) ? '[removed]' : stripSecrets(v)]),
    );
  }
  return value;
}

type Row = Selectable<AuditTable>;

function toRecord(row: Row): AuditRecord {
  return {
    id: row.id,
    at: new Date(row.at),
    actor: row.actor,
    role: row.role,
    action: row.action,
    accountId: row.account_id ?? undefined,
    region: row.region ?? undefined,
    parameters: JSON.parse(row.parameters),
    outcome: row.outcome as AuditOutcome,
    requestId: row.request_id ?? undefined,
    error: row.error ?? undefined,
    planId: row.plan_id ?? undefined,
    step: row.step ?? undefined,
    accessRequest: row.access_request ? (JSON.parse(row.access_request) as AccessRequestRef) : undefined,
  };
}

/** Writes one entry and returns its id once it is committed: an intent is durable before the AWS call it announces. */
export async function recordAudit(entry: AuditEntry): Promise<number> {
  const db = await state();
  const { id } = await db
    .insertInto('audit')
    .values({
      at: new Date().toISOString(),
      actor: entry.actor,
      role: entry.role,
      action: entry.action,
      account_id: entry.accountId ?? null,
      region: entry.region ?? null,
      parameters: JSON.stringify(stripSecrets(entry.parameters ?? {})),
      outcome: entry.outcome,
      request_id: entry.requestId ?? null,
      error: entry.error ?? null,
      plan_id: entry.planId ?? null,
      step: entry.step ?? null,
      access_request: entry.accessRequest ? JSON.stringify(entry.accessRequest) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** `value` anywhere in `column`, ignoring case, with LIKE's wildcards taken literally. */
function contains(column: 'actor' | 'action' | 'account_id', value: string) {
  const pattern = `%${value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) LIKE ${pattern} ESCAPE '\\'`;
}

/** Newest first; `page` counts from 1. */
export async function listAudit(filters: AuditFilters = {}, page = 1): Promise<{ entries: AuditRecord[]; total: number; page: number; pages: number }> {
  const db = await state();
  let query = db.selectFrom('audit');
  if (filters.actor) query = query.where(contains('actor', filters.actor));
  if (filters.action) query = query.where(contains('action', filters.action));
  if (filters.accountId) query = query.where(contains('account_id', filters.accountId));
  if (filters.outcome) query = query.where('outcome', '=', filters.outcome);
  if (filters.planId) query = query.where('plan_id', '=', filters.planId);
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const rows = await query
    .selectAll()
    .orderBy('id', 'desc')
    .limit(AUDIT_PAGE_SIZE)
    .offset((current - 1) * AUDIT_PAGE_SIZE)
    .execute();
  return { total, page: current, pages, entries: rows.map(toRecord) };
}

const EXPORT_BATCH = 1000;

/**
 * Every entry written from `from` (inclusive) to `to` (exclusive), oldest first, read in batches so that a long
 * range never sits in memory at once (the audit export streams it).
 */
export async function* auditBetween(from: Date, to: Date): AsyncGenerator<AuditRecord> {
  const db = await state();
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit')
      .selectAll()
      .where('at', '>=', from.toISOString())
      .where('at', '<', to.toISOString())
      .where('id', '>', after)
      .orderBy('id')
      .limit(EXPORT_BATCH)
      .execute();
    for (const row of rows) yield toRecord(row);
    if (rows.length < EXPORT_BATCH) return;
    after = rows.at(-1)!.id;
  }
}

/** Closes the database (tests, shutdown). */
export async function closeAudit(): Promise<void> {
  await closeState();
}
