// AWS Organizations (awsJson1_1, X-Amz-Target AWSOrganizationsV20161128.*), a global service in us-east-1.
import { loadModel } from '../core/models.js';
import type { ServiceDefinition } from '../core/types.js';
import { operations } from './responses.js';

const organizations: ServiceDefinition = {
  name: 'organizations',
  signingName: 'organizations',
  iamPrefix: 'organizations',
  model: loadModel('organizations'),
  operations,
};

export default organizations;
