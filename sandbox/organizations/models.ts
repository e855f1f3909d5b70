// AWS Organizations state and rules: one organization, its root, OUs, member accounts, policies.
// Plain data only. Per-parent ordered child lists make listing O(page) at 10,000 accounts.
// Other services read membership on demand (accountPath, organizationIdOf): there are no listeners,
// so RAM sees an account's new OU as soon as MoveAccount returns.
import type { World } from '../core/types.js';
import { bumpPolicyVersion, newId, now, serviceState } from '../core/world.js';
import * as errors from './exceptions.js';

export type FeatureSet = 'ALL' | 'CONSOLIDATED_BILLING';
export type JoinedMethod = 'INVITED' | 'CREATED';
export type PolicyType = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY' | 'TAG_POLICY' | 'BACKUP_POLICY' | 'AISERVICES_OPT_OUT_POLICY';

export const SERVICE_CONTROL_POLICY = 'SERVICE_CONTROL_POLICY';
export const FULL_AWS_ACCESS_POLICY_ID = 'p-FullAWSAccess';
export const RESOURCE_CONTROL_POLICY = 'RESOURCE_CONTROL_POLICY';
export const RCP_FULL_AWS_ACCESS_POLICY_ID = 'p-RCPFullAWSAccess';
export const MAX_OU_DEPTH = 5;

export interface Organization {
  id: string;
  arn: string;
  featureSet: FeatureSet;
  masterAccountId: string;
  masterAccountArn: string;
  masterAccountEmail: string;
  rootId: string;
}

export interface Root {
  id: string;
  arn: string;
  name: string;
  /** Policy types enabled in the root, with their status (what ListRoots shows). */
  policyTypes: { Type: PolicyType; Status: 'ENABLED' }[];
}

export interface OrganizationalUnit {
  id: string;
  arn: string;
  name: string;
  parentId: string;
  /** 1 for an OU directly under the root. */
  depth: number;
}

export interface Member {
  accountId: string;
  arn: string;
  parentId: string;
  joinedMethod: JoinedMethod;
  joinedTimestamp: Date;
  status: 'ACTIVE' | 'SUSPENDED';
}

export interface Policy {
  id: string;
  arn: string;
  name: string;
  description: string;
  type: PolicyType;
  awsManaged: boolean;
  content: string;
  /** Parsed once, handed to the core's evaluator as is. */
  document: unknown;
}

export interface OrganizationsState {
  organization?: Organization;
  root?: Root;
  ous: Map<string, OrganizationalUnit>;
  members: Map<string, Member>;
  /** ListAccounts order (join order). */
  memberOrder: string[];
  /** parent id → child account ids, in join/move order. */
  childAccounts: Map<string, string[]>;
  /** parent id → child OU ids, in creation order. */
  childOus: Map<string, string[]>;
  policies: Map<string, Policy>;
  /** target id (root, OU, account) → attached policy ids. */
  attachments: Map<string, string[]>;
  /** policy id → target ids. */
  policyTargets: Map<string, string[]>;
  /** resource id → tags. */
  tags: Map<string, Map<string, string>>;
  /** trusted access: service principal → date enabled. */
  serviceAccess: Map<string, Date>;
  /** account id → service principal → delegation date. */
  delegatedAdministrators: Map<string, Map<string, Date>>;
  /**
   * Lists are served from hidden internal shards of this many items: a page never spans two shards,
   * and the first call that lands on a shard boundary returns an empty page with a NextToken, as
   * AWS Organizations sometimes does. Seeds set it (demo: 4, large: 1000).
   */
  pageShardSize: number;
  /** Accounts that left: the organization and path they had when they left (RAM's retain-on-leave reads it). */
  departed: Map<string, { organizationId: string; path: string[]; leftAt: Date }>;
}

export const emptyOrganizationsState = (): OrganizationsState => ({
  ous: new Map(),
  members: new Map(),
  memberOrder: [],
  childAccounts: new Map(),
  childOus: new Map(),
  policies: new Map(),
  attachments: new Map(),
  policyTargets: new Map(),
  tags: new Map(),
  serviceAccess: new Map(),
  delegatedAdministrators: new Map(),
  pageShardSize: 1000,
  departed: new Map(),
});

export function organizationsState(world: World): OrganizationsState {
  return serviceState(world, 'organizations', emptyOrganizationsState);
}

// ---- queries other services use -------------------------------------------------------------

export function organizationOf(world: World): Organization | undefined {
  return organizationsState(world).organization;
}

