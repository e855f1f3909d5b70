// Seeds: functions that fill an empty World. `createWorld('demo')` is what the sandbox starts with.
import type { World } from '../core/types.js';
import { createEmptyWorld } from '../core/world.js';
import { demoSeed } from './demo.js';
import { emptySeed } from './empty.js';
import { largeSeed } from './large.js';

export interface SeedOptions {
  /** large: member accounts (default 10,000). */
  accounts?: number;
  /** large: OUs (default 1,000). */
  ous?: number;
  /** large: deepest OU level, 1..5 (default 5). */
  depth?: number;
  /** large: resource shares spread over accounts and three Regions (default 3,000; 0 for none). */
  shares?: number;
  /** demo and large: pending invitations to member accounts from senders outside the organization (default 0). */
  invitations?: number;
  /** large: IAM roles per member account, the member access role included (default 1). */
  roles?: number;
  /** demo: false leaves RAM sharing with AWS Organizations off (the console's "enable sharing" demo). */
  orgSharing?: boolean;
  /** demo and large: the organization's feature set (default ALL). */
  featureSet?: 'ALL' | 'CONSOLIDATED_BILLING';
  /** Items per hidden shard behind Organizations listings (demo: 4, large: 1000); see organizations/pagination.ts. */
  pageShardSize?: number;
  [k: string]: unknown;
}

export const seeds: Record<string, (world: World, options: SeedOptions) => void> = {
  demo: demoSeed,
  large: largeSeed,
  empty: emptySeed,
};

export function createWorld(seed: string, options: SeedOptions = {}): World {
  const fill = seeds[seed];
  if (!fill) throw new Error(`Unknown seed "${seed}"; known seeds: ${Object.keys(seeds).join(', ')}`);
  const world = createEmptyWorld(seed);
  fill(world, options);
  return world;
}
