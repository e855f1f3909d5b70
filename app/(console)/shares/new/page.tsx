// /shares/new: the create-resource-share wizard, four steps as in the RAM console. The state is a server-side
// draft named in the URL (?draft=…&step=…), so Back, a reload and a sign-in timeout keep it; a step opens only
// when the ones before it are finished (validated on the server). Thin: the rules are in lib/ram.
import Link from 'next/link';
import { redirect, unstable_rethrow } from 'next/navigation';
import { loadChildrenAction, searchAction } from '@/components/organization-tree/actions';
import { applyPlanAction, checkPlanAction } from '@/components/plan/actions';
import { PlanControls } from '@/components/plan/PlanControls';
import { PlanEquivalents } from '@/components/plan/PlanEquivalents';
import { PlanSteps } from '@/components/plan/PlanSteps';
import { DetailsStep, PermissionsStep, PrincipalsStep, stepHref } from '@/components/share-wizard';
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { Alert, Badge, Card, PageTitle, Steps } from '@/components/ui';
import { explainAwsError } from '@/lib/aws/errors';
import type { SignedInUser } from '@/lib/auth/guard';
import type { ConsoleContext } from '@/lib/aws/identity';
import { config } from '@/lib/config';
import { loadConsolePage } from '@/lib/page-context';
import { planEquivalents } from '@/lib/changes/registry';
import { progressSignature } from '@/lib/plan/progress';
import { getPlan, savePlan } from '@/lib/plan/store';
import { draftFingerprint, planCreateResourceShare, principalTreeOf, shareTypes } from '@/lib/ram/create-share';
import { completeOrganization } from '@/lib/organizations/accounts';
import { permissionsFor } from '@/lib/ram/permissions';
import { PRINCIPAL_TYPE_INFO } from '@/lib/ram/principals';
import { listResourceTypes, resourceTypeInfo } from '@/lib/ram/resource-types';
import { allowedStep, createDraft, getDraft, saveDraft, typesOf, WIZARD_STEPS, type ShareDraft } from '@/lib/ram/share-draft';
import { getSharingStatus } from '@/lib/ram/sharing';
import { checkPrincipalAction, listResourcesAction, savePermissionsAction, savePrincipalsAction, saveDetailsAction, searchAccountsAction } from './actions';

export const dynamic = 'force-dynamic';

type Search = Promise<{ draft?: string; step?: string }>;

export default async function CreateResourceSharePage({ searchParams }: { searchParams: Search }) {
  const page = await loadConsolePage();
  const params = await searchParams;
  const title = (
    <PageTitle description="Share resources an account owns with accounts, OUs or the whole organization, as the AWS RAM console does — from the owning account, without signing in to it.">
      Create resource share
    </PageTitle>
  );
  if (!page.context) {
    return <AwsUnavailable title={title} error={page.error} />;
  }
  const found = params.draft ? getDraft(params.draft, page.user.email) : undefined;
  if (!found) redirect(stepHref(createDraft(page.user.email).id, 1));
  const draft = found;
  const step = allowedStep(draft, Number(params.step) || 1);
  if (String(step) !== params.step) redirect(stepHref(draft.id, step));

  let body: React.ReactNode;
  try {
    body = await stepBody(step, draft, page.context, page.user);
  } catch (error) {
    unstable_rethrow(error);
    body = <Alert tone="error" title="AWS could not be read for this step">{explainAwsError(error, { operation: 'ram:ListResourceTypes', region: page.context.region })}</Alert>;
  }
  return (
    <>
      {title}
      <Steps steps={WIZARD_STEPS.map((label, i) => ({ label, state: i + 1 === step ? 'current' : i < draft.finished ? 'done' : 'upcoming', href: stepHref(draft.id, i + 1) }))} />
      {body}
    </>
  );
}

async function stepBody(step: number, draft: ShareDraft, context: ConsoleContext, user: SignedInUser): Promise<React.ReactNode> {
  switch (step) {
    case 1:
      return detailsStep(draft, context);
    case 2:
      return permissionsStep(draft);
    case 3:
      return principalsStep(draft, context);
    default:
      return reviewStep(draft, user);
  }
}

async function detailsStep(draft: ShareDraft, context: ConsoleContext) {
  const snapshot = await completeOrganization(context);
  const details = draft.details;
  const accountId = details?.accountId ?? context.accountId;
  const resourceTypes = await listResourceTypes({ accountId: context.accountId, region: context.region });
  return (
    <DetailsStep
      draftId={draft.id}
      initial={{
        accountId,
        accountName: details?.accountName ?? snapshot?.nodes[accountId]?.name ?? accountId,
        region: details?.region ?? context.region,
        name: details?.name ?? '',
        resources: details?.resources ?? [],
        tags: details?.tags ?? [],
      }}
      regions={config().regions}
      resourceTypes={resourceTypes}
      canChooseAccount={!!snapshot}
      searchAccounts={searchAccountsAction}
      listResources={listResourcesAction}
      save={saveDetailsAction}
    />
  );
}

async function permissionsStep(draft: ShareDraft) {
  const details = draft.details!;
  const target = { accountId: details.accountId, region: details.region };
  const types = await Promise.all(typesOf(details).map(async (t) => ({ type: resourceTypeInfo(t), permissions: await permissionsFor(target, t) })));
  return <PermissionsStep draftId={draft.id} types={types} initial={draft.permissions ?? {}} save={savePermissionsAction} />;
}

