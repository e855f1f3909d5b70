// After a cross-account plan runs: verification from the live policies (not what the calls returned), layer by
// layer, for the principal the plan was about.
import type { ConsoleContext } from '../aws/identity';
import type { ReadBack } from '../console/read-back';
import { forgetCrossAccountTrusts } from './trusts';
import type { StoredPlan } from '../plan/types';
import { verifyAccess } from './verify-live';

const LAYERS = { identity: 'Source identity policies', boundary: 'Permissions boundary', scp: 'Service control policies', trust: "Role's trust policy" } as const;

export async function crossAccountReadBack(plan: StoredPlan, context: ConsoleContext): Promise<ReadBack> {
  forgetCrossAccountTrusts();
  const { roleArn, principal, requireMfa, expect } = plan.context as { roleArn: string; principal: string; requireMfa?: boolean; expect?: 'denied' };
  const [, , , , accountId, resource] = roleArn.split(':');
  const verification = await verifyAccess({ principal, roleArn, withMfa: !!requireMfa }, context, { live: false });
  const asExpected = expect === 'denied' ? !verification.allowed : verification.allowed;
  return {
    tone: asExpected ? 'success' : plan.status === 'succeeded' ? 'warning' : 'error',
    title: verification.summary,
    facts: verification.layers.map((l) => ({ label: `${LAYERS[l.layer]}: ${l.explanation}`, value: l.effect })),
    advice: "Verify again (with a live sts:AssumeRole where the console can act as the source) and hand the profile to the user on the role's page.",
    links: [{ href: `/roles/${accountId}/${encodeURIComponent(resource.split('/').pop()!)}`, label: "The role's page" }],
    problems: [],
  };
}
