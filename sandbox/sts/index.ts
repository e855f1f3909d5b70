// AWS Security Token Service (awsQuery, API 2011-06-15).
import { loadModel } from '../core/models.js';
import type { ServiceDefinition } from '../core/types.js';
import { withValidation } from '../iam/validation.js';
import { operations } from './responses.js';

const model = loadModel('sts');

const sts: ServiceDefinition = {
  name: 'sts',
  signingName: 'sts',
  iamPrefix: 'sts',
  model,
  operations: withValidation(model, operations),
};

export default sts;
