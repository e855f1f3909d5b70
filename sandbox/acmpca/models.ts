// ACM Private CA state and rules for certificate authorities (the resource RAM shares). State is
// per (account, Region). No keys or certificates exist: a new CA waits in PENDING_CERTIFICATE.
import type { World } from '../core/types.js';
import { HEX, newId, now, nowMs, serviceState } from '../core/world.js';
import { parseArn } from '../core/arn.js';
import { scopedMap } from '../core/scope.js';
import { sharedResources } from '../ram/state.js';
import * as errors from './exceptions.js';

export type CertificateAuthorityType = 'ROOT' | 'SUBORDINATE';
export type CertificateAuthorityStatus = 'CREATING' | 'PENDING_CERTIFICATE' | 'ACTIVE' | 'DELETED' | 'DISABLED' | 'EXPIRED' | 'FAILED';

/** The CA's configuration, kept in the botocore shape (CertificateAuthorityConfiguration) it came in. */
export interface CertificateAuthorityConfiguration {
  KeyAlgorithm: string;
  SigningAlgorithm: string;
  Subject: Record<string, unknown>;
  CsrExtensions?: Record<string, unknown>;
}

export interface CertificateAuthority {
  arn: string;
  ownerAccount: string;
  region: string;
  type: CertificateAuthorityType;
  status: CertificateAuthorityStatus;
  createdAt: Date;
  lastStateChangeAt: Date;
  configuration: CertificateAuthorityConfiguration;
  revocationConfiguration?: Record<string, unknown>;
  keyStorageSecurityStandard: string;
  usageMode: string;
  idempotencyToken?: string;
  restorableUntil?: Date;
  tags: { key: string; value?: string }[];
}

export interface AcmPcaState {
  /** Keyed by `ACCOUNT/REGION`, then by ARN. */
  scopes: Map<string, Map<string, CertificateAuthority>>;
}

export const emptyAcmPcaState = (): AcmPcaState => ({ scopes: new Map() });

const ARN_PATTERN = /^arn:[\w+=/,.@-]+:acm-pca:[\w+=/,.@-]*:[0-9]*:[\w+=,.@-]+(\/[\w+=,.@-]+)*$/;

function authorities(world: World, accountId: string, region: string, create = false): Map<string, CertificateAuthority> | undefined {
  return scopedMap(serviceState(world, 'acmpca', emptyAcmPcaState).scopes, accountId, region, create);
}

/** A deleted CA is restorable until its restoration period ends; then it is gone for good. */
function live(world: World, ca: CertificateAuthority | undefined): CertificateAuthority | undefined {
  if (ca?.restorableUntil && ca.restorableUntil.getTime() <= nowMs(world)) {
    authorities(world, ca.ownerAccount, ca.region)?.delete(ca.arn);
    return undefined;
  }
  return ca;
}

export function certificateAuthorityByArn(world: World, arn: string): CertificateAuthority | undefined {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'acm-pca') return undefined;
  return live(world, authorities(world, parsed.account, parsed.region)?.get(arn));
}

export function ownCertificateAuthorities(world: World, accountId: string, region: string): CertificateAuthority[] {
  return [...(authorities(world, accountId, region)?.values() ?? [])].filter((ca) => live(world, ca));
}

/** CAs other accounts share with this one through RAM (ListCertificateAuthorities ResourceOwner=OTHER_ACCOUNTS). */
export function sharedCertificateAuthorities(world: World, accountId: string, region: string): CertificateAuthority[] {
  return sharedResources(world, accountId, region, 'acm-pca:CertificateAuthority', (arn) => certificateAuthorityByArn(world, arn), (ca) => ca.ownerAccount);
}

function checkArn(arn: string): void {
  if (!ARN_PATTERN.test(arn)) throw errors.invalidArn(arn);
}

/** A CA the account owns or that is shared with it. */
export function visibleCertificateAuthority(world: World, accountId: string, region: string, arn: string): CertificateAuthority {
  checkArn(arn);
  const ca = certificateAuthorityByArn(world, arn);
  const visible = ca && (ca.ownerAccount === accountId || sharedCertificateAuthorities(world, accountId, region).includes(ca));
  if (!ca || !visible) throw errors.resourceNotFound(arn);
  return ca;
}

function ownCertificateAuthority(world: World, accountId: string, region: string, arn: string): CertificateAuthority {
  checkArn(arn);
  const ca = live(world, authorities(world, accountId, region)?.get(arn));
  if (!ca) throw errors.resourceNotFound(arn);
  return ca;
}

