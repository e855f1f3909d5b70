// IAM state and rules, per account: users, groups, roles, managed and inline policies, access keys,
// service-linked roles, account aliases. Plain data; responses.ts maps it to the wire shapes.
import { AwsError } from '../core/errors.js';
import type { CredentialRecord, PrincipalIdentity, World } from '../core/types.js';
// Any change to who may do what calls bumpPolicyVersion: the core caches authorization decisions.
import { bumpPolicyVersion, newId, now, serviceState, UPPER_ALNUM } from '../core/world.js';
import { AWS_MANAGED_POLICIES, type AwsManagedPolicy } from './aws-managed-policies.js';
import {
  deleteConflict,
  entityAlreadyExists,
  invalidInput,
  limitExceeded,
  malformedPolicyDocument,
  notFound,
  policyNotAttachable,
  unmodifiableEntity,
  validationError,
} from './exceptions.js';

export interface Tag {
  Key: string;
  Value: string;
}

export interface User {
  userName: string;
  userId: string;
  arn: string;
  path: string;
  createDate: Date;
  tags: Tag[];
  permissionsBoundary?: string;
  /** Inline policies: name → JSON document as given. */
  inlinePolicies: Map<string, string>;
  attachedPolicies: string[];
  groupNames: string[];
  /** The user's access keys; secret and status live in world.credentials. */
  accessKeys: { accessKeyId: string; createDate: Date }[];
}

export interface Group {
  groupName: string;
  groupId: string;
  arn: string;
  path: string;
  createDate: Date;
  inlinePolicies: Map<string, string>;
  attachedPolicies: string[];
}

export interface Role {
  roleName: string;
  roleId: string;
  arn: string;
  path: string;
  createDate: Date;
  /** The trust policy, JSON as given (the wire form is URL-encoded). */
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration: number;
  permissionsBoundary?: string;
  tags: Tag[];
  inlinePolicies: Map<string, string>;
  attachedPolicies: string[];
  lastUsed?: { date: Date; region: string };
}

export interface PolicyVersion {
  versionId: string;
  document: string;
  createDate: Date;
}

export interface CustomerManagedPolicy {
  policyName: string;
  policyId: string;
  arn: string;
  path: string;
  description?: string;
  createDate: Date;
  updateDate: Date;
  defaultVersionId: string;
  versions: PolicyVersion[];
  nextVersion: number;
  tags: Tag[];
}

export interface IamAccount {
  /** Keyed by lower-cased name: IAM names are unique regardless of case. */
  roles: Map<string, Role>;
  /** Policy ARN (customer or AWS managed) → number of users, groups and roles it is attached to. */
  attachmentCounts: Map<string, number>;
  aliases: string[];
  // The rest is created on first use (see collection): most accounts of the large seed hold one role.
  users?: Map<string, User>;
  groups?: Map<string, Group>;
  policies?: Map<string, CustomerManagedPolicy>;
  /** Policy ARN → number of users and roles using it as permissions boundary. */
  boundaryCounts?: Map<string, number>;
  deletionTasks?: Map<string, 'SUCCEEDED'>;
}

type LazyCollection = 'users' | 'groups' | 'policies' | 'boundaryCounts' | 'deletionTasks';

/** One of the account's collections created on first use; lookups that must not create it read the field. */
export function collection<K extends LazyCollection>(account: IamAccount, name: K): NonNullable<IamAccount[K]> {
  return (account[name] ??= new Map() as NonNullable<IamAccount[K]>);
}

export interface IamState {
  accounts: Map<string, IamAccount>;
}

export type ManagedPolicy =
  | ({ awsManaged: true } & AwsManagedPolicy)
  | ({ awsManaged: false } & CustomerManagedPolicy);

export type PolicyDocumentInput = object | string;

// AWS's default quotas (GetAccountSummary reports them).
export const QUOTAS = {
  AssumeRolePolicySizeQuota: 2048,
  RolePolicySizeQuota: 10240,
  UserPolicySizeQuota: 2048,
  GroupPolicySizeQuota: 5120,
  PolicySizeQuota: 6144,
  AttachedPoliciesPerRoleQuota: 10,
  AttachedPoliciesPerUserQuota: 10,
  AttachedPoliciesPerGroupQuota: 10,
  AccessKeysPerUserQuota: 2,
  GroupsPerUserQuota: 10,
  VersionsPerPolicyQuota: 5,
  UsersQuota: 5000,
  GroupsQuota: 300,
  RolesQuota: 1000,
  PoliciesQuota: 1500,
  InstanceProfilesQuota: 1000,
  ServerCertificatesQuota: 20,
  SigningCertificatesPerUserQuota: 2,
  PolicyVersionsInUseQuota: 10000,
} as const;

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function emptyIamState(): IamState {
  return { accounts: new Map() };
}

export function iamAccount(world: World, accountId: string): IamAccount {
  const state = serviceState(world, 'iam', emptyIamState);
  let account = state.accounts.get(accountId);
  if (!account) {
    account = { roles: new Map(), attachmentCounts: new Map(), aliases: [] };
    state.accounts.set(accountId, account);
  }
  return account;
}

// ---------------------------------------------------------------------------------------------
// Validation

const NAME_PATTERN = /^[\w+=,.@-]+$/;
const PATH_PATTERN = /^(\/|\/[\u0021-\u007E]+\/)$/;

