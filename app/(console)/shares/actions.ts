'use server';
// /shares: the organization's share snapshot, its progress and Refresh (viewers may read it).
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { getShareSnapshot, refreshShareSnapshot, snapshotProgress, type SnapshotProgress } from '@/lib/ram/snapshot';
import { shareSnapshotSource } from '@/lib/ram/snapshot-source';

const statusRead = userAction({
  action: 'ram:GetResourceShares',
  input: z.object({ refresh: z.boolean().default(false) }).strict(),
  async run({ refresh }, { region }) {
    const source = shareSnapshotSource(await getConsoleContext({ region }));
    return snapshotProgress(refresh ? refreshShareSnapshot(source) : getShareSnapshot(source));
  },
});

export async function shareSnapshotStatusAction(input: unknown): Promise<ActionResult<SnapshotProgress>> {
  return statusRead(input);
}
