// The IAM operations plans are made of: making a role and its trust policy, attaching its permissions, and the
// source principal's inline policy, with the crash check for each (is it in IAM as planned?) and their IaC forms
// (CloudFormation AWS::IAM::Role / AWS::IAM::Policy; Terraform aws_iam_role, aws_iam_role_policy(_attachment),
// aws_iam_user_policy). IAM has no client tokens: every call here is a PUT of the planned state, safe to repeat,
// except CreateRole, whose check tells a role made by this plan from one that was already there.
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  DeleteUserPolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  IAMClient,
  paginateListAttachedRolePolicies,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { type AnyClient, type IacContext, type OperationSpec } from '../plan/operation-spec';
import { shellWord } from '../plan/shell';
import { parsePolicy, samePolicy } from './policy';
import { isNoSuchEntity, unlessMissing } from './roles';

const iam = (client: AnyClient) => client as IAMClient;
type Holder = { kind: 'user' | 'role'; member: 'UserName' | 'RoleName' };
const USER: Holder = { kind: 'user', member: 'UserName' };
const ROLE: Holder = { kind: 'role', member: 'RoleName' };

async function inlinePolicy(client: AnyClient, holder: Holder, input: Record<string, unknown>): Promise<string | undefined> {
  const name = String(input[holder.member]);
  const policyName = String(input.PolicyName);
  const out =
    holder.kind === 'user'
      ? await unlessMissing(iam(client).send(new GetUserPolicyCommand({ UserName: name, PolicyName: policyName })))
      : await unlessMissing(iam(client).send(new GetRolePolicyCommand({ RoleName: name, PolicyName: policyName })));
  return out?.PolicyDocument;
}

function putInline(holder: Holder): OperationSpec {
  return {
    client: IAMClient,
    command: holder.kind === 'user' ? PutUserPolicyCommand : PutRolePolicyCommand,
    check: async (client, input) => ({ inPlace: samePolicy(await inlinePolicy(client, holder, input), String(input.PolicyDocument)) }),
    cloudFormation: ({ step, number, resolve }) => ({
      resources: {
        [`Policy${number}`]: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            PolicyName: step.input.PolicyName as string,
            PolicyDocument: parsePolicy(String(step.input.PolicyDocument)),
            [holder.kind === 'user' ? 'Users' : 'Roles']: [resolve(step.input[holder.member])],
          },
        },
      },
    }),
    terraform: ({ step, number, resolve }) => ({
      blocks: [
        {
          type: `aws_iam_${holder.kind}_policy`,
          name: `step${number}`,
          attributes: { name: step.input.PolicyName, [holder.kind]: resolve(step.input[holder.member]), policy: step.input.PolicyDocument },
        },
      ],
    }),
  };
}

function deleteInline(holder: Holder): OperationSpec {
  const resource = holder.kind === 'user' ? 'aws_iam_user_policy' : 'aws_iam_role_policy';
  return {
    client: IAMClient,
    command: holder.kind === 'user' ? DeleteUserPolicyCommand : DeleteRolePolicyCommand,
    // Already gone is what the step asks for.
    alreadyDone: isNoSuchEntity,
    check: async (client, input) => ({ inPlace: (await inlinePolicy(client, holder, input)) === undefined }),
    cloudFormation: () => ({ unsupported: `Remove the AWS::IAM::Policy from the stack that made it (or delete the inline policy with the AWS CLI command).` }),
    terraform: () => ({ unsupported: `Remove the matching ${resource} block from your configuration.` }),
  };
}

/** The role's logical ID or Terraform address where the role is made earlier in the same template. */
const roleRef = (ctx: IacContext) => ctx.producerOf(ctx.step.input.RoleName);

