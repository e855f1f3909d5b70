// Protects: the CLI, CloudFormation and Terraform shown for a cross-account plan say what the plan does: the
// role with its trust policy and permissions in the destination account's template, the source's inline policy
// in the source account's, parsed back with real YAML and HCL parsers.
import { parse as parseHcl } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
// The renderers look up each step's operation in the registry.
import '../changes/registry';
import { renderCli } from '../plan/cli';
import { renderCloudFormation, renderTerraform } from '../plan/iac';
import { buildAccessPlan } from './access';
import { trustEdit, type RemovalFacts } from './trust-edit';
import { parsePolicy } from './policy';
import { accessRequestSchema } from './validation';

const removalPlan = (principal: string, facts: RemovalFacts) => trustEdit.plan({ change: 'remove', roleArn: facts.role.arn, principal }, facts);

const DEV = '400000000011';
const PROD = '400000000001';
const quotas = { AssumeRolePolicySizeQuota: 2048, UserPolicySizeQuota: 2048 };
const { draft } = buildAccessPlan(
  accessRequestSchema.parse({
    source: { accountId: DEV, principal: `arn:aws:iam::${DEV}:user/alice` },
    destination: { accountId: PROD, role: { kind: 'new', name: 'DeployFromDev', description: "Alice's deploys", managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], maxSessionHours: 1 } },
    conditions: { externalId: 'ext-1' },
  }),
  { accountNames: {}, sourceReachable: true, destinationQuotas: quotas, sourceQuotas: quotas },
);
const trust = draft.steps[0].input.AssumeRolePolicyDocument as string;
const sourcePolicy = draft.steps[2].input.PolicyDocument as string;

describe('AWS CLI equivalent', () => {
  it('creates the role capturing its name, attaches the policy to it, and puts the user policy in the source account', () => {
    const script = renderCli(draft.steps, { planId: 'p-1' });
    const commands = script.split('\n').filter((l) => l.includes('aws iam'));
    expect(commands).toEqual([
      `ROLE_NAME=$(aws iam create-role --cli-input-json '{`,
      `aws iam attach-role-policy --cli-input-json '{`,
      `aws iam put-user-policy --cli-input-json '{`,
    ]);
    expect(script).toContain(`  "AssumeRolePolicyDocument": ${JSON.stringify(trust)},\n  "Description": "Alice'\\''s deploys",\n  "MaxSessionDuration": 3600\n}' --region us-east-1 --profile acct-${PROD} --query Role.RoleName --output json)`);
    expect(script).toContain(`  "RoleName": '"$ROLE_NAME"',\n  "PolicyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}' --region us-east-1 --profile acct-${PROD}\n`);
    expect(script).toContain(`  "UserName": "alice",\n  "PolicyName": "CrossingAssume-${PROD}-DeployFromDev",\n  "PolicyDocument": ${JSON.stringify(sourcePolicy)}\n}' --region us-east-1 --profile acct-${DEV}\n`);
  });
});

describe('CloudFormation equivalent', () => {
  it('is an AWS::IAM::Role with its trust, permissions and session length, and an AWS::IAM::Policy on the user', () => {
    const [role, source] = renderCloudFormation(draft.steps, { planId: 'p-1', title: draft.title });
    expect(role.accountId).toBe(PROD);
    expect(role.text).toContain('--capabilities CAPABILITY_NAMED_IAM');
    expect(parseYaml(role.text!).Resources).toEqual({
      Role1: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: 'DeployFromDev',
          AssumeRolePolicyDocument: parsePolicy(trust),
          Path: '/',
          Description: "Alice's deploys",
          MaxSessionDuration: 3600,
          ManagedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
        },
      },
    });
    expect(source.accountId).toBe(DEV);
    expect(parseYaml(source.text!).Resources).toEqual({
      Policy3: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: `CrossingAssume-${PROD}-DeployFromDev`, PolicyDocument: parsePolicy(sourcePolicy), Users: ['alice'] } },
    });
  });

  it('says a trust change on a role it does not manage belongs in that role\'s stack', () => {
    const removal = removalPlan(`arn:aws:iam::${DEV}:user/alice`, {
      role: { arn: `arn:aws:iam::${PROD}:role/R`, name: 'R', trust: parsePolicy(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${DEV}:user/alice`, `arn:aws:iam::${DEV}:root`] }, Action: 'sts:AssumeRole' }] })) },
      accountNames: {},
      sourcePolicy: { kind: 'user', name: 'alice', policyName: 'CrossingAssume-x' },
    });
    const docs = renderCloudFormation(removal.steps, { planId: 'p-2', title: removal.title });
    expect(docs.flatMap((d) => d.notes)).toEqual([
      'Step 1 (iam:UpdateAssumeRolePolicy): CloudFormation can change a trust policy only in the stack that manages the role: set its AssumeRolePolicyDocument there to the document shown.',
      'Step 2 (iam:DeleteUserPolicy): Remove the AWS::IAM::Policy from the stack that made it (or delete the inline policy with the AWS CLI command).',
    ]);
  });
});

describe('Terraform equivalent', () => {
  it('is aws_iam_role, an attachment on that role, and aws_iam_user_policy in the source account', async () => {
    const [role, source] = renderTerraform(draft.steps, { planId: 'p-1' });
    const parsed = (await parseHcl('main.tf', role.text!)) as { resource: Record<string, Record<string, Record<string, unknown>[]>> };
    expect(parsed.resource.aws_iam_role.step1).toEqual([{ name: 'DeployFromDev', path: '/', description: "Alice's deploys", assume_role_policy: trust, max_session_duration: 3600 }]);
    expect(parsed.resource.aws_iam_role_policy_attachment.step2).toEqual([{ role: '${aws_iam_role.step1.name}', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }]);
    const user = (await parseHcl('main.tf', source.text!)) as { provider: { aws: unknown[] }; resource: Record<string, Record<string, Record<string, unknown>[]>> };
    expect(user.provider.aws).toEqual([{ region: 'us-east-1', profile: `acct-${DEV}` }]);
    expect(user.resource.aws_iam_user_policy.step3).toEqual([{ name: `CrossingAssume-${PROD}-DeployFromDev`, user: 'alice', policy: sourcePolicy }]);
  });
});