export interface CreateCertificateAuthorityParams {
  type: string;
  configuration: CertificateAuthorityConfiguration;
  revocationConfiguration?: Record<string, unknown>;
  keyStorageSecurityStandard?: string;
  usageMode?: string;
  idempotencyToken?: string;
  tags?: { key: string; value?: string }[];
}

/** A version-4-shaped UUID made of deterministic hex, as CA ARNs end with. */
function uuid(world: World): string {
  const hex = newId(world, 31, HEX);
  const variant = '89ab'[parseInt(hex[15], 16) % 4];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(12, 15)}-${variant}${hex.slice(16, 19)}-${hex.slice(19, 31)}`;
}

export function createCertificateAuthority(world: World, accountId: string, region: string, params: CreateCertificateAuthorityParams): CertificateAuthority {
  if (params.type !== 'ROOT' && params.type !== 'SUBORDINATE') {
    throw errors.invalidArgs(`Invalid CertificateAuthorityType: ${params.type}`);
  }
  const home = authorities(world, accountId, region, true)!;
  // The same idempotency token within a few minutes returns the CA it created.
  if (params.idempotencyToken !== undefined) {
    const earlier = [...home.values()].find((ca) => ca.idempotencyToken === params.idempotencyToken);
    if (earlier && nowMs(world) - earlier.createdAt.getTime() < 5 * 60_000) return earlier;
  }
  if ((params.tags?.length ?? 0) > 50) throw errors.tooManyTags();
  const created = now(world);
  const ca: CertificateAuthority = {
    arn: `arn:aws:acm-pca:${region}:${accountId}:certificate-authority/${uuid(world)}`,
    ownerAccount: accountId,
    region,
    type: params.type,
    status: 'PENDING_CERTIFICATE',
    createdAt: created,
    lastStateChangeAt: created,
    configuration: params.configuration,
    revocationConfiguration: params.revocationConfiguration,
    keyStorageSecurityStandard: params.keyStorageSecurityStandard ?? 'FIPS_140_2_LEVEL_3_OR_HIGHER',
    usageMode: params.usageMode ?? 'GENERAL_PURPOSE',
    idempotencyToken: params.idempotencyToken,
    tags: [...(params.tags ?? [])],
  };
  home.set(ca.arn, ca);
  return ca;
}

const DELETABLE: CertificateAuthorityStatus[] = ['CREATING', 'PENDING_CERTIFICATE', 'DISABLED', 'EXPIRED', 'FAILED'];

/** Marks the CA DELETED; it stays restorable (and listed) for the restoration period, 7 to 30 days. */
export function deleteCertificateAuthority(world: World, accountId: string, region: string, arn: string, permanentDeletionTimeInDays = 30): CertificateAuthority {
  const ca = ownCertificateAuthority(world, accountId, region, arn);
  if (!DELETABLE.includes(ca.status)) {
    throw errors.invalidState(`The certificate authority ${arn} is in the ${ca.status} state and cannot be deleted.`);
  }
  if (!Number.isInteger(permanentDeletionTimeInDays) || permanentDeletionTimeInDays < 7 || permanentDeletionTimeInDays > 30) {
    throw errors.invalidArgs('PermanentDeletionTimeInDays must be between 7 and 30.');
  }
  const at = now(world);
  ca.status = 'DELETED';
  ca.lastStateChangeAt = at;
  ca.restorableUntil = new Date(at.getTime() + permanentDeletionTimeInDays * 86_400_000);
  return ca;
}

export function tagCertificateAuthority(world: World, accountId: string, region: string, arn: string, tags: { key: string; value?: string }[]): void {
  const ca = ownCertificateAuthority(world, accountId, region, arn);
  if (ca.status === 'DELETED') throw errors.invalidState(`The certificate authority ${arn} is in the DELETED state.`);
  const merged = new Map(ca.tags.map((t) => [t.key, t.value]));
  for (const tag of tags) {
    if (tag.key.startsWith('aws:')) throw errors.invalidTag('Tag keys may not start with "aws:".');
    merged.set(tag.key, tag.value);
  }
  if (merged.size > 50) throw errors.tooManyTags();
  ca.tags = [...merged].map(([key, value]) => ({ key, value }));
}

export function certificateAuthorityTags(world: World, accountId: string, region: string, arn: string): { key: string; value?: string }[] {
  return ownCertificateAuthority(world, accountId, region, arn).tags;
}
