// Protects: cross-account access set up and checked against AWS (the sandbox over HTTP, with the console's own
// clients): one plan makes both halves, the user's own keys then assume the role (and no other), verify
// explains the decision from the live policies and names an SCP added later, a role source is checked with a
// live sts:AssumeRole, and the plan's AWS CLI commands, run by the real AWS CLI, make the same role and policy.
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { GetRoleCommand, GetUserPolicyCommand, IAMClient, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { AttachPolicyCommand, CreatePolicyCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../sandbox/seeds/demo-ids';
import { startSandbox, type TestSandbox } from '../../sandbox/testing';
import { useConsoleEnv } from '../../tests/support/console-env';
import { getClient, resetAwsAccess } from '../aws/clients';
import { getConsoleContext } from '../aws/identity';
import { applyPlan, runFinished } from '../changes/registry';
import { renderCli } from '../plan/cli';
import { savePlan } from '../plan/store';
import { buildAccessPlan } from './access';
import { readAccessFacts } from './access-facts';
import { parsePolicy, samePolicy } from './policy';
import { accessRequestSchema } from './validation';
import { verifyAccess } from './verify-live';

const DEV = DEMO.accounts['payments-dev'];
const PROD = DEMO.accounts['payments-prod'];
const ALICE = `arn:aws:iam::${DEV}:user/alice`;
const ROLE_ARN = `arn:aws:iam::${PROD}:role/DeployFromDev`;
const admin = { email: 'admin@example.com', name: 'Admin', role: 'admin' as const };
let sb: TestSandbox;

const request = accessRequestSchema.parse({
  source: { accountId: DEV, principal: ALICE },
  destination: { accountId: PROD, role: { kind: 'new', name: 'DeployFromDev', managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], maxSessionHours: 1 } },
  conditions: {},
});

async function buildAndApply() {
  const context = await getConsoleContext();
  const { draft } = buildAccessPlan(request, await readAccessFacts(request, context));
  const plan = await savePlan(draft, admin.email);
  await applyPlan(plan.id, admin);
  return { plan: (await runFinished(plan.id))!, context };
}

const aliceSts = () => new STSClient(sb.clientConfig(DEMO.aliceCredentials));

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  useConsoleEnv(sb, 'crossing-roles-');
  resetAwsAccess();
});

afterAll(async () => {
  await sb?.close();
});

describe('a new role for alice, applied', () => {
  it('makes both halves, which alice\'s own keys can use for that role only, and verify explains why', async () => {
    const { plan, context } = await buildAndApply();
    expect(plan.status).toBe('succeeded');
    const prod = getClient(IAMClient, { accountId: PROD });
    const role = (await prod.send(new GetRoleCommand({ RoleName: 'DeployFromDev' }))).Role!;
    expect(parsePolicy(role.AssumeRolePolicyDocument).Statement.map((s) => s.Principal)).toEqual([{ AWS: ALICE }]);
    expect((await prod.send(new ListAttachedRolePoliciesCommand({ RoleName: 'DeployFromDev' }))).AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['ReadOnlyAccess']);
    const policy = await getClient(IAMClient, { accountId: DEV }).send(new GetUserPolicyCommand({ UserName: 'alice', PolicyName: `CrossingAssume-${PROD}-DeployFromDev` }));
    expect(parsePolicy(policy.PolicyDocument).Statement).toEqual([{ Sid: 'AssumeDeployFromDev', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE_ARN }]);

    const assumed = await aliceSts().send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'alice' }));
    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${PROD}:assumed-role/DeployFromDev/alice`);
    await expect(aliceSts().send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${PROD}:role/ReadOnlyAuditor`, RoleSessionName: 'alice' }))).rejects.toThrow(/not authorized to perform: sts:AssumeRole/);

    const verified = await verifyAccess({ principal: ALICE, roleArn: ROLE_ARN, withMfa: false }, context);
    expect(verified.allowed).toBe(true);
    expect(verified.layers.map((l) => l.explanation)).toEqual([
      `Allowed by statement AssumeDeployFromDev of inline policy CrossingAssume-${PROD}-DeployFromDev of user alice.`,
      'No permissions boundary.',
      'No SCP on Root / Workloads / Dev / payments-dev denies it.',
      `Trusted by statement AllowAssumeFrom${DEV} of the role's trust policy.`,
    ]);
    expect(verified.rolePermissions).toEqual(['managed policy ReadOnlyAccess']);
    expect(verified.live).toMatchObject({ ran: false, detail: expect.stringMatching(/^The console holds no credentials of user alice/) });

    const organizations = getClient(OrganizationsClient);
    const scp = await organizations.send(
      new CreatePolicyCommand({
        Name: 'DenyAssumeRole',
        Description: 'No role assumption from Dev',
        Type: 'SERVICE_CONTROL_POLICY',
        Content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'DenyAssume', Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }] }),
      }),
    );
    await organizations.send(new AttachPolicyCommand({ PolicyId: scp.Policy!.PolicySummary!.Id!, TargetId: DEMO.ouIds.Dev }));
    const denied = await verifyAccess({ principal: ALICE, roleArn: ROLE_ARN, withMfa: false }, context);
    expect(denied.allowed).toBe(false);
    expect(denied.layers[2].explanation).toBe(`Denied by statement DenyAssume of SCP DenyAssumeRole (${scp.Policy!.PolicySummary!.Id}) on Dev.`);
    await expect(aliceSts().send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'alice' }))).rejects.toThrow(/not authorized to perform: sts:AssumeRole/);
  });

  it('checks a role source with a live sts:AssumeRole, reporting how long it took', async () => {
    const context = await getConsoleContext();
    const verified = await verifyAccess({ principal: DEMO.roles.securityAudit, roleArn: `arn:aws:iam::${PROD}:role/ReadOnlyAuditor`, withMfa: false }, context);
    expect(verified.allowed).toBe(true);
    expect(verified.layers[0].explanation).toBe('Allowed by statement 1 of inline policy AssumeReadOnlyAuditor of role SecurityAudit.');
    expect(verified.live).toMatchObject({ ran: true, ok: true, attempts: 1, detail: expect.stringMatching(/^sts:AssumeRole succeeded after 1 attempt \(\d+\.\d s\)\.$/) });
  });
});

