// Kind of change: promoting a share RAM created from a resource-based policy to a standard share — first each of
// its CREATED_FROM_POLICY permissions becomes a customer managed permission with the same grant (RAM needs one to
// match exactly), then the share itself is promoted. Pure build from the share as read just before.
import { z } from 'zod';
import { defineKind, type KindPlan, type ReadBack } from '../plan/kind';
import { PlanError } from '../plan/build';
import type { PlanDraft } from '../plan/types';
import { PROMOTION_EFFECTS } from './promotion-effects';
import { readOwnedShares, refreshSharesOf, type ShareRecord } from './snapshot';

const promoteShareContext = z.object({ resourceShareArn: z.string(), shareName: z.string(), accountId: z.string(), region: z.string() });
type Typed = KindPlan<z.infer<typeof promoteShareContext>>;

export const promoteShareSchema = z.object({
  permissionName: z.string().trim().regex(/^[\w.-]{1,36}$/, 'Names are 1 to 36 letters, digits, underscores (_), periods (.) and hyphens (-).'),
});

export function promoteShareVerdict(share: ShareRecord | undefined): Pick<ReadBack, 'tone' | 'title'> {
  if (share?.featureSet === 'STANDARD') return { tone: 'success', title: 'The share is STANDARD: it is managed in RAM now.' };
  if (share?.featureSet === 'PROMOTING_TO_STANDARD') return { tone: 'warning', title: 'RAM is still promoting the share (PROMOTING_TO_STANDARD).' };
  return { tone: 'error', title: share ? `The share still reads as ${share.featureSet}.` : 'The share is no longer listed.' };
}

export const promoteShare = defineKind({
  id: 'ram:promote-share',
  input: promoteShareSchema,
  context: promoteShareContext,
  build(input: z.infer<typeof promoteShareSchema>, { share }: { share: ShareRecord }) {
    if (share.featureSet !== 'CREATED_FROM_POLICY') {
      throw new PlanError(share.featureSet === 'PROMOTING_TO_STANDARD' ? 'The share is already being promoted.' : 'The share is a standard share: there is nothing to promote.');
    }
    const at = { accountId: share.owningAccountId, region: share.region };
    const permissions = share.permissions;
    return {
      title: `Promote "${share.name}" to a standard resource share`,
      steps: [
        ...permissions.map((p, n) => ({
          ...at,
          operation: 'ram:PromotePermissionCreatedFromPolicy',
          input: { permissionArn: p.arn, name: permissions.length === 1 ? input.permissionName : `${input.permissionName.slice(0, 33)}-${n + 1}` },
          reason: `Copies ${p.name} (${p.resourceType}), made from the resource policy, into a customer managed permission the promoted share can use.`,
        })),
        { ...at, operation: 'ram:PromoteResourceShareCreatedFromPolicy', input: { resourceShareArn: share.arn }, reason: 'Makes the share STANDARD (PROMOTING_TO_STANDARD while RAM works), attached to the matching customer managed permission.' },
      ],
      notes: PROMOTION_EFFECTS,
      context: { resourceShareArn: share.arn, shareName: share.name, accountId: share.owningAccountId, region: share.region },
    };
  },
  /** A pure read: the owner's shares in the Region again. */
  async readBack(plan: Typed): Promise<ReadBack> {
    const share = (await readOwnedShares(plan.context.accountId, plan.context.region)).find((s) => s.arn === plan.context.resourceShareArn);
    return {
      ...promoteShareVerdict(share),
      facts: [
        { label: 'Feature set (ram:GetResourceShares)', value: share?.featureSet ?? 'not listed' },
        { label: 'Permissions (ram:ListPermissionAssociations)', value: share?.permissions.map((p) => `${p.resourceType}: ${p.name} v${p.version}`).join('; ') || 'none' },
      ],
      links: share ? [{ href: `/shares/${share.region}/${share.id}`, label: 'The share' }] : [],
      problems: [],
    };
  },
  /** The organization's share list learns the share is standard now. */
  async afterApply(plan: Typed): Promise<void> {
    await refreshSharesOf(plan.context.accountId, plan.context.region);
  },
});

export function planPromoteShare(share: ShareRecord, input: z.infer<typeof promoteShareSchema>): PlanDraft {
  return promoteShare.plan(input, { share });
}
