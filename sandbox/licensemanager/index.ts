// AWS License Manager (awsJson1_1, X-Amz-Target AWSLicenseManager.*): license configurations.
import { loadModel } from '../core/models.js';
import type { ServiceDefinition } from '../core/types.js';
import { operations } from './responses.js';

const licensemanager: ServiceDefinition = {
  name: 'licensemanager',
  signingName: 'license-manager',
  iamPrefix: 'license-manager',
  model: loadModel('licensemanager'),
  operations,
};

export default licensemanager;
