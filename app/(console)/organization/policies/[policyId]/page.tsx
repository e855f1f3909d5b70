// A service control policy's JSON, linked from the organization tree's details panel.
import { Alert, Card, Link, PageTitle } from '@/components/ui';
import { requireUser } from '@/lib/auth/guard';
import { explainAwsError } from '@/lib/aws/errors';
import { getConsoleContext } from '@/lib/aws/identity';
import { viewPolicy } from '@/lib/organizations';
import { organizationAccessProblem, organizationsClient } from '@/lib/organizations/snapshot-source';

export const dynamic = 'force-dynamic';

export default async function PolicyPage({ params }: { params: Promise<{ policyId: string }> }) {
  await requireUser();
  const { policyId } = await params;
  const back = (
    <p className="mb-4 text-sm">
      <Link className="text-sky-700 underline" href="/organization">← Organization</Link>
    </p>
  );
  if (!/^p-[0-9a-zA-Z_]{8,128}$/.test(policyId)) {
    return <>{back}<Alert tone="error" title="Not a policy ID">{policyId}</Alert></>;
  }
  let ctx;
  try {
    ctx = await getConsoleContext();
  } catch (error) {
    return <>{back}<Alert tone="error" title="The console's identity could not be read">{explainAwsError(error, { operation: 'sts:GetCallerIdentity' })}</Alert></>;
  }
  const problem = organizationAccessProblem(ctx);
  if (problem) return <>{back}<Alert tone="warning">{problem}</Alert></>;
  let policy: Awaited<ReturnType<typeof viewPolicy>>;
  try {
    policy = await viewPolicy(organizationsClient(), ctx.accountId, policyId);
  } catch (error) {
    return <>{back}<Alert tone="error" title="The policy could not be read">{explainAwsError(error, { operation: 'organizations:DescribePolicy', accountId: ctx.accountId })}</Alert></>;
  }
  return (
    <>
      {back}
      <PageTitle description={policy.description}>{policy.name}</PageTitle>
      <Card title={`${policy.id}${policy.awsManaged ? ' (AWS managed)' : ''}`}>
        <p className="mb-3 break-all font-mono text-xs text-slate-500">{policy.arn}</p>
        <pre data-testid="policy-json" className="overflow-auto rounded bg-slate-50 p-3 text-xs">{policy.content}</pre>
      </Card>
    </>
  );
}
