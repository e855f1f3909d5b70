// Protects: what the create-share wizard reads from AWS and checks on the server (against the sandbox, through
// the console's SDK clients and the member role): the owner's resources per type with their details and
// without those shared with it; the managed permissions of a type with their actions; a resource the sharing
// account does not own refused at step 1; a share of organization-only types stays closed to outside
// principals; the plan it builds creates the share, and the read-back shows it with a link to its page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../sandbox/seeds/demo-ids';
import { startSandbox, type TestSandbox } from '../../sandbox/testing';
import { useConsoleEnv } from '../../tests/support/console-env';
import { getConsoleContext } from '../aws/identity';
import { resetAwsAccess } from '../aws/clients';
import { readBack } from '../changes/registry';
import { applyPlan, runFinished } from '../plan/apply';
import { getPlan, savePlan } from '../plan/store';
import { PlanError } from '../plan/build';
import { checkDetails, checkSharePrincipals, planCreateResourceShare } from './create-share';
import { checkAddedPrincipals } from './share-edits';
import { permissionsFor } from './permissions';
import { externalFact, listResourceTypes } from './resource-types';
import { listOwnedResources } from './resources';

const { network, 'payments-dev': paymentsDev, 'shared-services': sharedServices } = DEMO.accounts;
const region = 'us-east-1';
let sb: TestSandbox;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  useConsoleEnv(sb, 'crossing-create-share-');
  resetAwsAccess();
});
afterAll(async () => {
  await sb.close();
});

describe('the owner’s resources', () => {
  it('lists network’s subnets with VPC, CIDR, zone and zone ID', async () => {
    const { resources } = await listOwnedResources({ accountId: network, region }, 'ec2:Subnet');
    expect(resources.map((r) => r.name)).toEqual(['shared-services', 'workloads-a', 'workloads-b']);
    expect(resources[1].details.map((d) => d.label)).toEqual(['VPC', 'IPv4 CIDR', 'Availability Zone', 'AZ ID']);
    expect(resources[1].details.slice(1).map((d) => d.value)).toEqual(['10.0.1.0/24', 'us-east-1a', 'use1-az1']);
  });

  it('leaves out what is shared with the account, and counts it', async () => {
    // The demo shares workloads-a and -b with the Workloads OU, which holds payments-dev.
    expect(await listOwnedResources({ accountId: paymentsDev, region }, 'ec2:Subnet')).toEqual({ resources: [], notOwned: 2 });
  });

  it.each([
    ['ec2:PrefixList', network, ['corp-cidrs']],
    ['ec2:TransitGateway', network, ['core-tgw']],
    ['route53resolver:ResolverRule', network, ['corp-example-com', 'onprem-example-com']],
    ['license-manager:LicenseConfiguration', sharedServices, ['windows-server']],
    ['acm-pca:CertificateAuthority', sharedServices, ['Example Corp Issuing CA']],
  ])('lists %s of its owner', async (type, owner, names) => {
    const { resources } = await listOwnedResources({ accountId: owner, region }, type);
    expect(resources.map((r) => r.name)).toEqual(names);
  });

  it('assumes the member role again when AWS rejects the cached session (here: the sandbox was reset)', async () => {
    await listOwnedResources({ accountId: network, region }, 'ec2:TransitGateway');
    await sb.control.reset('demo');
    const { resources } = await listOwnedResources({ accountId: network, region }, 'ec2:TransitGateway');
    expect(resources.map((r) => r.name)).toEqual(['core-tgw']);
  });

  it('offers every type RAM lists', async () => {
    const types = await listResourceTypes({ accountId: network, region });
    expect(types.map((t) => t.resourceType)).toContain('ec2:Subnet');
    expect(types.find((t) => t.resourceType === 'ec2:Subnet')).toMatchObject({ outsideOrganization: false, iamPrincipals: false, known: true });
  });
});

it('lists a type’s managed permissions, the default first, with the actions of each', async () => {
  const permissions = await permissionsFor({ accountId: sharedServices, region }, 'acm-pca:CertificateAuthority');
  expect(permissions[0]).toMatchObject({ name: 'AWSRAMDefaultPermissionCertificateAuthority', isDefault: true });
  expect(permissions).toHaveLength(4);
  expect(permissions[0].actions).toContain('acm-pca:IssueCertificate');
  expect(permissions[0].condition).toContain('EndEntityCertificate');
});

