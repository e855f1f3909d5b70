// What the admin hands the user once access works: the console's switch-role link (where the console can use
// the role), a ~/.aws/config profile, and the equivalent aws sts assume-role command. The role's ARN comes from
// IAM, and IAM paths may hold any printable character ($, (, ;, # …): the command passes every value in
// --cli-input-json (lib/plan/shell.ts), and a profile is offered only when each of its values is one a config
// file reader takes as written.
import { awsCommand } from '../plan/shell';
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
  /** Undefined when a value could be misread in ~/.aws/config (profileOmitted says which). */
  profile?: string;
  profileOmitted?: string;
  command: string;
}

// INI readers differ on comments (; #), brackets, quotes and spaces, and a line break starts a new setting:
// only values made of these characters read the same everywhere. IAM names, ARNs without an unusual path and
// ExternalIds all are.
const INI_SAFE = /^[A-Za-z0-9_+=,.@:/-]+$/;

function iniProblem(settings: [string, string][]): string | undefined {
  for (const [key, value] of settings) {
    if (INI_SAFE.test(value)) continue;
    const odd = [...new Set(value.replace(/[A-Za-z0-9_+=,.@:/-]/g, ''))].map((c) => JSON.stringify(c)).join(' ');
    return `No ~/.aws/config profile: its ${key} holds ${odd}, which config file readers do not all take as written (comments, quotes, line breaks, spaces). Use the AWS CLI command: it passes the value exactly.`;
  }
  return undefined;
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
  const sessionName = source?.name ?? 'crossing';
  const profileName = `${bareName}-${accountId}`.toLowerCase();
  const settings: [string, string][] = [
    ['role_arn', input.roleArn],
    ['source_profile', chained ? `${source!.name.toLowerCase()}-${source!.accountId}` : 'default'],
    ...(input.externalId ? [['external_id', input.externalId] as [string, string]] : []),
    ...(mfaSerial ? [['mfa_serial', mfaSerial] as [string, string]] : []),
    ['duration_seconds', String(duration)],
    ['role_session_name', sessionName],
  ];
  const profileOmitted = iniProblem([['profile name', profileName], ...settings]);
  const command = awsCommand({
    service: 'sts',
    operation: 'assume-role',
    input: { RoleArn: input.roleArn, RoleSessionName: sessionName, ExternalId: input.externalId, SerialNumber: mfaSerial, DurationSeconds: duration },
    // Typed by the user: the code their device shows.
    trailer: mfaSerial ? '--token-code CODE_FROM_YOUR_MFA_DEVICE' : undefined,
  });
  let switchRoleOmitted: string | undefined;
  if (input.externalId) switchRoleOmitted = 'The role requires an ExternalId, which the console\'s switch-role cannot pass: use the profile or the command.';
  else if (chained) switchRoleOmitted = 'The source is a role: role chaining cannot be used from the AWS Management Console.';
  const params = new URLSearchParams({ account: accountId, roleName, displayName: (input.displayName ?? `${bareName} @ ${accountId}`).slice(0, 64) });
  return {
    switchRoleUrl: switchRoleOmitted ? undefined : `https://signin.aws.amazon.com/switchrole?${params.toString()}`,
    switchRoleOmitted,
    profileName,
    profile: profileOmitted ? undefined : [`[profile ${profileName}]`, ...settings.map(([k, v]) => `${k} = ${v}`)].join('\n'),
    profileOmitted,
    command,
  };
}
