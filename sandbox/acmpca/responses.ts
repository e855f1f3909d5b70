// ACM Private CA operations on certificate authorities: botocore shapes ↔ model calls.
import type { OperationSpec, RequestContext } from '../core/types.js';
import { paginate } from '../core/pagination.js';
import { authorizationResource } from '../ram/state.js';
import * as errors from './exceptions.js';
import * as models from './models.js';
import type { CertificateAuthority, CertificateAuthorityConfiguration } from './models.js';

interface Tag {
  Key: string;
  Value?: string;
}

const account = (ctx: RequestContext) => ctx.caller.accountId;

function authorityOut(ca: CertificateAuthority) {
  return {
    Arn: ca.arn,
    OwnerAccount: ca.ownerAccount,
    CreatedAt: ca.createdAt,
    LastStateChangeAt: ca.lastStateChangeAt,
    Type: ca.type,
    Status: ca.status,
    CertificateAuthorityConfiguration: ca.configuration,
    RevocationConfiguration: ca.revocationConfiguration ?? {
      CrlConfiguration: { Enabled: false },
      OcspConfiguration: { Enabled: false },
    },
    RestorableUntil: ca.restorableUntil,
    KeyStorageSecurityStandard: ca.keyStorageSecurityStandard,
    UsageMode: ca.usageMode,
  };
}

export const operations: Record<string, OperationSpec> = {
  CreateCertificateAuthority: {
    handler: (ctx, input: { CertificateAuthorityConfiguration: CertificateAuthorityConfiguration; CertificateAuthorityType: string; RevocationConfiguration?: Record<string, unknown>; IdempotencyToken?: string; KeyStorageSecurityStandard?: string; UsageMode?: string; Tags?: Tag[] }) => {
      const ca = models.createCertificateAuthority(ctx.world, account(ctx), ctx.region, {
        type: input.CertificateAuthorityType,
        configuration: input.CertificateAuthorityConfiguration,
        revocationConfiguration: input.RevocationConfiguration,
        idempotencyToken: input.IdempotencyToken,
        keyStorageSecurityStandard: input.KeyStorageSecurityStandard,
        usageMode: input.UsageMode,
        tags: input.Tags?.map((t) => ({ key: t.Key, value: t.Value })),
      });
      return { CertificateAuthorityArn: ca.arn };
    },
  },
  DescribeCertificateAuthority: {
    resource: (ctx, input: { CertificateAuthorityArn: string }) => authorizationResource(ctx, input.CertificateAuthorityArn, 'acm-pca:CertificateAuthority'),
    handler: (ctx, input: { CertificateAuthorityArn: string }) => ({
      CertificateAuthority: authorityOut(models.visibleCertificateAuthority(ctx.world, account(ctx), ctx.region, input.CertificateAuthorityArn)),
    }),
  },
  ListCertificateAuthorities: {
    handler: (ctx, input: { MaxResults?: number; NextToken?: string; ResourceOwner?: 'SELF' | 'OTHER_ACCOUNTS' }) => {
      const items = input.ResourceOwner === 'OTHER_ACCOUNTS'
        ? models.sharedCertificateAuthorities(ctx.world, account(ctx), ctx.region)
        : models.ownCertificateAuthorities(ctx.world, account(ctx), ctx.region);
      if (input.MaxResults !== undefined && (input.MaxResults < 1 || input.MaxResults > 1000)) {
        throw errors.invalidArgs('MaxResults must be between 1 and 1000.');
      }
      const page = paginate(items, { maxResults: input.MaxResults, nextToken: input.NextToken, invalidToken: errors.invalidNextToken });
      return { CertificateAuthorities: page.items.map(authorityOut), NextToken: page.nextToken };
    },
  },
  DeleteCertificateAuthority: {
    resource: (_ctx, input: { CertificateAuthorityArn: string }) => input.CertificateAuthorityArn,
    handler: (ctx, input: { CertificateAuthorityArn: string; PermanentDeletionTimeInDays?: number }) => {
      models.deleteCertificateAuthority(ctx.world, account(ctx), ctx.region, input.CertificateAuthorityArn, input.PermanentDeletionTimeInDays);
      return {};
    },
  },
  TagCertificateAuthority: {
    resource: (_ctx, input: { CertificateAuthorityArn: string }) => input.CertificateAuthorityArn,
    handler: (ctx, input: { CertificateAuthorityArn: string; Tags: Tag[] }) => {
      models.tagCertificateAuthority(ctx.world, account(ctx), ctx.region, input.CertificateAuthorityArn, input.Tags.map((t) => ({ key: t.Key, value: t.Value })));
      return {};
    },
  },
  ListTags: {
    resource: (_ctx, input: { CertificateAuthorityArn: string }) => input.CertificateAuthorityArn,
    handler: (ctx, input: { CertificateAuthorityArn: string; MaxResults?: number; NextToken?: string }) => {
      const tags = models.certificateAuthorityTags(ctx.world, account(ctx), ctx.region, input.CertificateAuthorityArn);
      const page = paginate(tags, { maxResults: input.MaxResults, nextToken: input.NextToken, invalidToken: errors.invalidNextToken });
      return { Tags: page.items.map((t) => ({ Key: t.key, Value: t.value })), NextToken: page.nextToken };
    },
  },
};
