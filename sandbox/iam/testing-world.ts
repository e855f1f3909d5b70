// A tiny world for IAM/STS tests, built from IAM's model functions: two accounts, an administrator in
// each with a fixed access key. Independent of the seeds so that these tests pin IAM's own behaviour.
import type { World } from '../core/types.js';
import { createEmptyWorld } from '../core/world.js';
import { attachUserPolicy, createAccessKey, createUser } from './models.js';

export const HOME = '111111111111';
export const OTHER = '222222222222';
export const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';

export const ADMIN_KEYS = {
  [HOME]: { accessKeyId: 'AKIAHOMEADMIN0000001', secretAccessKey: 'home-admin-secret-0000000000000000000000' },
  [OTHER]: { accessKeyId: 'AKIAOTHERADMIN000001', secretAccessKey: 'other-admin-secret-000000000000000000000' },
};

export function iamTestWorld(seed = 'iam-test'): World {
  const world = createEmptyWorld(seed);
  for (const [id, name] of [[HOME, 'home'], [OTHER, 'other']]) {
    world.accounts.set(id, { id, name, email: `${name}@example.com`, createdAt: new Date('2024-01-01T00:00:00Z') });
    createUser(world, id, { userName: 'admin' });
    attachUserPolicy(world, id, 'admin', ADMIN_POLICY);
    createAccessKey(world, id, 'admin', ADMIN_KEYS[id as keyof typeof ADMIN_KEYS]);
  }
  world.consoleAccessKeyId = ADMIN_KEYS[HOME].accessKeyId;
  return world;
}