export function validateName(member: string, value: string, max: number): void {
  if (value.length < 1 || value.length > max) {
    throw validationError(member, value, `Member must have length ${value.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${max}`}`);
  }
  if (!NAME_PATTERN.test(value)) {
    throw validationError(member, value, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
  }
}

export function validatePath(member: string, value: string | undefined): string {
  if (value === undefined) return '/';
  if (value.length > 512) throw validationError(member, value, 'Member must have length less than or equal to 512');
  if (!PATH_PATTERN.test(value)) {
    throw validationError(member, value, 'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)');
  }
  return value;
}

function validateMaxSessionDuration(value: number): void {
  if (value < 3600) throw validationError('maxSessionDuration', value, 'Member must have value greater than or equal to 3600');
  if (value > 43200) throw validationError('maxSessionDuration', value, 'Member must have value less than or equal to 43200');
}

function validateTags(tags: Tag[], existing: Tag[] = []): Tag[] {
  if (tags.length === 0) return [...existing];
  const keys = new Set<string>();
  for (const tag of tags) {
    const key = tag.Key.toLowerCase();
    if (keys.has(key)) throw invalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    keys.add(key);
  }
  const merged = existing.filter((t) => !keys.has(t.Key.toLowerCase())).concat(tags.map((t) => ({ Key: t.Key, Value: t.Value ?? '' })));
  if (merged.length > 50) throw limitExceeded('The number of tags has reached the maximum limit.');
  return merged;
}

/** Policy size as IAM counts it: whitespace does not count. */
function policySize(document: string): number {
  return document.replace(/\s/g, '').length;
}

function documentText(document: PolicyDocumentInput): string {
  return typeof document === 'string' ? document : JSON.stringify(document);
}

/** Adds to a per-document cache, bounded so that documents generated on the fly cannot grow it forever. */
function remember<T>(cache: Map<string, T>, document: string, value: T): T {
  if (cache.size >= 10_000) cache.clear();
  cache.set(document, value);
  return value;
}

const parsedDocuments = new Map<string, unknown>();

/**
 * The parsed JSON of a policy document, cached: authz reads them on every call and seeds create
 * thousands of roles with the same trust policy. Callers must not mutate the result.
 */
export function parsedPolicy(document: string): unknown {
  const parsed = parsedDocuments.get(document);
  if (parsed !== undefined) return parsed;
  try {
    return remember(parsedDocuments, document, JSON.parse(document) as unknown);
  } catch {
    throw malformedPolicyDocument('This policy contains invalid Json');
  }
}

interface PolicyStatement {
  Effect?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Condition?: unknown;
  Sid?: unknown;
}

function statementsOf(document: string): PolicyStatement[] {
  const parsed = parsedPolicy(document);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw malformedPolicyDocument('Syntax errors in policy.');
  }
  const { Version, Statement } = parsed as { Version?: unknown; Statement?: unknown };
  if (Version !== undefined && Version !== '2012-10-17' && Version !== '2008-10-17') {
    throw malformedPolicyDocument('The policy failed legacy parsing');
  }
  if (Statement === undefined) throw malformedPolicyDocument('Syntax errors in policy.');
  const statements = Array.isArray(Statement) ? Statement : [Statement];
  for (const statement of statements) {
    if (typeof statement !== 'object' || statement === null || Array.isArray(statement)) {
      throw malformedPolicyDocument('Syntax errors in policy.');
    }
    const s = statement as PolicyStatement;
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw malformedPolicyDocument('Syntax errors in policy.');
    if (s.Action === undefined && s.NotAction === undefined) throw malformedPolicyDocument('Policy statement must contain actions.');
    for (const action of [s.Action, s.NotAction].flat()) {
      if (action !== undefined && (typeof action !== 'string' || (action !== '*' && !/^[a-zA-Z0-9-]+:[\w*?-]*$/.test(action)))) {
        throw malformedPolicyDocument(`Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.`);
      }
    }
  }
  return statements as PolicyStatement[];
}

/** An identity policy (inline or managed): valid JSON grammar, resources, no principal. */
function validateIdentityPolicy(document: string): void {
  for (const s of statementsOf(document)) {
    if (s.Principal !== undefined || s.NotPrincipal !== undefined) {
      throw malformedPolicyDocument('Policy document should not specify a principal.');
    }
    if (s.Resource === undefined && s.NotResource === undefined) {
      throw malformedPolicyDocument('Policy statement must contain resources.');
    }
  }
}

const ACCOUNT_ID = /^\d{12}$/;
const UNIQUE_ID = /^(AROA|AIDA)[A-Z0-9]{17}$/;
const IAM_PRINCIPAL_ARN = /^arn:aws:iam::(\d{12}):(root|user\/.+|role\/.+)$/;
const STS_PRINCIPAL_ARN = /^arn:aws:sts::(\d{12}):assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+$/;

/** Does an `AWS` principal of a trust policy name something that exists? (IAM rejects the policy otherwise.) */
function awsPrincipalExists(world: World, principal: string): boolean {
  // Unique IDs stand for deleted users and roles (see replacePrincipal).
  if (principal === '*' || UNIQUE_ID.test(principal)) return true;
  if (ACCOUNT_ID.test(principal)) return world.accounts.has(principal);
  const sts = STS_PRINCIPAL_ARN.exec(principal);
  if (sts) return world.accounts.has(sts[1]);
  const iam = IAM_PRINCIPAL_ARN.exec(principal);
  if (!iam || !world.accounts.has(iam[1])) return false;
  if (iam[2] === 'root') return true;
  if (iam[2].startsWith('role/')) return findRoleByArn(world, principal) !== undefined;
  return findUserByArn(world, principal) !== undefined;
}

function principalValues(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * What a trust policy's text alone decides: the `AWS` principals that must exist, in document
 * order, and the first error found after them (IAM reports whichever comes first in the document).
 */
interface TrustPolicyReading {
  awsPrincipals: string[];
  error?: AwsError;
}

/** Readings of valid trust policies, cached: seeds create thousands of roles with the same trust policy. */
const trustPolicyReadings = new Map<string, TrustPolicyReading>();

function readTrustPolicy(document: string): TrustPolicyReading {
  const cached = trustPolicyReadings.get(document);
  if (cached) return cached;
  const awsPrincipals: string[] = [];
  try {
    if (policySize(document) > QUOTAS.AssumeRolePolicySizeQuota) {
      throw limitExceeded(`Cannot exceed quota for ACLSizePerRole: ${QUOTAS.AssumeRolePolicySizeQuota}`);
    }
    for (const s of statementsOf(document)) {
      if (s.Resource !== undefined || s.NotResource !== undefined) {
        throw malformedPolicyDocument('Has prohibited field Resource');
      }
      const principal = s.Principal ?? s.NotPrincipal;
      if (principal === undefined) throw malformedPolicyDocument('Missing required field Principal');
      for (const action of principalValues(s.Action ?? s.NotAction)) {
        if (typeof action !== 'string' || !/^(sts:[\w*]+|\*)$/.test(action)) {
          throw malformedPolicyDocument('AssumeRole policy may only specify STS AssumeRole actions.');
        }
      }
      if (principal === '*') continue;
      if (typeof principal !== 'object' || principal === null || Array.isArray(principal)) {
        throw malformedPolicyDocument('Invalid principal in policy');
      }
      for (const [kind, values] of Object.entries(principal)) {
        for (const value of principalValues(values)) {
          if (kind === 'AWS' && typeof value === 'string') {
            awsPrincipals.push(value);
            continue;
          }
          const valid =
            typeof value === 'string' &&
            (kind === 'Service' ? /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(value) : kind === 'Federated' || kind === 'CanonicalUser');
          if (!valid) throw invalidPrincipal(kind, value);
        }
      }
    }
  } catch (error) {
    if (error instanceof AwsError) return { awsPrincipals, error };
    throw error;
  }
  return remember(trustPolicyReadings, document, { awsPrincipals });
}

function invalidPrincipal(kind: string, value: unknown): AwsError {
  return malformedPolicyDocument(`Invalid principal in policy: "${kind}":"${String(value)}"`);
}

/** A trust policy: grammar, sts actions, principals that exist, the ACLSizePerRole quota. */
function validateTrustPolicy(world: World, document: string): void {
  const { awsPrincipals, error } = readTrustPolicy(document);
  for (const principal of awsPrincipals) {
    if (!awsPrincipalExists(world, principal)) throw invalidPrincipal('AWS', principal);
  }
  if (error) throw error;
}

// ---------------------------------------------------------------------------------------------
// Lookups

/** murmur3's finalizer: a bijection of 32-bit integers that scatters neighbouring ones. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

function seedKey(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return h;
}

/**
 * A unique ID (`AROA` + 17 characters). Deterministic like the core's newId, and numbered by the
 * same counter, but without its sha256 per ID (most of the large seed's build time): 10 characters
 * drawn from the counter scrambled by a bijection keyed by the seed, then that scrambled number in
 * base 36 (its top digit, 0 or 1, hidden in the parity of the last character), so the first 2^32
 * IDs of a world never repeat. Built from character codes: appending one character at a time
 * would keep a rope of 20 pieces in every role.
 */
function iamId(world: World, prefix: string): string {
  const base = UPPER_ALNUM.length;
  const codes: number[] = [];
  for (let i = 0; i < prefix.length; i++) codes.push(prefix.charCodeAt(i));
  world.idCounter += 1;
  let n = mix32(world.idCounter ^ seedKey(world.seed));
  let h = n;
  for (let i = 0; i < 10; i++) {
    h = mix32(h + 0x9e3779b9);
    codes.push(UPPER_ALNUM.charCodeAt(h % base));
  }
  for (let i = 0; i < 6; i++, n = Math.floor(n / base)) codes.push(UPPER_ALNUM.charCodeAt(n % base));
  codes.push(UPPER_ALNUM.charCodeAt(n + 2 * (h % (base / 2))));
  return String.fromCharCode(...codes);
}

function entityArn(accountId: string, kind: 'user' | 'group' | 'role', path: string, name: string): string {
  return `arn:aws:iam::${accountId}:${kind}${path}${name}`;
}

export function getUser(world: World, accountId: string, userName: string): User {
  const user = collection(iamAccount(world, accountId), 'users').get(userName.toLowerCase());
  if (!user) throw notFound.user(userName);
  return user;
}

export function getGroup(world: World, accountId: string, groupName: string): Group {
  const group = collection(iamAccount(world, accountId), 'groups').get(groupName.toLowerCase());
  if (!group) throw notFound.group(groupName);
  return group;
}

export function getRole(world: World, accountId: string, roleName: string): Role {
  const role = iamAccount(world, accountId).roles.get(roleName.toLowerCase());
  if (!role) throw notFound.role(roleName);
  return role;
}

const ENTITY_ARN = /^arn:aws:iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/;

export function findRoleByArn(world: World, arn: string): Role | undefined {
  const match = ENTITY_ARN.exec(arn);
  if (!match || match[2] !== 'role') return undefined;
  const role = (world.services.iam as IamState | undefined)?.accounts.get(match[1])?.roles.get(match[3].toLowerCase());
  return role && role.arn === arn ? role : undefined;
}

export function findUserByArn(world: World, arn: string): User | undefined {
  const match = ENTITY_ARN.exec(arn);
  if (!match || match[2] !== 'user') return undefined;
  const user = (world.services.iam as IamState | undefined)?.accounts.get(match[1])?.users?.get(match[3].toLowerCase());
  return user && user.arn === arn ? user : undefined;
}

const POLICY_ARN = /^arn:aws:iam::(\d{12}|aws):policy(\/(?:.*\/)?)([^/]+)$/;

// Built once: every role the seeds create looks up AdministratorAccess.
const AWS_MANAGED: ReadonlyMap<string, ManagedPolicy> = new Map(
  [...AWS_MANAGED_POLICIES].map(([arn, policy]) => [arn, { awsManaged: true, ...policy }]),
);

/** A managed policy by ARN, as seen from `accountId` (AWS managed ones exist everywhere). */
export function findPolicy(world: World, accountId: string, arn: string): ManagedPolicy | undefined {
  const aws = AWS_MANAGED.get(arn);
  if (aws) return aws;
  const match = POLICY_ARN.exec(arn);
  if (!match || match[1] !== accountId) return undefined;
  const policy = collection(iamAccount(world, accountId), 'policies').get(match[3].toLowerCase());
  return policy && policy.arn === arn ? { awsManaged: false, ...policy } : undefined;
}

export function getPolicy(world: World, accountId: string, arn: string): ManagedPolicy {
  validatePolicyArn(arn);
  const policy = findPolicy(world, accountId, arn);
  if (!policy) throw notFound.policy(arn);
  return policy;
}

function getCustomerPolicy(world: World, accountId: string, arn: string): CustomerManagedPolicy {
  validatePolicyArn(arn);
  const match = POLICY_ARN.exec(arn);
  const policy = match && match[1] === accountId ? collection(iamAccount(world, accountId), 'policies').get(match[3].toLowerCase()) : undefined;
  if (!policy || policy.arn !== arn) {
    if (AWS_MANAGED_POLICIES.has(arn)) throw invalidInput(`Cannot modify an AWS managed policy: ${arn}`);
    throw notFound.policy(arn);
  }
  return policy;
}

function validatePolicyArn(arn: string): void {
  if (!arn.startsWith('arn:')) throw invalidInput(`ARN ${arn} is not valid.`);
}

function policyDocumentOf(policy: ManagedPolicy): string {
  if (policy.awsManaged) return policy.document;
  return policy.versions.find((v) => v.versionId === policy.defaultVersionId)!.document;
}

function protectServiceLinkedRole(role: Role): void {
  if (role.path.startsWith('/aws-service-role/')) throw unmodifiableEntity(role.roleName);
}

// ---------------------------------------------------------------------------------------------
// Users and groups

export interface CreateUserInput {
  userName: string;
  path?: string;
  tags?: Tag[];
  permissionsBoundary?: string;
}

export function createUser(world: World, accountId: string, input: CreateUserInput): User {
  validateName('userName', input.userName, 64);
  const path = validatePath('path', input.path);
  const account = iamAccount(world, accountId);
  const key = input.userName.toLowerCase();
  if (collection(account, 'users').has(key)) throw entityAlreadyExists(`User with name ${input.userName} already exists.`);
  const tags = validateTags(input.tags ?? []);
  if (input.permissionsBoundary !== undefined) requireBoundaryPolicy(world, accountId, input.permissionsBoundary);
  const user: User = {
    userName: input.userName,
    userId: iamId(world, 'AIDA'),
    arn: entityArn(accountId, 'user', path, input.userName),
    path,
    createDate: now(world),
    tags,
    inlinePolicies: new Map(),
    attachedPolicies: [],
    groupNames: [],
    accessKeys: [],
  };
  if (input.permissionsBoundary !== undefined) setBoundary(account, user, input.permissionsBoundary);
  collection(account, 'users').set(key, user);
  return user;
}

export function updateUser(world: World, accountId: string, userName: string, changes: { newUserName?: string; newPath?: string }): void {
  const account = iamAccount(world, accountId);
  const user = getUser(world, accountId, userName);
  const newName = changes.newUserName ?? user.userName;
  validateName('newUserName', newName, 64);
  const newPath = changes.newPath === undefined ? user.path : validatePath('newPath', changes.newPath);
  const newKey = newName.toLowerCase();
  if (newKey !== userName.toLowerCase() && collection(account, 'users').has(newKey)) {
    throw entityAlreadyExists(`User with name ${newName} already exists.`);
  }
  collection(account, 'users').delete(user.userName.toLowerCase());
  const oldArn = user.arn;
  user.userName = newName;
  user.path = newPath;
  user.arn = entityArn(accountId, 'user', newPath, newName);
  collection(account, 'users').set(newKey, user);
  if (user.arn !== oldArn) replacePrincipal(world, oldArn, user.arn);
  for (const key of user.accessKeys) {
    const credential = world.credentials.get(key.accessKeyId);
    if (credential) credential.identity = userIdentity(accountId, user);
  }
  bumpPolicyVersion(world);
}

export function deleteUser(world: World, accountId: string, userName: string): void {
  const user = getUser(world, accountId, userName);
  if (user.accessKeys.length > 0) throw deleteConflict('Cannot delete entity, must delete access keys first.');
  if (user.groupNames.length > 0) throw deleteConflict('Cannot delete entity, must remove users from group first.');
  if (user.inlinePolicies.size > 0) throw deleteConflict('Cannot delete entity, must delete policies first.');
  if (user.attachedPolicies.length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
  const account = iamAccount(world, accountId);
  if (user.permissionsBoundary) countDown(collection(account, 'boundaryCounts'), user.permissionsBoundary);
  collection(account, 'users').delete(user.userName.toLowerCase());
  replacePrincipal(world, user.arn, user.userId);
  bumpPolicyVersion(world);
}

export function createGroup(world: World, accountId: string, input: { groupName: string; path?: string }): Group {
  validateName('groupName', input.groupName, 128);
  const path = validatePath('path', input.path);
  const account = iamAccount(world, accountId);
  const key = input.groupName.toLowerCase();
  if (collection(account, 'groups').has(key)) throw entityAlreadyExists(`Group with name ${input.groupName} already exists.`);
  const group: Group = {
    groupName: input.groupName,
    groupId: iamId(world, 'AGPA'),
    arn: entityArn(accountId, 'group', path, input.groupName),
    path,
    createDate: now(world),
    inlinePolicies: new Map(),
    attachedPolicies: [],
  };
  collection(account, 'groups').set(key, group);
  return group;
}

export function groupMembers(world: World, accountId: string, group: Group): User[] {
  return [...collection(iamAccount(world, accountId), 'users').values()].filter((u) => u.groupNames.includes(group.groupName));
}

export function deleteGroup(world: World, accountId: string, groupName: string): void {
  const group = getGroup(world, accountId, groupName);
  if (groupMembers(world, accountId, group).length > 0) throw deleteConflict('Cannot delete entity, must remove users from group first.');
  if (group.inlinePolicies.size > 0) throw deleteConflict('Cannot delete entity, must delete policies first.');
  if (group.attachedPolicies.length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
  collection(iamAccount(world, accountId), 'groups').delete(group.groupName.toLowerCase());
}

export function addUserToGroup(world: World, accountId: string, groupName: string, userName: string): void {
  const group = getGroup(world, accountId, groupName);
  const user = getUser(world, accountId, userName);
  if (user.groupNames.includes(group.groupName)) return;
  if (user.groupNames.length >= QUOTAS.GroupsPerUserQuota) {
    throw limitExceeded(`Cannot exceed quota for GroupsPerUser: ${QUOTAS.GroupsPerUserQuota}`);
  }
  user.groupNames.push(group.groupName);
  bumpPolicyVersion(world);
}

export function removeUserFromGroup(world: World, accountId: string, groupName: string, userName: string): void {
  const group = getGroup(world, accountId, groupName);
  const user = getUser(world, accountId, userName);
  if (!user.groupNames.includes(group.groupName)) throw notFound.user(userName);
  user.groupNames = user.groupNames.filter((g) => g !== group.groupName);
  bumpPolicyVersion(world);
}

export function groupsForUser(world: World, accountId: string, userName: string): Group[] {
  const user = getUser(world, accountId, userName);
  return user.groupNames.map((name) => getGroup(world, accountId, name));
}

// ---------------------------------------------------------------------------------------------
// Roles

export interface CreateRoleInput {
  roleName: string;
  assumeRolePolicyDocument: PolicyDocumentInput;
  path?: string;
  description?: string;
  maxSessionDuration?: number;
  permissionsBoundary?: string;
  tags?: Tag[];
}

export function createRole(world: World, accountId: string, input: CreateRoleInput): Role {
  validateName('roleName', input.roleName, 64);
  const path = validatePath('path', input.path);
  const maxSessionDuration = input.maxSessionDuration ?? 3600;
  validateMaxSessionDuration(maxSessionDuration);
  if (input.description !== undefined && input.description.length > 1000) {
    throw validationError('description', input.description, 'Member must have length less than or equal to 1000');
  }
  const account = iamAccount(world, accountId);
  const key = input.roleName.toLowerCase();
  if (account.roles.has(key)) throw entityAlreadyExists(`Role with name ${input.roleName} already exists.`);
  const trust = documentText(input.assumeRolePolicyDocument);
  validateTrustPolicy(world, trust);
  const tags = validateTags(input.tags ?? []);
  if (input.permissionsBoundary !== undefined) requireBoundaryPolicy(world, accountId, input.permissionsBoundary);
  const role: Role = {
    roleName: input.roleName,
    roleId: iamId(world, 'AROA'),
    arn: entityArn(accountId, 'role', path, input.roleName),
    path,
    createDate: now(world),
    assumeRolePolicyDocument: trust,
    description: input.description,
    maxSessionDuration,
    tags,
    inlinePolicies: new Map(),
    attachedPolicies: [],
  };
  if (input.permissionsBoundary !== undefined) setBoundary(account, role, input.permissionsBoundary);
  account.roles.set(key, role);
  return role;
}

export function updateRole(world: World, accountId: string, roleName: string, changes: { description?: string; maxSessionDuration?: number }): void {
  const role = getRole(world, accountId, roleName);
  protectServiceLinkedRole(role);
  if (changes.maxSessionDuration !== undefined) {
    validateMaxSessionDuration(changes.maxSessionDuration);
    role.maxSessionDuration = changes.maxSessionDuration;
  }
  if (changes.description !== undefined) role.description = changes.description;
}

export function updateAssumeRolePolicy(world: World, accountId: string, roleName: string, document: PolicyDocumentInput): void {
  const role = getRole(world, accountId, roleName);
  protectServiceLinkedRole(role);
  const trust = documentText(document);
  validateTrustPolicy(world, trust);
  role.assumeRolePolicyDocument = trust;
  bumpPolicyVersion(world);
}

export function deleteRole(world: World, accountId: string, roleName: string): void {
  const role = getRole(world, accountId, roleName);
  protectServiceLinkedRole(role);
  removeRole(world, accountId, role);
}

function removeRole(world: World, accountId: string, role: Role): void {
  if (role.inlinePolicies.size > 0) throw deleteConflict('Cannot delete entity, must delete policies first.');
  if (role.attachedPolicies.length > 0) throw deleteConflict('Cannot delete entity, must detach all policies first.');
  const account = iamAccount(world, accountId);
  if (role.permissionsBoundary) countDown(collection(account, 'boundaryCounts'), role.permissionsBoundary);
  account.roles.delete(role.roleName.toLowerCase());
  replacePrincipal(world, role.arn, role.roleId);
  bumpPolicyVersion(world);
}

/**
 * Trust policies name principals by unique ID inside AWS: a deleted user or role stays in them as
 * its ID (`AROA...`, `AIDA...`), so a new entity with the same name is not trusted; a renamed
 * user is shown under its new name.
 */
function replacePrincipal(world: World, arn: string, replacement: string): void {
  const quoted = JSON.stringify(arn);
  for (const account of serviceState(world, 'iam', emptyIamState).accounts.values()) {
    for (const role of account.roles.values()) {
      if (!role.assumeRolePolicyDocument.includes(quoted)) continue;
      const policy = structuredClone(parsedPolicy(role.assumeRolePolicyDocument)) as { Statement: PolicyStatement | PolicyStatement[] };
      for (const statement of [policy.Statement].flat()) {
        for (const principal of [statement.Principal, statement.NotPrincipal]) {
          if (!principal || typeof principal !== 'object') continue;
          const entry = principal as Record<string, unknown>;
          const aws = entry.AWS;
          if (aws === arn) entry.AWS = replacement;
          else if (Array.isArray(aws)) entry.AWS = aws.map((value) => (value === arn ? replacement : value));
        }
      }
      role.assumeRolePolicyDocument = JSON.stringify(policy);
    }
  }
}

/** Called by STS when a role is assumed (RoleLastUsed). */
export function recordRoleUse(world: World, role: Role, region: string): void {
  role.lastUsed = { date: now(world), region };
}

export function tagEntity(entity: User | Role, tags: Tag[]): void {
  entity.tags = validateTags(tags, entity.tags);
}

export function untagEntity(entity: User | Role, tagKeys: string[]): void {
  const keys = new Set(tagKeys.map((k) => k.toLowerCase()));
  entity.tags = entity.tags.filter((t) => !keys.has(t.Key.toLowerCase()));
}

// ---------------------------------------------------------------------------------------------
// Permissions boundaries

function requireBoundaryPolicy(world: World, accountId: string, arn: string): void {
  validatePolicyArn(arn);
  if (!findPolicy(world, accountId, arn)) throw invalidInput(`Policy ${arn} does not exist or is not attachable.`);
}

function setBoundary(account: IamAccount, entity: User | Role, arn: string): void {
  if (entity.permissionsBoundary) countDown(collection(account, 'boundaryCounts'), entity.permissionsBoundary);
  entity.permissionsBoundary = arn;
  countUp(collection(account, 'boundaryCounts'), arn);
}

export function putRolePermissionsBoundary(world: World, accountId: string, roleName: string, policyArn: string): void {
  const role = getRole(world, accountId, roleName);
  protectServiceLinkedRole(role);
  requireBoundaryPolicy(world, accountId, policyArn);
  setBoundary(iamAccount(world, accountId), role, policyArn);
  bumpPolicyVersion(world);
}

export function deleteRolePermissionsBoundary(world: World, accountId: string, roleName: string): void {
  const role = getRole(world, accountId, roleName);
  protectServiceLinkedRole(role);
  clearBoundary(world, accountId, role);
}

export function putUserPermissionsBoundary(world: World, accountId: string, userName: string, policyArn: string): void {
  const user = getUser(world, accountId, userName);
  requireBoundaryPolicy(world, accountId, policyArn);
  setBoundary(iamAccount(world, accountId), user, policyArn);
  bumpPolicyVersion(world);
}

export function deleteUserPermissionsBoundary(world: World, accountId: string, userName: string): void {
  clearBoundary(world, accountId, getUser(world, accountId, userName));
}

function clearBoundary(world: World, accountId: string, entity: User | Role): void {
  if (!entity.permissionsBoundary) return;
  countDown(collection(iamAccount(world, accountId), 'boundaryCounts'), entity.permissionsBoundary);
  entity.permissionsBoundary = undefined;
  bumpPolicyVersion(world);
}

function countUp(counts: Map<string, number>, arn: string): void {
  counts.set(arn, (counts.get(arn) ?? 0) + 1);
}

function countDown(counts: Map<string, number>, arn: string): void {
  const left = (counts.get(arn) ?? 0) - 1;
  if (left > 0) counts.set(arn, left);
  else counts.delete(arn);
}

// ---------------------------------------------------------------------------------------------
// Managed policies

export interface CreatePolicyInput {
  policyName: string;
  document: PolicyDocumentInput;
  path?: string;
  description?: string;
  tags?: Tag[];
}

const POLICY_PATH_PATTERN = /^((\/[A-Za-z0-9.,+@=_-]+)*)\/$/;

export function createPolicy(world: World, accountId: string, input: CreatePolicyInput): CustomerManagedPolicy {
  validateName('policyName', input.policyName, 128);
  const path = input.path ?? '/';
  if (!POLICY_PATH_PATTERN.test(path)) {
    throw validationError('path', path, 'Member must satisfy regular expression pattern: ((/[A-Za-z0-9\\.,\\+@=_-]+)*)/');
  }
  const account = iamAccount(world, accountId);
  const key = input.policyName.toLowerCase();
  if (collection(account, 'policies').has(key)) {
    throw entityAlreadyExists(`A policy called ${input.policyName} already exists. Duplicate names are not allowed.`);
  }
  const document = managedPolicyDocument(input.document);
  const created = now(world);
  const policy: CustomerManagedPolicy = {
    policyName: input.policyName,
    policyId: iamId(world, 'ANPA'),
    arn: `arn:aws:iam::${accountId}:policy${path}${input.policyName}`,
    path,
    description: input.description,
    createDate: created,
    updateDate: created,
    defaultVersionId: 'v1',
    versions: [{ versionId: 'v1', document, createDate: created }],
    nextVersion: 2,
    tags: validateTags(input.tags ?? []),
  };
  collection(account, 'policies').set(key, policy);
  return policy;
}

function managedPolicyDocument(input: PolicyDocumentInput): string {
  const document = documentText(input);
  validateIdentityPolicy(document);
  if (policySize(document) > QUOTAS.PolicySizeQuota) {
    throw limitExceeded(`Cannot exceed quota for PolicySize: ${QUOTAS.PolicySizeQuota}`);
  }
  return document;
}

export function deletePolicy(world: World, accountId: string, arn: string): void {
  const policy = getCustomerPolicy(world, accountId, arn);
  const account = iamAccount(world, accountId);
  if (account.attachmentCounts.has(arn) || collection(account, 'boundaryCounts').has(arn)) {
    throw deleteConflict('Cannot delete a policy attached to entities.');
  }
  if (policy.versions.length > 1) throw deleteConflict('This policy has more than one version. Before you delete a policy, you must delete the policy\'s versions. The default version is deleted with the policy.');
  collection(account, 'policies').delete(policy.policyName.toLowerCase());
}

export function createPolicyVersion(world: World, accountId: string, arn: string, document: PolicyDocumentInput, setAsDefault: boolean): PolicyVersion {
  const policy = getCustomerPolicy(world, accountId, arn);
  if (policy.versions.length >= QUOTAS.VersionsPerPolicyQuota) {
    throw limitExceeded('A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.');
  }
  const version: PolicyVersion = { versionId: `v${policy.nextVersion++}`, document: managedPolicyDocument(document), createDate: now(world) };
  policy.versions.push(version);
  policy.updateDate = version.createDate;
  if (setAsDefault) {
    policy.defaultVersionId = version.versionId;
    bumpPolicyVersion(world);
  }
  return version;
}

export function getPolicyVersion(world: World, accountId: string, arn: string, versionId: string): PolicyVersion & { isDefaultVersion: boolean } {
  const policy = getPolicy(world, accountId, arn);
  if (policy.awsManaged) {
    if (versionId !== policy.defaultVersionId) throw notFound.policyVersion(arn, versionId);
    return { versionId, document: policy.document, createDate: policy.updateDate, isDefaultVersion: true };
  }
  const version = policy.versions.find((v) => v.versionId === versionId);
  if (!version) throw notFound.policyVersion(arn, versionId);
  return { ...version, isDefaultVersion: versionId === policy.defaultVersionId };
}

export function listPolicyVersions(world: World, accountId: string, arn: string): (PolicyVersion & { isDefaultVersion: boolean })[] {
  const policy = getPolicy(world, accountId, arn);
  if (policy.awsManaged) return [getPolicyVersion(world, accountId, arn, policy.defaultVersionId)];
  // Newest first, as IAM lists them.
  return [...policy.versions].reverse().map((v) => ({ ...v, isDefaultVersion: v.versionId === policy.defaultVersionId }));
}

export function deletePolicyVersion(world: World, accountId: string, arn: string, versionId: string): void {
  const policy = getCustomerPolicy(world, accountId, arn);
  if (!policy.versions.some((v) => v.versionId === versionId)) throw notFound.policyVersion(arn, versionId);
  if (policy.defaultVersionId === versionId) throw deleteConflict('Cannot delete the default version of a policy.');
  policy.versions = policy.versions.filter((v) => v.versionId !== versionId);
}

export function setDefaultPolicyVersion(world: World, accountId: string, arn: string, versionId: string): void {
  const policy = getCustomerPolicy(world, accountId, arn);
  if (!policy.versions.some((v) => v.versionId === versionId)) throw notFound.policyVersion(arn, versionId);
  policy.defaultVersionId = versionId;
  bumpPolicyVersion(world);
}

/** Every managed policy visible in the account: AWS managed first, then the account's own. */
export function managedPolicies(world: World, accountId: string): ManagedPolicy[] {
  const aws = [...AWS_MANAGED.values()];
  const local: ManagedPolicy[] = [...collection(iamAccount(world, accountId), 'policies').values()].map((p) => ({ awsManaged: false, ...p }));
  return aws.concat(local);
}

export function attachmentCount(world: World, accountId: string, arn: string): number {
  return iamAccount(world, accountId).attachmentCounts.get(arn) ?? 0;
}

export function boundaryUsageCount(world: World, accountId: string, arn: string): number {
  return collection(iamAccount(world, accountId), 'boundaryCounts').get(arn) ?? 0;
}

export function entitiesForPolicy(world: World, accountId: string, arn: string): { users: User[]; groups: Group[]; roles: Role[]; boundaryOf: (User | Role)[] } {
  getPolicy(world, accountId, arn);
  const account = iamAccount(world, accountId);
  const users = [...collection(account, 'users').values()];
  const roles = [...account.roles.values()];
  return {
    users: users.filter((u) => u.attachedPolicies.includes(arn)),
    groups: [...collection(account, 'groups').values()].filter((g) => g.attachedPolicies.includes(arn)),
    roles: roles.filter((r) => r.attachedPolicies.includes(arn)),
    boundaryOf: [...users, ...roles].filter((e) => e.permissionsBoundary === arn),
  };
}

// ---------------------------------------------------------------------------------------------
// Attachments and inline policies

type Attachable = User | Group | Role;
type EntityKind = 'user' | 'group' | 'role';

const ATTACH_QUOTA: Record<EntityKind, [number, string]> = {
  user: [QUOTAS.AttachedPoliciesPerUserQuota, 'PoliciesPerUser'],
  group: [QUOTAS.AttachedPoliciesPerGroupQuota, 'PoliciesPerGroup'],
  role: [QUOTAS.AttachedPoliciesPerRoleQuota, 'PoliciesPerRole'],
};

function attach(world: World, accountId: string, kind: EntityKind, entity: Attachable, policyArn: string): void {
  validatePolicyArn(policyArn);
  const policy = findPolicy(world, accountId, policyArn);
  if (!policy) throw notFound.attachablePolicy(policyArn);
  if (policy.awsManaged && policy.path.startsWith('/aws-service-role/') && !('roleId' in entity && entity.path.startsWith('/aws-service-role/'))) {
    throw policyNotAttachable(`Cannot attach a Service Role Policy to a Customer Role.`);
  }
  if (entity.attachedPolicies.includes(policyArn)) return;
  const [quota, quotaName] = ATTACH_QUOTA[kind];
  if (entity.attachedPolicies.length >= quota) throw limitExceeded(`Cannot exceed quota for ${quotaName}: ${quota}`);
  entity.attachedPolicies.push(policyArn);
  countUp(iamAccount(world, accountId).attachmentCounts, policyArn);
  bumpPolicyVersion(world);
}

function detach(world: World, accountId: string, entity: Attachable, policyArn: string): void {
  validatePolicyArn(policyArn);
  if (!entity.attachedPolicies.includes(policyArn)) throw notFound.policy(policyArn);
  entity.attachedPolicies = entity.attachedPolicies.filter((arn) => arn !== policyArn);
  countDown(iamAccount(world, accountId).attachmentCounts, policyArn);
  bumpPolicyVersion(world);
}

export function attachRolePolicy(world: World, accountId: string, roleName: string, policyArn: string): void {
  const role = getRole(world, accountId, roleName);
  protectServiceLinkedRole(role);
  attach(world, accountId, 'role', role, policyArn);
}

export function detachRolePolicy(world: World, accountId: string, roleName: string, policyArn: string): void {
  const role = getRole(world, accountId, roleName);
  protectServiceLinkedRole(role);
  detach(world, accountId, role, policyArn);
}

export function attachUserPolicy(world: World, accountId: string, userName: string, policyArn: string): void {
  attach(world, accountId, 'user', getUser(world, accountId, userName), policyArn);
}

export function detachUserPolicy(world: World, accountId: string, userName: string, policyArn: string): void {
  detach(world, accountId, getUser(world, accountId, userName), policyArn);
}

export function attachGroupPolicy(world: World, accountId: string, groupName: string, policyArn: string): void {
  attach(world, accountId, 'group', getGroup(world, accountId, groupName), policyArn);
}

export function detachGroupPolicy(world: World, accountId: string, groupName: string, policyArn: string): void {
  detach(world, accountId, getGroup(world, accountId, groupName), policyArn);
}

export function attachedPolicies(world: World, accountId: string, arns: string[]): ManagedPolicy[] {
  return arns.flatMap((arn) => findPolicy(world, accountId, arn) ?? []);
}

const INLINE_SIZE_QUOTA: Record<EntityKind, number> = {
  user: QUOTAS.UserPolicySizeQuota,
  group: QUOTAS.GroupPolicySizeQuota,
  role: QUOTAS.RolePolicySizeQuota,
};

function putInline(world: World, kind: EntityKind, entity: Attachable, name: string, document: PolicyDocumentInput): void {
  validateName('policyName', name, 128);
  const text = documentText(document);
  validateIdentityPolicy(text);
  if (policySize(text) > INLINE_SIZE_QUOTA[kind]) {
    const entityName = 'roleName' in entity ? entity.roleName : 'userName' in entity ? entity.userName : entity.groupName;
    throw limitExceeded(`Maximum policy size of ${INLINE_SIZE_QUOTA[kind]} bytes exceeded for ${kind} ${entityName}`);
  }
  // Names are case-insensitive: a put with another casing replaces the policy.
  for (const existing of entity.inlinePolicies.keys()) {
    if (existing.toLowerCase() === name.toLowerCase()) entity.inlinePolicies.delete(existing);
  }
  entity.inlinePolicies.set(name, text);
  bumpPolicyVersion(world);
}

function inlineKey(kind: EntityKind, entity: Attachable, name: string): string {
  for (const existing of entity.inlinePolicies.keys()) {
    if (existing.toLowerCase() === name.toLowerCase()) return existing;
  }
  throw notFound.inlinePolicy(kind, name);
}

export function getInlinePolicy(kind: EntityKind, entity: Attachable, name: string): { policyName: string; document: string } {
  const key = inlineKey(kind, entity, name);
  return { policyName: key, document: entity.inlinePolicies.get(key)! };
}

function deleteInline(world: World, kind: EntityKind, entity: Attachable, name: string): void {
  entity.inlinePolicies.delete(inlineKey(kind, entity, name));
  bumpPolicyVersion(world);
}

export function putRolePolicy(world: World, accountId: string, roleName: string, policyName: string, document: PolicyDocumentInput): void {
  const role = getRole(world, accountId, roleName);
  protectServiceLinkedRole(role);
  putInline(world, 'role', role, policyName, document);
}

export function deleteRolePolicy(world: World, accountId: string, roleName: string, policyName: string): void {
  const role = getRole(world, accountId, roleName);
  protectServiceLinkedRole(role);
  deleteInline(world, 'role', role, policyName);
}

export function putUserPolicy(world: World, accountId: string, userName: string, policyName: string, document: PolicyDocumentInput): void {
  putInline(world, 'user', getUser(world, accountId, userName), policyName, document);
}

export function deleteUserPolicy(world: World, accountId: string, userName: string, policyName: string): void {
  deleteInline(world, 'user', getUser(world, accountId, userName), policyName);
}

export function putGroupPolicy(world: World, accountId: string, groupName: string, policyName: string, document: PolicyDocumentInput): void {
  putInline(world, 'group', getGroup(world, accountId, groupName), policyName, document);
}

export function deleteGroupPolicy(world: World, accountId: string, groupName: string, policyName: string): void {
  deleteInline(world, 'group', getGroup(world, accountId, groupName), policyName);
}

// ---------------------------------------------------------------------------------------------
// Access keys

export interface AccessKey {
  userName: string;
  accessKeyId: string;
  secretAccessKey: string;
  status: 'Active' | 'Inactive';
  createDate: Date;
}

function userIdentity(accountId: string, user: User): PrincipalIdentity {
  return { type: 'user', accountId, arn: user.arn, userName: user.userName, userId: user.userId };
}

export function createAccessKey(
  world: World,
  accountId: string,
  userName: string,
  fixed?: { accessKeyId: string; secretAccessKey: string },
): AccessKey {
  const user = getUser(world, accountId, userName);
  if (user.accessKeys.length >= QUOTAS.AccessKeysPerUserQuota) {
    throw limitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${QUOTAS.AccessKeysPerUserQuota}`);
  }
  const accessKeyId = fixed?.accessKeyId ?? `AKIA${newId(world, 16, UPPER_ALNUM)}`;
  const secretAccessKey = fixed?.secretAccessKey ?? newId(world, 40, SECRET_ALPHABET);
  const createDate = now(world);
  const record: CredentialRecord = { accessKeyId, secretAccessKey, status: 'Active', identity: userIdentity(accountId, user) };
  world.credentials.set(accessKeyId, record);
  user.accessKeys.push({ accessKeyId, createDate });
  return { userName: user.userName, accessKeyId, secretAccessKey, status: 'Active', createDate };
}

