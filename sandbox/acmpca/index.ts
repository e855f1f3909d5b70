// AWS Private CA (awsJson1_1, X-Amz-Target ACMPrivateCA.*): certificate authorities.
import { loadModel } from '../core/models.js';
import type { ServiceDefinition } from '../core/types.js';
import { operations } from './responses.js';

const acmpca: ServiceDefinition = {
  name: 'acmpca',
  signingName: 'acm-pca',
  iamPrefix: 'acm-pca',
  model: loadModel('acmpca'),
  operations,
};

export default acmpca;
