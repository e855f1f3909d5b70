'use server';
// /shares: the organization's share snapshot, its progress and Refresh (viewers may read it).
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/console/actions';
import { getShareSnapshot, refreshShareSnapshot, type ShareSnapshotStatus } from '@/lib/ram/snapshot';
import { shareSnapshotSource } from '@/lib/ram/snapshot-source';

export interface SnapshotProgress {
  fetchedAt: number;
  complete: boolean;
  refreshing: boolean;
  done?: number;
  total?: number;
  shares: number;
  lastError?: string;
}

const progressOf = (status: ShareSnapshotStatus): SnapshotProgress => ({
  fetchedAt: status.snapshot.fetchedAt,
  complete: status.snapshot.complete,
  refreshing: status.refreshing,
  done: status.progress?.done,
  total: status.progress?.total,
  shares: Object.keys(status.snapshot.shares).length,
  lastError: status.lastError,
});

const statusRead = userAction({
  action: 'ram:GetResourceShares',
  input: z.object({ refresh: z.boolean().default(false) }).strict(),
  async run({ refresh }, { region }) {
    const source = shareSnapshotSource(await getConsoleContext({ region }));
    return progressOf(refresh ? refreshShareSnapshot(source) : getShareSnapshot(source));
  },
});

export async function shareSnapshotStatusAction(input: unknown): Promise<ActionResult<SnapshotProgress>> {
  return statusRead(input);
}
