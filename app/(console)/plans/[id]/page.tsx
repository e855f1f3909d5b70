// A plan's page: the same page for review (with Apply for admins) and for progress and result, read from the
// store on every render, so it survives a reload and a restart of the console.
import { notFound } from 'next/navigation';
import { PlanReview } from '@/components/plan/PlanReview';
import { Alert, PageTitle } from '@/components/ui';
import { loadConsolePage } from '@/lib/page-context';
import { readBack } from '@/lib/changes/registry';
import { getPlan } from '@/lib/plan/store';
import { organizationNames } from '@/lib/organizations/accounts';

export const dynamic = 'force-dynamic';

const utc = (iso?: string) => (iso ? `${iso.replace('T', ' ').slice(0, 19)} UTC` : '');

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const page = await loadConsolePage();
  const plan = await getPlan((await params).id);
  if (!plan) notFound();
  // Account names are a convenience on a page that shows the IDs anyway: a failed read leaves them out.
  const names = page.context ? organizationNames(page.context).catch((): Record<string, string> => ({})) : {};
  const [result, accountNamesRead] = await Promise.all([page.context ? readBack(plan, page.context) : undefined, names]);
  return (
    <>
      <PageTitle description={`Plan ${plan.id}, made by ${plan.createdBy} at ${utc(plan.createdAt)}.`}>{plan.title}</PageTitle>
      <div className="flex flex-col gap-6">
        {page.error && <Alert tone="error" title="AWS cannot be reached">{page.error}</Alert>}
        <PlanReview plan={plan} accountNames={{ ...accountNamesRead, ...plan.accountNames }} canApply={page.user.role === 'admin'} readBack={result} />
      </div>
    </>
  );
}
