// The RAM console's "Modify resource share" as a plan: from the share as AWS reads it back and the share the
// admin wants (the create wizard's four steps, prefilled), exactly the calls that make the difference, in an
// order RAM accepts: removals first (so refusing external principals or dropping a type can follow), then the
// name and external toggle, additions (resources, principals, sources), each type's permission, and tags.
// Pure; the wizard hookup builds DesiredShare from its draft.
import { PlanError } from '../plan/build';
import type { PlanStep } from '../plan/types';
import { resourceTypeOfArn, type ShareRecord } from './snapshot';

export interface DesiredShare {
  name: string;
  allowExternalPrincipals: boolean;
  resourceArns: string[];
  /** Account IDs, organization/OU IDs or ARNs, IAM role/user ARNs, service principals. */
  principals: string[];
  /** resource type → the permission ARN it should use (its default version). Types not named keep theirs. */
  permissions: Record<string, string>;
  tags: { key: string; value: string }[];
  /** Source constraints; undefined leaves them as they are. */
  sources?: string[];
}

/** Organization and OU principals are recorded as ARNs but may be named by ID: compare by the last segment. */
const principalKey = (p: string) => (/^arn:aws[a-z-]*:organizations::/.test(p) ? p.split('/').pop()! : p);

function difference(current: string[], desired: string[], key: (v: string) => string = (v) => v) {
  const have = new Map(current.map((v) => [key(v), v]));
  const want = new Map(desired.map((v) => [key(v), v]));
  return { added: [...want].filter(([k]) => !have.has(k)).map(([, v]) => v), removed: [...have].filter(([k]) => !want.has(k)).map(([, v]) => v) };
}

/** The steps that turn `share` into `desired` (none when they agree). */
export function modifyShareSteps(share: ShareRecord, desired: DesiredShare, currentSources: string[] = []): PlanStep[] {
  if (share.status === 'DELETING' || share.status === 'DELETED') throw new PlanError(`The share is ${share.status.toLowerCase()}: it can no longer be changed.`);
  if (share.featureSet && share.featureSet !== 'STANDARD') throw new PlanError('The share was created from a resource-based policy: promote it before modifying it in RAM.');
  if (!desired.resourceArns.length && !desired.principals.length) throw new PlanError('A share keeps at least a resource or a principal: delete it instead.');
  const at = { accountId: share.owningAccountId, region: share.region };
  const step = (operation: string, input: Record<string, unknown>, reason: string): PlanStep => ({ ...at, operation, input: { resourceShareArn: share.arn, ...input }, reason });
  const resources = difference(share.resources.map((r) => r.arn), desired.resourceArns);
  const principals = difference(share.principals.map((p) => p.id), desired.principals, principalKey);
  const sources = desired.sources ? difference(currentSources, desired.sources) : { added: [], removed: [] };
  const steps: PlanStep[] = [];

  const removal = { resourceArns: resources.removed, principals: principals.removed, sources: sources.removed };
  if (resources.removed.length || principals.removed.length || sources.removed.length) {
    steps.push(step('ram:DisassociateResourceShare', pruned(removal), `Removes ${describe(removal)}.`));
  }
  const update: Record<string, unknown> = {};
  if (desired.name !== share.name) update.name = desired.name;
  if (desired.allowExternalPrincipals !== share.allowExternalPrincipals) update.allowExternalPrincipals = desired.allowExternalPrincipals;
  if (Object.keys(update).length) {
    steps.push(step('ram:UpdateResourceShare', update, [update.name !== undefined && `Renames the share to "${desired.name}"`, update.allowExternalPrincipals !== undefined && `${desired.allowExternalPrincipals ? 'Allows' : 'Refuses'} principals outside the organization`].filter(Boolean).join('; ') + '.'));
  }
  const addition = { resourceArns: resources.added, principals: principals.added, sources: sources.added };
  if (resources.added.length || principals.added.length || sources.added.length) {
    steps.push(step('ram:AssociateResourceShare', pruned(addition), `Adds ${describe(addition)}.`));
  }
  const typesAfter = new Set([...share.resources.filter((r) => !resources.removed.includes(r.arn)).map((r) => r.type), ...resources.added.map(resourceTypeOfArn)]);
  for (const [resourceType, permissionArn] of Object.entries(desired.permissions)) {
    const current = share.permissions.find((p) => p.resourceType === resourceType);
    if (!typesAfter.has(resourceType) || (current?.arn === permissionArn && current.defaultVersion)) continue;
    // A type added in this plan gets its default permission from RAM first; replace it only if another is wanted.
    if (!current && permissionArn.endsWith(`/AWSRAMDefaultPermission${resourceType.split(':')[1]}`)) continue;
    steps.push(step('ram:AssociateResourceSharePermission', { permissionArn, replace: true }, current?.arn === permissionArn ? `Updates ${resourceType} to the default version of ${current.name}.` : `${resourceType} uses ${permissionArn.split('/').pop()}${current ? ` instead of ${current.name}` : ''}.`));
  }
  const tagsNow = new Map(share.tags.map((t) => [t.key, t.value]));
  const set = desired.tags.filter((t) => tagsNow.get(t.key) !== t.value);
  const unset = share.tags.filter((t) => !desired.tags.some((d) => d.key === t.key)).map((t) => t.key);
  if (unset.length) steps.push(step('ram:UntagResource', { tagKeys: unset }, `Removes the tags ${unset.join(', ')}.`));
  if (set.length) steps.push(step('ram:TagResource', { tags: set }, `Sets ${set.map((t) => `${t.key}=${t.value}`).join(', ')}.`));
  return steps;
}

function pruned(change: { resourceArns: string[]; principals: string[]; sources: string[] }): Record<string, string[]> {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v.length));
}

function describe(change: { resourceArns: string[]; principals: string[]; sources: string[] }): string {
  const parts = [
    change.resourceArns.length && `${change.resourceArns.length} resource(s) (${change.resourceArns.map((arn) => arn.split(/[:/]/).pop()).join(', ')})`,
    change.principals.length && `${change.principals.length} principal(s) (${change.principals.join(', ')})`,
    change.sources.length && `${change.sources.length} source constraint(s) (${change.sources.join(', ')})`,
  ].filter(Boolean);
  return parts.join(', ');
}
