// An access request's life: submitted by whoever made the plan, decided on by others under the approval rules
// (lib/requests/rules.ts), applied on the final approval (or by an approver's Apply), and, when time-bound,
// ended by lib/expiry. Every step is audited and notified; refusals say why and change nothing.
import { recordAudit } from '../audit/log';
import type { SignedInUser } from '../auth/roles';
import { processWide } from '../cache/process';
import { config } from '../config';
import { expiryOf, grantsAccess, onExpiryEvent, revokeNow, scheduleExpiry, type ExpiryEvent } from '../expiry/expiry';
import { errorReason, log } from '../log';
import { ancestorIds } from '../organizations/ancestry';
import { applyPlan, runFinished } from '../changes/registry';
import type { ApplyOutcome } from '../plan/apply';
import { PlanError } from '../plan/build';
import { getPlan } from '../plan/store';
import type { StoredPlan } from '../plan/types';
import { notify, startDeliveries, type NotificationEvent } from './notify';
import { approvalsOf, checkDuration, isApproved, mayApplyDirectly, mayDecide, mayDecideScope, type RequestState } from './rules';
import { createRequest, getRequest, moveRequest, pendingRequests, recordDecision, RequestExists, requestForPlan, type AccessRequest } from './store';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

async function audited(user: SignedInUser, action: string, request: Pick<AccessRequest, 'id' | 'planId'>, parameters: Record<string, unknown>, outcome: 'success' | 'denied', error?: string) {
  await recordAudit({ actor: user.email, role: user.role, action, planId: request.planId, parameters: { requestId: request.id, ...parameters }, outcome, error });
}

/** Refuses (audited) with `reason`. */
async function refuse(user: SignedInUser, action: string, request: Pick<AccessRequest, 'id' | 'planId'>, reason: string): Promise<never> {
  await audited(user, action, request, {}, 'denied', reason);
  throw new PlanError(reason);
}

async function mustGet(id: string): Promise<AccessRequest> {
  const request = await getRequest(id);
  if (!request) throw new PlanError('No such request: its link may be wrong.');
  return request;
}

/** Where each account sits; an account whose place cannot be read is left for admins to approve. */
async function accountPathsOf(accountIds: string[]): Promise<Record<string, string[]>> {
  const accounts = [...new Set(accountIds)];
  const paths = await Promise.all(accounts.map((id) => ancestorIds(id).catch((): string[] => [])));
  return Object.fromEntries(accounts.map((id, i) => [id, paths[i]]));
}

/** Whether this plan may ask for a duration (its kind can take the access back). */
export function offersDuration(plan: StoredPlan): boolean {
  return grantsAccess(plan);
}

export async function submitRequest(user: SignedInUser, input: { planId: string; justification: string; durationHours?: number }): Promise<AccessRequest> {
  const plan = await getPlan(input.planId);
  if (!plan) throw new PlanError('No such plan: it may have been made on another console, or its link is wrong.');
  if (!same(plan.createdBy, user.email)) throw new PlanError(`Only ${plan.createdBy}, who made this plan, can submit it as a request. Make your own plan to request it.`);
  if (plan.status !== 'ready') throw new PlanError(`This plan is ${plan.status}: only a plan not applied yet can be requested. Make it again.`);
  const duration = checkDuration(input.durationHours, grantsAccess(plan));
  if (!duration.ok) throw new PlanError('Check the highlighted fields.', { durationHours: [duration.reason] });
  let request: AccessRequest;
  try {
    request = await createRequest({
      planId: plan.id,
      title: plan.title,
      accountPaths: await accountPathsOf(plan.steps.map((s) => s.accountId)),
      requester: user.email,
      requesterRole: user.role,
      justification: input.justification,
      durationMs: duration.durationMs,
    });
  } catch (error) {
    if (error instanceof RequestExists) throw new PlanError(error.message);
    throw error;
  }
  await audited(user, 'request:submit', request, { justification: request.justification, durationMs: request.durationMs ?? null }, 'success');
  await notify('requested', request, { by: user.email });
  return request;
}