describe('the AWS CLI equivalent', () => {
  it('run by the AWS CLI against a fresh sandbox, makes the same role, attachment and user policy', async () => {
    expect(spawnSync('aws', ['--version']).status, 'the AWS CLI must be installed').toBe(0);
    const context = await getConsoleContext();
    const { draft } = buildAccessPlan(request, { ...(await readAccessFacts({ ...request, destination: { ...request.destination, role: { ...request.destination.role, name: 'CliMade' } } }, context)) });
    const fresh = await startSandbox({ seed: 'demo' });
    try {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-iam-cli-'));
      const profiles: string[] = [];
      for (const account of [DEV, PROD]) {
        const c = (await new STSClient(fresh.clientConfig()).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`, RoleSessionName: 'cli' }))).Credentials!;
        profiles.push(`[profile acct-${account}]\naws_access_key_id = ${c.AccessKeyId}\naws_secret_access_key = ${c.SecretAccessKey}\naws_session_token = ${c.SessionToken}\n`);
      }
      fs.writeFileSync(path.join(dir, 'config'), profiles.join('\n'));
      const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_'))) as NodeJS.ProcessEnv;
      await promisify(execFile)('sh', ['-c', renderCli(draft.steps, { planId: 'p-cli', endpointUrl: fresh.endpoint })], {
        env: { ...cleanEnv, AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none'), AWS_PAGER: '' },
        timeout: 60_000,
      });
      const asMember = async (account: string) => {
        const c = (await new STSClient(fresh.clientConfig()).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`, RoleSessionName: 'check' }))).Credentials!;
        return new IAMClient(fresh.clientConfig({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken }));
      };
      const prod = await asMember(PROD);
      const role = (await prod.send(new GetRoleCommand({ RoleName: 'DeployFromDev' }))).Role!;
      expect(samePolicy(role.AssumeRolePolicyDocument, draft.steps[0].input.AssumeRolePolicyDocument as string)).toBe(true);
      expect((await prod.send(new ListAttachedRolePoliciesCommand({ RoleName: 'DeployFromDev' }))).AttachedPolicies?.map((p) => p.PolicyArn)).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
      const userPolicy = await (await asMember(DEV)).send(new GetUserPolicyCommand({ UserName: 'alice', PolicyName: `CrossingAssume-${PROD}-DeployFromDev` }));
      expect(samePolicy(userPolicy.PolicyDocument, draft.steps[2].input.PolicyDocument as string)).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});
