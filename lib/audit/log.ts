// The audit log: every change made through the console, recorded in SQLite (WAL) in the data directory:
// its intent before the AWS call and its outcome after it. Secrets in parameters are replaced before anything
// is written.
import type Database from 'better-sqlite3';
import { closeDatabases, ensureColumn, privateDatabase } from '../db';

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

const SCHEMA = `CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    account_id TEXT,
    region TEXT,
    parameters TEXT NOT NULL,
    outcome TEXT NOT NULL,
    request_id TEXT,
    error TEXT
  );
  CREATE INDEX IF NOT EXISTS audit_at ON audit (at);`;

let migrated: Database.Database | undefined;

function database(): Database.Database {
  const db = privateDatabase('audit.sqlite', SCHEMA);
  if (migrated !== db) {
    ensureColumn(db, 'audit', 'plan_id', 'TEXT');
    ensureColumn(db, 'audit', 'step', 'INTEGER');
    migrated = db;
  }
  return db;
}

/** Writes one entry synchronously (the action's result is returned only after this). */
export function recordAudit(entry: AuditEntry): number {
  const result = database()
    .prepare(
      `INSERT INTO audit (at, actor, role, action, account_id, region, parameters, outcome, request_id, error, plan_id, step)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      new Date().toISOString(),
      entry.actor,
      entry.role,
      entry.action,
      entry.accountId ?? null,
      entry.region ?? null,
      JSON.stringify(stripSecrets(entry.parameters ?? {})),
      entry.outcome,
      entry.requestId ?? null,
      entry.error ?? null,
      entry.planId ?? null,
      entry.step ?? null,
    );
  return Number(result.lastInsertRowid);
}

/** Newest first; `page` counts from 1. */
export function listAudit(filters: AuditFilters = {}, page = 1): { entries: AuditRecord[]; total: number; page: number; pages: number } {
  const where: string[] = [];
  const args: string[] = [];
  const like = (column: string, value?: string) => {
    if (value) {
      where.push(`${column} LIKE ? ESCAPE '\\'`);
      args.push(`%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
  };
  like('actor', filters.actor);
  like('action', filters.action);
  like('account_id', filters.accountId);
  if (filters.outcome) {
    where.push('outcome = ?');
    args.push(filters.outcome);
  }
  if (filters.planId) {
    where.push('plan_id = ?');
    args.push(filters.planId);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (database().prepare(`SELECT COUNT(*) AS n FROM audit ${clause}`).get(...args) as { n: number }).n;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const rows = database()
    .prepare(`SELECT * FROM audit ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...args, AUDIT_PAGE_SIZE, (current - 1) * AUDIT_PAGE_SIZE) as Record<string, string | number | null>[];
  return {
    total,
    page: current,
    pages,
    entries: rows.map((row) => ({
      id: row.id as number,
      at: new Date(row.at as string),
      actor: row.actor as string,
      role: row.role as string,
      action: row.action as string,
      accountId: (row.account_id as string | null) ?? undefined,
      region: (row.region as string | null) ?? undefined,
      parameters: JSON.parse(row.parameters as string),
      outcome: row.outcome as AuditOutcome,
      requestId: (row.request_id as string | null) ?? undefined,
      error: (row.error as string | null) ?? undefined,
      planId: (row.plan_id as string | null) ?? undefined,
      step: (row.step as number | null) ?? undefined,
    })),
  };
}

/** Closes the database (tests, shutdown). */
export function closeAudit(): void {
  closeDatabases();
  migrated = undefined;
}
