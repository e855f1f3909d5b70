// Protects what the console sees through @aws-sdk/client-organizations: the demo organization, paging with empty pages, errors and who may call.
import {
  AttachPolicyCommand,
  CreateOrganizationCommand,
  CreateOrganizationalUnitCommand,
  CreatePolicyCommand,
  DeleteOrganizationalUnitCommand,
  DescribeAccountCommand,
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  DetachPolicyCommand,
  DisableAWSServiceAccessCommand,
  DisablePolicyTypeCommand,
  EnableAWSServiceAccessCommand,
  EnablePolicyTypeCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListChildrenCommand,
  ListDelegatedAdministratorsCommand,
  ListParentsCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  ListTargetsForPolicyCommand,
  MoveAccountCommand,
  OrganizationsClient,
  RegisterDelegatedAdministratorCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateOrganizationalUnitCommand,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListChildren,
  paginateListOrganizationalUnitsForParent,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../seeds/demo-ids.js';
import { EMPTY } from '../seeds/empty.js';
import { startSandbox } from '../testing.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe('Organizations on the demo seed', () => {
  let sb: Sandbox;
  let org: OrganizationsClient;
  const as = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) =>
    new OrganizationsClient({ ...sb.clientConfig(credentials), maxAttempts: 1 });

  beforeAll(async () => {
    sb = await startSandbox({ seed: 'demo', throttle: false });
  });
  beforeEach(async () => {
    await sb.control.reset('demo');
    org = new OrganizationsClient({ ...sb.clientConfig(), maxAttempts: 1 });
  });
  afterAll(async () => {
    await sb?.close();
  });

  it('describes the organization and its root', async () => {
    const { Organization } = await org.send(new DescribeOrganizationCommand({}));
    expect(Organization).toMatchObject({
      Id: DEMO.organizationId,
      Arn: `arn:aws:organizations::100000000001:organization/${DEMO.organizationId}`,
      FeatureSet: 'ALL',
      MasterAccountId: '100000000001',
      MasterAccountArn: `arn:aws:organizations::100000000001:account/${DEMO.organizationId}/100000000001`,
    });
    const { Roots } = await org.send(new ListRootsCommand({}));
    expect(Roots).toEqual([
      {
        Id: DEMO.rootId,
        Arn: `arn:aws:organizations::100000000001:root/${DEMO.organizationId}/${DEMO.rootId}`,
        Name: 'Root',
        PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
      },
    ]);
  });

  it('lists the tree with the SDK paginators, empty pages included', async () => {
    const rootOus = (await collect(paginateListChildren({ client: org }, { ParentId: DEMO.rootId, ChildType: 'ORGANIZATIONAL_UNIT' }))).flatMap(
      (p) => p.Children ?? [],
    );
    expect(rootOus.map((c) => c.Id)).toEqual([DEMO.ouIds.Security, DEMO.ouIds.Infrastructure, DEMO.ouIds.Workloads, DEMO.ouIds.Sandbox]);
    const rootAccounts = await org.send(new ListChildrenCommand({ ParentId: DEMO.rootId, ChildType: 'ACCOUNT' }));
    expect(rootAccounts.Children).toEqual([{ Id: '100000000001', Type: 'ACCOUNT' }]);

    const workloads = (await collect(paginateListOrganizationalUnitsForParent({ client: org, pageSize: 1 }, { ParentId: DEMO.ouIds.Workloads }))).flatMap(
      (p) => p.OrganizationalUnits ?? [],
    );
    expect(workloads.map((ou) => ou.Name)).toEqual(['Prod', 'Dev']);

    const pages = await collect(paginateListAccounts({ client: org }, {}));
    expect(pages.map((p) => p.Accounts?.length)).toEqual([4, 0, 4, 0, 2]);
    expect(pages.slice(0, -1).every((p) => p.NextToken)).toBe(true);
    const accounts = pages.flatMap((p) => p.Accounts ?? []);
    expect(accounts.map((a) => a.Id).sort()).toEqual([...DEMO.memberAccountIds].sort());
    expect(accounts.find((a) => a.Id === DEMO.accounts['web-dev'])).toMatchObject({
      Name: 'web-dev',
      Email: 'aws+web-dev@example.com',
      Status: 'ACTIVE',
      JoinedMethod: 'CREATED',
      Arn: `arn:aws:organizations::100000000001:account/${DEMO.organizationId}/400000000012`,
    });
    expect(accounts[0].JoinedTimestamp).toBeInstanceOf(Date);

    const security = (await collect(paginateListAccountsForParent({ client: org, pageSize: 1 }, { ParentId: DEMO.ouIds.Security }))).flatMap(
      (p) => p.Accounts ?? [],
    );
    expect(security.map((a) => a.Name)).toEqual(['log-archive', 'audit']);
  });

  it('answers with an empty page and a NextToken at a hidden shard boundary', async () => {
    const first = await org.send(new ListAccountsCommand({ MaxResults: 2 }));
    const second = await org.send(new ListAccountsCommand({ MaxResults: 2, NextToken: first.NextToken }));
    const third = await org.send(new ListAccountsCommand({ MaxResults: 2, NextToken: second.NextToken }));
    expect([first.Accounts?.length, second.Accounts?.length, third.Accounts?.length]).toEqual([2, 2, 0]);
    expect(third.NextToken).toBeTruthy();
  });

  it('rejects MaxResults above 20 and bad tokens', async () => {
    await expect(org.send(new ListAccountsCommand({ MaxResults: 21 }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      Reason: 'MAX_VALUE_EXCEEDED',
    });
    await expect(org.send(new ListAccountsForParentCommand({ ParentId: DEMO.rootId, NextToken: 'nope' }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      Reason: 'INVALID_NEXT_TOKEN',
    });
  });

  it('describes accounts, OUs and parents', async () => {
    const { Account } = await org.send(new DescribeAccountCommand({ AccountId: DEMO.accounts.audit }));
    expect(Account).toMatchObject({ Id: DEMO.accounts.audit, Name: 'audit' });
    const { OrganizationalUnit } = await org.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: DEMO.ouIds.Dev }));
    expect(OrganizationalUnit).toEqual({
      Id: DEMO.ouIds.Dev,
      Arn: `arn:aws:organizations::100000000001:ou/${DEMO.organizationId}/${DEMO.ouIds.Dev}`,
      Name: 'Dev',
    });
    expect((await org.send(new ListParentsCommand({ ChildId: DEMO.accounts['payments-dev'] }))).Parents).toEqual([
      { Id: DEMO.ouIds.Dev, Type: 'ORGANIZATIONAL_UNIT' },
    ]);
    expect((await org.send(new ListParentsCommand({ ChildId: DEMO.ouIds.Security }))).Parents).toEqual([{ Id: DEMO.rootId, Type: 'ROOT' }]);
  });

  it('raises the modeled errors for unknown and malformed ids', async () => {
    await expect(org.send(new DescribeAccountCommand({ AccountId: DEMO.accounts['partner-co'] }))).rejects.toMatchObject({ name: 'AccountNotFoundException' });
    await expect(org.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: 'ou-7c0r-zzzzzzzz' }))).rejects.toMatchObject({
      name: 'OrganizationalUnitNotFoundException',
    });
    await expect(org.send(new ListChildrenCommand({ ParentId: 'ou-7c0r-zzzzzzzz', ChildType: 'ACCOUNT' }))).rejects.toMatchObject({
      name: 'ParentNotFoundException',
    });
    await expect(org.send(new ListParentsCommand({ ChildId: '123456789012' }))).rejects.toMatchObject({ name: 'ChildNotFoundException' });
    await expect(org.send(new ListPoliciesForTargetCommand({ TargetId: '123456789012', Filter: 'SERVICE_CONTROL_POLICY' }))).rejects.toMatchObject({
      name: 'TargetNotFoundException',
    });
    await expect(org.send(new DescribePolicyCommand({ PolicyId: 'p-zzzzzzzz' }))).rejects.toMatchObject({ name: 'PolicyNotFoundException' });
    await expect(org.send(new ListChildrenCommand({ ParentId: 'not-an-id', ChildType: 'ACCOUNT' }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      Reason: 'INVALID_PATTERN',
    });
    await expect(org.send(new AttachPolicyCommand({ PolicyId: DEMO.sandboxScpId, TargetId: 'x' }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      Reason: 'INVALID_PATTERN_TARGET_ID',
    });
  });

  it('creates, renames, nests up to 5 levels and deletes OUs', async () => {
    const created = await org.send(new CreateOrganizationalUnitCommand({ ParentId: DEMO.ouIds.Dev, Name: 'Team', Tags: [{ Key: 'team', Value: 'a' }] }));
    const team = created.OrganizationalUnit!;
    expect(team.Id).toMatch(/^ou-7c0r-[a-z0-9]{8}$/);
    expect((await org.send(new ListTagsForResourceCommand({ ResourceId: team.Id }))).Tags).toEqual([{ Key: 'team', Value: 'a' }]);
    const renamed = await org.send(new UpdateOrganizationalUnitCommand({ OrganizationalUnitId: team.Id, Name: 'Squad' }));
    expect(renamed.OrganizationalUnit?.Name).toBe('Squad');
    await expect(org.send(new CreateOrganizationalUnitCommand({ ParentId: DEMO.ouIds.Workloads, Name: 'Dev' }))).rejects.toMatchObject({
      name: 'DuplicateOrganizationalUnitException',
    });

    let parent = team.Id!; // level 3
    for (const name of ['L4', 'L5']) parent = (await org.send(new CreateOrganizationalUnitCommand({ ParentId: parent, Name: name }))).OrganizationalUnit!.Id!;
    await expect(org.send(new CreateOrganizationalUnitCommand({ ParentId: parent, Name: 'L6' }))).rejects.toMatchObject({
      name: 'ConstraintViolationException',
      Reason: 'OU_DEPTH_LIMIT_EXCEEDED',
    });
    await expect(org.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: team.Id }))).rejects.toMatchObject({
      name: 'OrganizationalUnitNotEmptyException',
    });
    await org.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: parent }));
    await expect(org.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: parent }))).rejects.toMatchObject({
      name: 'OrganizationalUnitNotFoundException',
    });
  });

  it('moves accounts between parents', async () => {
    const account = DEMO.accounts['web-dev'];
    await org.send(new MoveAccountCommand({ AccountId: account, SourceParentId: DEMO.ouIds.Dev, DestinationParentId: DEMO.ouIds.Prod }));
    expect((await org.send(new ListParentsCommand({ ChildId: account }))).Parents?.[0].Id).toBe(DEMO.ouIds.Prod);
    const prod = await org.send(new ListAccountsForParentCommand({ ParentId: DEMO.ouIds.Prod }));
    expect(prod.Accounts?.map((a) => a.Name)).toEqual(['payments-prod', 'web-prod', 'web-dev']);
    await expect(
      org.send(new MoveAccountCommand({ AccountId: account, SourceParentId: DEMO.ouIds.Dev, DestinationParentId: DEMO.ouIds.Sandbox })),
    ).rejects.toMatchObject({ name: 'SourceParentNotFoundException' });
    await expect(
      org.send(new MoveAccountCommand({ AccountId: account, SourceParentId: DEMO.ouIds.Prod, DestinationParentId: DEMO.ouIds.Prod })),
    ).rejects.toMatchObject({ name: 'DuplicateAccountException' });
    await expect(
      org.send(new MoveAccountCommand({ AccountId: account, SourceParentId: DEMO.ouIds.Prod, DestinationParentId: 'ou-7c0r-zzzzzzzz' })),
    ).rejects.toMatchObject({ name: 'DestinationParentNotFoundException' });
  });

  it('manages service control policies', async () => {
    const listed = await org.send(new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY' }));
    expect(listed.Policies?.map((p) => [p.Name, p.AwsManaged])).toEqual([
      ['FullAWSAccess', true],
      ['DenyOrganizations', false],
    ]);
    const onSandbox = await org.send(new ListPoliciesForTargetCommand({ TargetId: DEMO.ouIds.Sandbox, Filter: 'SERVICE_CONTROL_POLICY' }));
    expect(onSandbox.Policies?.map((p) => p.Id)).toEqual(['p-FullAWSAccess', DEMO.sandboxScpId]);
    const described = await org.send(new DescribePolicyCommand({ PolicyId: DEMO.sandboxScpId }));
    expect(JSON.parse(described.Policy!.Content!).Statement[0]).toMatchObject({ Effect: 'Deny', Action: 'organizations:*' });
    const targets = await org.send(new ListTargetsForPolicyCommand({ PolicyId: DEMO.sandboxScpId }));
    expect(targets.Targets).toEqual([
      { TargetId: DEMO.ouIds.Sandbox, Arn: `arn:aws:organizations::100000000001:ou/${DEMO.organizationId}/${DEMO.ouIds.Sandbox}`, Name: 'Sandbox', Type: 'ORGANIZATIONAL_UNIT' },
    ]);

    const content = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'ec2:*', Resource: '*' }] });
    const created = await org.send(new CreatePolicyCommand({ Name: 'DenyEc2', Description: 'no EC2', Content: content, Type: 'SERVICE_CONTROL_POLICY' }));
    const id = created.Policy!.PolicySummary!.Id!;
    expect(created.Policy?.PolicySummary?.Arn).toBe(`arn:aws:organizations::100000000001:policy/${DEMO.organizationId}/service_control_policy/${id}`);
    await expect(
      org.send(new CreatePolicyCommand({ Name: 'DenyEc2', Description: 'again', Content: content, Type: 'SERVICE_CONTROL_POLICY' })),
    ).rejects.toMatchObject({ name: 'DuplicatePolicyException' });
    await expect(
      org.send(new CreatePolicyCommand({ Name: 'Broken', Description: 'x', Content: '{not json', Type: 'SERVICE_CONTROL_POLICY' })),
    ).rejects.toMatchObject({ name: 'MalformedPolicyDocumentException' });
    await org.send(new AttachPolicyCommand({ PolicyId: id, TargetId: DEMO.accounts['web-dev'] }));
    await expect(org.send(new AttachPolicyCommand({ PolicyId: id, TargetId: DEMO.accounts['web-dev'] }))).rejects.toMatchObject({
      name: 'DuplicatePolicyAttachmentException',
    });
    await org.send(new DetachPolicyCommand({ PolicyId: id, TargetId: DEMO.accounts['web-dev'] }));
    await expect(org.send(new DetachPolicyCommand({ PolicyId: id, TargetId: DEMO.accounts['web-dev'] }))).rejects.toMatchObject({
      name: 'PolicyNotAttachedException',
    });
  });

  it('tags and untags resources', async () => {
    await org.send(new TagResourceCommand({ ResourceId: DEMO.accounts.network, Tags: [{ Key: 'owner', Value: 'netops' }, { Key: 'tier', Value: '1' }] }));
    await org.send(new UntagResourceCommand({ ResourceId: DEMO.accounts.network, TagKeys: ['tier'] }));
    expect((await org.send(new ListTagsForResourceCommand({ ResourceId: DEMO.accounts.network }))).Tags).toEqual([{ Key: 'owner', Value: 'netops' }]);
    await expect(org.send(new ListTagsForResourceCommand({ ResourceId: '123456789012' }))).rejects.toMatchObject({ name: 'TargetNotFoundException' });
  });

  it('enables and disables trusted service access, and registers delegated administrators', async () => {
    await org.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'sso.amazonaws.com' }));
    const enabled = await org.send(new ListAWSServiceAccessForOrganizationCommand({}));
    expect(enabled.EnabledServicePrincipals?.map((p) => p.ServicePrincipal)).toContain('sso.amazonaws.com');
    expect(enabled.EnabledServicePrincipals?.find((p) => p.ServicePrincipal === 'sso.amazonaws.com')?.DateEnabled).toBeInstanceOf(Date);
    await org.send(new DisableAWSServiceAccessCommand({ ServicePrincipal: 'sso.amazonaws.com' }));
    const after = await org.send(new ListAWSServiceAccessForOrganizationCommand({}));
    expect(after.EnabledServicePrincipals?.map((p) => p.ServicePrincipal)).not.toContain('sso.amazonaws.com');
    await expect(org.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'bogus' }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      Reason: 'UNRECOGNIZED_SERVICE_PRINCIPAL',
    });

    await org.send(new RegisterDelegatedAdministratorCommand({ AccountId: DEMO.accounts.audit, ServicePrincipal: 'securityhub.amazonaws.com' }));
    const admins = await org.send(new ListDelegatedAdministratorsCommand({}));
    expect(admins.DelegatedAdministrators?.map((a) => a.Id)).toEqual([DEMO.accounts.audit]);
    expect(admins.DelegatedAdministrators?.[0].DelegationEnabledDate).toBeInstanceOf(Date);
  });

  it('lets members describe the organization but not read or change it', async () => {
    const alice = as(DEMO.aliceCredentials);
    expect((await alice.send(new DescribeOrganizationCommand({}))).Organization?.Id).toBe(DEMO.organizationId);
    const denied = { name: 'AccessDeniedException', message: "You don't have permissions to access this resource." };
    await expect(alice.send(new ListRootsCommand({}))).rejects.toMatchObject(denied);
    await expect(alice.send(new ListAccountsCommand({}))).rejects.toMatchObject(denied);
    await expect(alice.send(new DescribeAccountCommand({ AccountId: DEMO.accounts['payments-dev'] }))).rejects.toMatchObject(denied);
  });

  it('tells accounts outside the organization that it is not in use', async () => {
    const partner = as(DEMO.partnerCredentials);
    await expect(partner.send(new DescribeOrganizationCommand({}))).rejects.toMatchObject({ name: 'AWSOrganizationsNotInUseException' });
    await expect(partner.send(new ListRootsCommand({}))).rejects.toMatchObject({ name: 'AWSOrganizationsNotInUseException' });
  });

  /** Credentials of OrganizationAccountAccessRole in a member account, assumed by the console identity. */
  async function memberRole(accountId: string) {
    const sts = new STSClient(sb.clientConfig());
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`, RoleSessionName: 'orgs-test' }),
    );
    return { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken! };
  }

  it('denies management-only calls to a member account administrator', async () => {
    const member = as(await memberRole(DEMO.accounts['web-dev']));
    expect((await member.send(new DescribeOrganizationCommand({}))).Organization?.MasterAccountId).toBe(DEMO.managementAccountId);
    const denied = { name: 'AccessDeniedException', message: "You don't have permissions to access this resource." };
    await expect(member.send(new ListChildrenCommand({ ParentId: DEMO.rootId, ChildType: 'ORGANIZATIONAL_UNIT' }))).rejects.toMatchObject(denied);
    await expect(
      member.send(new MoveAccountCommand({ AccountId: DEMO.accounts['web-dev'], SourceParentId: DEMO.ouIds.Dev, DestinationParentId: DEMO.ouIds.Prod })),
    ).rejects.toMatchObject(denied);
  });

  it('lets a delegated administrator read the organization but not change it', async () => {
    await org.send(new RegisterDelegatedAdministratorCommand({ AccountId: DEMO.accounts.audit, ServicePrincipal: 'securityhub.amazonaws.com' }));
    const audit = as(await memberRole(DEMO.accounts.audit));
    const accounts = (await collect(paginateListAccounts({ client: audit }, {}))).flatMap((p) => p.Accounts ?? []);
    expect(accounts).toHaveLength(DEMO.memberAccountIds.length);
    await expect(audit.send(new CreateOrganizationalUnitCommand({ ParentId: DEMO.rootId, Name: 'Shadow' }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });

  it('applies the Sandbox SCP denying organizations:* to principals in sandbox-alice', async () => {
    const admin = as(await memberRole(DEMO.accounts['sandbox-alice']));
    await expect(admin.send(new DescribeOrganizationCommand({}))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('service control policy'),
    });

    // Moved out of the Sandbox OU, the same session may describe the organization again.
    await org.send(
      new MoveAccountCommand({ AccountId: DEMO.accounts['sandbox-alice'], SourceParentId: DEMO.ouIds.Sandbox, DestinationParentId: DEMO.ouIds.Dev }),
    );
    expect((await admin.send(new DescribeOrganizationCommand({}))).Organization?.Id).toBe(DEMO.organizationId);
  });
});

describe('Organizations on the empty seed', () => {
  it('reports AWSOrganizationsNotInUseException until an organization is created', async () => {
    const sb = await startSandbox({ seed: 'empty', throttle: false });
    try {
      const org = new OrganizationsClient({ ...sb.clientConfig(), maxAttempts: 1 });
      await expect(org.send(new DescribeOrganizationCommand({}))).rejects.toMatchObject({ name: 'AWSOrganizationsNotInUseException' });
      await expect(org.send(new ListAccountsCommand({}))).rejects.toMatchObject({ name: 'AWSOrganizationsNotInUseException' });

      const created = await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
      expect(created.Organization).toMatchObject({ FeatureSet: 'ALL', MasterAccountId: EMPTY.consoleAccountId });
      expect(created.Organization?.Id).toMatch(/^o-[a-z0-9]{10}$/);
      await expect(org.send(new CreateOrganizationCommand({}))).rejects.toMatchObject({ name: 'AlreadyInOrganizationException' });
      const accounts = await org.send(new ListAccountsCommand({}));
      expect(accounts.Accounts?.map((a) => a.Id)).toEqual([EMPTY.consoleAccountId]);

      // A new organization starts without SCPs, as in AWS.
      const [root] = (await org.send(new ListRootsCommand({}))).Roots!;
      expect(root.PolicyTypes).toEqual([]);
      const enabled = await org.send(new EnablePolicyTypeCommand({ RootId: root.Id, PolicyType: 'SERVICE_CONTROL_POLICY' }));
      expect(enabled.Root?.PolicyTypes).toEqual([{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }]);
      await expect(org.send(new EnablePolicyTypeCommand({ RootId: root.Id, PolicyType: 'SERVICE_CONTROL_POLICY' }))).rejects.toMatchObject({
        name: 'PolicyTypeAlreadyEnabledException',
      });
      const onRoot = await org.send(new ListPoliciesForTargetCommand({ TargetId: root.Id, Filter: 'SERVICE_CONTROL_POLICY' }));
      expect(onRoot.Policies?.map((p) => p.Name)).toEqual(['FullAWSAccess']);
      const disabled = await org.send(new DisablePolicyTypeCommand({ RootId: root.Id, PolicyType: 'SERVICE_CONTROL_POLICY' }));
      expect(disabled.Root?.PolicyTypes).toEqual([]);
      await expect(org.send(new EnablePolicyTypeCommand({ RootId: 'r-zzzz', PolicyType: 'SERVICE_CONTROL_POLICY' }))).rejects.toMatchObject({
        name: 'RootNotFoundException',
      });
    } finally {
      await sb.close();
    }
  });
});
