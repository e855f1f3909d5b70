// Protects: resource control policies limit who may assume a member account's roles, as AWS evaluates them for STS (every level must allow, a deny wins, the management account is exempt), and RoleLastUsed records each AssumeRole.
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AttachPolicyCommand, CreatePolicyCommand, EnablePolicyTypeCommand, ListPoliciesForTargetCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
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

const assume = (keys: { accessKeyId: string; secretAccessKey: string }, roleArn: string) =>
  new STSClient(sb.clientConfig(keys)).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'rcp-test' }));

describe('resource control policies for sts:AssumeRole', () => {
  it('an RCP on Prod keeping principals outside the organization out denies the partner, not the organization', async () => {
    await assume(DEMO.partnerCredentials, DEMO.roles.legacyVendorAccess);
    const org = new OrganizationsClient(sb.clientConfig());
    await org.send(new EnablePolicyTypeCommand({ RootId: DEMO.rootId, PolicyType: 'RESOURCE_CONTROL_POLICY' }));
    const listed = await org.send(new ListPoliciesForTargetCommand({ TargetId: accounts['web-prod'], Filter: 'RESOURCE_CONTROL_POLICY' }));
    expect(listed.Policies!.map((p) => p.Name)).toEqual(['RCPFullAWSAccess']);
    const created = await org.send(
      new CreatePolicyCommand({
        Name: 'OrganizationOnly',
        Description: 'Only principals of the organization assume roles',
        Type: 'RESOURCE_CONTROL_POLICY',
        Content: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Sid: 'OrgOnly', Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': DEMO.organizationId } } }],
        }),
      }),
    );
    await org.send(new AttachPolicyCommand({ PolicyId: created.Policy!.PolicySummary!.Id!, TargetId: DEMO.ouIds.Prod }));
    await expect(assume(DEMO.partnerCredentials, DEMO.roles.legacyVendorAccess)).rejects.toMatchObject({ name: 'AccessDenied' });
    // The console's identity is in the organization: the member role still opens.
    await assume(DEMO.consoleCredentials, `arn:aws:iam::${accounts['web-prod']}:role/OrganizationAccountAccessRole`);
    const role = await new IAMClient(sb.clientConfig()).send(new GetRoleCommand({ RoleName: 'OrganizationAccountAccessRole' })).catch(() => undefined);
    expect(role).toBeUndefined(); // the management account has no member role
  });

  it('records RoleLastUsed (date and Region) when a role is assumed', async () => {
    const session = await assume(DEMO.consoleCredentials, `arn:aws:iam::${accounts.audit}:role/OrganizationAccountAccessRole`);
    const c = session.Credentials!;
    const iam = new IAMClient(sb.clientConfig({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken }));
    const used = (await iam.send(new GetRoleCommand({ RoleName: 'OrganizationAccountAccessRole' }))).Role!.RoleLastUsed!;
    expect(used.Region).toBe('us-east-1');
    expect(used.LastUsedDate).toBeInstanceOf(Date);
  });
});
