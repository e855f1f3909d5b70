// AWS RAM (restJson1, e.g. POST /createresourceshare), a Regional service.
import { loadModel } from '../core/models.js';
import type { ServiceDefinition } from '../core/types.js';
import { operations } from './responses.js';

const ram: ServiceDefinition = {
  name: 'ram',
  signingName: 'ram',
  iamPrefix: 'ram',
  model: loadModel('ram'),
  operations,
};

export default ram;
