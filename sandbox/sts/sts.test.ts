// STS through the real @aws-sdk/client-sts: caller identity, cross-account AssumeRole with trust policies, ExternalId, chaining and expiry.
import { AttachRolePolicyCommand, CreateRoleCommand, CreateUserCommand, CreateAccessKeyCommand, GetRoleCommand, IAMClient, ListRolesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEYS, HOME, iamTestWorld, OTHER } from '../iam/testing-world.js';
import { startSandbox, type TestSandbox } from '../testing.js';

let sb: TestSandbox;
let sts: STSClient;
let otherIam: IAMClient;

const trust = (principal: unknown, condition?: unknown) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }] });

async function rejection(promise: Promise<unknown>): Promise<Error & { name: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { name: string };
  }
  throw new Error('expected the call to fail');
}

function clientsFor(credentials: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined) {
  const creds = { accessKeyId: credentials!.AccessKeyId!, secretAccessKey: credentials!.SecretAccessKey!, sessionToken: credentials!.SessionToken };
  return { sts: new STSClient(sb.clientConfig(creds)), iam: new IAMClient(sb.clientConfig(creds)) };
}

const roleArn = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;

beforeAll(async () => {
  sb = await startSandbox({ world: iamTestWorld('sts-test') });
  sts = new STSClient(sb.clientConfig());
  otherIam = new IAMClient(sb.clientConfig(ADMIN_KEYS[OTHER]));
  await otherIam.send(new CreateRoleCommand({ RoleName: 'CrossAccess', AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${HOME}:root` }), MaxSessionDuration: 7200 }));
  await otherIam.send(new AttachRolePolicyCommand({ RoleName: 'CrossAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  await otherIam.send(
    new PutRolePolicyCommand({
      RoleName: 'CrossAccess',
      PolicyName: 'Hop',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] }),
    }),
  );
  await otherIam.send(new CreateRoleCommand({ RoleName: 'Hop', AssumeRolePolicyDocument: trust({ AWS: roleArn(OTHER, 'CrossAccess') }), MaxSessionDuration: 43200 }));
  await otherIam.send(new CreateRoleCommand({ RoleName: 'ServiceOnly', AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }) }));
  await otherIam.send(
    new CreateRoleCommand({ RoleName: 'Vendor', AssumeRolePolicyDocument: trust({ AWS: HOME }, { StringEquals: { 'sts:ExternalId': 'secret-123' } }) }),
  );
});

afterAll(async () => {
  await sb?.close();
});

describe('GetCallerIdentity', () => {
  it('describes a user as AWS does', async () => {
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: HOME, Arn: `arn:aws:iam::${HOME}:user/admin` });
    expect(me.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/);
  });
});

describe('AssumeRole', () => {
  it('crosses accounts when both the trust policy and the caller allow it, and acts as the role', async () => {
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn(OTHER, 'CrossAccess'), RoleSessionName: 'audit-session', SourceIdentity: 'admin' }));
    expect(out.Credentials!.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(out.Credentials!.SessionToken).toBeTruthy();
    expect(out.Credentials!.Expiration!.getTime() - Date.now() + sb.world.clockOffsetMs).toBeGreaterThan(3500_000);
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${OTHER}:assumed-role/CrossAccess/audit-session`);
    expect(out.AssumedRoleUser!.AssumedRoleId).toMatch(/^AROA[A-Z0-9]{17}:audit-session$/);
    expect(out.SourceIdentity).toBe('admin');

    const role = clientsFor(out.Credentials);
    const me = await role.sts.send(new GetCallerIdentityCommand({}));
    expect(me).toEqual(expect.objectContaining({ Account: OTHER, Arn: out.AssumedRoleUser!.Arn, UserId: out.AssumedRoleUser!.AssumedRoleId }));
    expect((await role.iam.send(new ListRolesCommand({}))).Roles!.map((r) => r.RoleName)).toContain('CrossAccess');
    const denied = await rejection(role.iam.send(new CreateUserCommand({ UserName: 'intruder' })));
    expect(denied.name).toBe('AccessDenied');
    expect(denied.message).toContain(`User: ${out.AssumedRoleUser!.Arn} is not authorized to perform: iam:CreateUser`);

    const used = (await otherIam.send(new GetRoleCommand({ RoleName: 'CrossAccess' }))).Role!.RoleLastUsed!;
    expect(used.Region).toBe('us-east-1');
    expect(used.LastUsedDate).toBeInstanceOf(Date);
  });

  it('denies a role whose trust policy does not name the caller, and a missing role, in the same words', async () => {
    const untrusted = await rejection(sts.send(new AssumeRoleCommand({ RoleArn: roleArn(OTHER, 'ServiceOnly'), RoleSessionName: 's1' })));
    expect(untrusted.name).toBe('AccessDenied');
    expect(untrusted.message).toBe(`User: arn:aws:iam::${HOME}:user/admin is not authorized to perform: sts:AssumeRole on resource: ${roleArn(OTHER, 'ServiceOnly')}`);
    const missing = await rejection(sts.send(new AssumeRoleCommand({ RoleArn: roleArn(OTHER, 'NoSuchRole'), RoleSessionName: 's1' })));
    expect(missing.name).toBe('AccessDenied');
    expect(missing.message).toBe(`User: arn:aws:iam::${HOME}:user/admin is not authorized to perform: sts:AssumeRole on resource: ${roleArn(OTHER, 'NoSuchRole')}`);
  });

  it('needs the caller\'s own permission across accounts, and always the trust policy', async () => {
    const homeIam = new IAMClient(sb.clientConfig());
    await homeIam.send(new CreateUserCommand({ UserName: 'reader' }));
    const { AccessKey } = await homeIam.send(new CreateAccessKeyCommand({ UserName: 'reader' }));
    const reader = clientsFor(AccessKey);
    const cross = await rejection(reader.sts.send(new AssumeRoleCommand({ RoleArn: roleArn(OTHER, 'CrossAccess'), RoleSessionName: 'reader-session' })));
    expect(cross.name).toBe('AccessDenied');

    // Same account: a trust policy naming the user is enough, without any identity policy.
    await homeIam.send(new CreateRoleCommand({ RoleName: 'ForReader', AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${HOME}:user/reader` }) }));
    const out = await reader.sts.send(new AssumeRoleCommand({ RoleArn: roleArn(HOME, 'ForReader'), RoleSessionName: 'reader-session' }));
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${HOME}:assumed-role/ForReader/reader-session`);

    // But an identity policy alone is not enough: a role's trust policy must always let the caller in.
    await homeIam.send(new CreateRoleCommand({ RoleName: 'Ec2Only', AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }) }));
    const admin = await rejection(sts.send(new AssumeRoleCommand({ RoleArn: roleArn(HOME, 'Ec2Only'), RoleSessionName: 'admin-session' })));
    expect(admin.name).toBe('AccessDenied');
  });

  it('checks the ExternalId condition', async () => {
    const arn = roleArn(OTHER, 'Vendor');
    expect((await rejection(sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'vendor' })))).name).toBe('AccessDenied');
    expect((await rejection(sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'vendor', ExternalId: 'wrong-id' })))).name).toBe('AccessDenied');
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: 'vendor', ExternalId: 'secret-123' }));
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${OTHER}:assumed-role/Vendor/vendor`);
  });

  it('validates session names and durations as AWS words them', async () => {
    const badName = await rejection(sts.send(new AssumeRoleCommand({ RoleArn: roleArn(OTHER, 'CrossAccess'), RoleSessionName: 'has space' })));
    expect(badName.name).toBe('ValidationError');
    expect(badName.message).toContain("at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern");
    const tooShort = await rejection(sts.send(new AssumeRoleCommand({ RoleArn: roleArn(OTHER, 'CrossAccess'), RoleSessionName: 'ok', DurationSeconds: 600 })));
    expect(tooShort.message).toBe(
      "1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
    const overMax = await rejection(sts.send(new AssumeRoleCommand({ RoleArn: roleArn(OTHER, 'CrossAccess'), RoleSessionName: 'ok', DurationSeconds: 10800 })));
    expect(overMax.message).toBe('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  });

  it('caps role chaining at one hour', async () => {
    const first = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn(OTHER, 'CrossAccess'), RoleSessionName: 'first' }));
    const chained = clientsFor(first.Credentials);
    const long = await rejection(chained.sts.send(new AssumeRoleCommand({ RoleArn: roleArn(OTHER, 'Hop'), RoleSessionName: 'second', DurationSeconds: 7200 })));
    expect(long.name).toBe('ValidationError');
    expect(long.message).toBe('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    const hop = await chained.sts.send(new AssumeRoleCommand({ RoleArn: roleArn(OTHER, 'Hop'), RoleSessionName: 'second', DurationSeconds: 3600 }));
    expect(hop.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${OTHER}:assumed-role/Hop/second`);
    expect(sb.world.credentials.get(hop.Credentials!.AccessKeyId!)!.identity).toMatchObject({ type: 'assumed-role', chained: true });
  });

  it('issues user session tokens, refused to role sessions', async () => {
    const { Credentials } = await sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const session = clientsFor(Credentials);
    expect((await session.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${HOME}:user/admin`);
    const refused = await rejection(session.sts.send(new GetSessionTokenCommand({})));
    expect(refused.name).toBe('AccessDenied');
  });

  it('expires sessions on the sandbox clock', async () => {
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn(OTHER, 'CrossAccess'), RoleSessionName: 'short', DurationSeconds: 900 }));
    const session = clientsFor(out.Credentials);
    await session.sts.send(new GetCallerIdentityCommand({}));
    await sb.control.advanceClock(901);
    const expired = await rejection(session.sts.send(new GetCallerIdentityCommand({})));
    expect(expired.name).toBe('ExpiredToken');
  });
});