/** Approves or rejects, under the rules checked here on the server; the final approval starts the apply (or waits for an approver's Apply). */
export async function decideRequest(user: SignedInUser, id: string, decision: 'approve' | 'reject', comment: string): Promise<AccessRequest> {
  const action = `request:${decision}`;
  let request = await mustGet(id);
  // OU approvers are judged on where the accounts are now, not where they were when the request was made.
  const facts = user.role === 'admin' ? request : { ...request, accountPaths: await accountPathsOf(Object.keys(request.accountPaths)) };
  const verdict = mayDecide(user, facts, config().requests, decision);
  if (!verdict.ok) return refuse(user, action, request, verdict.reason);
  if (decision === 'approve' && (await getPlan(request.planId))?.status === 'expired') {
    return refuse(user, action, request, 'The plan of this request expired before it was approved: AWS may have changed since. The requester must make the plan again and submit a new request.');
  }
  if (!(await recordDecision(id, { by: user.email, role: user.role, decision, comment }))) return refuse(user, action, request, 'You have already decided on this request.');
  await audited(user, action, request, { comment }, 'success');
  request = await mustGet(id);
  if (decision === 'reject') {
    await moveAndNotify(request, ['pending'], 'rejected', 'rejected', { by: user.email, detail: comment });
  } else if (isApproved(request, config().requests)) {
    if ((await moveAndNotify(request, ['pending'], 'approved', 'approved', { by: user.email, detail: comment })) && config().requests.apply === 'on-approval') {
      await startApply(await mustGet(id), user);
    }
  }
  return mustGet(id);
}

/** Moves the request and, if this call moved it, sends the notification (once, however many instances try). */
async function moveAndNotify(request: AccessRequest, from: RequestState[], to: RequestState, event: NotificationEvent, extra: { by?: string; detail?: string } = {}): Promise<boolean> {
  if (!(await moveRequest(request.id, from, to, extra.detail ?? null))) return false;
  await notify(event, (await getRequest(request.id))!, extra);
  return true;
}

async function startApply(request: AccessRequest, user: SignedInUser): Promise<ApplyOutcome> {
  const outcome = await applyPlan(request.planId, user, { accessRequest: { id: request.id, requester: request.requester, approvers: approvalsOf(request) } });
  if (outcome.state === 'refused') {
    await moveAndNotify(request, ['approved'], 'failed', 'failed', { by: user.email, detail: outcome.error });
    return outcome;
  }
  // The run goes on in the background; what follows it is recorded whether or not anyone watches.
  void runFinished(request.planId)
    .then((plan) => plan && finishApply(request, plan, user.email))
    .catch((error: unknown) => log('error', 'an access request could not record its run', { requestId: request.id, reason: errorReason(error) }));
  return outcome;
}

async function finishApply(request: AccessRequest, plan: StoredPlan, by: string): Promise<void> {
  // A run joined in another console process is still running here: that process records its outcome.
  if (plan.status === 'running') return;
  if (plan.status !== 'succeeded') {
    await moveAndNotify(request, ['approved'], 'failed', 'failed', { by, detail: 'A step of its plan failed: the plan page says which and why.' });
    return;
  }
  let detail: string | null = null;
  if (request.durationMs && grantsAccess(plan)) {
    try {
      await scheduleExpiry({ plan, durationMs: request.durationMs, requestId: request.id, by });
    } catch (error) {
      // The access is in place but will not end by itself: said on the request and in the notification.
      detail = `The access was granted, but its end could not be scheduled: ${errorReason(error)}. Revoke it by hand.`;
      log('error', 'an access request could not schedule its expiry', { requestId: request.id, reason: errorReason(error) });
    }
  }
  await moveAndNotify(request, ['approved'], 'applied', 'applied', { by, ...(detail && { detail }) });
}

/** Whether `user` may apply an approved request: admins, and the people who approved it. */
function mayApplyApproved(user: SignedInUser, request: AccessRequest): boolean {
  return user.role === 'admin' || approvalsOf(request).includes(user.email.toLowerCase());
}

/** Apply (or resume) an approved request's plan: an approver's Apply, or a resume after a failed run. */
export async function applyRequest(user: SignedInUser, id: string): Promise<ApplyOutcome> {
  const request = await mustGet(id);
  if (!mayApplyApproved(user, request)) return refuse(user, 'request:apply', request, 'Only admins and the people who approved this request can apply it.');
  if (request.state === 'failed') await moveRequest(id, ['failed'], 'approved');
  else if (request.state !== 'approved') return refuse(user, 'request:apply', request, `This request is ${request.state}: only an approved request is applied.`);
  return startApply(await mustGet(id), user);
}