export function listAccessKeys(world: World, accountId: string, userName: string): Omit<AccessKey, 'secretAccessKey'>[] {
  const user = getUser(world, accountId, userName);
  return user.accessKeys.map((k) => ({
    userName: user.userName,
    accessKeyId: k.accessKeyId,
    status: world.credentials.get(k.accessKeyId)?.status ?? 'Inactive',
    createDate: k.createDate,
  }));
}

function userKey(world: World, accountId: string, userName: string, accessKeyId: string): User {
  const user = getUser(world, accountId, userName);
  if (!user.accessKeys.some((k) => k.accessKeyId === accessKeyId)) throw notFound.accessKey(accessKeyId);
  return user;
}

export function updateAccessKey(world: World, accountId: string, userName: string, accessKeyId: string, status: 'Active' | 'Inactive'): void {
  userKey(world, accountId, userName, accessKeyId);
  world.credentials.get(accessKeyId)!.status = status;
}

export function deleteAccessKey(world: World, accountId: string, userName: string, accessKeyId: string): void {
  const user = userKey(world, accountId, userName, accessKeyId);
  user.accessKeys = user.accessKeys.filter((k) => k.accessKeyId !== accessKeyId);
  world.credentials.delete(accessKeyId);
}

/** The user owning an access key of this account, if any. */
export function accessKeyOwner(world: World, accountId: string, accessKeyId: string): User | undefined {
  const identity = world.credentials.get(accessKeyId)?.identity;
  if (identity?.type !== 'user' || identity.accountId !== accountId) return undefined;
  return findUserByArn(world, identity.arn);
}

