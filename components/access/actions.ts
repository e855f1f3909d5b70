'use server';
// The IAM snapshot's status and Refresh behind /access and the account pages, and a path's explanation when its row
// is opened (viewers may read and refresh: a read changes nothing in AWS).
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/server-actions';
import type { SnapshotProgress } from '@/lib/cache/snapshots';
import type { PathExplanation } from '@/lib/access/explain';
import { explainPathById } from '@/lib/access/view';
import { PlanError } from '@/lib/plan/build';
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

const explained = userAction({
  action: 'access:ExplainPath',
  input: z.object({ pathId: z.string().min(1).max(4_096) }).strict(),
  async run({ pathId }, { region }) {
    const explanation = await explainPathById(await getConsoleContext({ region }), pathId);
    if (!explanation) throw new PlanError('This path is not in the reading any more: reload the page.');
    return explanation;
  },
});

export async function explainPathAction(input: unknown): Promise<ActionResult<PathExplanation>> {
  return explained(input);
}
