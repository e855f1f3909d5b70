// STS's errors with AWS's codes and messages.
import { AwsError } from '../core/errors.js';

/** AssumeRole's denial: the same words whether the role is missing or does not trust the caller. */
export function assumeRoleDenied(callerArn: string, roleArn: string): AwsError {
  return new AwsError('AccessDenied', `User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, {
    status: 403,
  });
}

export function validationError(message: string): AwsError {
  return new AwsError('ValidationError', message);
}

export function sessionCredentialsNotAllowed(): AwsError {
  return new AwsError('AccessDenied', 'Cannot call GetSessionToken with session credentials', { status: 403 });
}