// ---------------------------------------------------------------------------------------------
// Service-linked roles

const SERVICE_LINKED_ROLES: Record<string, { roleName: string; policy: string; description: string }> = {
  'ram.amazonaws.com': {
    roleName: 'AWSServiceRoleForResourceAccessManager',
    policy: 'arn:aws:iam::aws:policy/aws-service-role/AWSResourceAccessManagerServiceRolePolicy',
    description: 'Service-linked role for AWS Resource Access Manager',
  },
  'organizations.amazonaws.com': {
    roleName: 'AWSServiceRoleForOrganizations',
    policy: 'arn:aws:iam::aws:policy/aws-service-role/AWSOrganizationsServiceTrustPolicy',
    description: 'Service-linked role used by AWS Organizations to enable integration of other AWS services with Organizations.',
  },
  'license-manager.amazonaws.com': {
    roleName: 'AWSServiceRoleForAWSLicenseManagerRole',
    policy: 'arn:aws:iam::aws:policy/aws-service-role/AWSLicenseManagerServiceRolePolicy',
    description: 'Service-linked role for AWS License Manager',
  },
};

/** The ARN the service-linked role of `awsServiceName` has (or would have) in the account. */
export function serviceLinkedRoleArn(accountId: string, awsServiceName: string): string | undefined {
  const known = SERVICE_LINKED_ROLES[awsServiceName];
  return known && `arn:aws:iam::${accountId}:role/aws-service-role/${awsServiceName}/${known.roleName}`;
}

