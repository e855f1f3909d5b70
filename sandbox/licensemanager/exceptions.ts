// License Manager's exceptions (names from its model).
import { AwsError } from '../core/errors.js';

export const invalidParameterValue = (message: string) => new AwsError('InvalidParameterValueException', message);

export const invalidLicenseConfigurationArn = (arn: string) =>
  invalidParameterValue(`Invalid license configuration ARN: ${arn}`);
