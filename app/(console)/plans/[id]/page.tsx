// A plan's page: the same page for review (with Apply for admins) and for progress and result, read from the
// store on every render, so it survives a reload and a restart of the console.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PlanControls } from '@/components/plan/PlanControls';
import { PlanEquivalents } from '@/components/plan/PlanEquivalents';
import { PlanSteps } from '@/components/plan/PlanSteps';
import { Alert, Badge, Card, PageTitle } from '@/components/ui';
import { loadConsolePage } from '@/lib/page-context';
import { planEquivalents, readBack } from '@/lib/changes/registry';
import { PLAN_STATUS } from '@/components/plan/status';
import { progressSignature } from '@/lib/plan/progress';
import { getPlan } from '@/lib/plan/store';
import { organizationNames } from '@/lib/organizations/accounts';
import { applyPlanAction, checkPlanAction } from '@/components/plan/actions';

export const dynamic = 'force-dynamic';

const utc = (iso?: string) => (iso ? `${iso.replace('T', ' ').slice(0, 19)} UTC` : '');

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const page = await loadConsolePage();
  const plan = getPlan((await params).id);
  if (!plan) notFound();
  // Account names are a convenience on a page that shows the IDs anyway: a failed read leaves them out.
  const names = page.context ? organizationNames(page.context).catch((): Record<string, string> => ({})) : {};
  const [result, accountNamesRead] = await Promise.all([page.context ? readBack(plan, page.context) : undefined, names]);
  const accountNames = { ...accountNamesRead, ...plan.accountNames };
  const status = PLAN_STATUS[plan.status];
  return (
    <>
      <PageTitle description={`Plan ${plan.id}, made by ${plan.createdBy} at ${utc(plan.createdAt)}.`}>{plan.title}</PageTitle>
      <div className="flex flex-col gap-6">
        <Card
          title={
            <>
              Steps <Badge tone={status.tone} testId="plan-status">{status.label}</Badge>
            </>
          }
          testId="plan"
        >
          {plan.status === 'ready' && (
            <p className="mb-3 text-sm text-slate-700">
              Nothing has been changed yet. Review each call below and its equivalents; the plan can be applied until {utc(plan.expiresAt)}.
            </p>
          )}
          {plan.status === 'expired' && (
            <div className="mb-3">
              <Alert tone="warning" title="This plan has expired">
                It was not applied before {utc(plan.expiresAt)}, and AWS may have changed since it was made. Make it again.
              </Alert>
            </div>
          )}
          {plan.status === 'failed' && (
            <div className="mb-3">
              {plan.independentSteps ? (
                <Alert tone="error" title="Some steps failed; the others ran">
                  Each step ran on its own: the steps marked Done changed AWS; each failed step says why it failed. Resume runs only the failed ones again.
                </Alert>
              ) : (
                <Alert tone="error" title="A step failed; the steps after it were not run">
                  The steps marked Done changed AWS; the failed step says why it failed. Fix the cause, then resume: done steps are not repeated.
                </Alert>
              )}
            </div>
          )}
          {plan.status === 'interrupted' && (
            <div className="mb-3">
              <Alert tone="warning" title="The run was cut short">
                The console stopped while this plan was being applied. Steps marked Done changed AWS; a step marked Unknown was in flight.
              </Alert>
            </div>
          )}
          {plan.notes?.map((note) => (
            <p key={note} className="mb-3 text-sm text-slate-700">
              {note}
            </p>
          ))}
          <PlanSteps steps={plan.steps} states={plan.stepStates} accountNames={accountNames} />
          <div className="mt-4">
            <PlanControls
              planId={plan.id}
              status={plan.status}
              canApply={page.user.role === 'admin'}
              hasUnknownSteps={plan.stepStates.some((s) => s.status === 'unknown')}
              apply={applyPlanAction}
              check={checkPlanAction}
              signature={progressSignature(plan)}
            />
          </div>
          {plan.appliedBy && (
            <p className="mt-3 text-sm text-slate-600">
              Applied by {plan.appliedBy} from {utc(plan.startedAt)}
              {plan.finishedAt ? ` to ${utc(plan.finishedAt)}` : ''}.{' '}
              <Link className="text-sky-700 underline" href={`/audit?planId=${plan.id}`}>
                Its audit entries
              </Link>
            </p>
          )}
        </Card>
        {result && (
          <Card title="What AWS reads back" testId="read-back">
            <Alert tone={result.tone} title={result.title}>
              <dl className="mt-2 grid grid-cols-[1fr_max-content] gap-x-6 gap-y-1">
                {result.facts.map((fact) => (
                  <div key={fact.label} className="contents">
                    <dt>{fact.label}</dt>
                    <dd className="font-semibold">{fact.value}</dd>
                  </div>
                ))}
              </dl>
              {result.advice && <p className="mt-2">{result.advice}</p>}
              {result.links?.map((link) => (
                <p key={link.href} className="mt-2">
                  <Link className="text-sky-700 underline" href={link.href}>
                    {link.label}
                  </Link>
                </p>
              ))}
            </Alert>
            {result.problems.map((problem) => (
              <div key={problem} className="mt-2">
                <Alert tone="error">{problem}</Alert>
              </div>
            ))}
          </Card>
        )}
        {page.error && <Alert tone="error" title="AWS cannot be reached">{page.error}</Alert>}
        <Card title="Equivalents">
          <PlanEquivalents {...planEquivalents(plan, accountNames)} />
        </Card>
      </div>
    </>
  );
}
