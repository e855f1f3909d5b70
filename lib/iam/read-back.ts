// What AWS reads back after a cross-account plan runs (its setup, or an edit of the trust): verification from the
// live policies, not what the calls returned, layer by layer, for the principal the plan was about. Pure.
import type { ConsoleContext } from '../aws/identity';
import type { KindPlan, ReadBack } from '../plan/kind';
import { refreshIamOf } from './snapshot-store';
import { verifyAccess } from './verify-live';

// IAM is global; its API is signed for us-east-1 in the aws partition.
export const IAM_REGION = 'us-east-1';

/** After a cross-account change: the IAM snapshot (and so the trusts list) of both halves' accounts (role and source). */
export async function refreshAfterAccessChange(roleArn: string, principal: string): Promise<void> {
  const roleAccount = roleArn.split(':')[4];
  const sourceAccount = principal.split(':')[4] ?? principal;
  await Promise.all([...new Set([roleAccount, sourceAccount])].map((id) => refreshIamOf(id)));
}

const LAYERS = { identity: 'Source identity policies', boundary: 'Permissions boundary', scp: 'Service control policies', rcp: 'Resource control policies', trust: "Role's trust policy" } as const;

export async function accessReadBack(
  plan: KindPlan<{ roleArn: string; principal: string; requireMfa?: boolean; expect?: 'denied' }>,
  context: ConsoleContext,
): Promise<ReadBack> {
  const { roleArn, principal, requireMfa, expect } = plan.context;
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
