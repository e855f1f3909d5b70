// The registry of the resources RAM can share: each resource service declares its types in its
// own shareable.ts, listed here. RAM's rules (models.ts) look resources up through it; the
// services import only ./state.ts and ./resource-types.ts from RAM, so no import comes back.
import type { World } from '../core/types.js';
import { shareableTypes as acmpca } from '../acmpca/shareable.js';
import { shareableTypes as ec2 } from '../ec2/shareable.js';
import { shareableTypes as licensemanager } from '../licensemanager/shareable.js';
import { shareableTypes as route53resolver } from '../route53resolver/shareable.js';
import type { ShareableResource, ShareableResourceType, ShareableType } from './resource-types.js';

// Typed as a full Record: a type without a provider does not compile.
const TYPES: Record<ShareableResourceType, ShareableType> = { ...ec2, ...route53resolver, ...licensemanager, ...acmpca };

export const SHAREABLE_RESOURCE_TYPES = Object.keys(TYPES) as ShareableResourceType[];

/** The resource an ARN names, whichever service owns it; undefined if it does not exist or is not shareable. */
export function findShareableResource(world: World, arn: string): ShareableResource | undefined {
  for (const type of SHAREABLE_RESOURCE_TYPES) {
    const found = TYPES[type].find(world, arn);
    if (found) return found;
  }
  return undefined;
}

/** The shareable resources the account owns in the Region, optionally of one type. */
export function listShareableResources(world: World, accountId: string, region: string, resourceType?: string): ShareableResource[] {
  const types = resourceType === undefined ? SHAREABLE_RESOURCE_TYPES : SHAREABLE_RESOURCE_TYPES.filter((t) => t === resourceType);
  return types.flatMap((type) => TYPES[type].own(world, accountId, region));
}
