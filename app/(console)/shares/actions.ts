'use server';
// Reads and plan building behind /shares, a share's page and /shares/received (viewers may do all of it:
// building a plan changes nothing; only applying it, on the plan's page, is for admins).
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/console/actions';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';
import { readReceivedShares } from '@/lib/ram/received';
import { checkAddedPrincipals, planLeaveShare, planShareEdit, shareEditSchema } from '@/lib/ram/share-edits';
import { getShareSnapshot, refreshShareSnapshot, refreshSharesOf, type ShareSnapshotStatus } from '@/lib/ram/snapshot';
import { shareSnapshotSource } from '@/lib/ram/snapshot-source';
import { organizationNames } from '@/lib/organizations/accounts';

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

/** zod's first messages, with the field they are about, as one sentence for the plan button. */
function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new PlanError(result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).slice(0, 3).join(' '));
}

const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'A Region code such as us-east-1.');

const buildEdit = userAction({
  action: 'plan:ram:EditResourceShare',
  input: z.object({ region, id: z.string().regex(/^[0-9a-f-]{1,64}$/, 'A resource share ID.'), edit: z.unknown() }).strict(),
  async run(input, { user, region: consoleRegion }) {
    const edit = parsed(shareEditSchema, input.edit);
    const context = await getConsoleContext({ region: consoleRegion });
    const { snapshot } = getShareSnapshot(shareSnapshotSource(context));
    const known = Object.values(snapshot.shares).find((s) => s.region === input.region && s.id === input.id);
    if (!known) throw new PlanError(`No share ${input.id} in ${input.region} in the organization's snapshot: refresh the list.`);
    // Plan from what AWS says now, not from a snapshot minutes old.
    const share = (await refreshSharesOf(known.owningAccountId, known.region)).find((s) => s.arn === known.arn);
    if (!share) throw new PlanError(`The share ${known.name} is no longer listed by its owner ${known.owningAccountId}.`);
    if (edit.edit === 'add-principals') await checkAddedPrincipals(context, share, edit.principals);
    return savePlan(planShareEdit(share, edit, await organizationNames(context)), user).id;
  },
});

export async function planShareEditAction(input: unknown): Promise<ActionResult<string>> {
  return buildEdit(input);
}

const buildLeave = userAction({
  action: 'plan:ram:LeaveResourceShare',
  input: z.object({ accountId: z.string().regex(/^\d{12}$/, 'A 12-digit account ID.'), region, resourceShareArn: z.string().startsWith('arn:') }).strict(),
  async run(input, { user, region: consoleRegion }) {
    const context = await getConsoleContext({ region: consoleRegion });
    const share = (await readReceivedShares(input.accountId, input.region)).find((s) => s.arn === input.resourceShareArn);
    if (!share) throw new PlanError(`Account ${input.accountId} does not receive ${input.resourceShareArn} in ${input.region}.`);
    return savePlan(planLeaveShare(share, await organizationNames(context)), user).id;
  },
});

export async function planLeaveShareAction(input: unknown): Promise<ActionResult<string>> {
  return buildLeave(input);
}
