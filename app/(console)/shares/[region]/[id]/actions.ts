'use server';
// A share's page: the plan for one edit (viewers may build it: building changes nothing; only applying it, on the
// plan's page, is for admins). The share is read from its owner now, not from a snapshot minutes old.
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { organizationNames } from '@/lib/organizations/accounts';
import { PlanError } from '@/lib/plan/build';
import { savePlan } from '@/lib/plan/store';
import { checkAddedPrincipals, editShare } from '@/lib/ram/share-edits';
import { getShareSnapshot, readOwnedShares } from '@/lib/ram/snapshot';
import { shareSnapshotSource } from '@/lib/ram/snapshot-source';

/** zod's first messages, with the field they are about, as one sentence for the plan button. */
function parsed<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new PlanError(result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).slice(0, 3).join(' '));
}

const buildEdit = userAction({
  action: 'plan:ram:EditResourceShare',
  input: z
    .object({
      region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'A Region code such as us-east-1.'),
      id: z.string().regex(/^[0-9a-f-]{1,64}$/, 'A resource share ID.'),
      edit: z.unknown(),
    })
    .strict(),
  async run(input, { user, region: consoleRegion }) {
    const edit = parsed(editShare.input, input.edit);
    const context = await getConsoleContext({ region: consoleRegion });
    const { snapshot } = getShareSnapshot(shareSnapshotSource(context));
    const known = Object.values(snapshot.shares).find((s) => s.region === input.region && s.id === input.id);
    if (!known) throw new PlanError(`No share ${input.id} in ${input.region} in the organization's snapshot: refresh the list.`);
    const share = (await readOwnedShares(known.owningAccountId, known.region)).find((s) => s.arn === known.arn);
    if (!share) throw new PlanError(`The share ${known.name} is no longer listed by its owner ${known.owningAccountId}.`);
    if (edit.edit === 'add-principals') await checkAddedPrincipals(context, share, edit.principals);
    return (await savePlan(editShare.plan(edit, { share, names: await organizationNames(context) }), user)).id;
  },
});

export async function planShareEditAction(input: unknown): Promise<ActionResult<string>> {
  return buildEdit(input);
}
