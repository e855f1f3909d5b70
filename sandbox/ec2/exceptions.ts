// EC2's error codes and messages, as the EC2 API error-code reference and the live API word them.
import { AwsError } from '../core/errors.js';

const error = (code: string, message: string) => new AwsError(code, message);

export const invalidParameterValue = (message: string) => error('InvalidParameterValue', message);

export const invalidCidrBlock = (cidr: string) =>
  invalidParameterValue(`Value (${cidr}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);

export const invalidVpcRange = (cidr: string) => error('InvalidVpc.Range', `The CIDR '${cidr}' is invalid.`);

export const invalidSubnetRange = (cidr: string) => error('InvalidSubnet.Range', `The CIDR '${cidr}' is invalid.`);

export const invalidSubnetConflict = (cidr: string) =>
  error('InvalidSubnet.Conflict', `The CIDR '${cidr}' conflicts with another subnet`);

export const invalidAvailabilityZone = (zone: string, valid: string[]) =>
  invalidParameterValue(
    `Value (${zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${valid.join(', ')}.`,
  );

export const invalidFilter = (name: string) => invalidParameterValue(`The filter '${name}' is invalid`);

export const invalidMaxResults = (value: number, min: number, max: number) =>
  invalidParameterValue(`Value ( ${value} ) for parameter maxResults is invalid. Expecting a value between ${min} and ${max}.`);

export const invalidNextToken = (token: string) => error('InvalidNextToken', `The token '${token}' is invalid`);

export const malformedId = (code: string, id: string, prefix: string) =>
  error(code, `Invalid id: "${id}" (expecting "${prefix}-...")`);

export const vpcNotFound = (id: string) => error('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);

export const subnetNotFound = (id: string) => error('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`);

export const prefixListNotFound = (id: string) =>
  error('InvalidPrefixListID.NotFound', `The prefix list (${id}) does not exist.`);

export const transitGatewayNotFound = (id: string) =>
  error('InvalidTransitGatewayID.NotFound', `The transitGateway ID '${id}' does not exist.`);

export const invalidId = (id: string) => error('InvalidID', `The ID '${id}' is not valid`);

export const dependencyViolation = (message: string) => error('DependencyViolation', message);

export const invalidZoneName = (zone: string) => invalidParameterValue(`Invalid availability zone: [${zone}]`);

export const invalidRegionName = (region: string) => invalidParameterValue(`Invalid region: ${region}`);

export const missingParameter = (name: string) =>
  error('MissingParameter', `The request must contain the parameter ${name}`);

/** EC2's answer to required members left out (core/validate.ts finds them): the first one, by its member name. */
export const missingRequiredMembers = (_message: string, [path]: string[]) => {
  const name = path.split('.').pop()!;
  return missingParameter(`${name.charAt(0).toUpperCase()}${name.slice(1)}`);
};