export function createServiceLinkedRole(
  world: World,
  accountId: string,
  awsServiceName: string,
  options: { description?: string; customSuffix?: string } = {},
): Role {
  const known = SERVICE_LINKED_ROLES[awsServiceName];
  if (!known) throw invalidInput(`Service role name for ${awsServiceName} has not been defined.`);
  if (options.customSuffix !== undefined) {
    throw invalidInput(`Custom suffix is not allowed for ${awsServiceName}`);
  }
  const account = iamAccount(world, accountId);
  if (account.roles.has(known.roleName.toLowerCase())) {
    throw invalidInput(`Service role name ${known.roleName} has been taken in this account, please try a different suffix.`);
  }
  const role = createRole(world, accountId, {
    roleName: known.roleName,
    path: `/aws-service-role/${awsServiceName}/`,
    description: options.description ?? known.description,
    assumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: awsServiceName }, Action: 'sts:AssumeRole' }],
    },
  });
  attach(world, accountId, 'role', role, known.policy);
  return role;
}

export function deleteServiceLinkedRole(world: World, accountId: string, roleName: string): string {
  const role = getRole(world, accountId, roleName);
  if (!role.path.startsWith('/aws-service-role/')) {
    throw invalidInput(`Role ${role.arn} is not a service-linked role.`);
  }
  for (const arn of role.attachedPolicies) countDown(iamAccount(world, accountId).attachmentCounts, arn);
  role.attachedPolicies = [];
  role.inlinePolicies.clear();
  removeRole(world, accountId, role);
  const taskId = `task${role.path}${role.roleName}/${newId(world, 36, UPPER_ALNUM.toLowerCase())}`;
  collection(iamAccount(world, accountId), 'deletionTasks').set(taskId, 'SUCCEEDED');
  return taskId;
}

