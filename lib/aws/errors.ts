// Turns AWS SDK errors into messages an admin can act on: which call, which account, what to fix.
import { MemberAccessError } from './clients';
import { config } from '../config';

export interface ErrorContext {
  /** The API operation as AWS names it, with its service prefix: 'organizations:ListChildren'. */
  operation: string;
  accountId?: string;
  region?: string;
}

interface SdkErrorLike {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

export function awsErrorCode(error: unknown): string {
  const e = error as SdkErrorLike;
  return e?.Code ?? e?.code ?? e?.name ?? 'Error';
}

export function awsRequestId(error: unknown): string | undefined {
  return (error as SdkErrorLike)?.$metadata?.requestId;
}

/** What kind of failure an error is, for pages that must say so (the header's standing, a retry message). */
export type FailureKind = 'unreachable' | 'not-aws' | 'credentials' | 'denied' | 'throttled' | 'other';

const CREDENTIALS = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'ExpiredToken',
  'ExpiredTokenException',
  'CredentialsProviderError',
]);
const THROTTLED = new Set(['TooManyRequestsException', 'Throttling', 'ThrottlingException', 'RequestLimitExceeded']);

function isNetworkFailure(error: unknown): boolean {
  const e = error as SdkErrorLike & { cause?: { code?: string } };
  const code = awsErrorCode(error);
  const networkCode = e?.cause?.code ?? e?.code;
  return NETWORK.has(code) || (!!networkCode && NETWORK.has(networkCode)) || /ECONNREFUSED|fetch failed|socket hang up/.test(e?.message ?? '');
}

/**
 * An HTTP answer that is not AWS's: a body the SDK could not parse (an HTML page), or a status with no AWS
 * request ID. AWS (and the sandbox) put a request ID on every answer, errors included.
 */
function notAwsAnswer(error: unknown): number | undefined {
  const e = error as SdkErrorLike;
  const status = e?.$metadata?.httpStatusCode;
  if (status === undefined) return undefined;
  if (e.name === 'SyntaxError' || /Deserialization error/.test(e.message ?? '') || !e.$metadata?.requestId) return status;
  return undefined;
}

export function failureKind(error: unknown): FailureKind {
  const inner = error instanceof MemberAccessError ? error.cause : error;
  if (isNetworkFailure(inner)) return 'unreachable';
  if (notAwsAnswer(inner) !== undefined) return 'not-aws';
  const code = awsErrorCode(inner);
  if (CREDENTIALS.has(code)) return 'credentials';
  if (ACCESS_DENIED.has(code)) return 'denied';
  if (THROTTLED.has(code)) return 'throttled';
  return 'other';
}

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError']);
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'TimeoutError']);

function where(ctx: ErrorContext): string {
  const parts = [ctx.accountId && `in ${ctx.accountId}`, ctx.region && `(${ctx.region})`].filter(Boolean);
  return parts.length ? ` ${parts.join(' ')}` : '';
}

/** One sentence (or two) for the admin: what failed, where, and what to change. */
export function explainAwsError(error: unknown, ctx: ErrorContext): string {
  if (error instanceof MemberAccessError) {
    const inner = explainAwsError(error.cause, { operation: 'sts:AssumeRole', region: ctx.region });
    const code = awsErrorCode(error.cause);
    if (ACCESS_DENIED.has(code)) {
      return (
        `The console cannot reach account ${error.accountId}: assuming ${error.roleArn} was refused. ` +
        `Check that the role exists, that its trust policy allows the console's identity, and that the console's ` +
        `identity may call sts:AssumeRole on it (or set CROSSING_MEMBER_ROLE to the role used in member accounts).`
      );
    }
    return `The console cannot reach account ${error.accountId} through ${error.roleArn}: ${inner}`;
  }
  const e = error as SdkErrorLike & { cause?: { code?: string } };
  const code = awsErrorCode(error);
  const message = e?.message ?? String(error);
  if (isNetworkFailure(error)) {
    const endpoint = config().endpoint ?? 'AWS';
    return `${ctx.operation} failed: the endpoint ${endpoint} cannot be reached (${e?.cause?.code ?? e?.code ?? code}). ` +
      (config().mode === 'sandbox' ? 'Is the sandbox running? Start the console with npm start.' : 'Check the network path to AWS.');
  }
  const status = notAwsAnswer(error);
  if (status !== undefined) {
    const endpoint = config().endpoint ?? 'AWS';
    return `The endpoint at ${endpoint} answered ${ctx.operation} with HTTP ${status}${where(ctx)}, which is not an AWS answer: it may not offer this operation.`;
  }
  if (ACCESS_DENIED.has(code)) {
    const scp = /service control policy/i.test(message) ? ' A service control policy denies it: change the SCP or act from another account.' : '';
    const boundary = /permissions boundary/i.test(message) ? ' A permissions boundary denies it.' : '';
    return `The console's identity lacks ${ctx.operation}${where(ctx)}. Allow it in the identity's IAM policy.${scp}${boundary} (AWS said: ${message})`;
  }
  switch (code) {
    // RAM's refusal by its own rules (not the owner, outside the organization, not the management account):
    // no IAM permission fixes it, and AWS's message says which rule.
    case 'OperationNotPermittedException':
      return `${ctx.operation} was refused${where(ctx)}: ${message}`;
    // Answers to accepting or rejecting an invitation that is no longer pending (RAM's own rules).
    case 'ResourceShareInvitationAlreadyAcceptedException':
      return `The invitation was already accepted${where(ctx)}: its resources are shared with the account, and rejecting it is no longer possible (leave the share instead).`;
    case 'ResourceShareInvitationAlreadyRejectedException':
      return `The invitation was already rejected${where(ctx)}: it cannot be accepted now. Ask the sender to share again.`;
    case 'ResourceShareInvitationExpiredException':
      return `The invitation has expired${where(ctx)}: it can no longer be accepted or rejected. Ask the sender to share again.`;
    case 'ResourceShareInvitationArnNotFoundException':
      return `AWS does not know this invitation${where(ctx)}: the share may have been deleted or the account removed from it, or AWS dropped the invitation (about 7 days after it was answered or expired).`;
    case 'AWSOrganizationsNotInUseException':
      return `${ctx.operation} failed${where(ctx)}: the account is not a member of an organization.`;
    case 'InvalidClientTokenId':
    case 'UnrecognizedClientException':
    case 'InvalidSignatureException':
    case 'SignatureDoesNotMatch':
    case 'IncompleteSignature':
      return `${ctx.operation} failed: AWS does not accept the console's credentials (${code}). Check the credentials the console runs with.`;
    case 'ExpiredToken':
    case 'ExpiredTokenException':
      return `${ctx.operation} failed: the console's session credentials have expired. Refresh them (for SSO: aws sso login) and retry.`;
    case 'CredentialsProviderError':
      return `${ctx.operation} failed: no AWS credentials found in the default chain (environment, profile, SSO, container or instance role).`;
    case 'TooManyRequestsException':
    case 'Throttling':
    case 'ThrottlingException':
      return `${ctx.operation} was throttled by AWS${where(ctx)} even after retries. Wait a moment and retry.`;
    default:
      return `${ctx.operation} failed${where(ctx)}: ${code}: ${message}`;
  }
}

/**
 * For pages that make several independent reads: a read that fails adds its explanation to `problems`
 * and yields undefined, so the page shows what it could read and why the rest is missing.
 */
export function explainingReader(problems: string[], ctx: Omit<ErrorContext, 'operation'>) {
  return async <T>(operation: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      problems.push(explainAwsError(error, { ...ctx, operation }));
      return undefined;
    }
  };
}