export function managementAccountId(world: World): string | undefined {
  return organizationsState(world).organization?.masterAccountId;
}

export function isMember(world: World, accountId: string): boolean {
  return organizationsState(world).members.has(accountId);
}

/** The organization the account belongs to (management account included), else undefined. */
export function organizationIdOf(world: World, accountId: string): string | undefined {
  const state = organizationsState(world);
  return state.members.has(accountId) ? state.organization?.id : undefined;
}

/** Parent (root or OU id) of an account or OU; undefined for the root or an unknown id. */
export function parentOf(world: World, childId: string): string | undefined {
  const state = organizationsState(world);
  return state.members.get(childId)?.parentId ?? state.ous.get(childId)?.parentId;
}

/** Root → … → direct parent ids of an account or OU; [] when it is not in the organization. */
export function accountPath(world: World, accountId: string): string[] {
  const path: string[] = [];
  for (let id = parentOf(world, accountId); id !== undefined; id = parentOf(world, id)) path.push(id);
  return path.reverse();
}

export function serviceControlPoliciesEnabled(world: World): boolean {
  return policyTypeEnabled(world, SERVICE_CONTROL_POLICY);
}

/**
 * SCPs that apply to a principal of the account, one level per entry: root → OUs → account.
 * [] when the account is outside the organization, SCPs are not enabled, or it is the management
 * account (SCPs never restrict the management account).
 */
export function serviceControlPoliciesFor(
  world: World,
  accountId: string,
): { orgIdentifier: string; policies: { name: string; policy: unknown }[] }[] {
  const state = organizationsState(world);
  if (!state.members.has(accountId) || accountId === state.organization?.masterAccountId) return [];
  if (!serviceControlPoliciesEnabled(world)) return [];
  return [...accountPath(world, accountId), accountId].map((target) => ({
    orgIdentifier: target,
    policies: attachedPolicies(world, target, SERVICE_CONTROL_POLICY).map((p) => ({ name: p.name, policy: p.document })),
  }));
}

/**
 * RCPs that apply to a resource of the account, one level per entry: root → OUs → account. [] when the
 * account is outside the organization, RCPs are not enabled, or it is the management account (RCPs, like
 * SCPs, never restrict it).
 */
export function resourceControlPoliciesFor(
  world: World,
  accountId: string,
): { orgIdentifier: string; policies: { name: string; policy: unknown }[] }[] {
  const state = organizationsState(world);
  if (!state.members.has(accountId) || accountId === state.organization?.masterAccountId) return [];
  if (!policyTypeEnabled(world, RESOURCE_CONTROL_POLICY)) return [];
  return [...accountPath(world, accountId), accountId].map((target) => ({
    orgIdentifier: target,
    // RCPFullAWSAccess is implied at every level (the evaluator adds it; customer RCPs may only deny).
    policies: attachedPolicies(world, target, RESOURCE_CONTROL_POLICY).filter((p) => !p.awsManaged).map((p) => ({ name: p.name, policy: p.document })),
  }));
}

export function attachedPolicies(world: World, targetId: string, type: PolicyType): Policy[] {
  const state = organizationsState(world);
  const out: Policy[] = [];
  for (const id of state.attachments.get(targetId) ?? []) {
    const policy = state.policies.get(id);
    if (policy && policy.type === type) out.push(policy);
  }
  return out;
}

export function isAwsServiceAccessEnabled(world: World, servicePrincipal: string): boolean {
  return organizationsState(world).serviceAccess.has(servicePrincipal);
}

export function isDelegatedAdministrator(world: World, accountId: string, servicePrincipal?: string): boolean {
  const services = organizationsState(world).delegatedAdministrators.get(accountId);
  return services !== undefined && (servicePrincipal === undefined || services.has(servicePrincipal));
}

// ---- changes ---------------------------------------------------------------------------------

function requireOrganization(world: World): Organization {
  const organization = organizationOf(world);
  if (!organization) throw errors.notInUse();
  return organization;
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function removeFrom(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) return;
  const index = list.indexOf(value);
  if (index >= 0) list.splice(index, 1);
  if (list.length === 0) map.delete(key);
}

const FULL_AWS_ACCESS_CONTENT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
});

