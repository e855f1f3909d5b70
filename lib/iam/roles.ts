// Reading IAM roles in the console's account or a member account.
import { GetRoleCommand, IAMClient, type Role } from '@aws-sdk/client-iam';
import { getClient, type ClientTarget } from '../aws/clients';
import { awsErrorCode } from '../aws/errors';

/** The role, or undefined when IAM says it does not exist (any other refusal is thrown). */
export async function findRole(roleName: string, target: ClientTarget = {}): Promise<Role | undefined> {
  try {
    return (await getClient(IAMClient, target).send(new GetRoleCommand({ RoleName: roleName }))).Role;
  } catch (error) {
    if (awsErrorCode(error) === 'NoSuchEntity' || awsErrorCode(error) === 'NoSuchEntityException') return undefined;
    throw error;
  }
}
