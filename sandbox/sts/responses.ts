// STS operations. AssumeRole authorizes itself (action: null): the caller's identity policies and the
// role's trust policy are evaluated together by the core, with the request's STS context keys.
import { isAwsError } from '../core/errors.js';
import type { CredentialRecord, OperationSpec, WireInput } from '../core/types.js';
import { findRoleByArn, parsedPolicy } from '../iam/models.js';
import { assumeRoleDenied, sessionCredentialsNotAllowed, validationError } from './exceptions.js';
import { callerUserId, sessionDuration, startRoleSession, startUserSession } from './models.js';

type Input = WireInput;

function credentials(record: CredentialRecord) {
  return {
    AccessKeyId: record.accessKeyId,
    SecretAccessKey: record.secretAccessKey,
    SessionToken: record.sessionToken,
    Expiration: new Date(record.expiresAt!),
  };
}

function requestContext(input: Input): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = { 'sts:RoleSessionName': input.RoleSessionName };
  if (input.ExternalId !== undefined) context['sts:ExternalId'] = input.ExternalId;
  if (input.SourceIdentity !== undefined) context['sts:SourceIdentity'] = input.SourceIdentity;
  const tags: { Key: string; Value: string }[] = input.Tags ?? [];
  if (tags.length > 0) context['aws:TagKeys'] = tags.map((t) => t.Key);
  for (const tag of tags) context[`aws:RequestTag/${tag.Key}`] = tag.Value;
  return context;
}

export const operations: Record<string, OperationSpec<Input>> = {
  GetCallerIdentity: {
    action: null,
    handler: (ctx) => ({ UserId: callerUserId(ctx.caller), Account: ctx.caller.accountId, Arn: ctx.caller.arn }),
  },
  AssumeRole: {
    action: null,
    handler: async (ctx, input) => {
      const role = findRoleByArn(ctx.world, input.RoleArn);
      // A missing role is denied in the same words as one the caller may not assume.
      if (!role) throw assumeRoleDenied(ctx.caller.arn, input.RoleArn);
      try {
        await ctx.authorize('sts:AssumeRole', role.arn, {
          resourcePolicy: parsedPolicy(role.assumeRolePolicyDocument),
          context: requestContext(input),
        });
      } catch (error) {
        if (isAwsError(error) && error.code === 'AccessDenied') throw assumeRoleDenied(ctx.caller.arn, role.arn);
        throw error;
      }
      const duration = sessionDuration(role, ctx.caller, input.DurationSeconds);
      const session = startRoleSession(ctx.world, ctx.caller, role, input.RoleSessionName, duration, ctx.region);
      const identity = session.identity as Extract<CredentialRecord['identity'], { type: 'assumed-role' }>;
      return {
        Credentials: credentials(session),
        AssumedRoleUser: { AssumedRoleId: `${identity.roleId}:${identity.sessionName}`, Arn: identity.arn },
        SourceIdentity: input.SourceIdentity,
      };
    },
  },
  GetSessionToken: {
    handler: (ctx, input) => {
      if (ctx.caller.type === 'assumed-role' || ctx.credential.sessionToken !== undefined) throw sessionCredentialsNotAllowed();
      const duration: number = input.DurationSeconds ?? (ctx.caller.type === 'root' ? 3600 : 43200);
      if (ctx.caller.type === 'root' && duration > 3600) {
        throw validationError('The requested DurationSeconds exceeds the 1 hour session limit for the root user.');
      }
      return { Credentials: credentials(startUserSession(ctx.world, ctx.caller, duration)) };
    },
  },
};
