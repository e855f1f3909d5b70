// Who may approve an access request, and when it is approved: pure functions of the request, the person and the
// configuration, so the server checks exactly what the unit tests pin down.
import type { RequestsConfig } from '../config';

export const REQUEST_STATES = ['pending', 'approved', 'rejected', 'applied', 'failed', 'expired', 'revoked', 'withdrawn'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** The shortest and longest access a request may ask for. */
export const MIN_DURATION_MS = 3600_000;
export const MAX_DURATION_MS = 90 * 24 * 3600_000;

export interface Person {
  email: string;
  role: string;
  groups?: string[];
}

export interface Decision {
  by: string;
  decision: 'approve' | 'reject';
}

export interface RequestFacts {
  requester: string;
  requesterRole: string;
  state: RequestState;
  /** Account ID → the IDs of its root and OUs, root first: where each account the plan touches sits. */
  accountPaths: Record<string, string[]>;
  decisions: Decision[];
}

export type Verdict = { ok: true } | { ok: false; reason: string };

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Whether an account whose root and OUs are `ancestors` (root first) is under `ouPath` (`r-ab12/ou-ab12-1`, or from any OU down). */
export function underOuPath(ancestors: string[], ouPath: string): boolean {
  const parts = ouPath.split('/');
  const start = ancestors.indexOf(parts[0]);
  return start >= 0 && parts.every((part, i) => ancestors[start + i] === part);
}

/** The OU paths `person`'s groups may approve changes under. */
export function approverPaths(person: Person, config: Pick<RequestsConfig, 'ouApprovers'>): string[] {
  return (person.groups ?? []).flatMap((group) => config.ouApprovers[group] ?? []);
}

/** Whether `person` may decide (approve or reject) on requests of this scope at all: admins everywhere, OU approvers under their OUs. */
export function mayDecideScope(person: Person, request: Pick<RequestFacts, 'accountPaths' | 'requesterRole'>, config: RequestsConfig): Verdict {
  if (person.role === 'admin') return { ok: true };
  if (config.fourEyes && request.requesterRole === 'admin') {
    return { ok: false, reason: "An admin's own change needs another admin's approval (four eyes)." };
  }
  const paths = approverPaths(person, config);
  if (!paths.length) return { ok: false, reason: 'Only admins, and approvers of the OUs the change touches, can decide on requests.' };
  const outside = Object.entries(request.accountPaths)
    .filter(([, ancestors]) => !paths.some((p) => underOuPath(ancestors, p)))
    .map(([accountId]) => accountId);
  if (outside.length) return { ok: false, reason: `You approve changes under ${paths.join(', ')} only; this request also changes account ${outside.join(', ')}.` };
  return { ok: true };
}

/** Whether `person` may approve (or reject) the request now. Nobody decides on their own request. */
export function mayDecide(person: Person, request: RequestFacts, config: RequestsConfig, decision: Decision['decision']): Verdict {
  if (request.state !== 'pending') return { ok: false, reason: `This request is ${request.state}: it can no longer be approved or rejected.` };
  if (same(person.email, request.requester)) {
    return decision === 'approve'
      ? { ok: false, reason: 'You cannot approve your own request: another person must approve it.' }
      : { ok: false, reason: 'You cannot reject your own request: withdraw it instead.' };
  }
  if (request.decisions.some((d) => same(d.by, person.email))) return { ok: false, reason: 'You have already approved this request: the other approvals must come from other people.' };
  return mayDecideScope(person, request, config);
}

/** Distinct approvals so far (each person counts once; the requester never counts). */
export function approvalsOf(request: Pick<RequestFacts, 'decisions' | 'requester'>): string[] {
  const approvers = request.decisions.filter((d) => d.decision === 'approve' && !same(d.by, request.requester)).map((d) => d.by.toLowerCase());
  return [...new Set(approvers)];
}

/** Whether the approvals given reach the number configured. */
export function isApproved(request: Pick<RequestFacts, 'decisions' | 'requester'>, config: Pick<RequestsConfig, 'approvals'>): boolean {
  return approvalsOf(request).length >= config.approvals;
}

/** Whether `person` may apply a plan directly, without a request: admins, unless four eyes is on. */
export function mayApplyDirectly(person: Person, config: Pick<RequestsConfig, 'fourEyes'>): Verdict {
  if (person.role !== 'admin') return { ok: false, reason: 'Only admins can apply plans: submit it as a request instead.' };
  if (config.fourEyes) return { ok: false, reason: "Four eyes: an admin's own change needs another admin's approval. Submit the plan as a request; another admin approves it." };
  return { ok: true };
}

/** A duration in hours from the form, checked: undefined when none was asked for. */
export function checkDuration(hours: number | undefined, grantsAccess: boolean): { ok: true; durationMs?: number } | { ok: false; reason: string } {
  if (hours === undefined) return { ok: true };
  if (!grantsAccess) return { ok: false, reason: 'This change does not grant access that can be taken back by itself: leave the duration empty.' };
  const ms = Math.round(hours * 3600_000);
  if (!Number.isFinite(ms) || ms < MIN_DURATION_MS) return { ok: false, reason: 'The duration must be at least 1 hour.' };
  if (ms > MAX_DURATION_MS) return { ok: false, reason: 'The duration must be at most 90 days (2160 hours).' };
  return { ok: true, durationMs: ms };
}
