// Botocore service models, extracted into sandbox/models/ by `npm run models:extract`.
import { readFileSync } from 'node:fs';
import type { ServiceModel } from './types.js';

const cache = new Map<string, ServiceModel>();
// Folder names that differ from the signing name the model file is named after.
const ALIASES: Record<string, string> = { licensemanager: 'license-manager', acmpca: 'acm-pca' };

/** The model of the service whose signing name (or sandbox folder name) is `name`. */
export function loadModel(name: string): ServiceModel {
  const signingName = ALIASES[name] ?? name;
  let model = cache.get(signingName);
  if (!model) {
    const file = new URL(`../models/${signingName}.json`, import.meta.url);
    model = JSON.parse(readFileSync(file, 'utf8')) as ServiceModel;
    cache.set(signingName, model);
  }
  return model;
}
