// Set up cross-account access: who (the source), where (the destination role), conditions, then the review of
// both documents and the plan that applies both halves. The wizard's state is the URL.
import { randomBytes } from 'node:crypto';
import { BuildPlanButton } from '@/components/plan/BuildPlanButton';
import { PolicyDiff } from '@/components/roles/PolicyDiff';
import { Choice, ChoiceError, GoTo, NextBack, WizardForm } from '@/components/roles/WizardForm';
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { Alert, Card, Cell, CodeBlock, Field, inputClass, PageTitle, Steps, Table } from '@/components/ui';
import { explainAwsError } from '@/lib/aws/errors';
import { loadConsolePage } from '@/lib/page-context';
import { buildAccessPlan } from '@/lib/iam/access';
import { readAccessFacts } from '@/lib/iam/access-facts';
import { renderPolicy } from '@/lib/iam/policy';
import { listManagedPolicies, listPrincipals, listRoles } from '@/lib/iam/read';
import { accessRequestSchema } from '@/lib/iam/validation';
import { WIZARD_STEPS, wizardErrors, wizardQuery, wizardRequest, wizardState, type WizardState, type WizardStep } from '@/lib/iam/wizard';
import { organizationAccounts, type OrganizationAccount } from '@/lib/organizations/accounts';
import { PlanError } from '@/lib/plan/build';
import { planAccessAction } from '../actions';

export const dynamic = 'force-dynamic';

const LABELS: Record<WizardStep, string> = { who: 'Who', where: 'Where', conditions: 'Conditions', review: 'Review' };

/** The read's answer, or the admin's explanation of why AWS refused it. */
async function attempt<T>(read: () => Promise<T>, operation: string, accountId?: string): Promise<{ value?: T; error?: string }> {
  try {
    return { value: await read() };
  } catch (error) {
    return { error: explainAwsError(error, { operation, accountId }) };
  }
}

function AccountPicker({ id, name, label, value, accounts, error }: { id: string; name: string; label: string; value?: string; accounts: OrganizationAccount[]; error?: string[] }) {
  return (
    <Field label={label} htmlFor={id} hint="An account of the organization (type to search by name or ID), or any account ID." error={error}>
      <input id={id} name={name} defaultValue={value} list={`${id}-list`} className={inputClass} aria-invalid={!!error} autoComplete="off" />
      <datalist id={`${id}-list`}>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>{`${a.name} — ${a.path}`}</option>
        ))}
      </datalist>
    </Field>
  );
}

const accountLabel = (accounts: OrganizationAccount[], id?: string) => {
  const a = accounts.find((x) => x.id === id);
  return a ? `${a.name} (${a.id})` : id;
};

async function WhoStep({ state, accounts, errors }: { state: WizardState; accounts: OrganizationAccount[]; errors: Record<string, string[]> }) {
  const inOrganization = accounts.some((a) => a.id === state.sa);
  const listed = state.sa && inOrganization ? await attempt(() => listPrincipals(state.sa!), 'iam:ListUsers', state.sa) : undefined;
  const q = state.sq?.toLowerCase();
  const principals = (listed?.value ?? []).filter((p) => !q || p.name.toLowerCase().includes(q));
  return (
    <WizardForm state={state} owned={['sa', 'sp', 'sq']} testId="step-who">
      <AccountPicker id="sa" name="sa" label="Source account" value={state.sa} accounts={accounts} error={errors['source.accountId']} />
      {state.sa && (
        <fieldset className="flex flex-col gap-2 text-sm">
          <legend className="mb-1 font-medium text-slate-800">Source principal in {accountLabel(accounts, state.sa)}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="sp" value="account" defaultChecked={state.sp === 'account'} /> The whole account (any principal there whose own policies allow it)
          </label>
          {inOrganization ? (
            <>
              {listed?.error && <Alert tone="error">{listed.error}</Alert>}
              <div className="flex items-end gap-2">
                <Field label="Search users and roles" htmlFor="sq">
                  <input id="sq" name="sq" defaultValue={state.sq} className={inputClass} />
                </Field>
                <GoTo step="who" variant="secondary">
                  Search
                </GoTo>
              </div>
              {principals.map((p) => (
                <Choice key={p.arn} type="radio" name="sp" value={p.arn} checked={state.sp === p.arn} label={`${p.kind} ${p.name}`} />
              ))}
            </>
          ) : (
            <Field label="User or role ARN" htmlFor="sp-arn" hint="The account is outside the organization: the console cannot list its principals. Or choose the whole account above.">
              <input id="sp-arn" name="sp" defaultValue={state.sp !== 'account' ? state.sp : undefined} className={inputClass} placeholder={`arn:aws:iam::${state.sa}:user/NAME`} />
            </Field>
          )}
          <ChoiceError messages={errors['source.principal']} />
        </fieldset>
      )}
      <div className="flex gap-2">
        {state.sa ? <GoTo step="where">Next: where</GoTo> : <GoTo step="who">List principals</GoTo>}
        {state.sa && (
          <GoTo step="who" variant="secondary">
            List principals
          </GoTo>
        )}
      </div>
    </WizardForm>
  );
}

