// The tables the console keeps its state in, as both SQLite and PostgreSQL hold them (lib/state/migrations.ts).
import type { ColumnType, Generated } from 'kysely';

/** Milliseconds since the epoch (bigint in PostgreSQL, read back as a number). */
type Millis = ColumnType<number, number, number>;
/** An instant: timestamptz in PostgreSQL (read as a Date), ISO-8601 text in SQLite (read as a string). */
type Instant = ColumnType<Date | string, string, string>;

export interface AuditTable {
  id: Generated<number>;
  at: Instant;
  actor: string;
  role: string;
  action: string;
  account_id: string | null;
  region: string | null;
  /** JSON, secrets removed. */
  parameters: string;
  outcome: string;
  request_id: string | null;
  error: string | null;
  plan_id: string | null;
  step: number | null;
}

export interface SessionTable {
  id: string;
  user_email: string;
  started_at: Millis;
  last_seen_at: Millis;
}

export interface SignInFailureTable {
  /** `email:<address>` or `address:<client IP>`. */
  key: string;
  at: Millis;
}

export interface InvitationTable {
  arn: string;
  resource_share_arn: string;
  share_name: string;
  sender_account_id: string;
  receiver_account_id: string;
  region: string;
  invited_at: string | null;
  expires_at: string | null;
  /** JSON: [{ arn, type }]. */
  resources: string;
  status: string;
  status_since: string;
  first_seen_at: string;
  last_seen_at: string;
  decided_by: string | null;
  decided_at: string | null;
  plan_id: string | null;
}

export interface LeaseTable {
  name: string;
  /** The instance holding it (lib/state/leases.ts: INSTANCE_ID). */
  holder: string;
  expires_at: Millis;
}

/** Settings' allowlist for the access findings: one row per value of each list. */
export interface AccessAllowlistTable {
  /** accounts, organizations, ous or lessTrustedOus. */
  list: string;
  value: string;
  added_by: string;
  added_at: string;
}

export interface AcceptedFindingTable {
  finding_id: string;
  reason: string;
  accepted_by: string;
  /** Epoch ms. */
  accepted_at: Millis;
  expires_at: Millis | null;
}

/** A reviewed plan and its run (lib/plan/store.ts). Times are ISO-8601 text on both databases. */
export interface PlanTable {
  id: string;
  kind: string;
  /** JSON: the PlanDraft. */
  draft: string;
  created_by: string;
  created_role: string | null;
  created_at: string;
  expires_at: string;
  status: string;
  /** The instance whose run holds the plan (its lease is `plan-run:<id>`). */
  run_owner: string | null;
  applied_by: string | null;
  started_at: string | null;
  finished_at: string | null;
}

export interface PlanStepTable {
  plan_id: string;
  idx: number;
  /** JSON: the StepState. */
  state: string;
}

export interface WizardDraftTable {
  id: string;
  kind: string;
  created_by: string;
  updated_at: string;
  /** JSON: the wizard's DraftState. */
  state: string;
}

/** The last snapshot of each organization-wide read (lib/cache/snapshots.ts), shared by every instance. */
export interface SnapshotTable {
  /** The snapshot store's name: organization-snapshot, ram-snapshot, … */
  store: string;
  key: string;
  format: number;
  fetched_at: Millis;
  /** 1: complete; 0: a build's partial snapshot, as the instance building it last wrote it. */
  complete: number;
  /** Epoch ms of this write: an instance adopts a row written after the one it holds. */
  written_at: Millis;
  /** JSON, the store's encoding. */
  body: string;
}

export interface StateTables {
  snapshots: SnapshotTable;
  plans: PlanTable;
  plan_steps: PlanStepTable;
  wizard_drafts: WizardDraftTable;
  audit: AuditTable;
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
  invitations: InvitationTable;
  leases: LeaseTable;
  access_allowlist: AccessAllowlistTable;
  accepted_findings: AcceptedFindingTable;
}
