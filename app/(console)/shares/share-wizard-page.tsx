// The share wizards' page, four steps as in the RAM console, on the wizard pattern (components/wizard): a
// server-side draft named in the URL (?draft=…&step=…) holds what was typed on each step and what the server
// accepted, so Back and a reload keep it. /shares/new creates a share: opening it writes nothing, the first field
// typed makes the draft. /shares/modify is "Modify resource share": its draft is made by the share page's Modify,
// every step prefilled from the share as AWS reads it, and its review shows the plan of exactly the differences.
// Moving to review makes the plan the review shows. Thin: the rules are in lib/ram.
import { redirect, unstable_rethrow } from 'next/navigation';
import { loadChildrenAction, searchAction } from '@/components/organization-tree/actions';
import { PlanReview } from '@/components/plan/PlanReview';
import { DetailsStep, PermissionsStep, PrincipalsStep } from '@/components/share-wizard';
import {
  checkPrincipalAction,
  listResourcesAction,
  remakePlanAction,
  saveDetailsAction,
  savePermissionsAction,
  savePrincipalsAction,
  saveTypedDetailsAction,
  saveTypedPermissionsAction,
  saveTypedPrincipalsAction,
  searchAccountsAction,
} from '@/components/share-wizard/actions';
import { GoButton, NeedsScript } from '@/components/wizard';
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { Alert, Badge, Card, Link, PageTitle, Steps } from '@/components/ui';
import { explainAwsError } from '@/lib/aws/errors';
import type { SignedInUser } from '@/lib/auth/guard';
import type { ConsoleContext } from '@/lib/aws/identity';
import { config } from '@/lib/config';
import { loadConsolePage } from '@/lib/page-context';
import { getPlan } from '@/lib/plan/store';
import { draftFingerprint, principalTreeOf, shareTypes } from '@/lib/ram/create-share';
import { currentOrganization } from '@/lib/organizations/accounts';
import { permissionsFor } from '@/lib/ram/permissions';
import { PRINCIPAL_TYPE_INFO } from '@/lib/ram/principals';
import { listResourceTypes, resourceTypeInfo } from '@/lib/ram/resource-types';
import { allowedStep, getShareDraft, MODIFY_SHARE_WIZARD, shareStepHref, typedOf, typesOf, WIZARD_STEPS, type ShareDraft } from '@/lib/ram/share-draft';
import { RETAIN_CAVEAT } from '@/lib/ram/create-share';
import { viewSharingStatus } from '@/lib/ram/sharing';

type Search = Promise<{ draft?: string; step?: string }>;

const MODIFY_PATH = '/shares/modify';

export async function ShareWizardPage({ searchParams, mode }: { searchParams: Search; mode: 'create' | 'modify' }) {
  const page = await loadConsolePage();
  const params = await searchParams;
  const found = params.draft ? await getShareDraft(params.draft, page.user.email) : undefined;
  // A draft opened under the other wizard's address goes to its own.
  if (found && (found.kind === MODIFY_SHARE_WIZARD) !== (mode === 'modify')) redirect(shareStepHref(found, Number(params.step) || 1));
  const draft = found;
  const modified = draft?.state.modify;
  const title =
    mode === 'modify' ? (
      <PageTitle description={modified ? <Link className="text-sky-700 underline" href={`/shares/${modified.region}/${modified.id}`}>Back to the share</Link> : undefined}>
        Modify resource share{draft?.state.details ? ` ${draft.state.details.name}` : ''}
      </PageTitle>
    ) : (
      <PageTitle description="Share resources an account owns with accounts, OUs or the whole organization, as the AWS RAM console does — from the owning account, without signing in to it.">
        Create resource share
      </PageTitle>
    );
  if (!page.context) {
    return <AwsUnavailable title={title} error={page.error} />;
  }
  if (mode === 'modify' && !draft) {
    return (
      <>
        {title}
        <Alert tone="info" title="No share is being modified">
          Open a share from <Link className="underline" href="/shares">the list</Link> and choose Modify: the wizard opens with the share as AWS reads it.
        </Alert>
      </>
    );
  }
  // An unknown draft, or a step of a wizard nothing was typed in yet: the fresh wizard (nothing written).
  if ((params.draft && !draft) || (!draft && params.step && params.step !== '1')) redirect('/shares/new');
  const finished = draft?.state.finished ?? 0;
  const step = allowedStep({ finished }, Number(params.step) || 1);
  if (draft && String(step) !== params.step) redirect(shareStepHref(draft, step));

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
      <NeedsScript />
      <Steps steps={WIZARD_STEPS.map((created, i) => (modified && i === WIZARD_STEPS.length - 1 ? 'Review and modify' : created)).map((label, i) => ({ label, state: i + 1 === step ? 'current' : i < finished ? 'done' : 'upcoming', href: draft && shareStepHref(draft, i + 1) }))} />
      {body}
    </>
  );
}

async function stepBody(step: number, draft: ShareDraft | undefined, context: ConsoleContext, user: SignedInUser): Promise<React.ReactNode> {
  if (step === 1 || !draft) return detailsStep(draft, context);
  switch (step) {
    case 2:
      return permissionsStep(draft);
    case 3:
      return principalsStep(draft, context);
    default:
      return reviewStep(draft, user);
  }
}

