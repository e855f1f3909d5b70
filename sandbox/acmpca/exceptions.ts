// ACM Private CA's exceptions (names from its model).
import { AwsError } from '../core/errors.js';

export const resourceNotFound = (arn: string) =>
  new AwsError('ResourceNotFoundException', `Could not find certificate authority ${arn}.`);

export const invalidArn = (arn: string) => new AwsError('InvalidArnException', `The ARN ${arn} is not valid.`);

export const invalidState = (message: string) => new AwsError('InvalidStateException', message);

export const invalidArgs = (message: string) => new AwsError('InvalidArgsException', message);

export const invalidTag = (message: string) => new AwsError('InvalidTagException', message);

export const tooManyTags = () => new AwsError('TooManyTagsException', 'A certificate authority can have at most 50 tags.');

export const invalidNextToken = () => new AwsError('InvalidNextTokenException', 'The token specified in the NextToken argument is not valid.');
