// An access request: the plan exactly as its own page shows it, who asked and why, for how long, the decisions
// with their comments, and the buttons the signed-in user may use (each checked again on the server).
import { notFound } from 'next/navigation';
import { PlanReview } from '@/components/plan/PlanReview';
import { ExpiryCountdown } from '@/components/expiry/ExpiryCountdown';
import { RequestControls } from '@/components/requests/RequestControls';
import { formatHours, REQUEST_STATE } from '@/components/requests/status';
import { Alert, Badge, Card, PageTitle } from '@/components/ui';
import { readBack } from '@/lib/changes/registry';
import { awsNow } from '@/lib/aws/clients';
import { config } from '@/lib/config';
import { organizationNames } from '@/lib/organizations/accounts';
import { loadConsolePage } from '@/lib/page-context';
import { getPlan } from '@/lib/plan/store';
import { approvalsOf } from '@/lib/requests/rules';
import { mayDecideOn, requestExpiry } from '@/lib/requests/service';
import { getRequest } from '@/lib/requests/store';
import { applyRequestAction, approveRequestAction, rejectRequestAction, revokeRequestAction, withdrawRequestAction } from './actions';

export const dynamic = 'force-dynamic';

const utc = (at: Date) => `${at.toISOString().replace('T', ' ').slice(0, 19)} UTC`;

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const page = await loadConsolePage();
  const request = await getRequest((await params).id);
  if (!request) notFound();
  const plan = await getPlan(request.planId);
  const { user } = page;
  const isRequester = user.email.toLowerCase() === request.requester.toLowerCase();
  const approvers = approvalsOf(request);
  const expiry = await requestExpiry(request).catch(() => undefined);
  const names = page.context && plan ? organizationNames(page.context).catch((): Record<string, string> => ({})) : {};
  const [result, accountNamesRead] = await Promise.all([page.context && plan ? readBack(plan, page.context) : undefined, names]);
  const state = REQUEST_STATE[request.state];
  return (
    <>
      <PageTitle description={`Request ${request.id}, asked by ${request.requester} at ${utc(request.createdAt)}.`}>{request.title}</PageTitle>
      <div className="flex flex-col gap-6">
        {page.error && <Alert tone="error" title="AWS cannot be reached">{page.error}</Alert>}
        <Card
          title={
            <>
              Request <Badge tone={state.tone} testId="request-state">{state.label}</Badge>
            </>
          }
          testId="request"
        >
          <dl className="grid grid-cols-[minmax(0,10rem)_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
            <dt className="text-slate-500">Requester</dt>
            <dd data-testid="request-requester" className="[overflow-wrap:anywhere]">{request.requester}</dd>
            <dt className="text-slate-500">Justification</dt>
            <dd data-testid="request-justification" className="whitespace-pre-wrap [overflow-wrap:anywhere]">{request.justification}</dd>
            <dt className="text-slate-500">Duration</dt>
            <dd>{request.durationMs ? formatHours(request.durationMs) : 'Until removed'}</dd>
            <dt className="text-slate-500">Approvals</dt>
            <dd>
              {approvers.length} of {config().requests.approvals} needed
              {config().requests.apply === 'by-approver' && ' (then an approver applies it)'}
            </dd>
            {expiry && (
              <>
                <dt className="text-slate-500">Access ends</dt>
                <dd>
                  <ExpiryCountdown expiry={expiry} awsNow={awsNow()} />
                </dd>
              </>
            )}
          </dl>
          {request.detail && (
            <div className="mt-3">
              <Alert tone={request.state === 'failed' ? 'error' : 'info'}>{request.detail}</Alert>
            </div>
          )}
          <h3 className="mt-4 text-sm font-semibold text-slate-800">Decisions</h3>
          {request.decisions.length === 0 ? (
            <p className="text-sm text-slate-500">Nobody has decided yet.</p>
          ) : (
            <ul className="mt-2 flex flex-col gap-2 text-sm" data-testid="request-decisions">
              {request.decisions.map((d) => (
                <li key={d.by}>
                  <Badge tone={d.decision === 'approve' ? 'emerald' : 'red'}>{d.decision === 'approve' ? 'Approved' : 'Rejected'}</Badge> by{' '}
                  <span className="[overflow-wrap:anywhere]">{d.by}</span> ({d.role}) at {utc(d.at)}
                  {d.comment && <p className="mt-1 whitespace-pre-wrap text-slate-700 [overflow-wrap:anywhere]">{d.comment}</p>}
                </li>
              ))}
            </ul>
          )}
          <div className="mt-4">
            <RequestControls
              requestId={request.id}
              canDecide={request.state === 'pending' && mayDecideOn(user, request)}
              canWithdraw={request.state === 'pending' && isRequester}
              canApply={(request.state === 'approved' || request.state === 'failed') && (user.role === 'admin' || approvers.includes(user.email.toLowerCase()))}
              canRevoke={request.state === 'applied' && !!request.durationMs && (isRequester || user.role === 'admin')}
              approve={approveRequestAction}
              reject={rejectRequestAction}
              withdraw={withdrawRequestAction}
              apply={applyRequestAction}
              revoke={revokeRequestAction}
            />
          </div>
        </Card>
        {plan ? (
          // Apply on the plan itself goes through the request too (components/plan/actions.ts): the request's buttons are the ones to use here.
          <PlanReview plan={plan} accountNames={{ ...accountNamesRead, ...plan.accountNames }} canApply={false} readBack={result} />
        ) : (
          <Alert tone="warning">The plan of this request ({request.planId}) is no longer in the plan store.</Alert>
        )}
      </div>
    </>
  );
}
