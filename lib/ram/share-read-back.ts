// What AWS reads back after a share edit or a leave ran: the owner's (or receiver's) account and Region read
// again (which also refreshes the organization's share snapshot), and each change checked against it.
import type { ReadBack } from '../console/read-back';
import type { StoredPlan } from '../plan/types';
import { readReceivedShares } from './received';
import { externalFact } from './resource-types';
import { refreshSharesOf, type ShareRecord } from './snapshot';

type Fact = ReadBack['facts'][number];

const TRANSIENT = new Set(['ASSOCIATING', 'DISASSOCIATING', 'PENDING', 'DELETING']);

export function shareFacts(share: ShareRecord): Fact[] {
  return [
    { label: 'Name (ram:GetResourceShares)', value: share.name },
    { label: 'Status', value: share.status },
    { label: 'Allows external principals', value: externalFact(share.allowExternalPrincipals, share.resources.map((r) => r.type)) },
    { label: 'Resources (ram:GetResourceShareAssociations)', value: share.resources.map((r) => `${r.arn} ${r.status}`).join('; ') || 'none' },
    { label: 'Principals', value: share.principals.map((p) => `${p.id} ${p.status}${p.external ? ' (external)' : ''}`).join('; ') || 'none' },
    { label: 'Permissions (ram:ListPermissionAssociations)', value: share.permissions.map((p) => `${p.resourceType}: ${p.name} v${p.version}${p.defaultVersion ? '' : ' (not the default version)'}`).join('; ') || 'none' },
    { label: 'Tags', value: share.tags.map((t) => `${t.key}=${t.value}`).join(', ') || 'none' },
  ];
}

/** For each entity the step named: how the share holds it now ('absent' when it no longer lists it). */
function entityStates(share: ShareRecord | undefined, input: Record<string, unknown>): { id: string; status: string; message?: string }[] {
  const rows = [...(share?.resources ?? []), ...(share?.principals ?? [])].map((e) => ({ id: 'arn' in e ? e.arn : e.id, status: e.status, message: e.statusMessage, external: 'external' in e && e.external }));
  const wanted = [...((input.resourceArns as string[] | undefined) ?? []), ...((input.principals as string[] | undefined) ?? [])];
  return wanted.map((id) => {
    const row = rows.find((r) => r.id === id || r.id.endsWith(`/${id}`));
    return { id, status: row ? (row.status === 'ASSOCIATING' && row.external ? 'ASSOCIATED' : row.status) : 'absent', message: row?.message };
  });
}

function verdict(plan: StoredPlan, share: ShareRecord | undefined): { tone: ReadBack['tone']; title: string; advice?: string } {
  const step = plan.steps[0];
  const input = step.input;
  const edit = String(plan.context?.edit ?? '');
  const pageHint = share ? "The share's page reads it again on every visit." : undefined;
  const settling = { tone: 'warning' as const, title: 'AWS accepted the change; RAM is still settling it.', advice: `Associations are asynchronous. ${pageHint ?? ''}` };
  if (edit === 'delete') {
    if (!share || share.status === 'DELETED') return { tone: 'success', title: 'The share is deleted.' };
    return share.status === 'DELETING' ? { ...settling, title: 'The share is being deleted (DELETING).' } : { tone: 'error', title: `The share still reads as ${share.status}.` };
  }
  if (!share) return { tone: 'error', title: 'The share is no longer listed by its owner.' };
  let ok = true;
  let transient = false;
  if (step.operation === 'ram:AssociateResourceShare' || step.operation === 'ram:DisassociateResourceShare') {
    const adding = step.operation === 'ram:AssociateResourceShare';
    for (const e of entityStates(share, input)) {
      if (TRANSIENT.has(e.status)) transient = true;
      else if (adding ? e.status !== 'ASSOCIATED' : e.status !== 'absent') ok = false;
    }
  } else if (step.operation === 'ram:UpdateResourceShare') {
    ok = (input.name === undefined || share.name === input.name) && (input.allowExternalPrincipals === undefined || share.allowExternalPrincipals === input.allowExternalPrincipals);
  } else if (step.operation === 'ram:TagResource') {
    ok = ((input.tags as { key: string; value?: string }[]) ?? []).every((t) => share.tags.some((s) => s.key === t.key && s.value === (t.value ?? '')));
  } else if (step.operation === 'ram:UntagResource') {
    ok = ((input.tagKeys as string[]) ?? []).every((k) => !share.tags.some((t) => t.key === k));
  } else if (step.operation === 'ram:AssociateResourceSharePermission') {
    ok = share.permissions.some((p) => p.arn === input.permissionArn && p.defaultVersion);
  }
  if (!ok) {
    const failed = entityStates(share, input).filter((e) => e.status === 'FAILED' && e.message);
    return { tone: 'error', title: 'The share does not read as the plan asked.', advice: failed.map((e) => `${e.id}: ${e.message}`).join(' ') || pageHint };
  }
  if (transient) return settling;
  return { tone: 'success', title: 'The share reads as the plan asked.', advice: pageHint };
}

export async function shareEditReadBack(plan: StoredPlan): Promise<ReadBack> {
  const { accountId, region, resourceShareArn } = plan.context as { accountId: string; region: string; resourceShareArn: string };
  const share = (await refreshSharesOf(accountId, region)).find((s) => s.arn === resourceShareArn);
  return {
    ...verdict(plan, share),
    facts: share ? shareFacts(share) : [{ label: 'Share (ram:GetResourceShares SELF)', value: 'not listed' }],
    links: share && share.status !== 'DELETED' ? [{ href: `/shares/${share.region}/${share.id}`, label: "The share's page" }] : undefined,
    problems: [],
  };
}

export async function leaveShareReadBack(plan: StoredPlan): Promise<ReadBack> {
  const { accountId, region, resourceShareArn, shareName } = plan.context as Record<string, string>;
  const still = (await readReceivedShares(accountId, region)).find((s) => s.arn === resourceShareArn);
  const via = still?.via.filter((v) => v === accountId) ?? [];
  return {
    tone: !still ? 'success' : via.length ? 'warning' : 'success',
    title: !still ? `Account ${accountId} no longer receives "${shareName}".` : via.length ? 'AWS accepted the call; the association is still being removed.' : `Account ${accountId} no longer receives "${shareName}" as an individual account.`,
    facts: [{ label: `Received by ${accountId} in ${region} (ram:GetResourceShares OTHER-ACCOUNTS)`, value: still ? `yes, through ${still.via.join(', ') || 'nothing listed'}` : 'no' }],
    problems: [],
  };
}
