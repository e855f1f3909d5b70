// Building blocks the seeds share: accounts, the console identity, the member access role.
import type { World } from '../core/types.js';
import { now } from '../core/world.js';
import { attachRolePolicy, attachUserPolicy, createAccessKey, createRole, createUser } from '../iam/models.js';

export const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';
export const READ_ONLY_ACCESS = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
export const SECURITY_AUDIT = 'arn:aws:iam::aws:policy/SecurityAudit';
export const MEMBER_ACCESS_ROLE = 'OrganizationAccountAccessRole';
export const CONSOLE_USER = 'crossing-admin';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export function addAccount(world: World, id: string, name: string, email = `aws+${name}@example.com`): void {
  world.accounts.set(id, { id, name, email, createdAt: now(world) });
}

/** A trust policy letting principals of `principal` (an account id or an ARN) assume the role. */
export function trustPolicy(principal: string): string {
  const aws = /^\d{12}$/.test(principal) ? `arn:aws:iam::${principal}:root` : principal;
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: aws }, Action: 'sts:AssumeRole' }],
  });
}

/** An IAM user with managed policies and (fixed) access keys. */
export function addUser(world: World, accountId: string, userName: string, policyArns: string[], keys?: Credentials): Credentials {
  createUser(world, accountId, { userName });
  for (const arn of policyArns) attachUserPolicy(world, accountId, userName, arn);
  const key = createAccessKey(world, accountId, userName, keys);
  return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
}

/** The console's identity: IAM user crossing-admin with AdministratorAccess; sets world.consoleAccessKeyId. */
export function addConsoleIdentity(world: World, accountId: string, keys?: Credentials): Credentials {
  const credentials = addUser(world, accountId, CONSOLE_USER, [ADMINISTRATOR_ACCESS], keys);
  world.consoleAccessKeyId = credentials.accessKeyId;
  return credentials;
}

export function addRole(world: World, accountId: string, roleName: string, trust: string, policyArns: string[], description?: string): void {
  createRole(world, accountId, { roleName, assumeRolePolicyDocument: trust, description });
  for (const arn of policyArns) attachRolePolicy(world, accountId, roleName, arn);
}

/** OrganizationAccountAccessRole as AWS creates it in accounts created by the organization. */
export function addMemberAccessRole(world: World, accountId: string, trust: string): void {
  addRole(world, accountId, MEMBER_ACCESS_ROLE, trust, [ADMINISTRATOR_ACCESS]);
}
