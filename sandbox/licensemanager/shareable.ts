// The License Manager resource RAM can share (license configurations), declared for RAM's
// registry (ram/shareable.ts): how to list an account's own and find one by ARN.
import type { ShareableProvider, ShareableResource } from '../ram/resource-types.js';
import { licenseConfigurationByArn, ownLicenseConfigurations, type LicenseConfiguration } from './models.js';

function licenseConfigurationResource(c: LicenseConfiguration): ShareableResource {
  return { arn: c.licenseConfigurationArn, resourceType: 'license-manager:LicenseConfiguration', ownerAccountId: c.ownerAccountId, region: c.region, name: c.name };
}

export const shareableTypes = {
  'license-manager:LicenseConfiguration': {
    own: (world, accountId, region) => ownLicenseConfigurations(world, accountId, region).map(licenseConfigurationResource),
    find: (world, arn) => {
      const configuration = licenseConfigurationByArn(world, arn);
      return configuration && licenseConfigurationResource(configuration);
    },
  },
} satisfies ShareableProvider;
