// A role's page: its trust policy and the principals it trusts, each with verification on demand, the hand-off
// for its users, and the plans that change its conditions or remove its access.
import { notFound } from 'next/navigation';
import { BuildPlanButton } from '@/components/plan/BuildPlanButton';
import { HandOffPanel } from '@/components/roles/HandOffPanel';
import { VerifyPanel } from '@/components/roles/VerifyPanel';
import { AwsUnavailable } from '@/components/AwsUnavailable';
import { Badge, buttonClass, Card, CodeBlock, Link, PageTitle } from '@/components/ui';
import { loadConsolePage } from '@/lib/page-context';
import { handOff } from '@/lib/iam/handoff';
import { accountOfPrincipal, renderPolicy } from '@/lib/iam/policy';
import { viewRole } from '@/lib/iam/read';
import { currentOrganization, organizationNames } from '@/lib/organizations/accounts';
import { trustedPrincipals, type TrustedPrincipal } from '@/lib/iam/trust';
import { planTrustEditAction, verifyAccessAction } from './actions';

export const dynamic = 'force-dynamic';

const conditionsOf = (t: TrustedPrincipal) => ({
  externalId: t.externalId,
  requireMfa: t.requireMfa,
  restrictToOrganization: !!t.organizationId,
  allowTagSession: t.actions.includes('sts:TagSession'),
  allowSetSourceIdentity: t.actions.includes('sts:SetSourceIdentity'),
});

export default async function RolePage({ params }: { params: Promise<{ accountId: string; roleName: string }> }) {
  const page = await loadConsolePage();
  const { accountId, roleName: encoded } = await params;
  const roleName = decodeURIComponent(encoded);
  if (!/^\d{12}$/.test(accountId) || !/^[\w+=,.@-]{1,64}$/.test(roleName)) notFound();
  if (!page.context) {
    return <AwsUnavailable title={<PageTitle>{roleName}</PageTitle>} error={page.error} />;
  }
  // The organization as read so far: a cold crawl of 10,000 accounts is not waited for.
  const [role, names, organization] = await Promise.all([viewRole(accountId, roleName), organizationNames(page.context), currentOrganization(page.context)]);
  if (!role) notFound();
  const trusted = trustedPrincipals(role.trust).filter((t) => t.principal !== '*' && !t.principal.endsWith('.amazonaws.com'));
  const accountLabel = names[accountId] ? `${names[accountId]} (${accountId})` : accountId;
  return (
    <>
      <PageTitle description={`${role.arn}${role.description ? ` — ${role.description}` : ''}`}>
        {role.name} in {accountLabel}
      </PageTitle>
      <div className="flex flex-col gap-6">
        <Card title="Trust policy" testId="role-trust">
          <CodeBlock code={renderPolicy(role.trust)} label="trust policy" testId="trust-policy" />
          <p className="mt-3 text-sm text-slate-700">
            Permissions: {[...role.attachedPolicies.map((p) => p.name), ...role.inlinePolicyNames.map((n) => `${n} (inline)`)].join(', ') || 'none'}. Maximum session:{' '}
            {role.maxSessionDuration / 3600} h.
          </p>
          <div className="mt-3">
            <Link className={buttonClass('secondary')} href={`/roles/new?step=who&da=${accountId}&rk=existing&rn=${encodeURIComponent(role.name)}`}>
              Add a trusted principal
            </Link>
          </div>
        </Card>
        {trusted.map((t) => {
          const account = accountOfPrincipal(t.principal);
          const conditions = conditionsOf(t);
          return (
            <Card
              key={`${t.principal} ${t.statementIndex}`}
              testId={`trusted-${t.principal}`}
              title={
                <>
                  <span className="font-mono text-sm">{t.principal}</span>{' '}
                  {account && names[account] ? (
                    <Badge>{names[account]}</Badge>
                  ) : organization && !organization.complete ? (
                    <Badge>not in the organization as read so far</Badge>
                  ) : (
                    <Badge tone="amber">outside the organization</Badge>
                  )}
                </>
              }
            >
              <p className="mb-3 text-sm text-slate-700">
                Statement {t.sid ?? t.statementIndex + 1}: {t.actions.join(', ')}
                {t.externalId ? `; ExternalId required` : ''}
                {t.requireMfa ? '; MFA required' : ''}
                {t.organizationId ? `; only from organization ${t.organizationId}` : ''}
                {t.otherConditions.length ? `; also ${t.otherConditions.join(', ')}` : ''}.
              </p>
              <VerifyPanel roleArn={role.arn} principal={t.principal} verify={verifyAccessAction} />
              <h3 className="mb-2 mt-5 text-sm font-semibold text-slate-800">Hand-off</h3>
              <HandOffPanel
                handOff={handOff({ roleArn: role.arn, principal: t.principal, externalId: t.externalId, requireMfa: t.requireMfa, maxSessionDuration: role.maxSessionDuration, displayName: `${role.name} @ ${names[accountId] ?? accountId}` })}
              />
              <h3 className="mb-2 mt-5 text-sm font-semibold text-slate-800">Change</h3>
              <div className="flex flex-wrap gap-3">
                <BuildPlanButton
                  label={t.requireMfa ? 'Plan: stop requiring MFA' : 'Plan: require MFA'}
                  build={planTrustEditAction}
                  input={{ change: 'conditions', roleArn: role.arn, principal: t.principal, conditions: { ...conditions, requireMfa: !t.requireMfa } }}
                />
                <BuildPlanButton label="Plan: remove this access" build={planTrustEditAction} input={{ change: 'remove', roleArn: role.arn, principal: t.principal }} />
              </div>
            </Card>
          );
        })}
      </div>
    </>
  );
}
