// The Organizations operations plans are made of: moving an account between OUs, with its crash check (which
// parent AWS lists now) and what CloudFormation and Terraform would set instead.
import { ListParentsCommand, MoveAccountCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import type { AnyClient, OperationSpec } from '../plan/operation-spec';

export const parentOf = async (client: AnyClient, accountId: string) => (await (client as OrganizationsClient).send(new ListParentsCommand({ ChildId: accountId }))).Parents?.[0]?.Id;

export const organizationsOperations: Record<string, OperationSpec> = {
  'organizations:MoveAccount': {
    client: OrganizationsClient,
    command: MoveAccountCommand,
    // AWS answers DuplicateAccountException when the account is already under the destination.
    alreadyDone: (code) => code === 'DuplicateAccountException',
    check: async (client, input) => ({ inPlace: (await parentOf(client, String(input.AccountId))) === input.DestinationParentId }),
    cloudFormation: ({ step }) => ({ unsupported: `Set ParentIds to [${String(step.input.DestinationParentId)}] on the AWS::Organizations::Account that manages ${String(step.input.AccountId)}, if a stack manages it.` }),
    terraform: ({ step }) => ({ unsupported: `Set parent_id = "${String(step.input.DestinationParentId)}" on the aws_organizations_account for ${String(step.input.AccountId)} (import it first if Terraform does not manage it).` }),
  },
};

