// License Manager operations on license configurations: botocore shapes ↔ model calls.
import type { OperationSpec, RequestContext } from '../core/types.js';
import { paginate } from '../core/pagination.js';
import { authorizationResource } from '../ram/state.js';
import * as errors from './exceptions.js';
import * as models from './models.js';
import type { LicenseConfiguration } from './models.js';

interface Tag {
  Key?: string;
  Value?: string;
}

const account = (ctx: RequestContext) => ctx.caller.accountId;

function configurationOut(c: LicenseConfiguration, withTags: boolean) {
  return {
    LicenseConfigurationId: c.licenseConfigurationId,
    LicenseConfigurationArn: c.licenseConfigurationArn,
    Name: c.name,
    Description: c.description,
    LicenseCountingType: c.licenseCountingType,
    LicenseRules: c.licenseRules,
    LicenseCount: c.licenseCount,
    LicenseCountHardLimit: c.licenseCountHardLimit,
    DisassociateWhenNotFound: c.disassociateWhenNotFound,
    ConsumedLicenses: 0,
    Status: 'AVAILABLE',
    OwnerAccountId: c.ownerAccountId,
    ConsumedLicenseSummaryList: [],
    ManagedResourceSummaryList: [],
    ProductInformationList: c.productInformationList,
    LicenseExpiry: c.licenseExpiry,
    Tags: withTags ? c.tags.map((t) => ({ Key: t.key, Value: t.value })) : undefined,
  };
}

/** ListLicenseConfigurations' filters (names as License Manager spells them). */
const CONFIGURATION_FILTERS: Record<string, (c: LicenseConfiguration) => string> = {
  licenseCountingType: (c) => c.licenseCountingType,
  enforceLicenseCount: (c) => String(c.licenseCountHardLimit),
  usagelimitExceeded: () => 'false',
};

export const operations: Record<string, OperationSpec> = {
  CreateLicenseConfiguration: {
    handler: (ctx, input: { Name: string; LicenseCountingType: string; Description?: string; LicenseCount?: number; LicenseCountHardLimit?: boolean; LicenseRules?: string[]; DisassociateWhenNotFound?: boolean; LicenseExpiry?: number; ProductInformationList?: unknown[]; Tags?: Tag[] }) => {
      const created = models.createLicenseConfiguration(ctx.world, account(ctx), ctx.region, {
        name: input.Name,
        licenseCountingType: input.LicenseCountingType,
        description: input.Description,
        licenseCount: input.LicenseCount,
        licenseCountHardLimit: input.LicenseCountHardLimit,
        licenseRules: input.LicenseRules,
        disassociateWhenNotFound: input.DisassociateWhenNotFound,
        licenseExpiry: input.LicenseExpiry,
        productInformationList: input.ProductInformationList,
        tags: input.Tags?.map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' })),
      });
      return { LicenseConfigurationArn: created.licenseConfigurationArn };
    },
  },
  GetLicenseConfiguration: {
    resource: (ctx, input: { LicenseConfigurationArn: string }) =>
      authorizationResource(ctx, input.LicenseConfigurationArn, 'license-manager:LicenseConfiguration'),
    handler: (ctx, input: { LicenseConfigurationArn: string }) => {
      const c = models.visibleLicenseConfiguration(ctx.world, account(ctx), ctx.region, input.LicenseConfigurationArn);
      return configurationOut(c, c.ownerAccountId === account(ctx));
    },
  },
  ListLicenseConfigurations: {
    handler: (ctx, input: { LicenseConfigurationArns?: string[]; MaxResults?: number; NextToken?: string; Filters?: { Name?: string; Values?: string[] }[] }) => {
      let items = models.visibleLicenseConfigurations(ctx.world, account(ctx), ctx.region);
      if (input.LicenseConfigurationArns?.length) items = items.filter((c) => input.LicenseConfigurationArns!.includes(c.licenseConfigurationArn));
      for (const filter of input.Filters ?? []) {
        const field = Object.hasOwn(CONFIGURATION_FILTERS, filter.Name ?? '') ? CONFIGURATION_FILTERS[filter.Name!] : undefined;
        if (!field) throw errors.invalidParameterValue(`Filter name ${filter.Name ?? ''} is not supported. Supported filters: ${Object.keys(CONFIGURATION_FILTERS).join(', ')}`);
        items = items.filter((c) => (filter.Values ?? []).includes(field(c)));
      }
      if (input.MaxResults !== undefined && input.MaxResults < 1) throw errors.invalidParameterValue('MaxResults must be greater than 0.');
      const page = paginate(items, {
        maxResults: input.MaxResults,
        nextToken: input.NextToken,
        invalidToken: () => errors.invalidParameterValue('Invalid NextToken.'),
      });
      return { LicenseConfigurations: page.items.map((c) => configurationOut(c, false)), NextToken: page.nextToken };
    },
  },
  DeleteLicenseConfiguration: {
    resource: (_ctx, input: { LicenseConfigurationArn: string }) => input.LicenseConfigurationArn,
    handler: (ctx, input: { LicenseConfigurationArn: string }) => {
      models.deleteLicenseConfiguration(ctx.world, account(ctx), ctx.region, input.LicenseConfigurationArn);
      return {};
    },
  },
};
