// Protects: AWS failures reach the admin as messages saying which call, which account and what to fix.
import { describe, expect, it } from 'vitest';
import { explainAwsError } from './errors';

process.env.AWS_ENDPOINT_URL ??= 'http://127.0.0.1:4577';

function awsError(name: string, message: string) {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400, requestId: 'r-1' } });
}

describe('explainAwsError', () => {
  it('names the missing permission and the account', () => {
    const message = explainAwsError(awsError('AccessDeniedException', 'no identity-based policy allows the organizations:ListChildren action'), {
      operation: 'organizations:ListChildren',
      accountId: '100000000001',
    });
    expect(message).toMatch(/^The console's identity lacks organizations:ListChildren in 100000000001/);
  });

  it('points at the SCP when one denies', () => {
    const message = explainAwsError(awsError('AccessDenied', 'with an explicit deny in a service control policy'), { operation: 'iam:CreateRole' });
    expect(message).toMatch(/service control policy denies it/);
  });

  it('does not send the admin to IAM when RAM refuses by its own rules', () => {
    const message = explainAwsError(awsError('OperationNotPermittedException', 'Only the owner of a resource can share it.'), {
      operation: 'ram:AssociateResourceShare',
      accountId: '300000000001',
    });
    expect(message).toBe('ram:AssociateResourceShare was refused in 300000000001: Only the owner of a resource can share it.');
  });

  it('says when the endpoint is down', () => {
    const error = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(explainAwsError(error, { operation: 'sts:GetCallerIdentity' })).toMatch(/cannot be reached/);
  });

  it('explains an organization-less account', () => {
    expect(explainAwsError(awsError('AWSOrganizationsNotInUseException', 'x'), { operation: 'organizations:DescribeOrganization' })).toMatch(
      /not a member of an organization/,
    );
  });

  it('says in plain words why an invitation can no longer be answered', () => {
    const ctx = { operation: 'ram:AcceptResourceShareInvitation', accountId: '300000000004', region: 'us-east-1' };
    expect(explainAwsError(awsError('ResourceShareInvitationExpiredException', 'x'), ctx)).toBe(
      'The invitation has expired in 300000000004 (us-east-1): it can no longer be accepted or rejected. Ask the sender to share again.',
    );
    expect(explainAwsError(awsError('ResourceShareInvitationAlreadyRejectedException', 'x'), ctx)).toMatch(/^The invitation was already rejected .*cannot be accepted now/);
  });
});
