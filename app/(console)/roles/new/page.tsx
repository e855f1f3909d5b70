// /roles/new: set up cross-account access — who (the source), where (the destination role), conditions, then
// the review of both documents and the plan that applies both halves. On the wizard pattern
// (components/wizard): a server-side draft named in the URL (?draft=…&step=where) holds what was typed on each
// step and what the server accepted. Opening the page writes nothing; moving to review makes the plan once.
import { randomBytes } from 'node:crypto';
import { redirect } from 'next/navigation';
import { PlanReview } from '@/components/plan/PlanReview';
import { PolicyDiff } from '@/components/roles/PolicyDiff';
import { ConditionsStep } from '@/components/role-wizard/ConditionsStep';
import { WhereStep } from '@/components/role-wizard/WhereStep';
import { WhoStep } from '@/components/role-wizard/WhoStep';
import {
  listRolesAction,
  remakePlanAction,
  resolveAccountAction,
  saveConditionsAction,
  saveTypedConditionsAction,
  saveTypedWhereAction,
  saveTypedWhoAction,
  saveWhereAction,
  saveWhoAction,
  searchPoliciesAction,
  searchPrincipalsAction,
} from '@/components/role-wizard/actions';
import { GoButton, NeedsScript } from '@/components/wizard';
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { Alert, Card, Cell, CodeBlock, PageTitle, Steps, Table } from '@/components/ui';
import type { SignedInUser } from '@/lib/auth/guard';
import { loadConsolePage } from '@/lib/page-context';
import { allowedStep, getRoleDraft, requestOf, roleStepHref, stepOf, typedOf, WIZARD_STEPS, type RoleDraft, type WizardStep } from '@/lib/iam/wizard';
import type { AccessReview } from '@/lib/iam/access';
import { organizationAccounts, type OrganizationAccount } from '@/lib/organizations/accounts';
import { getPlan } from '@/lib/plan/store';

export const dynamic = 'force-dynamic';

const LABELS: Record<WizardStep, string> = { who: 'Who', where: 'Where', conditions: 'Conditions', review: 'Review' };

function whoStep(draft: RoleDraft | undefined) {
  const accepted = draft?.state.who;
  const initial = typedOf(draft, 'who') ?? { account: accepted?.accountId ?? '', principal: accepted?.principal ?? '', query: '' };
  return (
    <WhoStep
      draftId={draft?.id}
      initial={initial}
      resolveAccount={resolveAccountAction}
      searchPrincipals={searchPrincipalsAction}
      saveTyped={saveTypedWhoAction}
      save={saveWhoAction}
    />
  );
}

function whereStep(draft: RoleDraft) {
  const accepted = draft.state.where;
  const role = accepted?.role;
  const initial = typedOf(draft, 'where') ?? {
    account: accepted?.accountId ?? '',
    roleKind: role?.kind ?? 'new',
    roleName: role?.kind === 'new' ? role.name : '',
    existingRole: role?.kind === 'existing' ? role.name : '',
    path: role?.kind === 'new' ? role.path : '/',
    description: (role?.kind === 'new' && role.description) || '',
    policies: role?.kind === 'new' ? role.managedPolicyArns : [],
    policyQuery: '',
    maxSessionHours: role?.kind === 'new' ? role.maxSessionHours : 1,
    also: (accepted?.accountIds ?? []).filter((id) => id !== accepted?.accountId).join('\n'),
  };
  return (
    <WhereStep
      draftId={draft.id}
      initial={initial}
      resolveAccount={resolveAccountAction}
      listRoles={listRolesAction}
      searchPolicies={searchPoliciesAction}
      saveTyped={saveTypedWhereAction}
      save={saveWhereAction}
    />
  );
}

