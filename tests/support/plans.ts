// Plans the engine's tests share: a share made in the network account and then extended (three steps, the later
// two referring to the first's output), of a test kind that records each run its after-apply hook saw. Importing
// this loads the registry, as the console's pages and actions do.
import { z } from 'zod';
import '../../lib/changes/registry';
import { outputOf } from '../../lib/plan/build';
import { registerChanges } from '../../lib/plan/catalog';
import { defineKind } from '../../lib/plan/kind';
import type { PlanDraft } from '../../lib/plan/types';

export const TEST_KIND = 'test:share';

/** Plan IDs in the order the test kind's after-apply hook ran for them. */
export const afterApplied: string[] = [];

const testShare = defineKind({
  id: TEST_KIND,
  input: z.object({}),
  context: z.unknown(),
  build: () => {
    throw new Error('test plans are written out below');
  },
  readBack: async (plan) => ({ tone: 'success', title: `Test plan ${plan.id}`, facts: [], problems: [] }),
  afterApply: async (plan) => {
    afterApplied.push(plan.id);
  },
});
registerChanges([testShare], {});

export const NETWORK = '100000000002';
export const MANAGEMENT = '100000000001';

export function threeStepSharePlan(names: { share: string; first: string; second: string; principal: string; extraPrincipal: string; accountId?: string }): PlanDraft {
  const shareArn = outputOf(0, 'resourceShare.resourceShareArn', 'RESOURCE_SHARE_ARN');
  return {
    kind: TEST_KIND,
    title: `Share ${names.share}`,
    steps: [
      {
        operation: 'ram:CreateResourceShare',
        accountId: names.accountId ?? NETWORK,
        region: 'us-east-1',
        input: { name: names.share, resourceArns: [names.first], principals: [names.principal], allowExternalPrincipals: false, tags: [{ key: 'team', value: "platform's" }] },
        reason: 'Creates the share with the first subnet.',
      },
      {
        operation: 'ram:AssociateResourceShare',
        accountId: names.accountId ?? NETWORK,
        region: 'us-east-1',
        input: { resourceShareArn: shareArn, resourceArns: [names.second] },
        reason: 'Adds the second subnet.',
      },
      {
        operation: 'ram:AssociateResourceShare',
        accountId: names.accountId ?? NETWORK,
        region: 'us-east-1',
        input: { resourceShareArn: shareArn, principals: [names.extraPrincipal] },
        reason: 'Adds one more account.',
      },
    ],
  };
}
