// The dashboard's access figures: the organization's paths, those from outside it, those open without any
// condition, and its open findings by severity — from the last IAM reading (or what a first read has found so far), never waiting for one.
import { countPaths } from '@/lib/access/filters';
import { openBySeverity } from '@/lib/access/findings-filters';
import { findingsOf } from '@/lib/access/findings-view';
import type { AccessView } from '@/lib/access/view';
import { Link } from '@/components/ui';

function Figure({ label, value, href, testId }: { label: string; value: number; href: string; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900" data-testid={testId}>
        <Link href={href}>{value}</Link>
      </dd>
    </div>
  );
}

export async function AccessCounts({ view }: { view: AccessView }) {
  const counts = countPaths(view.index);
  const partial = view.iam.snapshot.complete ? '' : ' (still reading)';
  const open = openBySeverity((await findingsOf(view)).findings);
  return (
    <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="access-summary">
      <Figure label={`Access paths${partial}`} value={counts.total} href="/access" testId="figure-paths" />
      <Figure label="Paths from outside the organization" value={counts.outside} href="/access?scope=outside" testId="figure-outside-paths" />
      <Figure label="Open paths without conditions" value={counts.withoutConditions} href="/access?conditions=without&status=open" testId="figure-unconditioned-paths" />
      <Figure label="Open critical and high findings" value={open.critical + open.high} href="/access?tab=findings&state=open" testId="figure-findings-severe" />
      <Figure label="Open medium findings" value={open.medium} href="/access?tab=findings&state=open&severity=medium" testId="figure-findings-medium" />
      <Figure label="Open low findings" value={open.low} href="/access?tab=findings&state=open&severity=low" testId="figure-findings-low" />
      <Figure label="Information" value={open.info} href="/access?tab=findings&state=open&severity=info" testId="figure-findings-info" />
    </dl>
  );
}