function conditionsStep(draft: RoleDraft, accounts: readonly OrganizationAccount[]) {
  const source = draft.state.who!;
  const outside = !accounts.some((a) => a.id === source.accountId);
  const accepted = draft.state.conditions;
  const typed = typedOf(draft, 'conditions');
  // Recommended (and on by default) for a source outside the organization: it guards against the confused deputy.
  const initial = typed ??
    (accepted && {
      externalIdOn: !!accepted.externalId,
      externalId: accepted.externalId ?? '',
      requireMfa: accepted.requireMfa,
      restrictToOrganization: accepted.restrictToOrganization,
      allowTagSession: accepted.allowTagSession,
      allowSetSourceIdentity: accepted.allowSetSourceIdentity,
    }) ?? {
      externalIdOn: outside,
      externalId: outside ? randomBytes(12).toString('hex') : '',
      requireMfa: false,
      restrictToOrganization: false,
      allowTagSession: false,
      allowSetSourceIdentity: false,
    };
  return (
    <ConditionsStep
      draftId={draft.id}
      initial={initial}
      suggested={!typed && !accepted && outside}
      outside={outside}
      roleSource={/:role\//.test(source.principal)}
      saveTyped={saveTypedConditionsAction}
      save={saveConditionsAction}
    />
  );
}

/** What one destination account's review shows: the trust policy (or its change), the source's policy, the sizes. */
function AccountReviewCards({ review }: { review: AccessReview }) {
  return (
    <>
      <Card title={`Destination: trust policy of ${review.roleArn}`}>
        {review.trustDiff ? (
          <>
            <p className="mb-2 text-sm text-slate-700" data-testid="trust-change">
              {review.trustChange.kind === 'merged'
                ? `The principal is added to statement ${review.trustChange.statementIndex + 1} (same actions and conditions); no statement is removed.`
                : review.trustChange.kind === 'added'
                  ? 'One statement is added; every existing statement stays.'
                  : 'The principal is already trusted on these terms: the trust policy does not change.'}
            </p>
            <PolicyDiff lines={review.trustDiff} label="trust policy change" />
          </>
        ) : (
          <CodeBlock code={review.trustPolicy} label="trust policy" testId="review-trust-policy" />
        )}
        {review.permissions.length > 0 && <p className="mt-3 text-sm">Permissions attached: {review.permissions.join(', ')}</p>}
      </Card>
      <Card title="Source: identity policy">
        {review.sourcePolicy ? (
          <>
            <p className="mb-2 text-sm text-slate-700">
              Inline policy <span className="font-mono">{review.sourcePolicy.name}</span> on {review.sourcePolicy.holder}:
            </p>
            <CodeBlock code={review.sourcePolicy.document} label="source policy" testId="review-source-policy" />
          </>
        ) : (
          <p className="text-sm text-slate-700">No change in the source account.</p>
        )}
      </Card>
      <Card title="Sizes against the accounts' quotas (GetAccountSummary)">
        <Table columns={['Document', 'Size', 'Quota', '']} testId="size-checks">
          {review.sizes.map((s) => (
            <tr key={s.label}>
              <Cell>{s.label}</Cell>
              <Cell>{s.size}</Cell>
              <Cell>{s.quota}</Cell>
              <Cell>{s.ok ? '✔' : '✘'}</Cell>
            </tr>
          ))}
        </Table>
      </Card>
    </>
  );
}

async function reviewStep(draft: RoleDraft, user: SignedInUser) {
  const request = requestOf(draft.state);
  const made = draft.state.plan;
  const plan = made && request && made.of === JSON.stringify(request) ? await getPlan(made.id) : undefined;
  // Once applied, the plan's page shows the progress and what AWS reads back.
  if (plan && plan.status !== 'ready' && plan.status !== 'expired') redirect(`/plans/${plan.id}`);
  const { review, reviews } = draft.state;
  if (!plan || plan.status !== 'ready' || !review) {
    return (
      <Alert tone="warning" title={plan ? 'The plan made for this review has expired' : 'No plan is made for these choices yet'}>
        <p className="mb-2">AWS may have changed since; make the plan again from the choices of the steps before.</p>
        <GoButton label="Make the plan" action={remakePlanAction} input={{ draftId: draft.id }} />
      </Alert>
    );
  }
  return (
    <div className="flex flex-col gap-4" data-testid="review">
      {reviews && reviews.length > 1 ? (
        <>
          <Card title={`${reviews.length} destination accounts, one plan`}>
            <p className="text-sm text-slate-700" data-testid="review-accounts">
              The same role in each of {reviews.map((r) => (r.accountName ? `${r.accountName} (${r.accountId})` : r.accountId)).join(', ')}. One approval covers them all; each account&apos;s steps are independent.
            </p>
          </Card>
          {reviews.map((r) => (
            <details key={r.accountId} className="rounded-md border border-slate-200 p-3" data-testid="review-account">
              <summary className="cursor-pointer text-sm font-medium">{r.accountName ? `${r.accountName} (${r.accountId})` : r.accountId}</summary>
              <div className="mt-3 flex flex-col gap-4">
                <AccountReviewCards review={r.review} />
              </div>
            </details>
          ))}
        </>
      ) : (
        <AccountReviewCards review={review} />
      )}
      {[...new Set((reviews ?? [{ review }]).flatMap((r) => r.review.notes))].map((note) => (
        <Alert key={note} tone="warning">
          {note}
        </Alert>
      ))}
      <PlanReview plan={plan} accountNames={plan.accountNames ?? {}} canApply={user.role === 'admin'} requestHref={`/plans/${plan.id}`} />
    </div>
  );
}

export default async function NewAccessPage({ searchParams }: { searchParams: Promise<{ draft?: string; step?: string }> }) {
  const page = await loadConsolePage();
  const title = <PageTitle description="Both halves in one plan: the destination role's trust policy, and the source principal's permission to assume it.">Set up cross-account access</PageTitle>;
  if (!page.context) {
    return <AwsUnavailable title={title} error={page.error} />;
  }
  const params = await searchParams;
  const draft = params.draft ? await getRoleDraft(params.draft, page.user.email) : undefined;
  // An unknown draft, or a later step of a wizard nothing was typed in yet: the fresh wizard (nothing written).
  if ((params.draft && !draft) || (!draft && params.step && params.step !== 'who')) redirect('/roles/new');
  const finished = draft?.state.finished ?? 0;
  const step = allowedStep({ finished }, stepOf(params.step) ?? 'who');
  if (draft && step !== params.step) redirect(roleStepHref(draft.id, step));
  const current = WIZARD_STEPS.indexOf(step);
  let body: React.ReactNode;
  if (step === 'who' || !draft) body = whoStep(draft);
  else if (step === 'where') body = whereStep(draft);
  else if (step === 'conditions') body = conditionsStep(draft, await organizationAccounts(page.context));
  else body = await reviewStep(draft, page.user);
  return (
    <>
      {title}
      <NeedsScript />
      <Steps
        steps={WIZARD_STEPS.map((s, i) => ({
          label: LABELS[s],
          state: i === current ? 'current' : i < finished ? 'done' : 'upcoming',
          href: draft && roleStepHref(draft.id, s),
        }))}
      />
      {body}
    </>
  );
}
