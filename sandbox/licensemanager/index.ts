// AWS License Manager (awsJson1_1, X-Amz-Target AWSLicenseManager.*): license configurations.
import { loadModel } from '../core/models.js';
import type { ServiceDefinition } from '../core/types.js';
import { checkRequiredMembers, memberMustNotBeNull } from '../shareable.js';
import { operations } from './responses.js';

const model = loadModel('licensemanager');

const licensemanager: ServiceDefinition = {
  name: 'licensemanager',
  signingName: 'license-manager',
  iamPrefix: 'license-manager',
  model,
  operations: checkRequiredMembers(model, operations, memberMustNotBeNull),
};

export default licensemanager;