async function WhereStep({ state, accounts, errors }: { state: WizardState; accounts: OrganizationAccount[]; errors: Record<string, string[]> }) {
  const da = state.da;
  const roles = da && state.rk === 'existing' ? await attempt(() => listRoles(da), 'iam:ListRoles', da) : undefined;
  const policies =
    da && state.rk !== 'existing'
      ? await attempt(async () => [...(await listManagedPolicies(da, 'Local')), ...(await listManagedPolicies(da, 'AWS'))], 'iam:ListPolicies', da)
      : undefined;
  const q = state.pq?.toLowerCase();
  const shown = (policies?.value ?? []).filter((p) => state.pol.includes(p.arn) || (q ? p.name.toLowerCase().includes(q) : false)).slice(0, 30);
  return (
    <WizardForm state={state} owned={['da', 'rk', 'rn', 'rp', 'rd', 'pol', 'hrs', 'pq']} testId="step-where">
      <AccountPicker id="da" name="da" label="Destination account" value={da} accounts={accounts.filter((a) => a.id !== state.sa)} error={errors['destination.accountId']} />
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 font-medium text-slate-800">Role</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="rk" value="new" defaultChecked={state.rk !== 'existing'} /> New role
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="rk" value="existing" defaultChecked={state.rk === 'existing'} /> Existing role
        </label>
        <GoTo step="where" variant="secondary">
          Show
        </GoTo>
      </fieldset>
      {state.rk === 'existing' ? (
        <fieldset className="flex flex-col gap-2 text-sm">
          <legend className="mb-1 font-medium text-slate-800">Existing role in {accountLabel(accounts, da)}</legend>
          {roles?.error && <Alert tone="error">{roles.error}</Alert>}
          {(roles?.value ?? []).map((r) => (
            <div key={r.arn}>
              <label className="flex items-center gap-2">
                <input type="radio" name="rn" value={r.name} defaultChecked={state.rn === r.name} /> {r.name}
              </label>
              <details className="ml-6">
                <summary className="cursor-pointer text-xs text-slate-600">Current trust policy</summary>
                <pre className="mt-1 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs">{renderPolicy(r.trust)}</pre>
              </details>
            </div>
          ))}
          <ChoiceError messages={errors['destination.role.name']} />
        </fieldset>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="Role name" htmlFor="rn" hint="Up to 64 letters, digits and + = , . @ _ -" error={errors['destination.role.name']}>
            <input id="rn" name="rn" defaultValue={state.rn} className={inputClass} aria-invalid={!!errors['destination.role.name']} />
          </Field>
          <Field label="Path" htmlFor="rp" hint="/ or /teams/payments/" error={errors['destination.role.path']}>
            <input id="rp" name="rp" defaultValue={state.rp ?? '/'} className={inputClass} aria-invalid={!!errors['destination.role.path']} />
          </Field>
          <Field label="Description" htmlFor="rd" error={errors['destination.role.description']}>
            <input id="rd" name="rd" defaultValue={state.rd} className={inputClass} />
          </Field>
          <Field label="Maximum session duration (hours)" htmlFor="hrs" error={errors['destination.role.maxSessionHours']}>
            <select id="hrs" name="hrs" defaultValue={state.hrs ?? '1'} className={inputClass}>
              {Array.from({ length: 12 }, (_, i) => (
                <option key={i + 1} value={String(i + 1)}>
                  {i + 1}
                </option>
              ))}
            </select>
          </Field>
          <fieldset className="flex flex-col gap-2 text-sm md:col-span-2">
            <legend className="mb-1 font-medium text-slate-800">Permissions (managed policies)</legend>
            {policies?.error && <Alert tone="error">{policies.error}</Alert>}
            <div className="flex items-end gap-2">
              <Field label="Search policies by name" htmlFor="pq" hint="AWS managed and this account's customer managed policies.">
                <input id="pq" name="pq" defaultValue={state.pq} className={inputClass} />
              </Field>
              <GoTo step="where" variant="secondary">
                Search policies
              </GoTo>
            </div>
            {shown.map((p) => (
              <Choice key={p.arn} type="checkbox" name="pol" value={p.arn} checked={state.pol.includes(p.arn)} label={p.name} />
            ))}
            <ChoiceError messages={errors['destination.role.managedPolicyArns']} />
          </fieldset>
        </div>
      )}
      <NextBack next="conditions" back="who" />
    </WizardForm>
  );
}

