// Amazon EC2 (ec2 query protocol, Action=...): VPCs, subnets, managed prefix lists, transit gateways.
import { loadModel } from '../core/models.js';
import type { ServiceDefinition } from '../core/types.js';
import { missingRequiredMembers } from './exceptions.js';
import { operations } from './responses.js';

const ec2: ServiceDefinition = {
  name: 'ec2',
  signingName: 'ec2',
  iamPrefix: 'ec2',
  model: loadModel('ec2'),
  operations,
  validationError: missingRequiredMembers,
};

export default ec2;
