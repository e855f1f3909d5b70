// Protects: the console refuses a configuration that could send calls somewhere unintended (real AWS is only used by name).
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

describe('parseConfig', () => {
  it('defaults to the sandbox and needs its endpoint', () => {
    expect(() => parseConfig({})).toThrow(/AWS_ENDPOINT_URL/);
    const c = parseConfig({ AWS_ENDPOINT_URL: 'http://127.0.0.1:4577' });
    expect(c).toMatchObject({ mode: 'sandbox', region: 'us-east-1', memberRole: 'OrganizationAccountAccessRole' });
  });

  it('uses real AWS only when asked by name', () => {
    const c = parseConfig({ CROSSING_MODE: 'aws', AWS_REGION: 'eu-west-1', CROSSING_MEMBER_ROLE: 'CrossingMember' });
    expect(c).toMatchObject({ mode: 'aws', region: 'eu-west-1', endpoint: undefined, memberRole: 'CrossingMember' });
    expect(c.regions).toContain('eu-west-1');
  });

  it('rejects bad values with the variable named', () => {
    expect(() => parseConfig({ CROSSING_MODE: 'prod' })).toThrow(/CROSSING_MODE/);
    expect(() => parseConfig({ CROSSING_MODE: 'aws', AWS_REGION: 'Frankfurt' })).toThrow(/AWS_REGION/);
    expect(() => parseConfig({ CROSSING_MODE: 'aws', AUTH_OIDC_ISSUER: 'https://id.example.com' })).toThrow(/go together/);
  });

  it('maps the OIDC groups settings', () => {
    const c = parseConfig({
      CROSSING_MODE: 'aws',
      AUTH_OIDC_ISSUER: 'https://id.example.com',
      AUTH_OIDC_CLIENT_ID: 'crossing',
      AUTH_OIDC_CLIENT_SECRET: 's',
      AUTH_OIDC_ADMIN_GROUPS: 'platform, cloud-admins',
    });
    expect(c.oidc).toMatchObject({ groupsClaim: 'groups', adminGroups: ['platform', 'cloud-admins'], viewerGroups: undefined });
  });

  it('keeps the state in SQLite in the data dir unless PostgreSQL is configured', () => {
    expect(parseConfig({ CROSSING_MODE: 'aws', CROSSING_DATA_DIR: '/var/lib/crossing' }).database).toEqual({ dialect: 'sqlite', file: '/var/lib/crossing/crossing.sqlite' });
    expect(
      parseConfig({ CROSSING_MODE: 'aws', CROSSING_DATABASE_URL: 'postgres://crossing@db:5432/crossing', CROSSING_DATABASE_SSLMODE: 'verify-full', CROSSING_DATABASE_POOL_SIZE: '4' }).database,
    ).toEqual({ dialect: 'postgres', url: 'postgres://crossing@db:5432/crossing', sslMode: 'verify-full', caFile: undefined, poolSize: 4 });
    expect(parseConfig({ CROSSING_MODE: 'aws', PGHOST: 'db.internal' }).database).toMatchObject({ dialect: 'postgres', url: undefined, poolSize: 10 });
    expect(() => parseConfig({ CROSSING_MODE: 'aws', CROSSING_DATABASE_URL: 'mysql://db/crossing' })).toThrow(/CROSSING_DATABASE_URL: must be a PostgreSQL URL/);
    expect(() => parseConfig({ CROSSING_MODE: 'aws', CROSSING_DATABASE_SSLMODE: 'prefer' })).toThrow(/CROSSING_DATABASE_SSLMODE/);
    expect(() => parseConfig({ CROSSING_MODE: 'aws', CROSSING_DATABASE_POOL_SIZE: '0' })).toThrow(/CROSSING_DATABASE_POOL_SIZE/);
  });

  it('reads the access request settings and the webhook, naming the variable when one is wrong', () => {
    const aws = { CROSSING_MODE: 'aws' };
    expect(parseConfig(aws).requests).toEqual({ approvals: 1, fourEyes: false, apply: 'on-approval', ouApprovers: {} });
    expect(parseConfig(aws).webhook).toBeUndefined();
    expect(
      parseConfig({ ...aws, CROSSING_REQUEST_APPROVALS: '2', CROSSING_REQUEST_FOUR_EYES: 'true', CROSSING_REQUEST_APPLY: 'by-approver', CROSSING_REQUEST_OU_APPROVERS: 'dev-leads=r-ab12/ou-ab12-dev00001, ou-ab12-test0001; prod-leads=ou-ab12-prod0001' }).requests,
    ).toEqual({ approvals: 2, fourEyes: true, apply: 'by-approver', ouApprovers: { 'dev-leads': ['r-ab12/ou-ab12-dev00001', 'ou-ab12-test0001'], 'prod-leads': ['ou-ab12-prod0001'] } });
    expect(() => parseConfig({ ...aws, CROSSING_REQUEST_APPROVALS: '0' })).toThrow('CROSSING_REQUEST_APPROVALS: must be at least 1');
    expect(() => parseConfig({ ...aws, CROSSING_REQUEST_FOUR_EYES: 'yes' })).toThrow('CROSSING_REQUEST_FOUR_EYES: must be true or false');
    expect(() => parseConfig({ ...aws, CROSSING_REQUEST_OU_APPROVERS: 'dev-leads=Dev' })).toThrow('CROSSING_REQUEST_OU_APPROVERS: "Dev" is not an OU path');
    expect(() => parseConfig({ ...aws, CROSSING_REQUEST_OU_APPROVERS: 'dev-leads' })).toThrow('must read group=OU path');
    expect(parseConfig({ ...aws, CROSSING_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/x' }).webhook).toEqual({ url: 'https://hooks.slack.com/services/T/B/x', slack: true });
    expect(parseConfig({ ...aws, CROSSING_WEBHOOK_URL: 'https://chat.example/hooks/x', CROSSING_WEBHOOK_SLACK: 'true' }).webhook?.slack).toBe(true);
    expect(parseConfig({ ...aws, CROSSING_WEBHOOK_URL: 'https://receiver.example/x' }).webhook?.slack).toBe(false);
    expect(() => parseConfig({ ...aws, CROSSING_WEBHOOK_URL: 'file:///etc/passwd' })).toThrow('CROSSING_WEBHOOK_URL: must be an http(s) URL');
  });

  it('reads the log format', () => {
    expect(() => parseConfig({ CROSSING_MODE: 'aws', CROSSING_LOG_FORMAT: 'json' })).not.toThrow();
    expect(() => parseConfig({ CROSSING_MODE: 'aws', CROSSING_LOG_FORMAT: 'xml' })).toThrow(/CROSSING_LOG_FORMAT/);
  });

  it('reads the trusted proxies, refusing what is not an address or CIDR', () => {
    expect(parseConfig({ CROSSING_MODE: 'aws' }).trustedProxies.check('10.0.0.1', 'ipv4')).toBe(false);
    const c = parseConfig({ CROSSING_MODE: 'aws', CROSSING_TRUSTED_PROXIES: '10.0.0.0/8, fd00::/8' });
    expect(c.trustedProxies.check('10.1.2.3', 'ipv4')).toBe(true);
    expect(c.trustedProxies.check('fd00::1', 'ipv6')).toBe(true);
    expect(() => parseConfig({ CROSSING_MODE: 'aws', CROSSING_TRUSTED_PROXIES: '10.0.0.0/40' })).toThrow(/CROSSING_TRUSTED_PROXIES: "10.0.0.0\/40" is not an IP address or CIDR/);
  });

  it('reads the session lifetime and idle timeout', () => {
    expect(parseConfig({ CROSSING_MODE: 'aws' }).session).toEqual({ maxAgeSeconds: 8 * 3600, idleTimeoutSeconds: 3600 });
    const c = parseConfig({ CROSSING_MODE: 'aws', CROSSING_SESSION_MAX_AGE_SECONDS: '1800', CROSSING_SESSION_IDLE_TIMEOUT_SECONDS: '7200' });
    // An idle timeout longer than the lifetime changes nothing.
    expect(c.session).toEqual({ maxAgeSeconds: 1800, idleTimeoutSeconds: 1800 });
    expect(() => parseConfig({ CROSSING_MODE: 'aws', CROSSING_SESSION_MAX_AGE_SECONDS: '8h' })).toThrow(/CROSSING_SESSION_MAX_AGE_SECONDS/);
    expect(() => parseConfig({ CROSSING_MODE: 'aws', CROSSING_SESSION_IDLE_TIMEOUT_SECONDS: '30' })).toThrow(/CROSSING_SESSION_IDLE_TIMEOUT_SECONDS/);
  });

  it("reads the public URL's origin", () => {
    expect(parseConfig({ CROSSING_MODE: 'aws', AUTH_URL: 'https://console.example.com/' }).publicOrigin).toBe('https://console.example.com');
    expect(() => parseConfig({ CROSSING_MODE: 'aws', AUTH_URL: 'console.example.com' })).toThrow(/AUTH_URL/);
  });
});