describe('step checks and the plan', () => {
  it('refuses a resource the sharing account does not own', async () => {
    const context = await getConsoleContext({ region });
    const { resources } = await listOwnedResources({ accountId: network, region }, 'ec2:Subnet');
    const input = { accountId: sharedServices, region, name: 'x', tags: [], resources: [{ ...resources[0] }] };
    await expect(checkDetails(context, input, [region])).rejects.toMatchObject({
      fieldErrors: { resources: [expect.stringContaining('is not a resource shared-services (300000000002) owns in us-east-1')] },
    });
  });

  it('creates the share the plan describes, and reads it back', async () => {
    const context = await getConsoleContext({ region });
    const { resources } = await listOwnedResources({ accountId: network, region }, 'ec2:PrefixList');
    const details = await checkDetails(context, { accountId: network, region, name: 'prefixes', tags: [{ key: 'team', value: 'net' }], resources }, [region]);
    const principals = await checkSharePrincipals(context, details, {
      allowExternalPrincipals: true,
      principals: [{ type: 'AWS_ACCOUNT', principal: paymentsDev, id: paymentsDev, name: '', outside: false }],
    });
    expect(principals.principals[0].name).toBe('payments-dev (Root / Workloads / Dev)');
    const draft = { details, permissions: { 'ec2:PrefixList': 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionPrefixList' }, principals };
    const plan = await savePlan(planCreateResourceShare(draft, 'd-00000000000000000000'), 'admin@example.com');
    expect(plan.steps[0]).toMatchObject({ operation: 'ram:CreateResourceShare', accountId: network, input: { principals: [paymentsDev], allowExternalPrincipals: true } });
    const outcome = await applyPlan(plan.id, { email: 'admin@example.com', name: 'Admin', role: 'admin' });
    expect(outcome.state).toBe('started');
    await runFinished(plan.id);
    const result = await readBack((await getPlan(plan.id))!, context);
    expect(result).toMatchObject({ tone: 'success', title: 'Resource share prefixes is created.' });
    expect(result!.facts).toContainEqual({ label: `Principal payments-dev (Root / Workloads / Dev) — ${paymentsDev}`, value: 'ASSOCIATED' });
    expect(result!.links).toEqual([{ href: expect.stringMatching(/^\/shares\/us-east-1\/[0-9a-f-]+$/), label: "The share's page" }]);
    expect(result!.facts).toContainEqual({ label: 'Allows principals outside the organization', value: 'yes' });
  });

  it('keeps a share of organization-only resources closed to outside principals, whatever was sent, and says so on read-back', async () => {
    const context = await getConsoleContext({ region });
    const { resources } = await listOwnedResources({ accountId: network, region }, 'ec2:Subnet');
    const details = await checkDetails(context, { accountId: network, region, name: 'closed', tags: [], resources: resources.slice(1) }, [region]);
    const principals = await checkSharePrincipals(context, details, {
      allowExternalPrincipals: true,
      principals: [{ type: 'AWS_ACCOUNT', principal: paymentsDev, id: paymentsDev, name: '', outside: false }],
    });
    expect(principals.allowExternalPrincipals).toBe(false);
    expect(externalFact(true, ['ec2:Subnet', 'ec2:PrefixList'])).toBe('no: Subnets can only be shared within the organization');
    expect(externalFact(true, ['ec2:PrefixList'])).toBe('yes');
  });
});

describe('principals added to an existing share', () => {
  it('pass the wizard’s rules, with its messages', async () => {
    const context = await getConsoleContext();
    const subnetShare = {
      arn: `arn:aws:ram:${region}:${network}:resource-share/x`,
      id: 'x',
      name: 'workloads-subnets',
      owningAccountId: network,
      region,
      status: 'ACTIVE',
      allowExternalPrincipals: true,
      tags: [],
      resources: [{ arn: `arn:aws:ec2:${region}:${network}:subnet/subnet-1`, type: 'ec2:Subnet', status: 'ASSOCIATED' }],
      principals: [],
      permissions: [],
    };
    await expect(checkAddedPrincipals(context, subnetShare, [DEMO.accounts['payments-prod']])).resolves.toBeUndefined();
    const refused = await checkAddedPrincipals(context, subnetShare, [DEMO.accounts['partner-co'], `arn:aws:iam::${paymentsDev}:role/Dev`]).catch((e: PlanError) => e);
    expect(refused).toBeInstanceOf(PlanError);
    const messages = (refused as PlanError).fieldErrors!.principals;
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/outside your organization/);
    expect(messages[0]).toMatch(/ec2:Subnet/);
    expect(messages[1]).toMatch(/IAM role/);
  });
});
