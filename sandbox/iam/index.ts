// AWS Identity and Access Management (awsQuery, API 2010-05-08): a global service, state per account.
import { loadModel } from '../core/models.js';
import type { ServiceDefinition } from '../core/types.js';
import { operations } from './responses.js';
import { withValidation } from './validation.js';

const model = loadModel('iam');

const iam: ServiceDefinition = {
  name: 'iam',
  signingName: 'iam',
  iamPrefix: 'iam',
  model,
  operations: withValidation(model, operations),
};

export default iam;
