// The Route 53 Resolver resource RAM can share (resolver rules), declared for RAM's registry
// (ram/shareable.ts): how to list an account's own rules and find one by ARN.
import type { ShareableProvider, ShareableResource } from '../ram/resource-types.js';
import { ownRules, ruleByArn, type ResolverRule } from './models.js';

function ruleResource(r: ResolverRule): ShareableResource {
  return { arn: r.arn, resourceType: 'route53resolver:ResolverRule', ownerAccountId: r.ownerId, region: r.region, name: r.name ?? r.domainName };
}

export const shareableTypes = {
  'route53resolver:ResolverRule': {
    own: (world, accountId, region) => ownRules(world, accountId, region).map(ruleResource),
    find: (world, arn) => {
      const rule = ruleByArn(world, arn);
      return rule && ruleResource(rule);
    },
  },
} satisfies ShareableProvider;
