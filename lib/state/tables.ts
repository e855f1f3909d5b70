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
  /** JSON { id, requester, approvers }: the access request a plan's call carries out. */
  access_request: string | null;
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

export interface AccessRequestTable {
  id: string;
  plan_id: string;
  title: string;
  /** JSON: the accounts the plan's steps touch (approvers per OU). */
  account_ids: string;
  requester: string;
  requester_role: string;
  justification: string;
  duration_ms: Millis | null;
  /** pending, approved, rejected, applied, failed, expired, revoked, withdrawn. */
  state: string;
  /** Why it failed, or what ended it. */
  detail: string | null;
  created_at: Millis;
  updated_at: Millis;
}

export interface AccessRequestDecisionTable {
  request_id: string;
  decided_by: string;
  role: string;
  /** approve or reject. */
  decision: string;
  comment: string;
  decided_at: Millis;
}

export interface WebhookDeliveryTable {
  id: string;
  request_id: string | null;
  event: string;
  /** The JSON body sent. */
  body: string;
  /** pending, delivered, failed (gave up). */
  status: string;
  attempts: number;
  next_attempt_at: Millis;
  last_error: string | null;
  created_at: Millis;
}

/** Access that ends by itself (lib/expiry): one row per time-bound plan that ran. */
export interface ExpirationTable {
  plan_id: string;
  request_id: string | null;
  /** JSON: the InverseChange list (lib/plan/kind.ts) that takes the access back. */
  inverse: string;
  /** Epoch ms on the AWS clock. */
  deadline: Millis;
  /** active, revoking (claimed), revoked, failed (retried at next_attempt_at). */
  state: string;
  /** 1 once the 'expiring-soon' event went out. */
  warned: number;
  /** The instance (lib/state/leases.ts: INSTANCE_ID) applying the inverse, until lease_until (AWS clock). */
  claimed_by: string | null;
  lease_until: Millis | null;
  /** JSON: the inverse plans made so far, one per InverseChange. */
  inverse_plan_ids: string;
  error: string | null;
  attempts: number;
  next_attempt_at: Millis | null;
  scheduled_by: string;
  scheduled_at: Millis;
  /** Who asked to end it early (revokeNow); null: the deadline. */
  revoke_by: string | null;
  ended_at: Millis | null;
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
  access_requests: AccessRequestTable;
  access_request_decisions: AccessRequestDecisionTable;
  webhook_deliveries: WebhookDeliveryTable;
  expirations: ExpirationTable;
}
