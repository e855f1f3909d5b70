// RAM's errors, with the exception names of the RAM model and messages modelled on AWS's.
import { AwsError } from '../core/errors.js';

const error = (code: string) => (message: string) => new AwsError(code, message);

export const invalidParameter = error('InvalidParameterException');
export const missingRequiredParameter = error('MissingRequiredParameterException');
export const malformedArn = error('MalformedArnException');
export const unknownResource = error('UnknownResourceException');
export const operationNotPermitted = error('OperationNotPermittedException');
export const invalidStateTransition = error('InvalidStateTransitionException');
export const idempotentParameterMismatch = error('IdempotentParameterMismatchException');
export const resourceShareLimitExceeded = error('ResourceShareLimitExceededException');
export const tagLimitExceeded = error('TagLimitExceededException');
export const invalidNextToken = error('InvalidNextTokenException');
export const resourceArnNotFound = error('ResourceArnNotFoundException');
export const invalidResourceType = error('InvalidResourceTypeException');
export const malformedPolicyTemplate = error('MalformedPolicyTemplateException');
export const invalidPolicy = error('InvalidPolicyException');
export const permissionAlreadyExists = error('PermissionAlreadyExistsException');
export const permissionLimitExceeded = error('PermissionLimitExceededException');
export const permissionVersionsLimitExceeded = error('PermissionVersionsLimitExceededException');
export const unmatchedPolicyPermission = error('UnmatchedPolicyPermissionException');

export function malformedResourceArn(arn: string): AwsError {
  return malformedArn(`The specified resource ARN ${arn} is not valid. Verify the ARN and try again.`);
}

export function shareNotFound(arn: string): AwsError {
  return unknownResource(`ResourceShare ${arn} could not be found.`);
}

export function invitationNotFound(arn: string): AwsError {
  return new AwsError(
    'ResourceShareInvitationArnNotFoundException',
    `ResourceShareInvitation ${arn} could not be found.`,
  );
}

export function invitationAlreadyAccepted(arn: string): AwsError {
  return new AwsError(
    'ResourceShareInvitationAlreadyAcceptedException',
    `The resource share invitation ${arn} has already been accepted.`,
  );
}

export function invitationAlreadyRejected(arn: string): AwsError {
  return new AwsError(
    'ResourceShareInvitationAlreadyRejectedException',
    `The resource share invitation ${arn} has already been rejected.`,
  );
}

export function invitationExpired(arn: string): AwsError {
  return new AwsError('ResourceShareInvitationExpiredException', `The resource share invitation ${arn} has expired.`);
}

/** What AWS answers when an organization-only type would reach a principal outside the organization. */
export function organizationOnlyType(): AwsError {
  return operationNotPermitted(
    'The resource you are attempting to share can only be shared within your AWS organization. This error may also ' +
      'occur if you have not enabled sharing with your AWS organization, or that onboarding process is still in progress.',
  );
}

export function enableSharingRefused(reason: string): AwsError {
  return operationNotPermitted(
    `Unable to enable sharing with AWS Organizations. Received AccessDeniedException from AWSOrganizations with the following error message: ${reason}`,
  );
}
