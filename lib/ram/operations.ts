// The RAM operations plans are made of, with their idempotency, settling, crash check and IaC forms
// (CloudFormation AWS::RAM::ResourceShare; Terraform aws_ram_*).
import {
  AcceptResourceShareInvitationCommand,
  CreatePermissionCommand,
  CreatePermissionVersionCommand,
  DeletePermissionCommand,
  DeletePermissionVersionCommand,
  GetPermissionCommand,
  ListPermissionVersionsCommand,
  PromotePermissionCreatedFromPolicyCommand,
  PromoteResourceShareCreatedFromPolicyCommand,
  ReplacePermissionAssociationsCommand,
  SetDefaultPermissionVersionCommand,
  AssociateResourceShareCommand,
  AssociateResourceSharePermissionCommand,
  CreateResourceShareCommand,
  DeleteResourceShareCommand,
  DisassociateResourceShareCommand,
  EnableSharingWithAwsOrganizationCommand,
  GetResourceShareInvitationsCommand,
  paginateListPermissions,
  GetResourceSharesCommand,
  RAMClient,
  RejectResourceShareInvitationCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateResourceShareCommand,
  type ResourceShareConfiguration,
  type Tag,
} from '@aws-sdk/client-ram';
import { hcl, hclNestedBlock, type AnyClient, type OperationSpec } from '../plan/operation-spec';
import { waitForAssociations } from './associations';
import { waitForReplaceWork } from './replace-work';

const ram = (client: AnyClient) => client as RAMClient;
const list = (value: unknown) => (Array.isArray(value) ? value : []) as unknown[];
const tagMap = (tags: unknown) => Object.fromEntries((list(tags) as Tag[]).map((t) => [t.key, t.value ?? '']));

const tagText = (tags: unknown) => (list(tags) as Tag[]).map((t) => `${t.key}=${t.value ?? ''}`).join(', ');

const entitiesOf = (input: Record<string, unknown>) => [...list(input.resourceArns), ...list(input.principals)].map(String);

const noCloudFormation = (what: string) => () => ({ unsupported: `CloudFormation has no resource type for ${what}: run the AWS CLI command instead.` });

/**
 * A change to a share made outside the template (the console edits shares that already exist): CloudFormation
 * and Terraform can express it only in the stack or configuration that manages the share, if one does.
 */
const inManagingCode = (cloudFormation: (input: Record<string, unknown>) => string, terraform: (input: Record<string, unknown>) => string): Pick<OperationSpec, 'cloudFormation' | 'terraform'> => ({
  cloudFormation: ({ step }) => ({
    unsupported: `${cloudFormation(step.input)} on the AWS::RAM::ResourceShare in the stack that manages the share, if one does; otherwise run the AWS CLI command.`,
  }),
  terraform: ({ step }) => ({
    unsupported: `${terraform(step.input)} on the aws_ram_resource_share in the configuration that manages the share, if one does (terraform import aws_ram_resource_share.NAME <share ARN> brings an existing share under Terraform); otherwise run the AWS CLI command.`,
  }),
});

/** "Name: x and AllowExternalPrincipals: false" in the words of one language. */
const settings = (input: Record<string, unknown>, name: string, external: string, quote: (v: string) => string, separator: string) =>
  [input.name !== undefined && `${name}${separator}${quote(String(input.name))}`, input.allowExternalPrincipals !== undefined && `${external}${separator}${input.allowExternalPrincipals}`]
    .filter(Boolean)
    .join(' and ');

/** The share as GetResourceShares reads it now, for crash checks. */
async function shareNow(client: AnyClient, input: Record<string, unknown>) {
  const out = await ram(client).send(new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: [String(input.resourceShareArn)] }));
  return out.resourceShares?.[0];
}

/** Answering an invitation the way it was already answered is what the step asked for. */
const answered = (status: 'ACCEPTED' | 'REJECTED'): OperationSpec['check'] => async (client, input) => {
  const out = await ram(client).send(new GetResourceShareInvitationsCommand({ resourceShareInvitationArns: [String(input.resourceShareInvitationArn)] }));
  const invitation = out.resourceShareInvitations?.[0];
  return { inPlace: invitation?.status === status, output: invitation && { resourceShareInvitation: invitation } };
};

