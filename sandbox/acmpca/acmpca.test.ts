// Protects the private CAs the console lists and shares: create/describe/list (SELF and OTHER_ACCOUNTS)/delete with restoration, tags, errors and isolation.
import {
  ACMPCAClient,
  CreateCertificateAuthorityCommand,
  DeleteCertificateAuthorityCommand,
  DescribeCertificateAuthorityCommand,
  ListCertificateAuthoritiesCommand,
  ListTagsCommand,
  TagCertificateAuthorityCommand,
} from '@aws-sdk/client-acm-pca';
import { describe, expect, it } from 'vitest';
import type { TestSandbox } from '../testing.js';
import { errorOf, twoAccountSandbox } from '../testing/service-tests.js';

let sb: TestSandbox;
let pca: ACMPCAClient;
let other: ACMPCAClient;

twoAccountSandbox(ACMPCAClient, (started) => ({ sb, client: pca, other } = started));

const create = (commonName: string, type: 'ROOT' | 'SUBORDINATE' = 'ROOT') =>
  pca.send(
    new CreateCertificateAuthorityCommand({
      CertificateAuthorityType: type,
      CertificateAuthorityConfiguration: { KeyAlgorithm: 'RSA_2048', SigningAlgorithm: 'SHA256WITHRSA', Subject: { CommonName: commonName, Organization: 'Test' } },
      Tags: [{ Key: 'Name', Value: commonName }],
    }),
  );

describe('certificate authorities', () => {
  it('creates one in PENDING_CERTIFICATE and describes it', async () => {
    const { CertificateAuthorityArn: arn } = await create('Test Root CA');
    expect(arn).toMatch(/^arn:aws:acm-pca:us-east-1:111111111111:certificate-authority\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const { CertificateAuthority: ca } = await pca.send(new DescribeCertificateAuthorityCommand({ CertificateAuthorityArn: arn }));
    expect(ca).toMatchObject({
      Arn: arn,
      OwnerAccount: '111111111111',
      Type: 'ROOT',
      Status: 'PENDING_CERTIFICATE',
      CertificateAuthorityConfiguration: { KeyAlgorithm: 'RSA_2048', SigningAlgorithm: 'SHA256WITHRSA', Subject: { CommonName: 'Test Root CA', Organization: 'Test' } },
      KeyStorageSecurityStandard: 'FIPS_140_2_LEVEL_3_OR_HIGHER',
      UsageMode: 'GENERAL_PURPOSE',
    });
    expect(ca!.CreatedAt).toBeInstanceOf(Date);
  });

  it('lists own CAs (SELF) and none from other accounts when nothing is shared', async () => {
    const { CertificateAuthorityArn: arn } = await create('Listed CA');
    const own = await pca.send(new ListCertificateAuthoritiesCommand({}));
    expect(own.CertificateAuthorities!.map((c) => c.Arn)).toContain(arn);
    const page = await pca.send(new ListCertificateAuthoritiesCommand({ MaxResults: 1, ResourceOwner: 'SELF' }));
    expect(page.CertificateAuthorities).toHaveLength(1);
    expect(page.NextToken).toBeTruthy();
    expect((await pca.send(new ListCertificateAuthoritiesCommand({ ResourceOwner: 'OTHER_ACCOUNTS' }))).CertificateAuthorities).toEqual([]);
  });

  it('deletes into DELETED with a restoration period, then forgets the CA once it passes', async () => {
    const { CertificateAuthorityArn: arn } = await create('Doomed CA', 'SUBORDINATE');
    await pca.send(new DeleteCertificateAuthorityCommand({ CertificateAuthorityArn: arn, PermanentDeletionTimeInDays: 7 }));
    const { CertificateAuthority: ca } = await pca.send(new DescribeCertificateAuthorityCommand({ CertificateAuthorityArn: arn }));
    expect(ca!.Status).toBe('DELETED');
    expect(ca!.RestorableUntil!.getTime() - ca!.LastStateChangeAt!.getTime()).toBe(7 * 86_400_000);
    expect((await errorOf(pca.send(new DeleteCertificateAuthorityCommand({ CertificateAuthorityArn: arn })))).name).toBe('InvalidStateException');
    await sb.control.advanceClock(8 * 86_400);
    const gone = await errorOf(pca.send(new DescribeCertificateAuthorityCommand({ CertificateAuthorityArn: arn })));
    expect(gone.name).toBe('ResourceNotFoundException');
    expect((await pca.send(new ListCertificateAuthoritiesCommand({}))).CertificateAuthorities!.map((c) => c.Arn)).not.toContain(arn);
  });

  it('tags a CA and lists its tags', async () => {
    const { CertificateAuthorityArn: arn } = await create('Tagged CA');
    await pca.send(new TagCertificateAuthorityCommand({ CertificateAuthorityArn: arn, Tags: [{ Key: 'env', Value: 'prod' }] }));
    expect((await pca.send(new ListTagsCommand({ CertificateAuthorityArn: arn }))).Tags).toEqual([
      { Key: 'Name', Value: 'Tagged CA' },
      { Key: 'env', Value: 'prod' },
    ]);
  });

  it('answers ResourceNotFoundException and InvalidArnException, and denies other accounts', async () => {
    const { CertificateAuthorityArn: arn } = await create('Private CA');
    const missing = 'arn:aws:acm-pca:us-east-1:111111111111:certificate-authority/00000000-0000-4000-8000-000000000000';
    expect((await errorOf(pca.send(new DescribeCertificateAuthorityCommand({ CertificateAuthorityArn: missing })))).name).toBe('ResourceNotFoundException');
    expect((await errorOf(pca.send(new DescribeCertificateAuthorityCommand({ CertificateAuthorityArn: 'not-an-arn' })))).name).toBe('InvalidArnException');
    expect((await other.send(new ListCertificateAuthoritiesCommand({}))).CertificateAuthorities).toEqual([]);
    // Another account's CA needs a resource-based policy (or a RAM share) before anything else.
    expect((await errorOf(other.send(new DescribeCertificateAuthorityCommand({ CertificateAuthorityArn: arn })))).name).toBe('AccessDeniedException');
  });

  it('answers ValidationException for a required member left out', async () => {
    const noArn = await errorOf(pca.send(new DescribeCertificateAuthorityCommand({} as never)));
    expect(noArn).toMatchObject({ name: 'ValidationException', message: "1 validation error detected: Value null at 'certificateAuthorityArn' failed to satisfy constraint: Member must not be null" });
  });
});
