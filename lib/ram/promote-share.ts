// Promoting a share RAM created from a resource-based policy to a standard share, as a plan: first each of its
// CREATED_FROM_POLICY permissions becomes a customer managed permission with the same grant (RAM needs one to
// match exactly), then the share itself is promoted. Pure builder from the share as read; its read back.
import { z } from 'zod';
import type { ReadBack } from '../console/read-back';
import { PlanError } from '../plan/build';
import type { PlanDraft, StoredPlan } from '../plan/types';
import { PROMOTION_EFFECTS } from './promotion-effects';
import { refreshSharesOf, type ShareRecord } from './snapshot';

export const PROMOTE_SHARE_KIND = 'ram:promote-share';

export const promoteShareSchema = z.object({
  permissionName: z.string().trim().regex(/^[\w.-]{1,36}$/, 'Names are 1 to 36 letters, digits, underscores (_), periods (.) and hyphens (-).'),
});

export function planPromoteShare(share: ShareRecord, input: z.infer<typeof promoteShareSchema>): PlanDraft {
  if (share.featureSet !== 'CREATED_FROM_POLICY') {
    throw new PlanError(share.featureSet === 'PROMOTING_TO_STANDARD' ? 'The share is already being promoted.' : 'The share is a standard share: there is nothing to promote.');
  }
  const at = { accountId: share.owningAccountId, region: share.region };
  const permissions = share.permissions;
  return {
    kind: PROMOTE_SHARE_KIND,
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
}

export function promoteShareVerdict(share: ShareRecord | undefined): Pick<ReadBack, 'tone' | 'title'> {
  if (share?.featureSet === 'STANDARD') return { tone: 'success', title: 'The share is STANDARD: it is managed in RAM now.' };
  if (share?.featureSet === 'PROMOTING_TO_STANDARD') return { tone: 'warning', title: 'RAM is still promoting the share (PROMOTING_TO_STANDARD).' };
  return { tone: 'error', title: share ? `The share still reads as ${share.featureSet}.` : 'The share is no longer listed.' };
}

export async function promoteShareReadBack(plan: StoredPlan): Promise<ReadBack> {
  const { accountId, region, resourceShareArn } = plan.context as { accountId: string; region: string; resourceShareArn: string };
  const share = (await refreshSharesOf(accountId, region)).find((s) => s.arn === resourceShareArn);
  return {
    ...promoteShareVerdict(share),
    facts: [
      { label: 'Feature set (ram:GetResourceShares)', value: share?.featureSet ?? 'not listed' },
      { label: 'Permissions (ram:ListPermissionAssociations)', value: share?.permissions.map((p) => `${p.resourceType}: ${p.name} v${p.version}`).join('; ') || 'none' },
    ],
    links: share ? [{ href: `/shares/${share.region}/${share.id}`, label: 'The share' }] : [],
    problems: [],
  };
}
