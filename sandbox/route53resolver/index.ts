// Amazon Route 53 Resolver (awsJson1_1, X-Amz-Target Route53Resolver.*): resolver rules.
import { loadModel } from '../core/models.js';
import type { ServiceDefinition } from '../core/types.js';
import { checkRequiredMembers, memberMustNotBeNull } from '../shareable.js';
import { operations } from './responses.js';

const model = loadModel('route53resolver');

const route53resolver: ServiceDefinition = {
  name: 'route53resolver',
  signingName: 'route53resolver',
  iamPrefix: 'route53resolver',
  model,
  operations: checkRequiredMembers(model, operations, memberMustNotBeNull),
};

export default route53resolver;
