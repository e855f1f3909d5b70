// Amazon Route 53 Resolver (awsJson1_1, X-Amz-Target Route53Resolver.*): resolver rules.
import { loadModel } from '../core/models.js';
import type { ServiceDefinition } from '../core/types.js';
import { operations } from './responses.js';

const route53resolver: ServiceDefinition = {
  name: 'route53resolver',
  signingName: 'route53resolver',
  iamPrefix: 'route53resolver',
  model: loadModel('route53resolver'),
  operations,
};

export default route53resolver;