// The AWS managed policy each of these types puts on every root, OU and account when it is enabled.
const DEFAULT_POLICIES: Partial<Record<PolicyType, Omit<Policy, 'document'>>> = {
  SERVICE_CONTROL_POLICY: {
    id: FULL_AWS_ACCESS_POLICY_ID,
    arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
    name: 'FullAWSAccess',
    description: 'Allows access to every operation',
    type: SERVICE_CONTROL_POLICY,
    awsManaged: true,
    content: FULL_AWS_ACCESS_CONTENT,
  },
  RESOURCE_CONTROL_POLICY: {
    id: RCP_FULL_AWS_ACCESS_POLICY_ID,
    arn: 'arn:aws:organizations::aws:policy/resource_control_policy/p-RCPFullAWSAccess',
    name: 'RCPFullAWSAccess',
    description: 'Allows access to every operation',
    type: RESOURCE_CONTROL_POLICY,
    awsManaged: true,
    content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }),
  },
};

export interface CreateOrganizationOptions {
  managementAccountId: string;
  featureSet?: FeatureSet;
  /** Default: true with feature set ALL (most real organizations use SCPs); the CreateOrganization API leaves them off as AWS does. */
  enableServiceControlPolicies?: boolean;
  pageShardSize?: number;
  /** Fixed ids (seeds export them as constants); default: generated. */
  id?: string;
  rootId?: string;
}

/** Creates the organization with its root and adds the management account to it. */
export function createOrganization(world: World, options: CreateOrganizationOptions): Organization {
  const state = organizationsState(world);
  if (state.organization) throw errors.alreadyInOrganization();
  const account = world.accounts.get(options.managementAccountId);
  if (!account) throw errors.accountNotFound();
  const featureSet = options.featureSet ?? 'ALL';
  const mgmt = options.managementAccountId;
  const id = options.id ?? `o-${newId(world, 10)}`;
  const rootId = options.rootId ?? `r-${newId(world, 4)}`;
  const organization: Organization = {
    id,
    arn: `arn:aws:organizations::${mgmt}:organization/${id}`,
    featureSet,
    masterAccountId: mgmt,
    masterAccountArn: `arn:aws:organizations::${mgmt}:account/${id}/${mgmt}`,
    masterAccountEmail: account.email,
    rootId,
  };
  state.organization = organization;
  state.root = { id: rootId, arn: `arn:aws:organizations::${mgmt}:root/${id}/${rootId}`, name: 'Root', policyTypes: [] };
  if (options.pageShardSize !== undefined) state.pageShardSize = Math.max(1, Math.floor(options.pageShardSize));
  const fullAccess = DEFAULT_POLICIES.SERVICE_CONTROL_POLICY!;
  state.policies.set(fullAccess.id, { ...fullAccess, document: JSON.parse(fullAccess.content) });
  if (featureSet === 'ALL' && options.enableServiceControlPolicies !== false) enablePolicyType(world, SERVICE_CONTROL_POLICY);
  addAccountToOrganization(world, mgmt, rootId, 'CREATED');
  return organization;
}

export function policyTypeEnabled(world: World, type: PolicyType): boolean {
  return organizationsState(world).root?.policyTypes.some((t) => t.Type === type) ?? false;
}

/** Enables a policy type in the root; for SCPs, FullAWSAccess goes on the root, every OU and account. */
export function enablePolicyType(world: World, type: PolicyType): Root {
  const state = organizationsState(world);
  const root = requireRoot(world);
  if (policyTypeEnabled(world, type)) throw errors.policyTypeAlreadyEnabled();
  if (state.organization?.featureSet !== 'ALL') throw errors.policyTypeNotAvailable();
  root.policyTypes.push({ Type: type, Status: 'ENABLED' });
  const full = DEFAULT_POLICIES[type];
  if (full) {
    if (!state.policies.has(full.id)) state.policies.set(full.id, { ...full, document: JSON.parse(full.content) });
    for (const target of [root.id, ...state.ous.keys(), ...state.members.keys()]) linkPolicy(state, full.id, target);
  }
  bumpPolicyVersion(world); // cached authorization decisions are stale
  return root;
}

/** Disables a policy type in the root, detaching every policy of that type as AWS does. */
export function disablePolicyType(world: World, type: PolicyType): Root {
  const state = organizationsState(world);
  const root = requireRoot(world);
  if (!policyTypeEnabled(world, type)) throw errors.policyTypeNotEnabled();
  root.policyTypes = root.policyTypes.filter((t) => t.Type !== type);
  for (const policy of state.policies.values()) {
    if (policy.type !== type) continue;
    for (const target of state.policyTargets.get(policy.id) ?? []) removeFrom(state.attachments, target, policy.id);
    state.policyTargets.delete(policy.id);
  }
  bumpPolicyVersion(world); // cached authorization decisions are stale
  return root;
}

