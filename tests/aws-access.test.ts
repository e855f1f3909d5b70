// Protects: the console reaches member accounts by assuming the member role (keeping a bounded number of clients), detects where it stands, and explains a refused AssumeRole.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { IAMClient, ListRolesCommand, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { OrganizationsClient, DescribeOrganizationCommand, EnableAWSServiceAccessCommand } from '@aws-sdk/client-organizations';
import { startSandbox, type TestSandbox } from '../sandbox/testing';
import { useConsoleEnv } from './support/console-env';
import { DEMO } from '../sandbox/seeds/demo-ids';
import { CLIENTS_KEPT, getClient, memberCredentials, MemberAccessError, resetAwsAccess } from '../lib/aws/clients';
import { explainAwsError } from '../lib/aws/errors';
import { getConsoleContext, invalidateConsoleContext } from '../lib/aws/identity';
import { getOrganizationSummary } from '../lib/dashboard';
import { getSharingStatus } from '../lib/ram/sharing';

let sb: TestSandbox;
const { accounts } = DEMO;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  useConsoleEnv(sb, 'crossing-access-');
});

afterAll(async () => {
  await sb?.close();
});

beforeEach(() => {
  resetAwsAccess();
  invalidateConsoleContext();
});

describe('the AWS access layer against the sandbox', () => {
  it("uses the console's own identity by default", async () => {
    const out = await getClient(STSClient).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe(DEMO.managementAccountId);
    expect(out.Arn).toBe(`arn:aws:iam::${DEMO.managementAccountId}:user/${DEMO.consoleUserName}`);
  });

  it('reaches a member account by assuming the member role, and reuses the session', async () => {
    const out = await getClient(STSClient, { accountId: accounts['payments-prod'] }).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe(accounts['payments-prod']);
    expect(out.Arn).toBe(`arn:aws:sts::${accounts['payments-prod']}:assumed-role/OrganizationAccountAccessRole/crossing-console`);
    const roles = await getClient(IAMClient, { accountId: accounts['payments-prod'] }).send(new ListRolesCommand({}));
    expect(roles.Roles?.map((r) => r.RoleName)).toContain('ReadOnlyAuditor');
    const first = await memberCredentials(accounts['payments-prod']);
    expect(await memberCredentials(accounts['payments-prod'])).toBe(first);
  });

  it('caches clients per account and Region', () => {
    const a = getClient(IAMClient, { accountId: accounts['web-dev'], region: 'eu-west-1' });
    expect(getClient(IAMClient, { accountId: accounts['web-dev'], region: 'eu-west-1' })).toBe(a);
    expect(getClient(IAMClient, { accountId: accounts['web-dev'], region: 'us-east-1' })).not.toBe(a);
  });

  it('keeps the most recently used clients of a kind, not one per account and Region of a whole organization', async () => {
    const iam = (n: number) => getClient(IAMClient, { accountId: String(100000000000 + n), region: 'us-east-1' });
    const webDev = () => getClient(IAMClient, { accountId: accounts['web-dev'], region: 'us-east-1' });
    const first = iam(0);
    const dropped = webDev();
    for (let n = 1; n < CLIENTS_KEPT; n++) {
      iam(n);
      // The first stays in use all along.
      if (n % 100 === 0) iam(0);
    }
    expect(iam(0)).toBe(first);
    expect(webDev()).not.toBe(dropped);
    // The one made again reaches the account.
    expect((await webDev().send(new ListRolesCommand({}))).Roles?.length).toBeGreaterThan(0);
  });

  it("explains clearly when the member role's trust does not allow the console", async () => {
    const webDev = accounts['web-dev'];
    // An admin of web-dev changes the role's trust to someone else.
    await getClient(IAMClient, { accountId: webDev }).send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: 'OrganizationAccountAccessRole',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accounts['partner-co']}:root` }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
    resetAwsAccess();
    const error = await getClient(OrganizationsClient, { accountId: webDev })
      .send(new DescribeOrganizationCommand({}))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MemberAccessError);
    const message = explainAwsError(error, { operation: 'organizations:DescribeOrganization', accountId: webDev });
    expect(message).toContain(`account ${webDev}`);
    expect(message).toContain(`arn:aws:iam::${webDev}:role/OrganizationAccountAccessRole`);
    expect(message).toMatch(/trust policy/);
  });

  it('detects the management account standing and reads the organization summary', async () => {
    const context = await getConsoleContext();
    expect(context).toMatchObject({
      accountId: DEMO.managementAccountId,
      standing: 'management',
      mode: 'sandbox',
      organization: { id: DEMO.organizationId, featureSet: 'ALL', managementAccountId: DEMO.managementAccountId },
    });
    const summary = await getOrganizationSummary(context);
    expect(summary.problems).toEqual([]);
    expect(summary.accounts).toBe(DEMO.memberAccountIds.length);
    expect(summary.organizationalUnits).toBe(Object.keys(DEMO.ouIds).length);
    const sharing = await getSharingStatus(context);
    expect(sharing.problems).toEqual([]);
    expect(sharing.enabled).toBe(true);
  });

  it('reports the sharing preflight when sharing with the organization is off', async () => {
    await sb.control.reset('demo', { orgSharing: false });
    const sharing = await getSharingStatus(await getConsoleContext());
    expect(sharing.enabled).toBe(false);
    expect(sharing.canEnable).toBe(true);
    expect(Object.fromEntries(sharing.checks.map((c) => [c.id, c.passed]))).toMatchObject({
      'management-account': true,
      'all-features': true,
      'service-linked-role': false,
    });
  });

  it('flags the trap: trusted access enabled from the Organizations side without the service-linked role', async () => {
    await sb.control.reset('demo', { orgSharing: false });
    await getClient(OrganizationsClient).send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'ram.amazonaws.com' }));
    const sharing = await getSharingStatus(await getConsoleContext());
    expect(sharing.enabled).toBe(false);
    expect(sharing.trustedAccess).toBe(true);
    const trap = sharing.checks.find((c) => c.id === 'trusted-access-trap')!;
    expect(trap.passed).toBe(false);
    expect(trap.detail).toMatch(/EnableSharingWithAwsOrganization/);
  });

  it('detects a member account and an account without an organization', async () => {
    const useCredentials = (c: { accessKeyId: string; secretAccessKey: string }) => {
      Object.assign(process.env, { AWS_ACCESS_KEY_ID: c.accessKeyId, AWS_SECRET_ACCESS_KEY: c.secretAccessKey });
      resetAwsAccess();
      invalidateConsoleContext();
    };
    try {
      await sb.control.reset('demo');
      useCredentials(DEMO.aliceCredentials);
      expect(await getConsoleContext()).toMatchObject({ accountId: accounts['payments-dev'], standing: 'member', organization: { id: DEMO.organizationId } });
      await sb.control.reset('empty');
      useCredentials(sb.consoleCredentials);
      const context = await getConsoleContext();
      expect(context.standing).toBe('no-organization');
      expect(context.organization).toBeUndefined();
    } finally {
      await sb.control.reset('demo');
      useCredentials(sb.consoleCredentials);
    }
  });
});
