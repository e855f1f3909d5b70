// Protects: the hand-off a user gets works as given: the switch-role link only where the console can use the
// role (never with an ExternalId, never for role chaining), a profile and an assume-role command carrying the
// ExternalId, MFA device and session length the role needs; no profile where a config file could misread a value.
import { describe, expect, it } from 'vitest';
import { handOff } from './handoff';

const ROLE = 'arn:aws:iam::400000000001:role/DeployFromDev';

describe('hand-off', () => {
  it('for a user: the switch-role link, a profile and the command', () => {
    const out = handOff({ roleArn: ROLE, principal: 'arn:aws:iam::400000000011:user/alice', requireMfa: true, maxSessionDuration: 7200, displayName: 'Deploy prod' });
    expect(out.switchRoleUrl).toBe('https://signin.aws.amazon.com/switchrole?account=400000000001&roleName=DeployFromDev&displayName=Deploy+prod');
    expect(out.profile).toBe(
      ['[profile deployfromdev-400000000001]', `role_arn = ${ROLE}`, 'source_profile = default', 'mfa_serial = arn:aws:iam::400000000011:mfa/alice', 'duration_seconds = 7200', 'role_session_name = alice'].join('\n'),
    );
    expect(out.command).toBe(
      `aws sts assume-role --cli-input-json '{\n  "RoleArn": "${ROLE}",\n  "RoleSessionName": "alice",\n  "SerialNumber": "arn:aws:iam::400000000011:mfa/alice",\n  "DurationSeconds": 7200\n}' --token-code CODE_FROM_YOUR_MFA_DEVICE`,
    );
  });

  it('with an ExternalId: no switch-role link, and the ExternalId in the profile and command', () => {
    const out = handOff({ roleArn: ROLE, principal: 'arn:aws:iam::900000000001:root', externalId: 'ext-1', requireMfa: false, maxSessionDuration: 3600 });
    expect(out.switchRoleUrl).toBeUndefined();
    expect(out.switchRoleOmitted).toMatch(/requires an ExternalId/);
    expect(out.profile).toContain('external_id = ext-1');
    expect(out.command).toContain('"ExternalId": "ext-1"');
  });

  it('for a role source: no switch-role link, and at most one hour', () => {
    const out = handOff({ roleArn: ROLE, principal: 'arn:aws:iam::200000000002:role/SecurityAudit', requireMfa: false, maxSessionDuration: 43200 });
    expect(out.switchRoleOmitted).toMatch(/role chaining/);
    expect(out.profile).toContain('source_profile = securityaudit-200000000002');
    expect(out.command).toContain('"DurationSeconds": 3600');
  });

  it('refuses a profile whose values a config file could misread, and says why', () => {
    const out = handOff({ roleArn: 'arn:aws:iam::400000000001:role/a;b #c/[x]/R', principal: 'arn:aws:iam::900000000001:root', requireMfa: false, maxSessionDuration: 3600 });
    expect(out.profile).toBeUndefined();
    expect(out.profileOmitted).toBe('No ~/.aws/config profile: its role_arn holds ";" " " "#" "[" "]", which config file readers do not all take as written (comments, quotes, line breaks, spaces). Use the AWS CLI command: it passes the value exactly.');
  });
});