function requireRoot(world: World): Root {
  requireOrganization(world);
  return organizationsState(world).root!;
}

function linkPolicy(state: OrganizationsState, policyId: string, targetId: string): void {
  pushTo(state.attachments, targetId, policyId);
  pushTo(state.policyTargets, policyId, targetId);
}

function attachDefaultPolicies(world: World, targetId: string): void {
  for (const [type, policy] of Object.entries(DEFAULT_POLICIES)) if (policyTypeEnabled(world, type as PolicyType)) linkPolicy(organizationsState(world), policy.id, targetId);
}

/** The root or OU exists (else `notFound`); returns its depth (root: 0). */
export function requireParent(world: World, parentId: string, notFound: () => Error = errors.parentNotFound): number {
  const state = organizationsState(world);
  if (state.root?.id === parentId) return 0;
  const ou = state.ous.get(parentId);
  if (!ou) throw notFound();
  return ou.depth;
}

export function createOrganizationalUnit(
  world: World,
  parentId: string,
  name: string,
  options: { tags?: { Key: string; Value: string }[]; id?: string } = {},
): OrganizationalUnit {
  const organization = requireOrganization(world);
  const state = organizationsState(world);
  const parentDepth = requireParent(world, parentId);
  if (parentDepth >= MAX_OU_DEPTH) throw errors.constraintViolation('OU_DEPTH_LIMIT_EXCEEDED');
  if (hasChildOuNamed(state, parentId, name)) throw errors.duplicateOrganizationalUnit();
  const id = options.id ?? `ou-${organization.rootId.slice(2)}-${newId(world, 8)}`;
  const ou: OrganizationalUnit = {
    id,
    arn: `arn:aws:organizations::${organization.masterAccountId}:ou/${organization.id}/${id}`,
    name,
    parentId,
    depth: parentDepth + 1,
  };
  state.ous.set(id, ou);
  pushTo(state.childOus, parentId, id);
  attachDefaultPolicies(world, id);
  if (options.tags?.length) tagResource(world, id, options.tags);
  bumpPolicyVersion(world); // cached authorization decisions are stale
  return ou;
}

function hasChildOuNamed(state: OrganizationsState, parentId: string, name: string, except?: string): boolean {
  return (state.childOus.get(parentId) ?? []).some((id) => id !== except && state.ous.get(id)?.name === name);
}

export function requireOrganizationalUnit(world: World, ouId: string): OrganizationalUnit {
  requireOrganization(world);
  const ou = organizationsState(world).ous.get(ouId);
  if (!ou) throw errors.organizationalUnitNotFound();
  return ou;
}

export function updateOrganizationalUnit(world: World, ouId: string, name: string | undefined): OrganizationalUnit {
  const ou = requireOrganizationalUnit(world, ouId);
  if (name !== undefined && name !== ou.name) {
    if (hasChildOuNamed(organizationsState(world), ou.parentId, name, ouId)) throw errors.duplicateOrganizationalUnit();
    ou.name = name;
  }
  return ou;
}

export function deleteOrganizationalUnit(world: World, ouId: string): void {
  const ou = requireOrganizationalUnit(world, ouId);
  const state = organizationsState(world);
  if (state.childOus.has(ouId) || state.childAccounts.has(ouId)) throw errors.organizationalUnitNotEmpty();
  state.ous.delete(ouId);
  removeFrom(state.childOus, ou.parentId, ouId);
  forgetTarget(state, ouId);
  bumpPolicyVersion(world); // cached authorization decisions are stale
}

function forgetTarget(state: OrganizationsState, targetId: string): void {
  for (const policyId of state.attachments.get(targetId) ?? []) removeFrom(state.policyTargets, policyId, targetId);
  state.attachments.delete(targetId);
  state.tags.delete(targetId);
}

/** Puts an existing world account into the organization under `parentId` (default: the root). */
export function addAccountToOrganization(
  world: World,
  accountId: string,
  parentId?: string,
  joinedMethod: JoinedMethod = 'CREATED',
): Member {
  const organization = requireOrganization(world);
  const state = organizationsState(world);
  if (!world.accounts.has(accountId)) throw errors.accountNotFound();
  if (state.members.has(accountId)) throw errors.alreadyInOrganization();
  const parent = parentId ?? organization.rootId;
  requireParent(world, parent);
  const member: Member = {
    accountId,
    arn: `arn:aws:organizations::${organization.masterAccountId}:account/${organization.id}/${accountId}`,
    parentId: parent,
    joinedMethod,
    joinedTimestamp: now(world),
    status: 'ACTIVE',
  };
  state.members.set(accountId, member);
  state.memberOrder.push(accountId);
  pushTo(state.childAccounts, parent, accountId);
  attachDefaultPolicies(world, accountId);
  bumpPolicyVersion(world); // cached authorization decisions are stale
  return member;
}