export function serviceLinkedRoleDeletionStatus(world: World, accountId: string, taskId: string): 'SUCCEEDED' {
  const status = collection(iamAccount(world, accountId), 'deletionTasks').get(taskId);
  if (!status) throw notFound.deletionTask(taskId);
  return status;
}

// ---------------------------------------------------------------------------------------------
// Account aliases and summary

export function createAccountAlias(world: World, accountId: string, alias: string): void {
  if (!/^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$/.test(alias)) {
    throw validationError('accountAlias', alias, 'Member must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$');
  }
  const state = serviceState(world, 'iam', emptyIamState);
  for (const [id, account] of state.accounts) {
    if (id !== accountId && account.aliases.includes(alias)) throw entityAlreadyExists(`The account alias ${alias} already exists.`);
  }
  // An account has at most one alias: a new one replaces it.
  iamAccount(world, accountId).aliases = [alias];
}

export function accountSummary(world: World, accountId: string): Record<string, number> {
  const account = iamAccount(world, accountId);
  const users = [...collection(account, 'users').values()];
  const policyVersions = [...collection(account, 'policies').values()].reduce((n, p) => n + p.versions.length, 0);
  return {
    ...QUOTAS,
    Users: users.length,
    Groups: collection(account, 'groups').size,
    Roles: account.roles.size,
    Policies: collection(account, 'policies').size,
    PolicyVersionsInUse: policyVersions,
    InstanceProfiles: 0,
    ServerCertificates: 0,
    MFADevices: 0,
    MFADevicesInUse: 0,
    Providers: 0,
    AccountMFAEnabled: 0,
    AccountAccessKeysPresent: 0,
    AccountPasswordPresent: 0,
    AccountSigningCertificatesPresent: 0,
    GlobalEndpointTokenVersion: 1,
  };
}

