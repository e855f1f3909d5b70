// The IAM snapshot's age, progress and Refresh, and the accounts it could not read with the reason.
import { Alert } from '@/components/ui';
import { SnapshotStatus } from '@/components/shares/SnapshotStatus';
import { iamCoverage, iamProgress, type IamSnapshotStatus } from '@/lib/iam/snapshot-store';
import { iamSnapshotStatusAction } from './actions';

export function IamStatus({ status, names, computedMs }: { status: IamSnapshotStatus; names: Record<string, string>; computedMs?: number }) {
  const { snapshot } = status;
  const { read, total, failures } = iamCoverage(snapshot);
  return (
    <>
      <SnapshotStatus
        initial={iamProgress(status)}
        status={iamSnapshotStatusAction}
      />
      <p className="-mt-2 mb-3 text-xs text-slate-500" data-testid="paths-coverage">
        IAM of {read} of {total} accounts read{snapshot.complete ? '' : ' so far'}
        {computedMs === undefined ? '.' : `; paths computed in ${Math.round(computedMs)} ms.`}
        {snapshot.organizationPolicies.error ? ` ${snapshot.organizationPolicies.error}` : ''}
      </p>
      {failures.length > 0 && (
        <div className="mb-4">
          <Alert tone="warning" title={`${failures.length} account(s) could not be read: their roles and principals are not in this list`} testId="unreachable">
            <ul className="list-disc pl-5">
              {failures.slice(0, 50).map((f) => (
                <li key={f.accountId} data-testid="unreachable-account">
                  <span className="font-medium">{names[f.accountId] ?? f.accountId}</span> ({f.accountId}): {f.error}
                </li>
              ))}
            </ul>
          </Alert>
        </div>
      )}
    </>
  );
}