export const iamOperations: Record<string, OperationSpec> = {
  'iam:CreateRole': {
    client: IAMClient,
    command: CreateRoleCommand,
    async check(client, input) {
      const out = await unlessMissing(iam(client).send(new GetRoleCommand({ RoleName: String(input.RoleName) })));
      const role = out?.Role;
      return { inPlace: !!role && samePolicy(role.AssumeRolePolicyDocument, String(input.AssumeRolePolicyDocument)), output: role && { Role: role } };
    },
    cloudFormation({ step, number }) {
      const i = step.input;
      const logicalId = `Role${number}`;
      const properties: Record<string, unknown> = {
        RoleName: i.RoleName,
        AssumeRolePolicyDocument: parsePolicy(String(i.AssumeRolePolicyDocument)),
      };
      if (i.Path !== undefined) properties.Path = i.Path;
      if (i.Description !== undefined) properties.Description = i.Description;
      if (i.MaxSessionDuration !== undefined) properties.MaxSessionDuration = i.MaxSessionDuration;
      return {
        resources: { [logicalId]: { Type: 'AWS::IAM::Role', Properties: properties } },
        exports: { 'Role.RoleName': { Ref: logicalId }, 'Role.Arn': { 'Fn::GetAtt': [logicalId, 'Arn'] } },
      };
    },
    terraform({ step, number }) {
      const i = step.input;
      const name = `step${number}`;
      return {
        blocks: [
          {
            type: 'aws_iam_role',
            name,
            attributes: { name: i.RoleName, path: i.Path, description: i.Description, assume_role_policy: i.AssumeRolePolicyDocument, max_session_duration: i.MaxSessionDuration },
          },
        ],
        exports: { 'Role.RoleName': `aws_iam_role.${name}.name`, 'Role.Arn': `aws_iam_role.${name}.arn` },
      };
    },
  },
  'iam:AttachRolePolicy': {
    client: IAMClient,
    command: AttachRolePolicyCommand,
    async check(client, input) {
      for await (const page of paginateListAttachedRolePolicies({ client: iam(client) }, { RoleName: String(input.RoleName) })) {
        if (page.AttachedPolicies?.some((p) => p.PolicyArn === input.PolicyArn)) return { inPlace: true };
      }
      return { inPlace: false };
    },
    cloudFormation(ctx) {
      const logicalId = roleRef(ctx);
      if (!logicalId) return { unsupported: 'CloudFormation attaches a managed policy only to a role it manages: add it to the role\'s ManagedPolicyArns in its stack.' };
      return { resources: {}, merge: { logicalId, append: { ManagedPolicyArns: [ctx.step.input.PolicyArn] } } };
    },
    terraform: ({ step, number, resolve }) => ({
      blocks: [{ type: 'aws_iam_role_policy_attachment', name: `step${number}`, attributes: { role: resolve(step.input.RoleName), policy_arn: step.input.PolicyArn } }],
    }),
  },
  'iam:UpdateAssumeRolePolicy': {
    client: IAMClient,
    command: UpdateAssumeRolePolicyCommand,
    async check(client, input) {
      const out = await unlessMissing(iam(client).send(new GetRoleCommand({ RoleName: String(input.RoleName) })));
      return { inPlace: samePolicy(out?.Role?.AssumeRolePolicyDocument, String(input.PolicyDocument)) };
    },
    cloudFormation: () => ({ unsupported: 'CloudFormation can change a trust policy only in the stack that manages the role: set its AssumeRolePolicyDocument there to the document shown.' }),
    terraform: ({ step }) => ({
      unsupported: `Terraform sets a trust policy in the role's aws_iam_role block (assume_role_policy); for a role Terraform does not manage yet, import it first: terraform import aws_iam_role.${String(step.input.RoleName).replace(/[^A-Za-z0-9_]/g, '_')} ${shellWord(String(step.input.RoleName))}.`,
    }),
  },
  'iam:DetachRolePolicy': {
    client: IAMClient,
    command: DetachRolePolicyCommand,
    alreadyDone: isNoSuchEntity,
    async check(client, input) {
      for await (const page of paginateListAttachedRolePolicies({ client: iam(client) }, { RoleName: String(input.RoleName) })) {
        if (page.AttachedPolicies?.some((p) => p.PolicyArn === input.PolicyArn)) return { inPlace: false };
      }
      return { inPlace: true };
    },
    cloudFormation: () => ({ unsupported: "Remove the policy from the role's ManagedPolicyArns in the stack that manages it." }),
    terraform: () => ({ unsupported: 'Remove the matching aws_iam_role_policy_attachment block (or the ARN from the role\'s managed_policy_arns).' }),
  },
  'iam:DeleteRole': {
    client: IAMClient,
    command: DeleteRoleCommand,
    // Already gone is what the step asks for.
    alreadyDone: isNoSuchEntity,
    check: async (client, input) => ({ inPlace: !(await unlessMissing(iam(client).send(new GetRoleCommand({ RoleName: String(input.RoleName) })))) }),
    cloudFormation: () => ({ unsupported: 'Remove the AWS::IAM::Role from the stack that manages it (deleting the stack deletes the role).' }),
    terraform: ({ step }) => ({ unsupported: `Remove the aws_iam_role block for ${String(step.input.RoleName)} from your configuration, then terraform apply.` }),
  },
  'iam:PutUserPolicy': putInline(USER),
  'iam:PutRolePolicy': putInline(ROLE),
  'iam:DeleteUserPolicy': deleteInline(USER),
  'iam:DeleteRolePolicy': deleteInline(ROLE),
};


