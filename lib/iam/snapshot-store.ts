// The organization's IAM snapshot in the one snapshot store (lib/cache/snapshots.ts): the last complete reading
// (in memory, and in the data directory so it survives a restart) answers at once; a build runs behind it when
// it is older than maxAgeMs, and a first build is shown as it fills. One account is re-read into every reading
// after the console changed it.
import { derivedUntilChanged } from '../cache/derived';
import { progressOf, snapshotStore, type SnapshotBuild, type SnapshotProgress, type SnapshotSource, type SnapshotStatus } from '../cache/snapshots';
import { forgetRoleViews } from './read';
import { adoptAccount, buildIamSnapshot, emptyIamSnapshot, readAccountAlone, type AccountIam, type IamSnapshot } from './snapshot';

export interface IamSnapshotSource extends SnapshotSource {
  /** The accounts to read, in batches as the organization's crawl finds them. */
  accountIds: () => AsyncIterable<string[]>;
  concurrency?: number;
}

export interface IamSnapshotStatus {
  snapshot: IamSnapshot;
  ageMs: number;
  refreshing: boolean;
  progress?: { done: number; total: number };
  lastError?: string;
}

/** What the snapshot status bar shows: `shares` counts the accounts read so far. */
export const iamProgress = (status: IamSnapshotStatus): SnapshotProgress => progressOf(status, Object.keys(status.snapshot.accounts).length, 'accounts');

/** The accounts a reading holds, of how many, and those it could not read (with why): once per revision, not per view. */
export function iamCoverage(snapshot: IamSnapshot): { read: number; total: number; failures: AccountIam[] } {
  return derivedUntilChanged(snapshot, 'coverage', String(snapshot.revision), () => {
    const accounts = Object.values(snapshot.accounts);
    const failures = accounts.filter((a) => a.error);
    return { read: accounts.length - failures.length, total: snapshot.accountCount || accounts.length, failures };
  });
}

/** A build: its snapshot fills account by account; `done` resolves with the complete one. */
export function startIamBuild(source: IamSnapshotSource): SnapshotBuild<IamSnapshot> {
  const snapshot = emptyIamSnapshot(source.key, Date.now());
  return { snapshot, done: buildIamSnapshot(snapshot, source.accountIds(), { concurrency: source.concurrency }) };
}

const snapshots = snapshotStore<IamSnapshot, IamSnapshotSource, SnapshotBuild<IamSnapshot>>({ name: 'iam-snapshot', build: startIamBuild, format: 2 });

function withProgress({ build, ...status }: SnapshotStatus<IamSnapshot> & { build?: SnapshotBuild<IamSnapshot> }): IamSnapshotStatus {
  return { ...status, progress: build && { done: Object.keys(build.snapshot.accounts).length, total: build.snapshot.accountCount } };
}

/** The last complete snapshot (revalidated behind it when old or stale), else the first build's as it fills. Never waits. */
export function getIamSnapshot(source: IamSnapshotSource): IamSnapshotStatus {
  return withProgress(snapshots.read(source));
}

/** Takes up the snapshot the instances share (the newest one written, or the first build's as it fills) before reads. */
export function syncIamSnapshot(source: IamSnapshotSource): Promise<void> {
  return snapshots.sync(source);
}

/** Refresh: a build now unless one runs; the current snapshot answers until it completes. */
export function refreshIamSnapshot(source: IamSnapshotSource): IamSnapshotStatus {
  return withProgress(snapshots.refresh(source));
}

/** The last complete snapshot, else the first build's end. */
export function completeIamSnapshot(source: IamSnapshotSource): Promise<IamSnapshot> {
  return snapshots.complete(source);
}

/**
 * Re-reads one account into every reading (and the running build) after the console changed IAM there, so
 * its paths show AWS's answer without a full rebuild.
 */
export async function refreshIamOf(accountId: string): Promise<void> {
  forgetRoleViews();
  const reading = await readAccountAlone(accountId);
  snapshots.update((snapshot) => {
    if (accountId in snapshot.accounts) adoptAccount(snapshot, reading);
  });
}

/** Drops everything in memory (tests; a restart's warm start then comes from the data directory). */
export function forgetIamSnapshots(): void {
  snapshots.forget();
}
