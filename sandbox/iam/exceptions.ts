// IAM's errors with the codes, HTTP statuses and messages AWS returns (botocore model + observed messages).
import { AwsError } from '../core/errors.js';

export function noSuchEntity(message: string): AwsError {
  return new AwsError('NoSuchEntity', message, { status: 404 });
}

export function entityAlreadyExists(message: string): AwsError {
  return new AwsError('EntityAlreadyExists', message, { status: 409 });
}

export function deleteConflict(message: string): AwsError {
  return new AwsError('DeleteConflict', message, { status: 409 });
}

export function limitExceeded(message: string): AwsError {
  return new AwsError('LimitExceeded', message, { status: 409 });
}

export function malformedPolicyDocument(message: string): AwsError {
  return new AwsError('MalformedPolicyDocument', message);
}

export function invalidInput(message: string): AwsError {
  return new AwsError('InvalidInput', message);
}

export function policyNotAttachable(message: string): AwsError {
  return new AwsError('PolicyNotAttachable', message);
}

export function unmodifiableEntity(roleName: string): AwsError {
  return new AwsError(
    'UnmodifiableEntity',
    `Cannot perform the operation on the protected role '${roleName}' - this role is only modifiable by AWS`,
  );
}

/** AWS's wording for a member that breaks its shape's constraint, e.g. `roleName` too long. */
export function validationError(member: string, value: unknown, constraint: string): AwsError {
  return new AwsError(
    'ValidationError',
    `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: ${constraint}`,
  );
}

export const notFound = {
  user: (name: string) => noSuchEntity(`The user with name ${name} cannot be found.`),
  role: (name: string) => noSuchEntity(`The role with name ${name} cannot be found.`),
  group: (name: string) => noSuchEntity(`The group with name ${name} cannot be found.`),
  policy: (arn: string) => noSuchEntity(`Policy ${arn} was not found.`),
  attachablePolicy: (arn: string) => noSuchEntity(`Policy ${arn} does not exist or is not attachable.`),
  policyVersion: (arn: string, versionId: string) =>
    noSuchEntity(`Policy ${arn} version ${versionId} does not exist or is not attachable.`),
  inlinePolicy: (kind: 'user' | 'role' | 'group', name: string) =>
    noSuchEntity(`The ${kind} policy with name ${name} cannot be found.`),
  accessKey: (id: string) => noSuchEntity(`The Access Key with id ${id} cannot be found.`),
  deletionTask: (id: string) => noSuchEntity(`Deletion task ${id} cannot be found.`),
};