/**
 * The plan page's Apply: a plan submitted as a request is applied only through it, once approved; with four
 * eyes, an admin's plan that is not a request is refused.
 */
export async function applyPlanChecked(planId: string, user: SignedInUser): Promise<ApplyOutcome> {
  const request = await requestForPlan(planId);
  if (request) {
    if (request.state === 'approved' || request.state === 'failed') return applyRequest(user, request.id);
    return { state: 'refused', error: `This plan was submitted as request ${request.id}, which is ${request.state}: it is applied once the request is approved.` };
  }
  const verdict = mayApplyDirectly(user, config().requests);
  if (!verdict.ok) return { state: 'refused', error: verdict.reason };
  return applyPlan(planId, user);
}

export async function withdrawRequest(user: SignedInUser, id: string): Promise<AccessRequest> {
  const request = await mustGet(id);
  if (!same(user.email, request.requester)) return refuse(user, 'request:withdraw', request, 'Only the requester can withdraw a request.');
  if (!(await moveAndNotify(request, ['pending'], 'withdrawn', 'withdrawn', { by: user.email }))) {
    return refuse(user, 'request:withdraw', request, `This request is ${request.state}: only a pending request can be withdrawn.`);
  }
  await audited(user, 'request:withdraw', request, {}, 'success');
  return mustGet(id);
}

/** Ends time-bound access now (the requester or an admin), through lib/expiry. */
export async function revokeRequest(user: SignedInUser, id: string): Promise<AccessRequest> {
  const request = await mustGet(id);
  if (!same(user.email, request.requester) && user.role !== 'admin') return refuse(user, 'request:revoke', request, 'Only the requester or an admin can revoke this access.');
  if (request.state !== 'applied' || !request.durationMs) return refuse(user, 'request:revoke', request, `This request is ${request.state}: only applied, time-bound access can be revoked here.`);
  await audited(user, 'request:revoke', request, {}, 'success');
  const result = await revokeNow(request.planId, user.email);
  if (result.state === 'failed') throw new PlanError(`AWS refused the revocation: ${result.error ?? 'see the inverse plan'}. The access is still in place.`);
  if (result.state === 'revoked') await moveAndNotify(request, ['applied'], 'revoked', 'revoked', { by: user.email });
  return mustGet(id);
}

/** The request's deadline as lib/expiry keeps it (applied, time-bound requests). */
export async function requestExpiry(request: AccessRequest) {
  return request.durationMs && ['applied', 'expired', 'revoked'].includes(request.state) ? expiryOf(request.planId) : undefined;
}

/** Pending requests `user` may decide on now (the dashboard, the navigation's count, the "waiting for me" tab). */
export async function waitingFor(user: SignedInUser): Promise<AccessRequest[]> {
  return (await pendingRequests()).filter((r) => mayDecide(user, r, config().requests, 'approve').ok);
}

/** Whether `user` may see the Approve and Reject buttons at all (the server checks again when they are used). */
export function mayDecideOn(user: SignedInUser, request: AccessRequest): boolean {
  return !same(user.email, request.requester) && mayDecideScope(user, request, config().requests).ok;
}

async function onExpiry(event: ExpiryEvent): Promise<void> {
  const request = event.requestId ? await getRequest(event.requestId) : await requestForPlan(event.planId);
  if (!request) return;
  const extra = { by: 'console', detail: event.detail };
  switch (event.type) {
    case 'expired':
      await moveAndNotify(request, ['applied'], 'expired', 'expired', extra);
      break;
    case 'revoked':
      await moveAndNotify(request, ['applied'], 'revoked', 'revoked', extra);
      break;
    default:
      await notify(event.type, request, extra);
  }
}

/** Once per process: expiry events become request states and notifications, and pending webhook retries are swept. */
export function startRequests(): void {
  processWide('request-expiry-listener', () => {
    onExpiryEvent((event) => onExpiry(event).catch((error: unknown) => log('error', 'an expiry event could not be recorded on its request', { planId: event.planId, reason: errorReason(error) })));
    return true;
  });
  if (config().webhook) startDeliveries();
}
