// STS sessions: temporary credentials (ASIA keys with a session token) registered in world.credentials,
// expiring on the sandbox clock. Who may assume what is decided in responses.ts with the core's authorizer.
import { randomBytes } from 'node:crypto';
import type { CredentialRecord, PrincipalIdentity, World } from '../core/types.js';
import { nowMs, UPPER_ALNUM } from '../core/world.js';
import { recordRoleUse, type Role } from '../iam/models.js';
import { validationError } from './exceptions.js';

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Role chaining: a role session assuming a role gets at most one hour. */
export const CHAINED_SESSION_LIMIT = 3600;
export const DEFAULT_SESSION_DURATION = 3600;

/** Random, not derived from the seed: AWS never issues the same key twice, even to a world reset to the same seed. */
function randomId(length: number, alphabet: string): string {
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

function issue(world: World, identity: PrincipalIdentity, durationSeconds: number): CredentialRecord {
  const record: CredentialRecord = {
    accessKeyId: `ASIA${randomId(16, UPPER_ALNUM)}`,
    secretAccessKey: randomId(40, SECRET_ALPHABET),
    // Real tokens are opaque base64 blobs of a few hundred characters.
    sessionToken: `IQoJb3JpZ2luX2VjE${randomId(300, SECRET_ALPHABET)}`,
    expiresAt: nowMs(world) + durationSeconds * 1000,
    status: 'Active',
    identity,
  };
  world.credentials.set(record.accessKeyId, record);
  return record;
}

/** The session duration AWS grants, or its ValidationError. */
export function sessionDuration(role: Role, caller: PrincipalIdentity, requested: number | undefined): number {
  const duration = requested ?? DEFAULT_SESSION_DURATION;
  if (caller.type === 'assumed-role' && duration > CHAINED_SESSION_LIMIT) {
    throw validationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  }
  if (duration > role.maxSessionDuration) {
    throw validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  return duration;
}

/** Credentials for a session of `role` (the caller was already authorized). */
export function startRoleSession(
  world: World,
  caller: PrincipalIdentity,
  role: Role,
  sessionName: string,
  durationSeconds: number,
  region: string,
): CredentialRecord {
  const accountId = role.arn.split(':')[4];
  const identity: PrincipalIdentity = {
    type: 'assumed-role',
    accountId,
    arn: `arn:aws:sts::${accountId}:assumed-role/${role.roleName}/${sessionName}`,
    roleArn: role.arn,
    roleName: role.roleName,
    roleId: role.roleId,
    sessionName,
    chained: caller.type === 'assumed-role',
  };
  recordRoleUse(world, role, region);
  return issue(world, identity, durationSeconds);
}

/** GetSessionToken: the same identity with temporary credentials. */
export function startUserSession(world: World, caller: PrincipalIdentity, durationSeconds: number): CredentialRecord {
  return issue(world, caller, durationSeconds);
}

/** GetCallerIdentity's UserId: a user's AIDA id, `AROA...:session` for a role session, the account for root. */
export function callerUserId(identity: PrincipalIdentity): string {
  switch (identity.type) {
    case 'root':
      return identity.accountId;
    case 'user':
      return identity.userId;
    case 'assumed-role':
      return `${identity.roleId}:${identity.sessionName}`;
  }
}
