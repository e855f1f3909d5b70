// A stored plan as it is reviewed, applied and read back: its steps and their states, Apply (admins), what AWS
// reads back after a run, and the CLI, CloudFormation and Terraform equivalents. The plan's page and each
// wizard's review step show this one component, so a plan reads the same wherever it is reviewed.
import { Alert, Badge, buttonClass, Card, Link } from '@/components/ui';
import type { ReadBack } from '@/lib/plan/kind';
import { planStatusBadge } from './status';
import { planEquivalents } from '@/lib/plan/equivalents';
import { progressSignature } from '@/lib/plan/progress';
import type { StoredPlan } from '@/lib/plan/types';
import { applyPlanAction, checkPlanAction } from './actions';
import { PlanControls } from './PlanControls';
import { PlanEquivalents } from './PlanEquivalents';
import { PlanSteps } from './PlanSteps';

const utc = (iso?: string) => (iso ? `${iso.replace('T', ' ').slice(0, 19)} UTC` : '');

export interface PlanReviewProps {
  plan: StoredPlan;
  /** Account ID → name, for the steps and equivalents. */
  accountNames: Record<string, string>;
  canApply: boolean;
  /** What the Apply button says on a fresh plan ("Create resource share"). */
  applyLabel?: string;
  /** What AWS reads back after a run (the plan's page). */
  readBack?: ReadBack;
  /** Where someone who cannot apply asks for the plan (a wizard's review: the plan's page, with its request form). */
  requestHref?: string;
}

export function PlanReview({ plan, accountNames, canApply, applyLabel, readBack, requestHref }: PlanReviewProps) {
  const status = planStatusBadge(plan);
  return (
    <>
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
            Nothing has been changed yet. Review each call below and its equivalents; the plan can be applied until {utc(plan.expiresAt)}
            {plan.createdByViewer ? `. ${plan.createdBy} made it to show an admin or to request it: only an admin can apply it.` : '.'}
          </p>
        )}
        {plan.status === 'expired' && (
          <div className="mb-3">
            <Alert tone="warning" title="This plan has expired">
              {plan.startedAt
                ? `Its run did not finish before ${utc(plan.expiresAt)}, and it can no longer be resumed: AWS may have changed since it was made. Steps marked Done changed AWS; the others did not run. Make the plan again to finish the change.`
                : `It was not applied before ${utc(plan.expiresAt)}, and it can no longer be applied: AWS may have changed since it was made. Make it again.`}
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
            canApply={canApply}
            hasUnknownSteps={plan.stepStates.some((s) => s.status === 'unknown')}
            apply={applyPlanAction}
            check={checkPlanAction}
            applyLabel={applyLabel}
            signature={progressSignature(plan)}
          />
          {requestHref && !canApply && plan.status === 'ready' && (
            <Link className={`mt-3 ${buttonClass()}`} href={requestHref}>
              Request this change
            </Link>
          )}
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
      {readBack && (
        <Card title="What AWS reads back" testId="read-back">
          <Alert tone={readBack.tone} title={readBack.title}>
            <dl className="mt-2 grid grid-cols-[minmax(0,1fr)_minmax(0,2fr)] gap-x-6 gap-y-1">
              {readBack.facts.map((fact) => (
                <div key={fact.label} className="contents">
                  <dt>{fact.label}</dt>
                  <dd className="font-semibold [overflow-wrap:anywhere]">{fact.value}</dd>
                </div>
              ))}
            </dl>
            {readBack.advice && <p className="mt-2">{readBack.advice}</p>}
            {readBack.links?.map((link) => (
              <p key={link.href} className="mt-2">
                <Link className="text-sky-700 underline" href={link.href}>
                  {link.label}
                </Link>
              </p>
            ))}
          </Alert>
          {readBack.problems.map((problem) => (
            <div key={problem} className="mt-2">
              <Alert tone="error">{problem}</Alert>
            </div>
          ))}
        </Card>
      )}
      <Card title="Equivalents">
        <PlanEquivalents {...planEquivalents(plan, accountNames)} />
      </Card>
    </>
  );
}