async function detailsStep(draft: ShareDraft | undefined, context: ConsoleContext) {
  const snapshot = await currentOrganization(context);
  const typed = typedOf(draft, 1);
  const details = typed ?? draft?.state.details;
  const accountId = details?.accountId || context.accountId;
  const modifying = !!draft?.state.modify;
  const resourceTypes = await listResourceTypes({ accountId: context.accountId, region: context.region });
  return (
    <DetailsStep
      draftId={draft?.id}
      initial={{
        accountId,
        accountName: snapshot?.nodes[accountId]?.name ?? accountId,
        region: details?.region ?? context.region,
        name: details?.name ?? '',
        resources: details?.resources ?? [],
        tags: details?.tags ?? [],
        retainSharingOnAccountLeaveOrganization: (modifying ? draft?.state.details : details)?.retainSharingOnAccountLeaveOrganization ?? false,
      }}
      modifying={modifying}
      path={modifying ? MODIFY_PATH : undefined}
      initialView={typed?.view}
      regions={config().regions}
      resourceTypes={resourceTypes}
      canChooseAccount={!!snapshot}
      searchAccounts={searchAccountsAction}
      listResources={listResourcesAction}
      saveTyped={saveTypedDetailsAction}
      save={saveDetailsAction}
    />
  );
}

async function permissionsStep(draft: ShareDraft) {
  const details = draft.state.details!;
  const target = { accountId: details.accountId, region: details.region };
  const types = await Promise.all(typesOf(details).map(async (t) => ({ type: resourceTypeInfo(t), permissions: await permissionsFor(target, t) })));
  const initial = typedOf(draft, 2) ?? draft.state.permissions ?? {};
  return <PermissionsStep draftId={draft.id} types={types} initial={initial} saveTyped={saveTypedPermissionsAction} save={savePermissionsAction} path={draft.state.modify ? MODIFY_PATH : undefined} />;
}

async function principalsStep(draft: ShareDraft, context: ConsoleContext) {
  const details = draft.state.details!;
  const typed = typedOf(draft, 3);
  const accepted = draft.state.principals;
  const management = context.standing === 'management';
  const sharing = management ? await viewSharingStatus(context) : undefined;
  const snapshot = sharing?.enabled ? await currentOrganization(context) : undefined;
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
      initial={typed ?? accepted ?? { allowExternalPrincipals: false, principals: [] }}
      path={draft.state.modify ? MODIFY_PATH : undefined}
      initialEntry={typed?.entry}
      tree={tree}
      treeUnavailable={unavailable}
      check={checkPrincipalAction}
      saveTyped={saveTypedPrincipalsAction}
      save={savePrincipalsAction}
    />
  );
}

async function reviewStep(draft: ShareDraft, user: SignedInUser) {
  const { details, permissions, principals } = { details: draft.state.details!, permissions: draft.state.permissions!, principals: draft.state.principals! };
  // The plan was made when the admin moved here; the review only reads it (a stale one is made again on request).
  const made = draft.state.plan;
  const plan = made && made.of === draftFingerprint({ details, permissions, principals }) ? await getPlan(made.id) : undefined;
  // Once applied, the plan's page shows the progress and what AWS reads back.
  if (plan && plan.status !== 'ready' && plan.status !== 'expired') redirect(`/plans/${plan.id}`);
  const edit = (n: number) => (
    <Link className="text-sm text-sky-700 underline" href={shareStepHref(draft, n)}>
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
          <dt className="text-slate-500">Retain access on leave</dt>
          <dd data-testid="review-retain">{details.retainSharingOnAccountLeaveOrganization ? 'yes' : 'no'}</dd>
        </dl>
        {details.retainSharingOnAccountLeaveOrganization && !draft.state.modify && <p className="mt-2 text-xs text-slate-600">{RETAIN_CAVEAT}</p>}
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
        {principals.allowExternalPrincipals && (
          <div className="mb-2" data-testid="external-warning">
            <Alert tone="warning">Principals outside the organization are allowed: accounts outside it can be given these resources (they get an invitation to accept).</Alert>
          </div>
        )}
        <ul className="flex flex-col gap-1 text-sm">
          {principals.principals.map((p) => (
            <li key={p.principal}>
              <Badge>{PRINCIPAL_TYPE_INFO[p.type].label}</Badge> {p.name} <code className="text-xs text-slate-500">{p.principal}</code>
              {p.outside && <span className="ml-2 text-amber-800">outside the organization: invitation</span>}
              {p.containsSharingAccount && <span className="ml-2 text-amber-800">contains the sharing account</span>}
            </li>
          ))}
        </ul>
        {principals.sources?.length ? (
          <p className="mt-2 text-sm" data-testid="review-sources">
            Source constraints: {principals.sources.join(', ')}
          </p>
        ) : null}
      </Card>
      {draft.state.modify && plan && <p className="text-sm text-slate-700" data-testid="modify-intro">The plan below makes exactly the differences between the share as AWS read it when the plan was made and the steps above.</p>}
      {plan && plan.status === 'ready' ? (
        <PlanReview plan={plan} accountNames={plan.accountNames ?? {}} canApply={user.role === 'admin'} requestHref={`/plans/${plan.id}`} applyLabel={draft.state.modify ? 'Modify resource share' : 'Create resource share'} />
      ) : (
        <Alert tone="warning" title={plan ? 'The plan made for this review has expired' : 'No plan is made for these choices yet'}>
          <p className="mb-2">AWS may have changed since; make the plan again from the choices above.</p>
          <GoButton label="Make the plan" action={remakePlanAction} input={{ draftId: draft.id }} />
        </Alert>
      )}
    </div>
  );
}