// ---------------------------------------------------------------------------------------------
// Authorization input for the core

export interface NamedPolicy {
  name: string;
  policy: unknown;
}

function managedNamed(world: World, accountId: string, arns: string[]): NamedPolicy[] {
  return arns.flatMap((arn) => {
    const policy = findPolicy(world, accountId, arn);
    return policy ? [{ name: arn, policy: parsedPolicy(policyDocumentOf(policy)) }] : [];
  });
}

function inlineNamed(prefix: string, policies: Map<string, string>): NamedPolicy[] {
  return [...policies].map(([name, document]) => ({ name: `${prefix}/${name}`, policy: parsedPolicy(document) }));
}

function boundaryOf(world: World, accountId: string, arn: string | undefined): { permissionBoundaries?: NamedPolicy[] } {
  return arn ? { permissionBoundaries: managedNamed(world, accountId, [arn]) } : {};
}

export interface EntityPolicies {
  identityPolicies: NamedPolicy[];
  permissionBoundaries?: NamedPolicy[];
}

/**
 * The identity-based policies and permissions boundary of a user (with its groups'), role or group.
 * Names: a managed policy's ARN, or `<entity ARN>/<inline policy name>`.
 */
export function entityPolicies(world: World, arn: string): EntityPolicies | undefined {
  const match = /^arn:aws:iam::(\d{12}):(user|group|role)\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (!match) return undefined;
  const [, accountId, kind, name] = match;
  const account = (world.services.iam as IamState | undefined)?.accounts.get(accountId);
  if (kind === 'group') {
    const group = account?.groups?.get(name.toLowerCase());
    if (!group || group.arn !== arn) return undefined;
    return { identityPolicies: [...inlineNamed(group.arn, group.inlinePolicies), ...managedNamed(world, accountId, group.attachedPolicies)] };
  }
  if (kind === 'role') {
    const role = findRoleByArn(world, arn);
    if (!role) return undefined;
    return {
      identityPolicies: [...inlineNamed(role.arn, role.inlinePolicies), ...managedNamed(world, accountId, role.attachedPolicies)],
      ...boundaryOf(world, accountId, role.permissionsBoundary),
    };
  }
  const user = findUserByArn(world, arn);
  if (!user || !account) return undefined;
  const groups = user.groupNames.flatMap((g) => account.groups?.get(g.toLowerCase()) ?? []);
  return {
    identityPolicies: [
      ...inlineNamed(user.arn, user.inlinePolicies),
      ...managedNamed(world, accountId, user.attachedPolicies),
      ...groups.flatMap((g) => [...inlineNamed(g.arn, g.inlinePolicies), ...managedNamed(world, accountId, g.attachedPolicies)]),
    ],
    ...boundaryOf(world, accountId, user.permissionsBoundary),
  };
}

/**
 * The identity-based policies and permissions boundary in force for a principal. A deleted user or
 * role keeps signing (its keys or sessions may outlive it) but has no permissions; so does a
 * session of a role deleted and created again under the same name.
 */
export function principalPolicies(world: World, identity: PrincipalIdentity): EntityPolicies {
  if (identity.type === 'root') return { identityPolicies: [] };
  if (identity.type === 'assumed-role') {
    const role = findRoleByArn(world, identity.roleArn);
    if (!role || role.roleId !== identity.roleId) return { identityPolicies: [] };
    return entityPolicies(world, identity.roleArn)!;
  }
  const user = findUserByArn(world, identity.arn);
  if (!user || user.userId !== identity.userId) return { identityPolicies: [] };
  return entityPolicies(world, identity.arn)!;
}