async function principalsStep(draft: ShareDraft, context: ConsoleContext) {
  const details = draft.details!;
  const management = context.standing === 'management';
  const sharing = management ? await getSharingStatus(context) : undefined;
  const snapshot = sharing?.enabled ? await completeOrganization(context) : undefined;
  const tree = snapshot && { ...principalTreeOf(snapshot), loadChildren: loadChildrenAction, search: searchAction };
  const unavailable = !management ? (
    <Alert tone="info">Off: the organization's structure can be shown only when the console runs in the management account (it runs in {context.accountId}). Type principals below.</Alert>
  ) : (
    <Alert tone="info">
      Off: sharing with AWS Organizations is not enabled, so RAM cannot share with the organization or its OUs.{' '}
      <Link className="underline" href="/settings">
        Enable it in Settings
      </Link>
      .
    </Alert>
  );
  return (
    <PrincipalsStep
      draftId={draft.id}
      types={shareTypes(details)}
      initial={draft.principals ?? { allowExternalPrincipals: true, principals: [] }}
      tree={tree}
      treeUnavailable={unavailable}
      check={checkPrincipalAction}
      save={savePrincipalsAction}
    />
  );
}

/** The plan the review shows: the one made for this state, or a new one when the state changed or it expired. */
function reviewPlan(draft: ShareDraft, email: string) {
  const complete = { details: draft.details!, permissions: draft.permissions!, principals: draft.principals! };
  const of = draftFingerprint(complete);
  const existing = draft.plan?.of === of ? getPlan(draft.plan.id) : undefined;
  if (existing && existing.status !== 'expired') return existing;
  const plan = savePlan(planCreateResourceShare(complete, draft.id), email);
  saveDraft({ ...draft, plan: { id: plan.id, of } });
  return plan;
}

async function reviewStep(draft: ShareDraft, user: SignedInUser) {
  const plan = reviewPlan(draft, user.email);
  // Once applied, the plan's page shows the progress and what AWS reads back.
  if (plan.status !== 'ready') redirect(`/plans/${plan.id}`);
  const { details, permissions, principals } = { details: draft.details!, permissions: draft.permissions!, principals: draft.principals! };
  const edit = (n: number) => (
    <Link className="text-sm text-sky-700 underline" href={stepHref(draft.id, n)}>
      Edit
    </Link>
  );
  return (
    <div className="flex flex-col gap-6">
      <Card title="Step 1: Resource share details" actions={edit(1)} testId="review-details">
        <dl className="grid grid-cols-[12rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500">Name</dt>
          <dd>{details.name}</dd>
          <dt className="text-slate-500">Sharing account</dt>
          <dd>
            {details.accountName} <code className="text-xs">{details.accountId}</code>
          </dd>
          <dt className="text-slate-500">Region</dt>
          <dd>{details.region}</dd>
          <dt className="text-slate-500">Resources</dt>
          <dd>
            <ul>
              {details.resources.map((r) => (
                <li key={r.arn}>
                  {r.name ?? r.id} <code className="text-xs text-slate-500">{r.id}</code> <span className="text-xs text-slate-500">{r.resourceType}</span>
                </li>
              ))}
            </ul>
          </dd>
          <dt className="text-slate-500">Tags</dt>
          <dd>{details.tags.length ? details.tags.map((t) => `${t.key}=${t.value}`).join(', ') : 'none'}</dd>
        </dl>
      </Card>
      <Card title="Step 2: Managed permissions" actions={edit(2)} testId="review-permissions">
        <ul className="text-sm">
          {typesOf(details).map((t) => (
            <li key={t}>
              {t}: <span className="font-mono text-xs">{permissions[t].split('/').pop()}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Step 3: Principals" actions={edit(3)} testId="review-principals">
        <p className="mb-2 text-sm">Principals outside the organization: {principals.allowExternalPrincipals ? 'allowed' : 'not allowed'}</p>
        <ul className="flex flex-col gap-1 text-sm">
          {principals.principals.map((p) => (
            <li key={p.principal}>
              <Badge>{PRINCIPAL_TYPE_INFO[p.type].label}</Badge> {p.name} <code className="text-xs text-slate-500">{p.principal}</code>
              {p.outside && <span className="ml-2 text-amber-800">outside the organization: invitation</span>}
              {p.containsSharingAccount && <span className="ml-2 text-amber-800">contains the sharing account</span>}
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Plan" testId="plan">
        <p className="mb-3 text-sm text-slate-700">Nothing has been changed yet. Creating the share runs this call; the equivalents below do the same.</p>
        {plan.notes?.map((note) => (
          <p key={note} className="mb-2 text-sm text-slate-700">
            {note}
          </p>
        ))}
        <PlanSteps steps={plan.steps} states={plan.stepStates} accountNames={plan.accountNames} />
        <div className="mt-4">
          <PlanControls planId={plan.id} status={plan.status} canApply={user.role === 'admin'} hasUnknownSteps={false} apply={applyPlanAction} check={checkPlanAction} applyLabel="Create resource share" signature={progressSignature(plan)} />
        </div>
      </Card>
      <Card title="Equivalents">
        <PlanEquivalents {...planEquivalents(plan)} />
      </Card>
    </div>
  );
}
