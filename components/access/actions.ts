'use server';
// The IAM snapshot's status and Refresh behind /access and the account pages (viewers may read and refresh: a
// read changes nothing in AWS).
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/console/actions';
import { getIamSnapshot, refreshIamSnapshot, type IamSnapshotStatus } from '@/lib/iam/snapshot-store';
import { iamSnapshotSource } from '@/lib/iam/snapshot-source';
import type { SnapshotProgress } from '@/app/(console)/shares/actions';

const progressOf = (status: IamSnapshotStatus): SnapshotProgress => ({
  fetchedAt: status.snapshot.fetchedAt,
  complete: status.snapshot.complete,
  refreshing: status.refreshing,
  done: status.progress?.done,
  total: status.progress?.total,
  // What the pages re-render on: accounts read so far.
  shares: Object.keys(status.snapshot.accounts).length,
  lastError: status.lastError,
});

const statusRead = userAction({
  action: 'iam:GetAccountAuthorizationDetails',
  input: z.object({ refresh: z.boolean().default(false) }).strict(),
  async run({ refresh }, { region }) {
    const source = iamSnapshotSource(await getConsoleContext({ region }));
    return progressOf(refresh ? refreshIamSnapshot(source) : getIamSnapshot(source));
  },
});

export async function iamSnapshotStatusAction(input: unknown): Promise<ActionResult<SnapshotProgress>> {
  return statusRead(input);
}
