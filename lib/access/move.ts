// What moving an account to another OU changes (pure), before any change: the shares it reaches through an OU
// (or stops reaching), the SCPs and RCPs that start or stop applying (by name), the trust and identity policy
// statements whose aws:PrincipalOrgPaths / aws:ResourceOrgPaths conditions start or stop matching it, and the
// access paths into and out of it gained or lost — the paths recomputed with the account at its new path.
import { asList } from '../iam/policy';
import { runSteps, type Steps } from '../cache/slices';
import type { IamSnapshot } from '../iam/snapshot';
import type { OrganizationSnapshot } from '../organizations/types';
import type { RamSnapshot } from '../ram/snapshot';
import { conditionHolds, conditionsOf } from './match';
import { accessPathSteps, accountPaths, documentsOf, principalsOf, type AccessIndex, type AccessOrganization, type AccessPath } from './paths';

export interface MoveChange<T> {
  gained: T[];
  lost: T[];
}

export interface ConditionChange {
  /** 'trust policy of role X in account Y' / 'inline policy P of user U'. */
  policy: string;
  statement: string;
  condition: string;
}

export interface MovePreview {
  accountId: string;
  fromPath: string[];
  toPath: string[];
  shares: MoveChange<{ arn: string; name: string; via: string }>;
  scps: MoveChange<string>;
  rcps: MoveChange<string>;
  conditions: MoveChange<ConditionChange>;
  paths: MoveChange<AccessPath>;
}

export interface MoveInput {
  iam: IamSnapshot;
  organization: AccessOrganization;
  ram?: RamSnapshot;
  /** The paths as they are (computed once for the pages); recomputed here when absent. */
  index?: AccessIndex;
}

const diff = <T>(before: T[], after: T[], key: (t: T) => string): MoveChange<T> => {
  const a = new Set(before.map(key));
  const b = new Set(after.map(key));
  return { gained: after.filter((t) => !a.has(key(t))), lost: before.filter((t) => !b.has(key(t))) };
};

const orgPath = (organization: AccessOrganization, parents: string[]) => `${organization.id}/${parents.join('/')}/`;

/** `destinationParents`: the destination's own parents, root first, ending with the destination. */
export function previewMove(input: MoveInput, accountId: string, destinationParents: string[]): MovePreview {
  return runSteps(previewMoveSteps(input, accountId, destinationParents));
}

/** As previewMove, one step per account's policies and per step of the paths' computation (pages run it in slices). */
export function* previewMoveSteps(input: MoveInput, accountId: string, destinationParents: string[]): Steps<MovePreview> {
  const { iam, organization } = input;
  const member = organization.accounts[accountId];
  if (!member) throw new Error(`${accountId} is not an account of the organization`);
  const moved: AccessOrganization = { ...organization, accounts: { ...organization.accounts, [accountId]: { ...member, parents: destinationParents } } };
  const doc = documentsOf(iam);

  const policiesOn = (list: IamSnapshot['organizationPolicies']['scps'], parents: string[]) => {
    const targets = new Set([...parents, accountId]);
    return (list ?? []).filter((p) => p.targets.some((t) => targets.has(t))).map((p) => p.name);
  };
  const named = (parents: string[]) => parents.map((p) => organization.groupNames[p] ?? p);

  const sharesOn = (parents: string[]) =>
    Object.values(input.ram?.shares ?? {}).flatMap((share) =>
      share.principals
        .filter((p) => p.status !== 'DISASSOCIATED' && p.status !== 'FAILED')
        .map((p) => p.id.split('/').pop()!)
        .filter((id) => parents.includes(id) && id !== organization.rootId)
        .map((id) => ({ arn: share.arn, name: share.name, via: `OU ${organization.groupNames[id] ?? id}` })),
    );

  // Statements with an org-paths condition, evaluated with the account's path before and after.
  const conditions: MoveChange<ConditionChange> = { gained: [], lost: [] };
  const before = { 'aws:PrincipalOrgPaths': [orgPath(organization, member.parents)], 'aws:ResourceOrgPaths': [orgPath(organization, member.parents)] };
  const after = { 'aws:PrincipalOrgPaths': [orgPath(organization, destinationParents)], 'aws:ResourceOrgPaths': [orgPath(organization, destinationParents)] };
  const check = (policy: string, document: ReturnType<typeof doc>) => {
    document.Statement.forEach((s, i) => {
      for (const c of conditionsOf(s)) {
        if (!/^aws:(Principal|Resource)OrgPaths$/i.test(c.key)) continue;
        const was = conditionHolds(c, before);
        const will = conditionHolds(c, after);
        if (was === will) continue;
        const change = { policy, statement: s.Sid ? `statement ${s.Sid}` : `statement ${i + 1}`, condition: `${c.operator} ${c.key} ${asList(c.values).join(', ')}` };
        (will ? conditions.gained : conditions.lost).push(change);
      }
    });
  };
  for (const [owner, account] of Object.entries(iam.accounts)) {
    for (const role of account.roles) check(`trust policy of role ${role.name} in ${organization.accounts[owner]?.name ?? owner}`, doc(role.trust));
    for (const principal of principalsOf(iam, owner, doc)) for (const policy of principal.identity) check(`${policy.name} in ${organization.accounts[owner]?.name ?? owner}`, policy.document);
    yield;
  }

  const index = input.index ?? (yield* accessPathSteps({ iam, organization, ram: input.ram }));
  const movedIndex = yield* accessPathSteps({ iam, organization: moved, ram: input.ram });
  const usable = (index: AccessIndex) => {
    const { inbound, outbound } = accountPaths(index, accountId);
    return [...inbound, ...outbound].filter((p) => p.status !== 'blocked');
  };

  return {
    accountId,
    fromPath: named(member.parents),
    toPath: named(destinationParents),
    shares: diff(sharesOn(member.parents), sharesOn(destinationParents), (s) => `${s.arn}|${s.via}`),
    scps: diff(policiesOn(iam.organizationPolicies.scps, member.parents), policiesOn(iam.organizationPolicies.scps, destinationParents), (s) => s),
    rcps: diff(policiesOn(iam.organizationPolicies.rcps, member.parents), policiesOn(iam.organizationPolicies.rcps, destinationParents), (s) => s),
    conditions,
    paths: diff(usable(index), usable(movedIndex), (p) => `${p.id}|${p.status}`),
  };
}

/** An OU's (or the root's) path as an account under it would have it: root first, the OU last. */
export function destinationParents(snapshot: OrganizationSnapshot, parentId: string): string[] | undefined {
  const node = snapshot.nodes[parentId];
  if (!node || node.type === 'ACCOUNT') return undefined;
  const out: string[] = [];
  for (let id: string | undefined = parentId; id; id = snapshot.nodes[id]?.parentId) out.unshift(id);
  return out;
}
