// Organizations errors with AWS's codes and messages (awsJson1_1: the core writes `__type`).
import { AwsError } from '../core/errors.js';

function error(code: string, message: string, fields?: Record<string, unknown>): AwsError {
  return new AwsError(code, message, { fields });
}

export const notInUse = () =>
  error('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');

export const accessDenied = () =>
  error('AccessDeniedException', "You don't have permissions to access this resource.");

export type InvalidInputReason =
  | 'INVALID_PARTY_TYPE_TARGET'
  | 'INVALID_SYNTAX_POLICY_ID'
  | 'INVALID_ENUM'
  | 'INVALID_ENUM_POLICY_TYPE'
  | 'MAX_LENGTH_EXCEEDED'
  | 'MAX_VALUE_EXCEEDED'
  | 'MIN_LENGTH_EXCEEDED'
  | 'MIN_VALUE_EXCEEDED'
  | 'IMMUTABLE_POLICY'
  | 'INVALID_PATTERN'
  | 'INVALID_PATTERN_TARGET_ID'
  | 'INPUT_REQUIRED'
  | 'INVALID_NEXT_TOKEN'
  | 'UNRECOGNIZED_SERVICE_PRINCIPAL'
  | 'DUPLICATE_TAG_KEY'
  | 'TARGET_NOT_SUPPORTED'
  | 'NON_DETACHABLE_POLICY';

export const invalidInput = (reason: InvalidInputReason, message: string) =>
  error('InvalidInputException', message, { Reason: reason });

export type ConstraintViolationReason =
  | 'OU_DEPTH_LIMIT_EXCEEDED'
  | 'OU_NUMBER_LIMIT_EXCEEDED'
  | 'POLICY_NUMBER_LIMIT_EXCEEDED'
  | 'POLICY_CONTENT_LIMIT_EXCEEDED'
  | 'MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED'
  | 'MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED'
  | 'MAX_TAG_LIMIT_EXCEEDED'
  | 'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE'
  | 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR';

const CONSTRAINT_MESSAGES: Record<ConstraintViolationReason, string> = {
  OU_DEPTH_LIMIT_EXCEEDED: 'You attempted to create an OU tree that is too many levels deep.',
  OU_NUMBER_LIMIT_EXCEEDED: 'You attempted to exceed the number of OUs that you can have in an organization.',
  POLICY_NUMBER_LIMIT_EXCEEDED: 'You attempted to exceed the number of policies that you can have in an organization.',
  POLICY_CONTENT_LIMIT_EXCEEDED: 'You attempted to create a policy that is larger than the maximum size.',
  MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED:
    'You attempted to exceed the number of policies of a certain type that can be attached to an entity at one time.',
  MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED:
    'You attempted to detach a policy from an entity that would cause the entity to have fewer than the minimum number of policies of a certain type required.',
  MAX_TAG_LIMIT_EXCEEDED: 'You have exceeded the number of tags allowed on this resource.',
  ORGANIZATION_NOT_IN_ALL_FEATURES_MODE:
    'You attempted to perform an operation that requires the organization to be configured to support all features.',
  CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR:
    'You cannot register the management account of the organization as a delegated administrator for an AWS service integrated with Organizations.',
};

export const constraintViolation = (reason: ConstraintViolationReason) =>
  error('ConstraintViolationException', CONSTRAINT_MESSAGES[reason], { Reason: reason });

export const masterCannotLeave = () =>
  error('MasterCannotLeaveOrganizationException', 'You cannot remove the management account from the organization.');
export const accountNotFound = () =>
  error('AccountNotFoundException', "You specified an account that doesn't exist.");
export const parentNotFound = () =>
  error('ParentNotFoundException', "We can't find a root or OU with the ParentId that you specified.");
export const childNotFound = () =>
  error('ChildNotFoundException', "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.");
export const organizationalUnitNotFound = () =>
  error('OrganizationalUnitNotFoundException', "We can't find an OU with the OrganizationalUnitId that you specified.");
export const organizationalUnitNotEmpty = () =>
  error(
    'OrganizationalUnitNotEmptyException',
    'The specified OU is not empty. Move all accounts to another root or OU, and delete all child OUs, then try again.',
  );
export const duplicateOrganizationalUnit = () =>
  error('DuplicateOrganizationalUnitException', 'An OU with the same name already exists.');
export const targetNotFound = () =>
  error('TargetNotFoundException', "We can't find a root, OU, account, or policy with the TargetId that you specified.");
export const policyNotFound = () =>
  error('PolicyNotFoundException', "We can't find a policy with the PolicyId that you specified.");
export const duplicatePolicy = () =>
  error('DuplicatePolicyException', 'A policy with the same name already exists.');
export const duplicatePolicyAttachment = () =>
  error('DuplicatePolicyAttachmentException', 'The selected policy is already attached to the specified target.');
export const policyNotAttached = () =>
  error('PolicyNotAttachedException', "The policy isn't attached to the specified target in the specified root.");
export const malformedPolicyDocument = () =>
  error(
    'MalformedPolicyDocumentException',
    "The provided policy document doesn't meet the requirements of the specified policy type.",
  );
export const policyTypeNotEnabled = () =>
  error('PolicyTypeNotEnabledException', "The specified policy type isn't currently enabled in this root.");
export const policyTypeNotAvailable = () =>
  error(
    'PolicyTypeNotAvailableForOrganizationException',
    "You can't use a policy type that isn't available for your organization's feature set.",
  );
export const sourceParentNotFound = () =>
  error('SourceParentNotFoundException', "We can't find a source root or OU with the ParentId that you specified.");
export const destinationParentNotFound = () =>
  error('DestinationParentNotFoundException', "We can't find a destination root or OU with the ParentId that you specified.");
export const duplicateAccount = () =>
  error('DuplicateAccountException', 'That account is already present in the specified destination.');
export const accountAlreadyRegistered = () =>
  error('AccountAlreadyRegisteredException', 'The provided account is already a delegated administrator for your organization.');
export const alreadyInOrganization = () =>
  error('AlreadyInOrganizationException', 'The provided account is already a member of an organization.');
export const policyTypeAlreadyEnabled = () =>
  error('PolicyTypeAlreadyEnabledException', 'The specified policy type is already enabled.');
export const rootNotFound = () => error('RootNotFoundException', "We can't find a root with the RootId that you specified.");
