// Protects: the hand-off a user gets works as given: the switch-role link only where the console can use the
// role (never with an ExternalId, never for role chaining), a profile and an assume-role command carrying the
// ExternalId, MFA device and session length the role needs.
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
      `aws sts assume-role --role-arn ${ROLE} --role-session-name alice --serial-number arn:aws:iam::400000000011:mfa/alice --token-code CODE_FROM_YOUR_MFA_DEVICE --duration-seconds 7200`,
    );
  });

  it('with an ExternalId: no switch-role link, and the ExternalId in the profile and command', () => {
    const out = handOff({ roleArn: ROLE, principal: 'arn:aws:iam::900000000001:root', externalId: 'ext-1', requireMfa: false, maxSessionDuration: 3600 });
    expect(out.switchRoleUrl).toBeUndefined();
    expect(out.switchRoleOmitted).toMatch(/requires an ExternalId/);
    expect(out.profile).toContain('external_id = ext-1');
    expect(out.command).toContain('--external-id ext-1');
  });

  it('for a role source: no switch-role link, and at most one hour', () => {
    const out = handOff({ roleArn: ROLE, principal: 'arn:aws:iam::200000000002:role/SecurityAudit', requireMfa: false, maxSessionDuration: 43200 });
    expect(out.switchRoleOmitted).toMatch(/role chaining/);
    expect(out.profile).toContain('source_profile = securityaudit-200000000002');
    expect(out.command).toContain('--duration-seconds 3600');
  });
});
