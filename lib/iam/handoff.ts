// What the admin hands the user once access works: the console's switch-role link (where the console can use
// the role), a ~/.aws/config profile, and the equivalent aws sts assume-role command.
import { shellQuote } from '../plan/cli';
import { parsePrincipalArn } from './validation';

export interface HandOffInput {
  roleArn: string;
  /** The trusted source principal (user or role ARN, or an account root). */
  principal: string;
  externalId?: string;
  requireMfa: boolean;
  /** The role's maximum session duration, seconds. */
  maxSessionDuration: number;
  displayName?: string;
}

export interface HandOff {
  switchRoleUrl?: string;
  /** Why there is no switch-role link. */
  switchRoleOmitted?: string;
  profileName: string;
  profile: string;
  command: string;
}

export function handOff(input: HandOffInput): HandOff {
  const [, , , , accountId, resource] = input.roleArn.split(':');
  const roleName = resource.slice('role/'.length);
  const bareName = roleName.split('/').pop()!;
  const source = parsePrincipalArn(input.principal);
  const chained = source?.kind === 'role';
  // Role chaining caps sessions at one hour.
  const duration = chained ? Math.min(3600, input.maxSessionDuration) : input.maxSessionDuration;
  const mfaSerial = input.requireMfa && source?.kind === 'user' ? `arn:aws:iam::${source.accountId}:mfa/${source.name}` : input.requireMfa ? 'arn:aws:iam::SOURCE_ACCOUNT:mfa/YOUR_MFA_DEVICE' : undefined;
  const profileName = `${bareName}-${accountId}`.toLowerCase();
  const profile = [
    `[profile ${profileName}]`,
    `role_arn = ${input.roleArn}`,
    `source_profile = ${chained ? `${source!.name.toLowerCase()}-${source!.accountId}` : 'default'}`,
    ...(input.externalId ? [`external_id = ${input.externalId}`] : []),
    ...(mfaSerial ? [`mfa_serial = ${mfaSerial}`] : []),
    `duration_seconds = ${duration}`,
    `role_session_name = ${source?.name ?? 'crossing'}`,
  ].join('\n');
  const command = [
    'aws sts assume-role',
    `--role-arn ${input.roleArn}`,
    `--role-session-name ${shellQuote(source?.name ?? 'crossing')}`,
    ...(input.externalId ? [`--external-id ${shellQuote(input.externalId)}`] : []),
    ...(mfaSerial ? [`--serial-number ${mfaSerial}`, '--token-code CODE_FROM_YOUR_MFA_DEVICE'] : []),
    `--duration-seconds ${duration}`,
  ].join(' ');
  let switchRoleOmitted: string | undefined;
  if (input.externalId) switchRoleOmitted = 'The role requires an ExternalId, which the console\'s switch-role cannot pass: use the profile or the command.';
  else if (chained) switchRoleOmitted = 'The source is a role: role chaining cannot be used from the AWS Management Console.';
  const params = new URLSearchParams({ account: accountId, roleName, displayName: (input.displayName ?? `${bareName} @ ${accountId}`).slice(0, 64) });
  return {
    switchRoleUrl: switchRoleOmitted ? undefined : `https://signin.aws.amazon.com/switchrole?${params.toString()}`,
    switchRoleOmitted,
    profileName,
    profile,
    command,
  };
}
