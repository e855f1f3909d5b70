// What AWS reads back after a create-share plan ran: the share (GetResourceShares) and each of its resources
// and principals with its association status (GetResourceShareAssociations), outside principals marked as
// invited. Until the shares pages exist this is the summary of the created share.
import { GetResourceSharesCommand, RAMClient, type ResourceShare } from '@aws-sdk/client-ram';
import { getClient } from '../aws/clients';
import { explainAwsError } from '../aws/errors';
import type { ConsoleContext } from '../aws/identity';
import type { ReadBack } from '../console/read-back';
import { refreshSharesOf } from './snapshot';
import type { StoredPlan } from '../plan/types';
import { shareAssociations } from './associations';
import { externalFact } from './resource-types';
import type { SelectedPrincipal } from './principals';

/** Which wizard step an error concerns, from what RAM's message is about. */
function stepOfError(message: string): { step: number; label: string } {
  if (/principal|organization|invitation|external/i.test(message)) return { step: 3, label: 'principals' };
  if (/permission/i.test(message) && !/not authorized|access ?denied/i.test(message)) return { step: 2, label: 'managed permissions' };
  return { step: 1, label: 'resource share details' };
}

/** The resource types the plan's share holds. */
const resourceTypesOf = (plan: StoredPlan) => [...new Set(((plan.context?.resources ?? []) as { resourceType: string }[]).map((r) => r.resourceType))];

export async function createShareReadBack(plan: StoredPlan, _context: ConsoleContext): Promise<ReadBack> {
  const step = plan.steps[0];
  const state = plan.stepStates[0];
  const draftId = String(plan.context?.draftId ?? '');
  const names = new Map(((plan.context?.principals ?? []) as SelectedPrincipal[]).map((p) => [p.principal, p.name]));
  const resourceNames = new Map(((plan.context?.resources ?? []) as { arn: string; name?: string; id: string }[]).map((r) => [r.arn, r.name ?? r.id]));
  const ram = getClient(RAMClient, { accountId: step.accountId, region: step.region });
  const problems: string[] = [];
  let share: ResourceShare | undefined;
  try {
    const arn = (state.output as { resourceShare?: ResourceShare } | undefined)?.resourceShare?.resourceShareArn;
    const out = await ram.send(new GetResourceSharesCommand(arn ? { resourceOwner: 'SELF', resourceShareArns: [arn] } : { resourceOwner: 'SELF', name: String(step.input.name) }));
    share = out.resourceShares?.find((s) => s.status !== 'DELETED');
    // The organization's list shows the new share at once, without waiting for its next read.
    if (share) await refreshSharesOf(step.accountId, step.region);
  } catch (error) {
    problems.push(explainAwsError(error, { operation: 'ram:GetResourceShares', accountId: step.accountId, region: step.region }));
  }
  if (!share) {
    const cause = stepOfError(state.error ?? '');
    return {
      tone: 'error',
      title: `No share named ${String(step.input.name)} exists in ${step.accountId}, ${step.region}: nothing was created.`,
      facts: [],
      advice: state.error ? `RAM refused it: ${state.error} This concerns step ${cause.step} (${cause.label}).` : undefined,
      links: draftId ? [{ href: `/shares/new?draft=${draftId}&step=${cause.step}`, label: `Back to step ${cause.step}: ${cause.label}` }] : undefined,
      problems,
    };
  }
  const shareId = share.resourceShareArn!.split('/').pop()!;
  const associations = await shareAssociations(ram, share.resourceShareArn!).catch((error: unknown) => {
    problems.push(explainAwsError(error, { operation: 'ram:GetResourceShareAssociations', accountId: step.accountId, region: step.region }));
    return [];
  });
  const facts = [
    { label: 'Name', value: share.name ?? '' },
    { label: 'Status', value: share.status ?? 'UNKNOWN' },
    { label: 'ARN', value: share.resourceShareArn! },
    { label: 'Allows principals outside the organization', value: externalFact(share.allowExternalPrincipals, resourceTypesOf(plan)) },
    ...associations.map((a) => {
      const entity = a.associatedEntity ?? '';
      const name = a.associationType === 'RESOURCE' ? resourceNames.get(entity) : names.get(entity);
      const invited = a.external && a.status === 'ASSOCIATING';
      return {
        label: `${a.associationType === 'RESOURCE' ? 'Resource' : 'Principal'} ${name ? `${name} — ` : ''}${entity}`,
        value: `${invited ? 'invitation sent (ASSOCIATING until accepted)' : (a.status ?? 'UNKNOWN')}${a.statusMessage ? `: ${a.statusMessage}` : ''}`,
      };
    }),
  ];
  const failed = associations.filter((a) => a.status === 'FAILED');
  const ok = failed.length === 0 && plan.status === 'succeeded';
  return {
    tone: ok ? 'success' : failed.length ? 'error' : 'warning',
    title: ok ? `Resource share ${share.name} is created.` : failed.length ? `Resource share ${share.name} exists, but ${failed.length} association(s) FAILED.` : `Resource share ${share.name} exists; the run did not finish.`,
    facts,
    advice: failed.length ? 'Each FAILED line carries RAM’s reason. Fix it, then add the failed principal or resource to the share again.' : undefined,
    links: [{ href: `/shares/${step.region}/${shareId}`, label: "The share's page" }],
    problems,
  };
}
