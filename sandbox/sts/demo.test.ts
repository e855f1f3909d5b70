// The demo world's cross-account paths work through STS as the console shows them: member access, audit chaining, the partner's vendor role.
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, type Credentials } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../seeds/demo-ids.js';
import { startSandbox, type TestSandbox } from '../testing.js';

let sb: TestSandbox;
const { accounts } = DEMO;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
});

afterAll(async () => {
  await sb?.close();
});

const asSession = (credentials: Credentials | undefined) =>
  sb.clientConfig({ accessKeyId: credentials!.AccessKeyId!, secretAccessKey: credentials!.SecretAccessKey!, sessionToken: credentials!.SessionToken });

async function assume(config: ReturnType<TestSandbox['clientConfig']>, roleArn: string, sessionName: string, durationSeconds?: number) {
  return new STSClient(config).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: sessionName, DurationSeconds: durationSeconds }));
}

describe('demo world through STS', () => {
  it('lets the console identity into a member account through OrganizationAccountAccessRole', async () => {
    const out = await assume(sb.clientConfig(), `arn:aws:iam::${accounts['web-prod']}:role/OrganizationAccountAccessRole`, 'crossing');
    const roles = await new IAMClient(asSession(out.Credentials)).send(new ListRolesCommand({}));
    expect(roles.Roles!.map((r) => r.RoleName)).toEqual(expect.arrayContaining(['OrganizationAccountAccessRole', 'LegacyVendorAccess', 'ReadOnlyAuditor']));
  });

  it('chains SecurityAudit into a workload account\'s ReadOnlyAuditor, for one hour at most', async () => {
    const audit = await assume(sb.clientConfig(), DEMO.roles.securityAudit, 'auditor');
    const auditor = `arn:aws:iam::${accounts['payments-prod']}:role/ReadOnlyAuditor`;
    await expect(assume(asSession(audit.Credentials), auditor, 'chained', 7200)).rejects.toMatchObject({ name: 'ValidationError' });
    const chained = await assume(asSession(audit.Credentials), auditor, 'chained');
    const me = await new STSClient(asSession(chained.Credentials)).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:sts::${accounts['payments-prod']}:assumed-role/ReadOnlyAuditor/chained`);
  });

  it('lets any partner-co principal into LegacyVendorAccess without an ExternalId, and keeps alice out of member roles', async () => {
    const partner = sb.clientConfig(DEMO.partnerCredentials);
    const vendor = await assume(partner, DEMO.roles.legacyVendorAccess, 'vendor');
    expect(vendor.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${accounts['web-prod']}:assumed-role/LegacyVendorAccess/vendor`);

    const alice = sb.clientConfig(DEMO.aliceCredentials);
    await expect(assume(alice, `arn:aws:iam::${accounts['web-prod']}:role/OrganizationAccountAccessRole`, 'alice')).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: arn:aws:iam::${accounts['payments-dev']}:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${accounts['web-prod']}:role/OrganizationAccountAccessRole`,
    });
  });
});
