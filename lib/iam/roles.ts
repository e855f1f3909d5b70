// Reading IAM: what IAM answers when an entity does not exist, and roles in the console's account or a member account.
import { GetRoleCommand, IAMClient, type Role } from '@aws-sdk/client-iam';
import { getClient, type ClientTarget } from '../aws/clients';
import { awsErrorCode } from '../aws/errors';

/** IAM's answer for a user, role or policy that does not exist (NoSuchEntity on the query wire, …Exception in JSON). */
export const isNoSuchEntity = (code: string) => code === 'NoSuchEntity' || code === 'NoSuchEntityException';

/** The call's answer, or undefined where IAM says the entity does not exist (any other refusal is thrown). */
export async function unlessMissing<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (isNoSuchEntity(awsErrorCode(error))) return undefined;
    throw error;
  }
}

/** The role, or undefined when IAM says it does not exist. */
export async function findRole(roleName: string, target: ClientTarget = {}): Promise<Role | undefined> {
  return (await unlessMissing(getClient(IAMClient, target).send(new GetRoleCommand({ RoleName: roleName }))))?.Role;
}
