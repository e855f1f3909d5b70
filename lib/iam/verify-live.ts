// Verification against the live accounts: the source's policies, the SCPs on its path and the role's trust
// read now, then evaluated (verify.ts); and, where the console can act as the source (a role it may assume),
// a real sts:AssumeRole, retried with backoff while IAM propagates a new role or policy.
import { setTimeout as sleep } from 'node:timers/promises';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { clientWithCredentials, getClient } from '../aws/clients';
import { awsErrorCode, explainAwsError } from '../aws/errors';
import type { ConsoleContext } from '../aws/identity';
import { organizationAccounts } from '../organizations/accounts';
import { serviceControlPath } from '../organizations/scp-path';
import { PlanError } from '../plan/build';
import { principalPolicies, roleDetails } from './read';
import { isWholeAccount, normalizePrincipal, trustedPrincipals } from './trust';
import { parsePrincipalArn } from './validation';
import { evaluateAccess, VERIFY_SESSION_NAME, type Verification } from './verify';

export interface VerifyRequest {
  principal: string;
  roleArn: string;
  withMfa: boolean;
  /** Default: the ExternalId the trust policy requires of this principal (what the hand-off gives the user). */
  externalId?: string;
}

export interface LiveAssume {
  ran: boolean;
  ok?: boolean;
  attempts?: number;
  tookMs?: number;
  /** Why it was not run, or how it failed. */
  detail: string;
}

export interface LiveVerification extends Verification {
  roleArn: string;
  principal: string;
  externalId?: string;
  rolePermissions: string[];
  live: LiveAssume;
}

const DENIED = new Set(['AccessDenied', 'AccessDeniedException']);

/** sts:AssumeRole with `client`, retried on AccessDenied with backoff (a new role takes seconds to be assumable). */
export async function assumeWithBackoff(client: STSClient, input: { RoleArn: string; ExternalId?: string }, budgetMs = 30_000): Promise<LiveAssume> {
  const started = Date.now();
  let delay = 500;
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(new AssumeRoleCommand({ ...input, RoleSessionName: VERIFY_SESSION_NAME, DurationSeconds: 900 }));
      const tookMs = Date.now() - started;
      return { ran: true, ok: true, attempts: attempt, tookMs, detail: `sts:AssumeRole succeeded after ${attempt} attempt${attempt === 1 ? '' : 's'} (${(tookMs / 1000).toFixed(1)} s).` };
    } catch (error) {
      const tookMs = Date.now() - started;
      if (!DENIED.has(awsErrorCode(error)) || tookMs + delay > budgetMs) {
        return { ran: true, ok: false, attempts: attempt, tookMs, detail: `sts:AssumeRole failed after ${attempt} attempts over ${(tookMs / 1000).toFixed(1)} s: ${(error as Error).message}` };
      }
      await sleep(delay);
      delay = Math.min(delay * 2, 8_000);
    }
  }
}

/** Credentials of the source role, if the console may assume it (its own identity, else its account's member role). */
async function actAsSourceRole(roleArn: string, accountId: string) {
  const attempts = [getClient(STSClient), getClient(STSClient, { accountId })];
  let last: unknown;
  for (const sts of attempts) {
    try {
      const c = (await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: VERIFY_SESSION_NAME, DurationSeconds: 900 }))).Credentials!;
      return { credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken } };
    } catch (error) {
      last = error;
    }
  }
  return { error: explainAwsError(last, { operation: 'sts:AssumeRole', accountId }) };
}

async function liveAssume(request: VerifyRequest, externalId: string | undefined): Promise<LiveAssume> {
  const source = parsePrincipalArn(request.principal);
  if (!source) return { ran: false, detail: 'The source is a whole account: there is no one principal to act as. Hand the profile to a user there and let them run the assume-role command.' };
  if (source.kind === 'user') return { ran: false, detail: `The console holds no credentials of user ${source.name}, so it cannot act as them: the user runs the assume-role command from the hand-off.` };
  const acting = await actAsSourceRole(request.principal, source.accountId);
  if (!acting.credentials) return { ran: false, detail: `The console cannot act as role ${source.name}: ${acting.error}` };
  return assumeWithBackoff(clientWithCredentials(STSClient, acting.credentials), { RoleArn: request.roleArn, ...(externalId ? { ExternalId: externalId } : {}) });
}

export async function verifyAccess(request: VerifyRequest, context: ConsoleContext, options: { live?: boolean } = {}): Promise<LiveVerification> {
  const [, , , , roleAccount, resource] = request.roleArn.split(':');
  const roleName = resource.split('/').pop()!;
  const role = await roleDetails(roleAccount, roleName);
  if (!role) throw new PlanError(`Role ${request.roleArn} does not exist (or the console cannot read it).`);
  const principal = normalizePrincipal(request.principal);
  const sourceAccount = principal.split(':')[4];
  const accounts = await organizationAccounts(context);
  const source = accounts.find((a) => a.id === sourceAccount);
  const readable = !!source && !isWholeAccount(principal);
  const policies = readable ? await principalPolicies(principal) : undefined;
  const scps = !source ? 'none' : sourceAccount === context.organization?.managementAccountId ? 'management' : await serviceControlPath(sourceAccount, source.name);
  const trusted = trustedPrincipals(role.trust).find((t) => normalizePrincipal(t.principal) === principal);
  const externalId = request.externalId ?? trusted?.externalId;
  const verification = await evaluateAccess({
    principal,
    roleArn: role.arn,
    identityPolicies: policies?.identityPolicies,
    permissionsBoundary: policies?.permissionsBoundary,
    serviceControlPolicies: scps,
    trust: role.trust,
    organizationId: source ? context.organization?.id : undefined,
    withMfa: request.withMfa,
    externalId,
  });
  const live: LiveAssume = options.live === false ? { ran: false, detail: 'Not asked for.' } : await liveAssume({ ...request, principal }, externalId);
  return {
    ...verification,
    roleArn: role.arn,
    principal,
    externalId,
    rolePermissions: [...role.attachedPolicies.map((p) => `managed policy ${p.name}`), ...role.inlinePolicyNames.map((n) => `inline policy ${n}`)],
    live,
  };
}
