// The ACM PCA resource RAM can share (certificate authorities), declared for RAM's registry
// (ram/shareable.ts): how to list an account's own and find one by ARN. A DELETED CA (still
// restorable) cannot be shared.
import type { ShareableProvider, ShareableResource } from '../ram/resource-types.js';
import { certificateAuthorityByArn, ownCertificateAuthorities, type CertificateAuthority } from './models.js';

function certificateAuthorityResource(ca: CertificateAuthority): ShareableResource {
  const commonName = ca.configuration.Subject.CommonName;
  return {
    arn: ca.arn,
    resourceType: 'acm-pca:CertificateAuthority',
    ownerAccountId: ca.ownerAccount,
    region: ca.region,
    name: typeof commonName === 'string' ? commonName : undefined,
  };
}

export const shareableTypes = {
  'acm-pca:CertificateAuthority': {
    own: (world, accountId, region) =>
      ownCertificateAuthorities(world, accountId, region).filter((ca) => ca.status !== 'DELETED').map(certificateAuthorityResource),
    find: (world, arn) => {
      const ca = certificateAuthorityByArn(world, arn);
      return ca && ca.status !== 'DELETED' ? certificateAuthorityResource(ca) : undefined;
    },
  },
} satisfies ShareableProvider;