function ConditionsStep({ state, accounts, errors }: { state: WizardState; accounts: OrganizationAccount[]; errors: Record<string, string[]> }) {
  const outside = !accounts.some((a) => a.id === state.sa);
  const roleSource = /:role\//.test(state.sp ?? '');
  // Recommended (and on by default) for a source outside the organization: it guards against the confused deputy.
  const firstVisit = !state.ext && !state.extOn;
  const externalOn = state.extOn ? true : firstVisit && outside;
  return (
    <WizardForm state={state} owned={['extOn', 'ext', 'mfa', 'org', 'tag', 'sid']} testId="step-conditions">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="extOn" value="1" defaultChecked={externalOn} /> Require an ExternalId{outside ? ' (recommended: the source is outside the organization)' : ''}
      </label>
      <Field label="ExternalId" htmlFor="ext" hint="2–1,224 characters: letters, digits and + = , . @ : / _ -. Give it to the source; it is not a secret." error={errors['conditions.externalId']}>
        <input id="ext" name="ext" defaultValue={state.ext ?? randomBytes(12).toString('hex')} className={inputClass} aria-invalid={!!errors['conditions.externalId']} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="mfa" value="1" defaultChecked={!!state.mfa} /> Require MFA (aws:MultiFactorAuthPresent)
      </label>
      {!outside && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="org" value="1" defaultChecked={!!state.org} /> Only while the source is in this organization (aws:PrincipalOrgID)
        </label>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="tag" value="1" defaultChecked={!!state.tag} /> Allow session tags (sts:TagSession)
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="sid" value="1" defaultChecked={!!state.sid} /> Allow a source identity (sts:SetSourceIdentity)
      </label>
      <ul className="list-disc pl-5 text-sm text-slate-600">
        {roleSource && <li>The source is a role (role chaining): sessions last at most 1 hour and cannot be used from the AWS console.</li>}
        <li>A role that requires an ExternalId cannot be used with the console&apos;s switch-role: only from the CLI and SDKs.</li>
      </ul>
      <NextBack next="review" back="where" />
    </WizardForm>
  );
}

async function ReviewStep({ state, context }: { state: WizardState; context: NonNullable<Awaited<ReturnType<typeof loadConsolePage>>['context']> }) {
  const request = accessRequestSchema.parse(wizardRequest(state));
  let built;
  try {
    built = buildAccessPlan(request, await readAccessFacts(request, context));
  } catch (error) {
    const message = error instanceof PlanError ? error.message : explainAwsError(error, { operation: 'iam:GetAccountSummary' });
    return <Alert tone="error" title="This access cannot be planned">{message}</Alert>;
  }
  const { review } = built;
  return (
    <div className="flex flex-col gap-4" data-testid="review">
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
      {review.notes.map((note) => (
        <Alert key={note} tone="warning">
          {note}
        </Alert>
      ))}
      <p className="text-sm text-slate-600">The plan shows each call with its AWS CLI, CloudFormation and Terraform equivalents; applying it runs both halves.</p>
      <BuildPlanButton label="Review the plan" build={planAccessAction} input={request} />
    </div>
  );
}

export default async function NewAccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const page = await loadConsolePage();
  const title = <PageTitle description="Both halves in one plan: the destination role's trust policy, and the source principal's permission to assume it.">Set up cross-account access</PageTitle>;
  if (!page.context) {
    return <AwsUnavailable title={title} error={page.error} />;
  }
  const requested = wizardState(await searchParams);
  const errors = wizardErrors(requested);
  // Going forward past a step with errors lands back on that step, with them shown.
  const blocking = WIZARD_STEPS.slice(0, WIZARD_STEPS.indexOf(requested.step)).find((s) => errors[s]);
  const state: WizardState = blocking ? { ...requested, step: blocking } : requested;
  const shownErrors = blocking ? (errors[blocking] ?? {}) : {};
  const accounts = await organizationAccounts(page.context);
  const current = WIZARD_STEPS.indexOf(state.step);
  return (
    <>
      {title}
      <Steps
        steps={WIZARD_STEPS.map((s, i) => ({
          label: LABELS[s],
          state: i < current ? 'done' : i === current ? 'current' : 'upcoming',
          href: `/roles/new?${wizardQuery(state, { step: s }).toString()}`,
        }))}
      />
      {blocking && (
        <div className="mb-4">
          <Alert tone="error">Check the highlighted fields.</Alert>
        </div>
      )}
      <Card>
        {state.step === 'who' && <WhoStep state={state} accounts={accounts} errors={shownErrors} />}
        {state.step === 'where' && <WhereStep state={state} accounts={accounts} errors={shownErrors} />}
        {state.step === 'conditions' && <ConditionsStep state={state} accounts={accounts} errors={shownErrors} />}
        {state.step === 'review' && <ReviewStep state={state} context={page.context} />}
      </Card>
    </>
  );
}
