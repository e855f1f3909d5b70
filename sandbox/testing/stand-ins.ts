// For the core's own tests: a one-account world with root keys, and stand-in services built on
// the real botocore models with handlers the test supplies, so the core is tested without any
// service's rules.
import { loadModel } from '../core/models.js';
import type { OperationSpec, ServiceDefinition, World } from '../core/types.js';
import { createEmptyWorld } from '../core/world.js';

export const ACCOUNT_ID = '123456789012';
export const ROOT_KEYS = { accessKeyId: 'AKIASTANDINROOT00001', secretAccessKey: 'standInRootSecretKey00000000000000000001' };

export function tinyWorld(): World {
  const world = createEmptyWorld('core-test');
  world.accounts.set(ACCOUNT_ID, { id: ACCOUNT_ID, name: 'core-test', email: 'core@example.com', createdAt: new Date('2024-01-01T00:00:00Z') });
  world.credentials.set(ROOT_KEYS.accessKeyId, {
    ...ROOT_KEYS,
    status: 'Active',
    identity: { type: 'root', accountId: ACCOUNT_ID, arn: `arn:aws:iam::${ACCOUNT_ID}:root` },
  });
  world.consoleAccessKeyId = ROOT_KEYS.accessKeyId;
  return world;
}

/** A service speaking `signingName`'s real protocol and model, with only the given operations. */
export function standIn(signingName: string, operations: Record<string, OperationSpec>): ServiceDefinition {
  return { name: signingName, signingName, iamPrefix: signingName, model: loadModel(signingName), operations };
}
