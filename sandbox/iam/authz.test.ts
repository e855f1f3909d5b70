// Protects: every call is authorized like AWS (identity policies, SCPs, cross-account trust) and denials read like AWS's.
import { CreateRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { ListRootsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../seeds/demo-ids.js';
import { startSandbox, type TestSandbox } from '../testing.js';

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::100000000001:root' }, Action: 'sts:AssumeRole' }] });

let sb: TestSandbox;
let open: TestSandbox;
beforeAll(async () => {
  [sb, open] = await Promise.all([startSandbox({ seed: 'demo' }), startSandbox({ seed: 'demo', authz: false })]);
});
afterAll(() => Promise.all([sb.close(), open.close()]));

async function assume(roleArn: string, credentials = sb.consoleCredentials) {
  const out = await new STSClient(sb.clientConfig(credentials)).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'authz-test' }));
  const c = out.Credentials!;
  return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
}

describe('authorization', () => {
  it('allows what an identity policy allows', async () => {
    const iam = new IAMClient(sb.clientConfig(DEMO.aliceCredentials));
    await expect(iam.send(new ListRolesCommand({}))).resolves.toBeDefined();
  });

  it('denies what no identity policy allows, with AWS message and AccessDenied (query)', async () => {
    const iam = new IAMClient({ ...sb.clientConfig(DEMO.aliceCredentials), maxAttempts: 1 });
    const error = await iam.send(new CreateRoleCommand({ RoleName: 'Sneaky', AssumeRolePolicyDocument: TRUST })).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect((error as Error).message).toMatch(
      /^User: arn:aws:iam::400000000011:user\/alice is not authorized to perform: iam:CreateRole on resource: \S+ because no identity-based policy allows the iam:CreateRole action$/,
    );
  });

  it('applies SCPs to member accounts: explicit deny in a service control policy (json: AccessDeniedException)', async () => {
    const session = await assume('arn:aws:iam::500000000001:role/OrganizationAccountAccessRole');
    const orgs = new OrganizationsClient({ ...sb.clientConfig(session), maxAttempts: 1 });
    const error = await orgs.send(new ListRootsCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AccessDeniedException' });
    expect((error as Error).message).toMatch(
      /^User: arn:aws:sts::500000000001:assumed-role\/OrganizationAccountAccessRole\/authz-test is not authorized to perform: organizations:ListRoots on resource: \S+ with an explicit deny in a service control policy$/,
    );
  });

  it('needs both sides across accounts: the trust policy and the caller identity policy', async () => {
    await expect(assume(DEMO.roles.legacyVendorAccess, DEMO.partnerCredentials)).resolves.toHaveProperty('sessionToken');
    const error = await assume('arn:aws:iam::400000000001:role/OrganizationAccountAccessRole', DEMO.aliceCredentials).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AccessDenied' });
    expect((error as Error).message).toContain('is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::400000000001:role/OrganizationAccountAccessRole');
  });

  it('is off with authz: false', async () => {
    const iam = new IAMClient(open.clientConfig(DEMO.aliceCredentials));
    await expect(iam.send(new CreateRoleCommand({ RoleName: 'Allowed', AssumeRolePolicyDocument: TRUST }))).resolves.toHaveProperty('Role.RoleName', 'Allowed');
  });
});
