// Route 53 Resolver's exceptions (names from its model; messages as the service words them).
import { AwsError } from '../core/errors.js';

export const invalidParameter = (message: string, fieldName?: string) =>
  new AwsError('InvalidParameterException', message, { fields: fieldName ? { FieldName: fieldName } : {} });

export const invalidRequest = (message: string) => new AwsError('InvalidRequestException', message);

export const resourceNotFound = (message: string, resourceType?: string) =>
  new AwsError('ResourceNotFoundException', message, { fields: resourceType ? { ResourceType: resourceType } : {} });

export const ruleNotFound = (id: string) => resourceNotFound(`Resolver rule with ID '${id}' does not exist.`, 'ResolverRule');

export const resourceExists = (message: string, resourceType?: string) =>
  new AwsError('ResourceExistsException', message, { fields: resourceType ? { ResourceType: resourceType } : {} });

export const invalidNextToken = () =>
  new AwsError('InvalidNextTokenException', 'Invalid value passed for the NextToken parameter');

export const unknownResource = (arn: string) => new AwsError('UnknownResourceException', `Resource ${arn} does not exist.`);

export const invalidPolicyDocument = (message: string) => new AwsError('InvalidPolicyDocument', message);
