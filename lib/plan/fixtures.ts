// Plans the plan tests share: a share made in the network account and then extended (three steps, the later
// two referring to the first's output), and the one-step enable plan.
import { outputOf } from './build';
import type { PlanDraft } from './types';

export const NETWORK = '100000000002';
export const MANAGEMENT = '100000000001';

export function threeStepSharePlan(names: { share: string; first: string; second: string; principal: string; extraPrincipal: string; accountId?: string }): PlanDraft {
  const shareArn = outputOf(0, 'resourceShare.resourceShareArn', 'RESOURCE_SHARE_ARN');
  return {
    kind: 'test:share',
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
