// Recent plans with their outcome: what was reviewed, what was applied, by whom.
import { Badge, Card, Cell, Link, PageTitle, Table } from '@/components/ui';
import { requireUser } from '@/lib/auth/guard';
import { planStatusBadge } from '@/components/plan/status';
import { listPlans } from '@/lib/plan/store';

export const dynamic = 'force-dynamic';

export default async function PlansPage() {
  await requireUser();
  const plans = await listPlans(100);
  return (
    <>
      <PageTitle description="Every change the console makes is a plan: reviewed, then applied step by step. Newest first.">Plans</PageTitle>
      <Card>
        {plans.length === 0 ? (
          <p className="text-sm text-slate-500">No plans yet.</p>
        ) : (
          <Table columns={['Made (UTC)', 'Plan', 'Steps', 'By', 'Applied by', 'Outcome']} testId="plans-table">
            {plans.map((plan) => (
              <tr key={plan.id}>
                <Cell className="whitespace-nowrap">{plan.createdAt.replace('T', ' ').slice(0, 19)}</Cell>
                <Cell>
                  <Link className="text-sky-700 underline" href={`/plans/${plan.id}`}>
                    {plan.title}
                  </Link>
                </Cell>
                <Cell>{plan.steps}</Cell>
                <Cell>{plan.createdBy}</Cell>
                <Cell>{plan.appliedBy}</Cell>
                <Cell>
                  <Badge tone={planStatusBadge(plan).tone} testId="plan-outcome">{planStatusBadge(plan).label}</Badge>
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