export function requireMember(world: World, accountId: string): Member {
  requireOrganization(world);
  const member = organizationsState(world).members.get(accountId);
  if (!member) throw errors.accountNotFound();
  return member;
}

export function moveAccount(world: World, accountId: string, sourceParentId: string, destinationParentId: string): void {
  const member = requireMember(world, accountId);
  requireParent(world, sourceParentId, errors.sourceParentNotFound);
  requireParent(world, destinationParentId, errors.destinationParentNotFound);
  if (member.parentId !== sourceParentId) throw errors.sourceParentNotFound();
  if (sourceParentId === destinationParentId) throw errors.duplicateAccount();
  const state = organizationsState(world);
  removeFrom(state.childAccounts, sourceParentId, accountId);
  pushTo(state.childAccounts, destinationParentId, accountId);
  member.parentId = destinationParentId;
  bumpPolicyVersion(world); // cached authorization decisions are stale
}

/** RemoveAccountFromOrganization: the account becomes standalone; the management account cannot be removed. */
export function removeAccountFromOrganization(world: World, accountId: string): void {
  const organization = requireOrganization(world);
  const member = requireMember(world, accountId);
  if (accountId === organization.masterAccountId) {
    throw errors.masterCannotLeave();
  }
  const state = organizationsState(world);
  state.departed.set(accountId, { organizationId: organization.id, path: accountPath(world, accountId), leftAt: now(world) });
  removeFrom(state.childAccounts, member.parentId, accountId);
  state.members.delete(accountId);
  state.memberOrder = state.memberOrder.filter((id) => id !== accountId);
  for (const policyId of state.attachments.get(accountId) ?? []) removeFrom(state.policyTargets, policyId, accountId);
  state.attachments.delete(accountId);
  bumpPolicyVersion(world); // cached authorization decisions are stale
}

/** Where an account was when it left an organization, if it did and has not joined one since. */
export function departedMembership(world: World, accountId: string): { organizationId: string; path: string[] } | undefined {
  return organizationsState(world).members.has(accountId) ? undefined : organizationsState(world).departed.get(accountId);
}

export interface CreatePolicyOptions {
  name: string;
  description?: string;
  content: string | object;
  type?: PolicyType;
  /** Fixed id (seeds); default: generated. */
  id?: string;
}

export function createPolicy(world: World, options: CreatePolicyOptions): Policy {
  const organization = requireOrganization(world);
  const state = organizationsState(world);
  const type = options.type ?? SERVICE_CONTROL_POLICY;
  if (organization.featureSet !== 'ALL') throw errors.policyTypeNotAvailable();
  const content = typeof options.content === 'string' ? options.content : JSON.stringify(options.content);
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch {
    throw errors.malformedPolicyDocument();
  }
  if ((type === SERVICE_CONTROL_POLICY || type === RESOURCE_CONTROL_POLICY) && !isPolicyDocument(document)) throw errors.malformedPolicyDocument();
  // SCP size quota: 5,120 characters.
  if (content.length > 5120) throw errors.constraintViolation('POLICY_CONTENT_LIMIT_EXCEEDED');
  for (const policy of state.policies.values()) {
    if (policy.type === type && policy.name === options.name) throw errors.duplicatePolicy();
  }
  const id = options.id ?? `p-${newId(world, 8)}`;
  const policy: Policy = {
    id,
    arn: `arn:aws:organizations::${organization.masterAccountId}:policy/${organization.id}/${type.toLowerCase()}/${id}`,
    name: options.name,
    description: options.description ?? '',
    type,
    awsManaged: false,
    content,
    document,
  };
  state.policies.set(id, policy);
  return policy;
}

function isPolicyDocument(document: unknown): boolean {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return false;
  const statement = (document as { Statement?: unknown }).Statement;
  const statements = Array.isArray(statement) ? statement : [statement];
  return statements.every(
    (s) => typeof s === 'object' && s !== null && ((s as { Effect?: unknown }).Effect === 'Allow' || (s as { Effect?: unknown }).Effect === 'Deny'),
  );
}

