// Every access path of the organization (pure), from the IAM, organization and RAM snapshots:
// - role paths: principal P in account A may assume role R in account B when R's trust allows P (a whole
//   account is expanded to its principals whose own policies and boundary allow sts:AssumeRole on R; an
//   account outside the organization, or one not read, stays "any principal its admins allow"), the SCPs on
//   A's path allow it and the RCPs on B's path do; the trust's conditions are kept on the path;
// - service and federated (SAML/OIDC) principals and `*` trusts, as what they are;
// - share paths: a RAM share owned by B gives its resources to A directly, through an OU A is under, or
//   through the organization ("source reaches destination" throughout: A's principals use B's resources).
// Indexed once (roles by trusted account, principals by account) so every path of 10,000 accounts with a
// few roles each is computed in a few seconds; chains are followed per account on demand (chains.ts).
import { asList, parsePolicy, type PolicyDocument, type PolicyStatement } from '../iam/policy';
import type { IamEntityPolicies, IamSnapshot, OrganizationPolicy } from '../iam/snapshot';
import type { RamSnapshot } from '../ram/snapshot';
import { runSteps, type Steps } from '../cache/slices';
import { actionMatches, conditionsOf, evaluateLevels, evaluatePolicies, isResourceFree, statementConditions, type KnownContext, type NamedDocument, type PathCondition, type PolicyDecision } from './match';

export const ASSUME_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'] as const;

export interface AccessOrganization {
  id?: string;
  managementAccountId?: string;
  rootId?: string;
  /** Member accounts: name and parents (root first, direct parent last). */
  accounts: Record<string, { name: string; parents: string[] }>;
  /** Root and OU IDs → name. */
  groupNames: Record<string, string>;
}

export type SourceKind = 'principal' | 'account' | 'any' | 'organization' | 'ou' | 'service' | 'federated' | 'unknown-principal';

export interface PathSource {
  kind: SourceKind;
  /** A principal's ARN, an account ID, `*`, the organization or OU ID, a service or provider. */
  id: string;
  /** The source's account, where it has one. */
  accountId?: string;
  label: string;
}

export type Layer = 'identity' | 'boundary' | 'scp' | 'trust' | 'rcp';

export interface AccessPath {
  id: string;
  kind: 'role' | 'share';
  source: PathSource;
  destinationAccount: string;
  /** The role's or share's ARN and name. */
  target: { arn: string; name: string; detail?: string };
  /** Whether the source is in the organization (service and federated principals: false). */
  inside: boolean;
  conditions: PathCondition[];
  /** open: nothing but the request's own facts stands in the way; conditional: it depends on the request (conditions); blocked: a layer denies. */
  status: 'open' | 'conditional' | 'blocked';
  blockedBy?: { layer: Layer; why: string };
  /** The trust statement (role paths) or the association (share paths) behind it. */
  statement: string;
  /** Share paths: how the share reaches the source. */
  via?: 'direct' | 'ou' | 'organization';
  /** Role paths: RoleLastUsed (epoch ms). */
  lastUsed?: number;
}

export interface Principal {
  arn: string;
  kind: 'role' | 'user';
  name: string;
  accountId: string;
  identity: NamedDocument[];
  boundary?: NamedDocument;
}

export interface AccessInput {
  iam: IamSnapshot;
  organization: AccessOrganization;
  ram?: RamSnapshot;
}

