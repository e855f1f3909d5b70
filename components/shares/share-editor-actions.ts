'use server';
// The share page editor's server side: one principal checked at once against the share as AWS holds it (the
// create wizard's rules and messages), so the organization tree and typed entry refuse on the spot.
import { z } from 'zod';
import { getConsoleContext } from '@/lib/aws/identity';
import { userAction, type ActionResult } from '@/lib/server-actions';
import { PlanError } from '@/lib/plan/build';
import { principalRulesFor } from '@/lib/ram/create-share';
import { checkPrincipal, PRINCIPAL_TYPES, type PrincipalCheck } from '@/lib/ram/principals';
import { principalsInput } from '@/lib/ram/share-draft';
import { getShareSnapshot } from '@/lib/ram/snapshot';
import { shareSnapshotSource } from '@/lib/ram/snapshot-source';

const checkOne = userAction({
  action: 'share-editor:check-principal',
  input: z
    .object({
      region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'A Region code such as us-east-1.'),
      id: z.string().regex(/^[0-9a-f-]{1,64}$/, 'A resource share ID.'),
      type: z.enum(PRINCIPAL_TYPES),
      value: z.string().max(2048, 'A principal is at most 2,048 characters.'),
      selected: principalsInput.shape.principals.element.array().max(5_000),
    })
    .strict(),
  async run(input, { region }) {
    const context = await getConsoleContext({ region });
    const share = Object.values(getShareSnapshot(shareSnapshotSource(context)).snapshot.shares).find((s) => s.region === input.region && s.id === input.id);
    if (!share) throw new PlanError(`No share ${input.id} in ${input.region} in the organization's snapshot: refresh the list.`);
    const rules = await principalRulesFor(context, { accountId: share.owningAccountId, resources: share.resources.map((r) => ({ resourceType: r.type })) }, share.allowExternalPrincipals);
    const check = checkPrincipal(input.type, input.value, rules, input.selected);
    if (check.ok && share.principals.some((p) => p.id === check.principal.principal)) {
      const held: PrincipalCheck = { ok: false, rule: 'duplicate', message: `${check.principal.name} is already in the share.` };
      return held;
    }
    return check;
  },
});

export async function checkSharePrincipalAction(input: unknown): Promise<ActionResult<PrincipalCheck>> {
  return checkOne(input);
}