export const ramOperations: Record<string, OperationSpec> = {
  'ram:EnableSharingWithAwsOrganization': {
    client: RAMClient,
    command: EnableSharingWithAwsOrganizationCommand,
    cloudFormation: noCloudFormation('enabling sharing with AWS Organizations'),
    terraform: () => ({ blocks: [{ type: 'aws_ram_sharing_with_organization', name: 'this', attributes: {} }] }),
  },
  'ram:CreateResourceShare': {
    client: RAMClient,
    command: CreateResourceShareCommand,
    clientToken: 'clientToken',
    settle: (client, input, output, boundMs) => waitForAssociations(ram(client), output.resourceShare.resourceShareArn, entitiesOf(input), boundMs),
    async check(client, input) {
      const out = await ram(client).send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name: String(input.name) }));
      const share = out.resourceShares?.find((s) => s.status !== 'DELETED' && s.status !== 'DELETING');
      return { inPlace: !!share, output: share && { resourceShare: share } };
    },
    cloudFormation({ step, number, resolve }) {
      const i = step.input;
      const logicalId = `ResourceShare${number}`;
      const properties: Record<string, unknown> = { Name: resolve(i.name) };
      if (i.allowExternalPrincipals !== undefined) properties.AllowExternalPrincipals = i.allowExternalPrincipals;
      if (list(i.resourceArns).length) properties.ResourceArns = resolve(i.resourceArns);
      if (list(i.principals).length) properties.Principals = resolve(i.principals);
      if (list(i.permissionArns).length) properties.PermissionArns = resolve(i.permissionArns);
      if (list(i.sources).length) properties.Sources = resolve(i.sources);
      if (list(i.tags).length) properties.Tags = (list(i.tags) as Tag[]).map((t) => ({ Key: t.key, Value: t.value ?? '' }));
      const configuration = i.resourceShareConfiguration as ResourceShareConfiguration | undefined;
      if (configuration?.retainSharingOnAccountLeaveOrganization !== undefined) {
        properties.ResourceShareConfiguration = { RetainSharingOnAccountLeaveOrganization: configuration.retainSharingOnAccountLeaveOrganization };
      }
      return {
        resources: { [logicalId]: { Type: 'AWS::RAM::ResourceShare', Properties: properties } },
        exports: { 'resourceShare.resourceShareArn': { Ref: logicalId } },
      };
    },
    terraform({ step, number, resolve }) {
      const i = step.input;
      if (list(i.sources).length) {
        return { unsupported: "aws_ram_resource_share has no argument for source constraints (sources) that Crossing knows of: run the AWS CLI command, or add the sources with it after applying the configuration." };
      }
      const share = `step${number}`;
      const arn = `aws_ram_resource_share.${share}.arn`;
      const attributes: Record<string, unknown> = { name: resolve(i.name) };
      if (i.allowExternalPrincipals !== undefined) attributes.allow_external_principals = i.allowExternalPrincipals;
      if (list(i.permissionArns).length) attributes.permission_arns = resolve(i.permissionArns);
      if (list(i.tags).length) attributes.tags = tagMap(i.tags);
      const configuration = i.resourceShareConfiguration as ResourceShareConfiguration | undefined;
      if (configuration?.retainSharingOnAccountLeaveOrganization !== undefined) {
        attributes.resource_share_configuration = hclNestedBlock({ retain_sharing_on_account_leave_organization: configuration.retainSharingOnAccountLeaveOrganization });
      }
      return {
        blocks: [
          { type: 'aws_ram_resource_share', name: share, attributes },
          ...list(i.resourceArns).map((resourceArn, n) => ({
            type: 'aws_ram_resource_association',
            name: `${share}_resource${n + 1}`,
            attributes: { resource_arn: resolve(resourceArn), resource_share_arn: hcl(arn) },
          })),
          ...list(i.principals).map((principal, n) => ({
            type: 'aws_ram_principal_association',
            name: `${share}_principal${n + 1}`,
            attributes: { principal: resolve(principal), resource_share_arn: hcl(arn) },
          })),
        ],
        exports: { 'resourceShare.resourceShareArn': arn },
      };
    },
  },
  'ram:AssociateResourceShare': {
    client: RAMClient,
    command: AssociateResourceShareCommand,
    clientToken: 'clientToken',
    settle: (client, input, _output, boundMs) => waitForAssociations(ram(client), String(input.resourceShareArn), entitiesOf(input), boundMs),
    cloudFormation({ step, resolve, producerOf }) {
      const logicalId = producerOf(step.input.resourceShareArn);
      if (!logicalId) {
        return { unsupported: 'The share is not made in this template: CloudFormation can add to a share only by updating the stack that manages it.' };
      }
      const append: Record<string, unknown[]> = {};
      if (list(step.input.resourceArns).length) append.ResourceArns = resolve(step.input.resourceArns) as unknown[];
      if (list(step.input.principals).length) append.Principals = resolve(step.input.principals) as unknown[];
      return { resources: {}, merge: { logicalId, append } };
    },
    terraform({ step, number, resolve }) {
      const shareArn = resolve(step.input.resourceShareArn);
      return {
        blocks: [
          ...list(step.input.resourceArns).map((resourceArn, n) => ({
            type: 'aws_ram_resource_association',
            name: `step${number}_resource${n + 1}`,
            attributes: { resource_arn: resolve(resourceArn), resource_share_arn: shareArn },
          })),
          ...list(step.input.principals).map((principal, n) => ({
            type: 'aws_ram_principal_association',
            name: `step${number}_principal${n + 1}`,
            attributes: { principal: resolve(principal), resource_share_arn: shareArn },
          })),
        ],
      };
    },
  },
  'ram:DisassociateResourceShare': {
    client: RAMClient,
    command: DisassociateResourceShareCommand,
    clientToken: 'clientToken',
    settle: (client, input, _output, boundMs) => waitForAssociations(ram(client), String(input.resourceShareArn), entitiesOf(input), boundMs),
    cloudFormation: () => ({ unsupported: 'Remove the resources or principals from the share in the stack that manages it.' }),
    terraform: () => ({ unsupported: 'Remove the matching aws_ram_resource_association / aws_ram_principal_association blocks from your configuration.' }),
  },
  'ram:UpdateResourceShare': {
    client: RAMClient,
    command: UpdateResourceShareCommand,
    clientToken: 'clientToken',
    async check(client, input) {
      const share = await shareNow(client, input);
      const inPlace =
        !!share &&
        (input.name === undefined || share.name === input.name) &&
        (input.allowExternalPrincipals === undefined || share.allowExternalPrincipals === input.allowExternalPrincipals);
      return { inPlace, output: share && { resourceShare: share } };
    },
    ...inManagingCode(
      (i) => `Set ${settings(i, 'Name', 'AllowExternalPrincipals', (v) => v, ': ')}`,
      (i) => `Set ${settings(i, 'name', 'allow_external_principals', JSON.stringify, ' = ')}`,
    ),
  },
  'ram:DeleteResourceShare': {
    client: RAMClient,
    command: DeleteResourceShareCommand,
    clientToken: 'clientToken',
    async check(client, input) {
      const share = await shareNow(client, input);
      return { inPlace: !share || share.status === 'DELETING' || share.status === 'DELETED', output: { returnValue: true } };
    },
    cloudFormation: () => ({ unsupported: 'Remove the AWS::RAM::ResourceShare from the stack that manages the share, if one does (deleting the stack deletes it); otherwise run the AWS CLI command.' }),
    terraform: () => ({ unsupported: 'Remove the aws_ram_resource_share and its aws_ram_*_association blocks from the configuration that manages the share, if one does, and apply; otherwise run the AWS CLI command.' }),
  },
  'ram:AssociateResourceSharePermission': {
    client: RAMClient,
    command: AssociateResourceSharePermissionCommand,
    clientToken: 'clientToken',
    ...inManagingCode((i) => `List ${i.permissionArn} in PermissionArns`, (i) => `List ${i.permissionArn} in permission_arns`),
  },
  'ram:TagResource': {
    client: RAMClient,
    command: TagResourceCommand,
    async check(client, input) {
      const share = await shareNow(client, input);
      const tags = tagMap(share?.tags);
      return { inPlace: (list(input.tags) as Tag[]).every((t) => tags[t.key!] === (t.value ?? '')), output: {} };
    },
    ...inManagingCode((i) => `Add ${tagText(i.tags)} to Tags`, (i) => `Add ${tagText(i.tags)} to tags`),
  },
  'ram:UntagResource': {
    client: RAMClient,
    command: UntagResourceCommand,
    async check(client, input) {
      const tags = tagMap((await shareNow(client, input))?.tags);
      return { inPlace: list(input.tagKeys).every((key) => !(String(key) in tags)), output: {} };
    },
    ...inManagingCode((i) => `Remove the keys ${list(i.tagKeys).join(', ')} from Tags`, (i) => `Remove the keys ${list(i.tagKeys).join(', ')} from tags`),
  },
  'ram:AcceptResourceShareInvitation': {
    client: RAMClient,
    command: AcceptResourceShareInvitationCommand,
    clientToken: 'clientToken',
    alreadyDone: (code) => code === 'ResourceShareInvitationAlreadyAcceptedException',
    check: answered('ACCEPTED'),
    cloudFormation: noCloudFormation('accepting a resource share invitation'),
    terraform: ({ step, number }) =>
      step.about?.resourceShareArn
        ? { blocks: [{ type: 'aws_ram_resource_share_accepter', name: `step${number}`, attributes: { share_arn: step.about.resourceShareArn } }] }
        : { unsupported: `Terraform accepts an invitation by its share's ARN (aws_ram_resource_share_accepter); ${step.input.resourceShareInvitationArn} names only the invitation.` },
  },
  'ram:RejectResourceShareInvitation': {
    client: RAMClient,
    command: RejectResourceShareInvitationCommand,
    clientToken: 'clientToken',
    alreadyDone: (code) => code === 'ResourceShareInvitationAlreadyRejectedException',
    check: answered('REJECTED'),
    cloudFormation: noCloudFormation('rejecting a resource share invitation'),
    terraform: () => ({ unsupported: 'Terraform has no resource for rejecting an invitation: run the AWS CLI command instead.' }),
  },
  'ram:CreatePermission': {
    client: RAMClient,
    command: CreatePermissionCommand,
    clientToken: 'clientToken',
    async check(client, input) {
      for await (const page of paginateListPermissions({ client: ram(client) }, { permissionType: 'CUSTOMER_MANAGED' })) {
        const permission = page.permissions?.find((p) => p.name === input.name);
        if (permission) return { inPlace: true, output: { permission } };
      }
      return { inPlace: false };
    },
    cloudFormation({ step, number, resolve }) {
      const i = step.input;
      const properties: Record<string, unknown> = { Name: resolve(i.name), ResourceType: resolve(i.resourceType), PolicyTemplate: JSON.parse(String(i.policyTemplate)) };
      if (list(i.tags).length) properties.Tags = (list(i.tags) as Tag[]).map((t) => ({ Key: t.key, Value: t.value ?? '' }));
      return { resources: { [`Permission${number}`]: { Type: 'AWS::RAM::Permission', Properties: properties } }, exports: { 'permission.arn': { Ref: `Permission${number}` } } };
    },
    terraform({ step, number, resolve }) {
      const i = step.input;
      const attributes: Record<string, unknown> = { name: resolve(i.name), resource_type: resolve(i.resourceType), policy_template: i.policyTemplate };
      if (list(i.tags).length) attributes.tags = tagMap(i.tags);
      return { blocks: [{ type: 'aws_ram_permission', name: `step${number}`, attributes }], exports: { 'permission.arn': `aws_ram_permission.step${number}.arn` } };
    },
  },
  'ram:CreatePermissionVersion': {
    client: RAMClient,
    command: CreatePermissionVersionCommand,
    clientToken: 'clientToken',
    cloudFormation: ({ step }) => ({
      unsupported: `Change PolicyTemplate of the AWS::RAM::Permission that manages ${step.input.permissionArn}, if one does: CloudFormation replaces the permission (a new ARN), it does not add a version. Otherwise run the AWS CLI command.`,
    }),
    terraform: ({ step }) => ({
      unsupported: `Terraform has no resource for one version of a permission. If an aws_ram_permission manages ${step.input.permissionArn}, change its policy_template there (check your provider version's documentation for how it applies the change); otherwise run the AWS CLI command.`,
    }),
  },
  'ram:SetDefaultPermissionVersion': {
    client: RAMClient,
    command: SetDefaultPermissionVersionCommand,
    clientToken: 'clientToken',
    async check(client, input) {
      const out = await ram(client).send(new GetPermissionCommand({ permissionArn: String(input.permissionArn) }));
      return { inPlace: out.permission?.version === String(input.permissionVersion), output: { returnValue: true } };
    },
    cloudFormation: noCloudFormation('choosing the default version of a permission'),
    terraform: () => ({ unsupported: 'Terraform has no resource or argument for a permission\'s default version: run the AWS CLI command.' }),
  },
  'ram:DeletePermissionVersion': {
    client: RAMClient,
    command: DeletePermissionVersionCommand,
    clientToken: 'clientToken',
    async check(client, input) {
      const out = await ram(client).send(new ListPermissionVersionsCommand({ permissionArn: String(input.permissionArn) }));
      return { inPlace: !out.permissions?.some((p) => p.version === String(input.permissionVersion)), output: { returnValue: true } };
    },
    cloudFormation: noCloudFormation('deleting one version of a permission'),
    terraform: () => ({ unsupported: 'Terraform has no resource for one version of a permission: run the AWS CLI command.' }),
  },
  'ram:DeletePermission': {
    client: RAMClient,
    command: DeletePermissionCommand,
    clientToken: 'clientToken',
    alreadyDone: (code) => code === 'UnknownResourceException',
    cloudFormation: ({ step }) => ({ unsupported: `Remove the AWS::RAM::Permission for ${step.input.permissionArn} from the stack that manages it, if one does; otherwise run the AWS CLI command.` }),
    terraform: ({ step }) => ({ unsupported: `Remove the aws_ram_permission for ${step.input.permissionArn} from the configuration that manages it, if one does, and apply; otherwise run the AWS CLI command.` }),
  },
  'ram:ReplacePermissionAssociations': {
    client: RAMClient,
    command: ReplacePermissionAssociationsCommand,
    clientToken: 'clientToken',
    settle: (client, _input, output, boundMs) => waitForReplaceWork(ram(client), output.replacePermissionAssociationsWork.id, boundMs),
    cloudFormation: noCloudFormation('moving shares to another permission or version'),
    terraform: () => ({ unsupported: 'Terraform has no resource for replacing permission associations: run the AWS CLI command (or set permission_arns on each aws_ram_resource_share that Terraform manages).' }),
  },
  'ram:PromotePermissionCreatedFromPolicy': {
    client: RAMClient,
    command: PromotePermissionCreatedFromPolicyCommand,
    clientToken: 'clientToken',
    cloudFormation: noCloudFormation('promoting a permission created from a resource policy'),
    terraform: () => ({ unsupported: 'Terraform has no resource for promoting a permission created from a resource policy: run the AWS CLI command.' }),
  },
  'ram:PromoteResourceShareCreatedFromPolicy': {
    client: RAMClient,
    command: PromoteResourceShareCreatedFromPolicyCommand,
    async check(client, input) {
      const share = await shareNow(client, input);
      return { inPlace: share?.featureSet === 'STANDARD' || share?.featureSet === 'PROMOTING_TO_STANDARD', output: { returnValue: true } };
    },
    cloudFormation: noCloudFormation('promoting a resource share created from a resource policy'),
    terraform: () => ({ unsupported: 'Terraform has no resource for promoting a resource share created from a resource policy: run the AWS CLI command (afterwards, terraform import can bring the share under aws_ram_resource_share).' }),
  },
};