export interface AccessIndex {
  paths: AccessPath[];
  /** Path indexes by destination and by source account. */
  inbound: Map<string, number[]>;
  outbound: Map<string, number[]>;
  /** Paths whose source is a group (OU, organization, any principal): they reach out of every account in it. */
  fromGroup: Map<string, number[]>;
  /** Role paths by source principal ARN and by target role ARN (chains). */
  bySourcePrincipal: Map<string, number[]>;
  byTarget: Map<string, number[]>;
  organization: AccessOrganization;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

const EMPTY: PolicyDocument = { Version: '2012-10-17', Statement: [] };

/** Parsed documents of a snapshot, each parsed once. */
export function documentsOf(iam: IamSnapshot): (id: number) => PolicyDocument {
  const parsed: (PolicyDocument | undefined)[] = [];
  return (id) => {
    let doc = parsed[id];
    if (!doc) {
      try {
        doc = parsePolicy(iam.documents[id]);
      } catch {
        doc = EMPTY;
      }
      parsed[id] = doc;
    }
    return doc;
  };
}

export const accountOfArn = (arn: string): string | undefined => {
  if (/^\d{12}$/.test(arn)) return arn;
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
};

/** The keys whose values the paths know for a source account (and principal). */
export function sourceContext(organization: AccessOrganization, accountId: string | undefined, principalArn?: string): KnownContext {
  const context: KnownContext = { 'aws:PrincipalIsAWSService': 'false' };
  if (!accountId) return context;
  context['aws:PrincipalAccount'] = accountId;
  if (principalArn) context['aws:PrincipalArn'] = principalArn;
  const member = organization.accounts[accountId];
  if (member && organization.id) {
    context['aws:PrincipalOrgID'] = organization.id;
    context['aws:PrincipalOrgPaths'] = [`${organization.id}/${member.parents.join('/')}/`];
  } else if (organization.id) {
    // Outside the organization the keys are absent from the request.
    context['aws:PrincipalOrgID'] = undefined;
    context['aws:PrincipalOrgPaths'] = undefined;
  }
  return context;
}

/** A control policy type's policies by target, built once per computation (FullAWSAccess alone targets every account). */
function byTargetOf(policies: OrganizationPolicy[] | undefined, doc: (id: number) => PolicyDocument, skipAwsManaged: boolean): Map<string, NamedDocument[]> | undefined {
  if (!policies) return undefined;
  const byTarget = new Map<string, NamedDocument[]>();
  for (const p of policies) {
    if (skipAwsManaged && p.awsManaged) continue;
    const named = { name: `${p.name} (${p.id})`, document: doc(p.document) };
    for (const t of p.targets) push(byTarget, t, named);
  }
  return byTarget;
}

interface ControlLevels {
  levels: { label: string; policies: NamedDocument[] }[];
  /** Every statement names any resource without a condition: one decision per action serves every role. */
  resourceFree: boolean;
  decisions: Map<string, ReturnType<typeof evaluateLevels>>;
}

function controlLevels(byTarget: Map<string, NamedDocument[]> | undefined, organization: AccessOrganization, accountId: string): ControlLevels | undefined {
  const member = organization.accounts[accountId];
  if (!byTarget || !member || accountId === organization.managementAccountId) return undefined;
  const levels = [...member.parents, accountId].map((target) => ({ label: organization.groupNames[target] ?? organization.accounts[target]?.name ?? target, policies: byTarget.get(target) ?? [] }));
  return { levels, resourceFree: levels.every((l) => l.policies.every((p) => isResourceFree(p.document))), decisions: new Map() };
}

function decideLevels(control: ControlLevels, action: string, resource: string, context: KnownContext, implicitAllow: boolean) {
  if (!control.resourceFree) return evaluateLevels(control.levels, action, resource, context, implicitAllow);
  let decision = control.decisions.get(action);
  if (!decision) control.decisions.set(action, (decision = evaluateLevels(control.levels, action, resource, context, implicitAllow)));
  return decision;
}

export function principalsOf(iam: IamSnapshot, accountId: string, doc: (id: number) => PolicyDocument): Principal[] {
  const account = iam.accounts[accountId];
  if (!account || account.error) return [];
  const managed = (arn: string, owner: string): NamedDocument | undefined => {
    const id = iam.managedPolicies[arn];
    return id === undefined ? undefined : { name: `managed policy ${arn.split('/').pop()} attached to ${owner}`, document: doc(id) };
  };
  const policiesOf = (entity: IamEntityPolicies, owner: string): NamedDocument[] => [
    ...entity.inline.map((p) => ({ name: `inline policy ${p.name} of ${owner}`, document: doc(p.document) })),
    ...entity.attached.flatMap((arn) => managed(arn, owner) ?? []),
  ];
  const groups = new Map(account.groups.map((g) => [g.name, policiesOf(g, `group ${g.name}`)]));
  const boundaryOf = (arn: string | undefined) => {
    if (!arn) return undefined;
    const id = iam.managedPolicies[arn];
    return { name: `permissions boundary ${arn.split('/').pop()}`, document: id === undefined ? EMPTY : doc(id) };
  };
  return [
    ...account.roles.map((r) => ({ arn: r.arn, kind: 'role' as const, name: r.name, accountId, identity: policiesOf(r, `role ${r.name}`), boundary: boundaryOf(r.boundary) })),
    ...account.users.map((u) => ({
      arn: u.arn,
      kind: 'user' as const,
      name: u.name,
      accountId,
      identity: [...policiesOf(u, `user ${u.name}`), ...u.groups.flatMap((g) => groups.get(g) ?? [])],
      boundary: boundaryOf(u.boundary),
    })),
  ];
}

/** Whether any identity statement of the principal could allow an sts:AssumeRole* (the expansion's prefilter). */
const mayAssume = (p: Principal) => p.identity.some((d) => d.document.Statement.some((s) => s.Effect === 'Allow' && ASSUME_ACTIONS.some((a) => actionMatches(s, a))));

interface TrustEntry {
  statement: PolicyStatement;
  name: string;
  action: (typeof ASSUME_ACTIONS)[number];
  kind: 'AWS' | 'Service' | 'Federated' | '*';
  value: string;
}

function trustEntries(trust: PolicyDocument): TrustEntry[] {
  const out: TrustEntry[] = [];
  trust.Statement.forEach((s, i) => {
    if (s.Effect !== 'Allow' || s.NotPrincipal) return;
    const action = ASSUME_ACTIONS.find((a) => actionMatches(s, a));
    if (!action) return;
    const name = s.Sid ? `statement ${s.Sid}` : `statement ${i + 1}`;
    if (s.Principal === '*') return out.push({ statement: s, name, action, kind: '*', value: '*' });
    for (const kind of ['AWS', 'Service', 'Federated'] as const) {
      for (const value of asList(s.Principal?.[kind])) out.push({ statement: s, name, action, kind: value === '*' ? '*' : kind, value });
    }
  });
  return out;
}

/** A Deny statement of the trust that names the principal (or everyone) and whose conditions hold. */
function trustDeny(trust: PolicyDocument, principalArn: string, accountId: string | undefined, context: KnownContext): string | undefined {
  for (const [i, s] of trust.Statement.entries()) {
    if (s.Effect !== 'Deny' || !ASSUME_ACTIONS.some((a) => actionMatches(s, a))) continue;
    const named = s.Principal === '*' || asList(s.Principal?.AWS).some((v) => v === '*' || v === principalArn || (accountId && (v === accountId || v === `arn:aws:iam::${accountId}:root`)));
    if (named && statementConditions(s, context) === true) return s.Sid ? `statement ${s.Sid}` : `statement ${i + 1}`;
  }
  return undefined;
}

const verdictWords = (d: PolicyDecision) => (d.statement ? ` (${d.statement})` : '');

/** Every path at once (tests, one-off plans); pages work them out in slices (accessPathSteps, lib/cache/slices.ts). */
export function computeAccessPaths(input: AccessInput): AccessIndex {
  return runSteps(accessPathSteps(input));
}

/** The paths' computation, one step per destination account and per share. */
export function* accessPathSteps(input: AccessInput): Steps<AccessIndex> {
  const { iam, organization } = input;
  const doc = documentsOf(iam);
  const paths: AccessPath[] = [];
  const index: AccessIndex = { paths, inbound: new Map(), outbound: new Map(), fromGroup: new Map(), bySourcePrincipal: new Map(), byTarget: new Map(), organization };
  const add = (path: AccessPath) => {
    const i = paths.push(path) - 1;
    push(index.inbound, path.destinationAccount, i);
    if (path.source.accountId) push(index.outbound, path.source.accountId, i);
    else if (['organization', 'ou', 'any'].includes(path.source.kind)) push(index.fromGroup, path.source.id, i);
    if (path.source.kind === 'principal') push(index.bySourcePrincipal, path.source.id, i);
    push(index.byTarget, path.target.arn, i);
  };

  // Per account, computed once: principals that may assume anything, SCP and RCP levels.
  const assumers = new Map<string, Principal[]>();
  const principalByArn = new Map<string, Principal>();
  const assumersOf = (accountId: string) => {
    let list = assumers.get(accountId);
    if (!list) {
      const all = principalsOf(iam, accountId, doc);
      for (const p of all) principalByArn.set(p.arn, p);
      list = all.filter(mayAssume);
      assumers.set(accountId, list);
    }
    return list;
  };
  const scpTargets = byTargetOf(iam.organizationPolicies.scps, doc, false);
  const rcpTargets = byTargetOf(iam.organizationPolicies.rcps, doc, true);
  const scps = new Map<string, ReturnType<typeof controlLevels>>();
  const scpOf = (accountId: string) => (scps.has(accountId) ? scps.get(accountId) : scps.set(accountId, controlLevels(scpTargets, organization, accountId)).get(accountId));
  const rcps = new Map<string, ReturnType<typeof controlLevels>>();
  const rcpOf = (accountId: string) => (rcps.has(accountId) ? rcps.get(accountId) : rcps.set(accountId, controlLevels(rcpTargets, organization, accountId)).get(accountId));
  const trustsOf = new Map<number, TrustEntry[]>();
  // One context per source account (the principal's ARN only matters to a statement with conditions).
  const contexts = new Map<string, KnownContext>();
  const contextOf = (accountId: string | undefined, principalArn: string | undefined) => {
    if (principalArn || !accountId) return sourceContext(organization, accountId, principalArn);
    let context = contexts.get(accountId);
    if (!context) contexts.set(accountId, (context = sourceContext(organization, accountId)));
    return context;
  };
  const name = (accountId: string) => organization.accounts[accountId]?.name;
  const inOrg = (accountId: string | undefined) => !!accountId && !!organization.accounts[accountId];

  for (const [destination, account] of Object.entries(iam.accounts)) {
    yield;
    for (const role of account.roles) {
      let entries = trustsOf.get(role.trust);
      if (!entries) trustsOf.set(role.trust, (entries = trustEntries(doc(role.trust))));
      if (entries.length === 0) continue;
      const trust = doc(role.trust);
      const target = { arn: role.arn, name: role.name };
      const base = (entry: TrustEntry) => ({ kind: 'role' as const, destinationAccount: destination, target, statement: `${entry.name} of the trust policy`, lastUsed: role.lastUsed });

      /** The layers for a source: trust conditions, RCPs on B, SCPs on A, then (for a principal) identity and boundary. */
      const layered = (entry: TrustEntry, source: PathSource, principal?: Principal): AccessPath => {
        const context = contextOf(source.accountId, entry.statement.Condition ? principal?.arn : undefined);
        const conditions = conditionsOf(entry.statement);
        const trustHolds = statementConditions(entry.statement, context);
        const path: AccessPath = { ...base(entry), id: `role|${role.arn}|${source.id}|${entry.name}`, source, inside: inOrg(source.accountId) || source.kind === 'organization', conditions, status: trustHolds === true ? 'open' : 'conditional' };
        const block = (layer: Layer, why: string) => ((path.status = 'blocked'), (path.blockedBy = { layer, why }), path);
        if (trustHolds === false) return block('trust', `the ${entry.name} of the trust policy has a condition this source does not meet`);
        const denied = trustDeny(trust, principal?.arn ?? source.id, source.accountId, context);
        if (denied) return block('trust', `denied by ${denied} of the trust policy`);
        const rcp = rcpOf(destination);
        if (rcp) {
          const d = decideLevels(rcp, entry.action, role.arn, context, true);
          if (d.decision === 'deny') return block('rcp', `denied by an RCP on ${d.level}${verdictWords(d)}`);
          if (d.decision === 'conditional') path.status = 'conditional';
        }
        if (!source.accountId) return path;
        const scp = scpOf(source.accountId);
        if (scp) {
          const d = decideLevels(scp, entry.action, role.arn, context, false);
          if (d.decision === 'deny') return block('scp', `${d.statement?.startsWith('no policy') ? 'no SCP allows it' : 'denied by an SCP'} on ${d.level}${d.statement?.startsWith('no policy') ? '' : verdictWords(d)}`);
          if (d.decision === 'conditional') path.status = 'conditional';
        }
        if (!principal) return path;
        const identity = evaluatePolicies(principal.identity, entry.action, role.arn, context);
        if (identity.decision === 'deny') return block('identity', `explicitly denied${verdictWords(identity)}`);
        if (identity.decision === 'implicit') return block('identity', `no identity policy of ${principal.kind} ${principal.name} allows ${entry.action} on it`);
        if (identity.decision === 'conditional') path.status = 'conditional';
        if (principal.boundary) {
          const b = evaluatePolicies([principal.boundary], entry.action, role.arn, context);
          if (b.decision === 'deny' || b.decision === 'implicit') return block('boundary', `the ${principal.boundary.name} does not allow it${verdictWords(b)}`);
          if (b.decision === 'conditional') path.status = 'conditional';
        }
        return path;
      };

      for (const entry of entries) {
        if (entry.kind === 'Service') {
          add({ ...base(entry), id: `role|${role.arn}|${entry.value}`, source: { kind: 'service', id: entry.value, label: `service ${entry.value}` }, inside: false, conditions: conditionsOf(entry.statement), status: entry.statement.Condition ? 'conditional' : 'open' });
          continue;
        }
        if (entry.kind === 'Federated') {
          const provider = entry.value.split('/').pop() ?? entry.value;
          const kind = entry.value.includes(':saml-provider/') ? 'SAML provider' : 'identity provider';
          add({ ...base(entry), id: `role|${role.arn}|${entry.value}`, source: { kind: 'federated', id: entry.value, accountId: undefined, label: `${kind} ${provider}` }, inside: false, conditions: conditionsOf(entry.statement), status: entry.statement.Condition ? 'conditional' : 'open' });
          continue;
        }
        if (entry.kind === '*') {
          // Narrowed to the organization or an OU by a condition: a group of sources, not every principal.
          const orgCondition = conditionsOf(entry.statement).find((c) => /^aws:PrincipalOrg(ID|Paths)$/i.test(c.key) && c.operator.startsWith('String'));
          const toOrg = orgCondition && organization.id && orgCondition.values.some((v) => v.startsWith(organization.id!));
          const source: PathSource = toOrg ? { kind: 'organization', id: organization.id!, label: `any principal in the organization ${organization.id}` } : { kind: 'any', id: '*', label: 'any principal (*)' };
          const path = layered(entry, source);
          path.inside = !!toOrg;
          if (path.status === 'open') path.status = entry.statement.Condition ? 'conditional' : 'open';
          add(path);
          continue;
        }
        const sourceAccount = accountOfArn(entry.value);
        // Within one account a trust is not a crossing (and needs no identity-side grant for a named principal).
        if (sourceAccount === destination) continue;
        if (!sourceAccount) {
          // A unique ID (AROA…, AIDA…): the principal it named was deleted.
          add({ ...base(entry), id: `role|${role.arn}|${entry.value}`, source: { kind: 'unknown-principal', id: entry.value, label: `${entry.value} (a deleted principal's ID)` }, inside: false, conditions: conditionsOf(entry.statement), status: 'blocked', blockedBy: { layer: 'trust', why: 'the trust names a principal that no longer exists' } });
          continue;
        }
        const whole = /^\d{12}$/.test(entry.value) || entry.value.endsWith(':root');
        const readable = iam.accounts[sourceAccount] && !iam.accounts[sourceAccount].error;
        const accountLabel = name(sourceAccount) ? `${name(sourceAccount)} (${sourceAccount})` : `account ${sourceAccount}${inOrg(sourceAccount) ? '' : ' (outside the organization)'}`;
        if (whole && !readable) {
          add(layered(entry, { kind: 'account', id: sourceAccount, accountId: sourceAccount, label: `any principal of ${accountLabel} its admins allow` }));
          continue;
        }
        if (whole) {
          const candidates = assumersOf(sourceAccount);
          let any = false;
          for (const principal of candidates) {
            const path = layered(entry, { kind: 'principal', id: principal.arn, accountId: sourceAccount, label: `${principal.kind} ${principal.name} in ${accountLabel}` }, principal);
            // Principals whose own policies never allow it are not paths; the half-open trust is listed once below.
            if (path.blockedBy?.layer === 'identity') continue;
            any = true;
            add(path);
          }
          if (!any) {
            const path = layered(entry, { kind: 'account', id: sourceAccount, accountId: sourceAccount, label: `any principal of ${accountLabel}` });
            if (path.status !== 'blocked') Object.assign(path, { status: 'blocked', blockedBy: { layer: 'identity', why: `no principal of ${accountLabel} is allowed ${entry.action} on it by its own policies` } });
            add(path);
          }
          continue;
        }
        assumersOf(sourceAccount);
        const principal = principalByArn.get(entry.value);
        const label = `${entry.value.split(':').pop()!.replace('/', ' ')} in ${accountLabel}`;
        if (principal || !readable) {
          add(layered(entry, { kind: 'principal', id: entry.value, accountId: sourceAccount, label }, principal));
        } else {
          add({ ...base(entry), id: `role|${role.arn}|${entry.value}`, source: { kind: 'principal', id: entry.value, accountId: sourceAccount, label }, inside: inOrg(sourceAccount), conditions: conditionsOf(entry.statement), status: 'blocked', blockedBy: { layer: 'identity', why: `${entry.value} does not exist in ${accountLabel}` } });
        }
      }
    }
  }
  if (input.ram) yield* sharePathSteps(input.ram, organization, add);
  return index;
}

function* sharePathSteps(ram: RamSnapshot, organization: AccessOrganization, add: (path: AccessPath) => void): Steps<void> {
  for (const share of Object.values(ram.shares)) {
    yield;
    if (share.status !== 'ACTIVE') continue;
    const types = [...new Set(share.resources.map((r) => r.type))].join(', ');
    const target = { arn: share.arn, name: share.name, detail: `${share.resources.length} resource${share.resources.length === 1 ? '' : 's'}${types ? ` (${types})` : ''} in ${share.region}` };
    for (const p of share.principals) {
      if (p.status === 'DISASSOCIATED' || p.status === 'FAILED') continue;
      const base = { kind: 'share' as const, destinationAccount: share.owningAccountId, target, conditions: [], status: p.status === 'ASSOCIATED' ? ('open' as const) : ('conditional' as const), statement: `principal association (${p.status})` };
      const id = `share|${share.arn}|${p.id}`;
      if (/^\d{12}$/.test(p.id)) {
        const inside = !!organization.accounts[p.id] && !p.external;
        const label = organization.accounts[p.id] ? `${organization.accounts[p.id].name} (${p.id})` : `account ${p.id} (outside the organization)`;
        add({ ...base, id, source: { kind: 'account', id: p.id, accountId: p.id, label }, inside, via: 'direct' });
      } else if (p.id.includes(':organization/')) {
        add({ ...base, id, source: { kind: 'organization', id: p.id.split('/').pop()!, label: `the organization ${p.id.split('/').pop()}` }, inside: true, via: 'organization' });
      } else if (p.id.includes(':ou/')) {
        const ou = p.id.split('/').pop()!;
        add({ ...base, id, source: { kind: 'ou', id: ou, label: `OU ${organization.groupNames[ou] ?? ou}` }, inside: true, via: 'ou' });
      } else {
        const accountId = accountOfArn(p.id);
        add({ ...base, id, source: { kind: 'principal', id: p.id, accountId, label: p.id }, inside: !!accountId && !!organization.accounts[accountId] && !p.external, via: 'direct' });
      }
    }
  }
}

/** Paths into an account, and out of it (its own principals', and those of the groups it is in). */
export function accountPaths(index: AccessIndex, accountId: string): { inbound: AccessPath[]; outbound: AccessPath[] } {
  const member = index.organization.accounts[accountId];
  const groups = [...(member ? [...member.parents, ...(index.organization.id ? [index.organization.id] : [])] : []), '*'];
  const out = new Set(index.outbound.get(accountId) ?? []);
  for (const group of groups) for (const i of index.fromGroup.get(group) ?? []) out.add(i);
  return {
    inbound: (index.inbound.get(accountId) ?? []).map((i) => index.paths[i]),
    outbound: [...out].map((i) => index.paths[i]).filter((p) => p.destinationAccount !== accountId),
  };
}
