'use server';
// The IAM snapshot's status and Refresh behind /access and the account pages (viewers may read and refresh: a
// read changes nothing in AWS).
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/server-actions';
import type { SnapshotProgress } from '@/lib/cache/snapshots';
import { getIamSnapshot, iamProgress, refreshIamSnapshot } from '@/lib/iam/snapshot-store';
import { iamSnapshotSource } from '@/lib/iam/snapshot-source';

const statusRead = userAction({
  action: 'iam:GetAccountAuthorizationDetails',
  input: z.object({ refresh: z.boolean().default(false) }).strict(),
  async run({ refresh }, { region }) {
    const source = iamSnapshotSource(await getConsoleContext({ region }));
    return iamProgress(refresh ? refreshIamSnapshot(source) : getIamSnapshot(source));
  },
});

export async function iamSnapshotStatusAction(input: unknown): Promise<ActionResult<SnapshotProgress>> {
  return statusRead(input);
}
