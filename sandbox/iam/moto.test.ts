// The sandbox's IAM/STS answers match moto's for the same SDK scenario (IDs, dates and account numbers aside).
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetAccountAuthorizationDetailsCommand,
  GetPolicyCommand,
  GetRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolesCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../testing.js';
import { motoAvailable, startMoto, type Moto } from '../testing/moto.js';
import { iamTestWorld } from './testing-world.js';

interface Target {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

// Generated values, and members moto leaves out (README-iam.md lists the known differences).
const IGNORED = new Set(['RoleId', 'UserId', 'PolicyId', 'CreateDate', 'UpdateDate', 'AccessKeyId', 'SecretAccessKey', '$metadata', 'PermissionsBoundaryUsageCount']);

/** Plain data without generated IDs and dates, account numbers replaced, policy documents decoded and parsed. */
function normalize(value: unknown, account: string): unknown {
  if (Array.isArray(value)) return value.map((item) => normalize(item, account));
  if (value instanceof Date) return 'date';
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        // An empty Tags list and no Tags mean the same.
        .filter(([key, item]) => !IGNORED.has(key) && item !== undefined && !(key === 'Tags' && Array.isArray(item) && item.length === 0))
        .map(([key, item]) => [key, normalize(key === 'AssumeRolePolicyDocument' ? JSON.parse(decodeURIComponent(String(item))) : item, account)]),
    );
  }
  return typeof value === 'string' ? value.split(account).join('ACCOUNT') : value;
}

async function errorOf(promise: Promise<unknown>): Promise<{ name: string }> {
  try {
    await promise;
    return { name: 'none' };
  } catch (error) {
    return { name: (error as Error).name };
  }
}

/** The console's first steps: a cross-account role, a policy, a user with a key, and who am I. */
async function scenario(target: Target): Promise<unknown> {
  const iam = new IAMClient(target);
  const whoami = await new STSClient(target).send(new GetCallerIdentityCommand({}));
  const account = whoami.Account!;
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }] });
  const steps: Record<string, unknown> = {};
  steps.createRole = await iam.send(
    new CreateRoleCommand({ RoleName: 'DiffRole', Path: '/diff/', AssumeRolePolicyDocument: trust, Description: 'differential', MaxSessionDuration: 7200 }),
  );
  steps.getRole = await iam.send(new GetRoleCommand({ RoleName: 'DiffRole' }));
  steps.listRoles = await iam.send(new ListRolesCommand({ PathPrefix: '/diff/' }));
  const policy = await iam.send(
    new CreatePolicyCommand({
      PolicyName: 'DiffPolicy',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }),
    }),
  );
  steps.createPolicy = policy;
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'DiffRole', PolicyArn: policy.Policy!.Arn }));
  steps.listAttached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'DiffRole' }));
  steps.getPolicy = await iam.send(new GetPolicyCommand({ PolicyArn: policy.Policy!.Arn }));
  // The access paths' read: the role with its trust and attached policy (moto lists no LocalManagedPolicy: README).
  const details = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role', 'LocalManagedPolicy'], MaxItems: 1000 }));
  steps.authorizationDetails = {
    role: details.RoleDetailList?.find((r) => r.RoleName === 'DiffRole'),
    IsTruncated: details.IsTruncated,
  };
  steps.createUser = await iam.send(new CreateUserCommand({ UserName: 'diff-user' }));
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'diff-user' }));
  steps.accessKey = { ...AccessKey, idPrefix: AccessKey!.AccessKeyId!.slice(0, 4), secretLength: AccessKey!.SecretAccessKey!.length };
  const asUser = { ...target, credentials: { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! } };
  steps.callerIdentity = await new STSClient(asUser).send(new GetCallerIdentityCommand({}));
  // Only the error class: moto words its messages differently from AWS.
  steps.missingRole = (await errorOf(iam.send(new GetRoleCommand({ RoleName: 'NoSuchRole' })))).name;
  steps.duplicateRole = (await errorOf(iam.send(new CreateRoleCommand({ RoleName: 'DiffRole', AssumeRolePolicyDocument: trust })))).name;
  return normalize(steps, account);
}

describe.skipIf(!motoAvailable())('IAM and STS against moto', () => {
  let sb: TestSandbox;
  let moto: Moto | undefined;

  beforeAll(async () => {
    sb = await startSandbox({ world: iamTestWorld('moto-diff') });
    moto = await startMoto();
  }, 60_000);

  afterAll(async () => {
    await moto?.close();
    await sb?.close();
  });

  it('answers the console scenario as moto does', async () => {
    const ours = await scenario(sb.clientConfig());
    const theirs = await scenario({ endpoint: moto!.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIAMOTOTESTING00001', secretAccessKey: 'moto' } });
    expect(ours).toEqual(theirs);
  });
});