export function requirePolicy(world: World, policyId: string): Policy {
  requireOrganization(world);
  const policy = organizationsState(world).policies.get(policyId);
  if (!policy) throw errors.policyNotFound();
  return policy;
}

/** Root, OU or member account id exists. */
export function isPolicyTarget(world: World, targetId: string): boolean {
  const state = organizationsState(world);
  return state.root?.id === targetId || state.ous.has(targetId) || state.members.has(targetId);
}

export function requireTarget(world: World, targetId: string): void {
  requireOrganization(world);
  if (!isPolicyTarget(world, targetId)) throw errors.targetNotFound();
}

export function attachPolicy(world: World, policyId: string, targetId: string): void {
  const policy = requirePolicy(world, policyId);
  requireTarget(world, targetId);
  const state = organizationsState(world);
  if (!policyTypeEnabled(world, policy.type)) throw errors.policyTypeNotEnabled();
  if (state.attachments.get(targetId)?.includes(policyId)) throw errors.duplicatePolicyAttachment();
  // Quota: 5 SCPs per root, OU or account.
  if (attachedPolicies(world, targetId, policy.type).length >= 5) throw errors.constraintViolation('MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED');
  linkPolicy(state, policyId, targetId);
  bumpPolicyVersion(world); // cached authorization decisions are stale
}

export function detachPolicy(world: World, policyId: string, targetId: string): void {
  const policy = requirePolicy(world, policyId);
  requireTarget(world, targetId);
  const state = organizationsState(world);
  if (!state.attachments.get(targetId)?.includes(policyId)) throw errors.policyNotAttached();
  // Every root, OU and account keeps at least one SCP (and RCP).
  if ((policy.type === SERVICE_CONTROL_POLICY || policy.type === RESOURCE_CONTROL_POLICY) && attachedPolicies(world, targetId, policy.type).length === 1) {
    throw errors.constraintViolation('MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED');
  }
  removeFrom(state.attachments, targetId, policyId);
  removeFrom(state.policyTargets, policyId, targetId);
  bumpPolicyVersion(world); // cached authorization decisions are stale
}

export function enableAwsServiceAccess(world: World, servicePrincipal: string): void {
  requireOrganization(world);
  const access = organizationsState(world).serviceAccess;
  if (!access.has(servicePrincipal)) access.set(servicePrincipal, now(world));
}

export function disableAwsServiceAccess(world: World, servicePrincipal: string): void {
  requireOrganization(world);
  organizationsState(world).serviceAccess.delete(servicePrincipal);
}

export function registerDelegatedAdministrator(world: World, accountId: string, servicePrincipal: string): void {
  const organization = requireOrganization(world);
  requireMember(world, accountId);
  if (accountId === organization.masterAccountId) throw errors.constraintViolation('CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR');
  const admins = organizationsState(world).delegatedAdministrators;
  const services = admins.get(accountId) ?? new Map<string, Date>();
  if (services.has(servicePrincipal)) throw errors.accountAlreadyRegistered();
  services.set(servicePrincipal, now(world));
  admins.set(accountId, services);
}

// ---- tags ------------------------------------------------------------------------------------

/** Taggable: root, OU, member account or customer policy. */
function requireTaggable(world: World, resourceId: string): void {
  requireOrganization(world);
  const policy = organizationsState(world).policies.get(resourceId);
  if (!isPolicyTarget(world, resourceId) && !(policy && !policy.awsManaged)) throw errors.targetNotFound();
}

export function tagsOf(world: World, resourceId: string): { Key: string; Value: string }[] {
  requireTaggable(world, resourceId);
  const tags = organizationsState(world).tags.get(resourceId);
  return tags ? [...tags].map(([Key, Value]) => ({ Key, Value })) : [];
}

export function tagResource(world: World, resourceId: string, tags: { Key: string; Value: string }[]): void {
  requireTaggable(world, resourceId);
  const state = organizationsState(world);
  const current = new Map(state.tags.get(resourceId));
  for (const { Key, Value } of tags) current.set(Key, Value);
  // Quota: 50 tags per resource.
  if (current.size > 50) throw errors.constraintViolation('MAX_TAG_LIMIT_EXCEEDED');
  state.tags.set(resourceId, current);
}

export function untagResource(world: World, resourceId: string, keys: string[]): void {
  requireTaggable(world, resourceId);
  const tags = organizationsState(world).tags.get(resourceId);
  for (const key of keys) tags?.delete(key);
}
