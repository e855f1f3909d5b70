// The organization's RAM snapshot: for each account (the console's own, members through the member role)
// and each configured Region, the shares it owns (GetResourceShares SELF) with their resource and principal
// associations and attached permissions. Read with the SDK's paginators through one bounded fan-out (the
// SDK's retry handles throttling), delivered as targets finish so the first accounts show while the rest
// arrive. Kept in the one snapshot store (lib/cache/snapshots.ts): as stale as the source's maxAgeMs before a
// read rebuilds it in the background, saved in the data directory, and refreshed per (account, Region) after the
// console itself changes a share. A target that cannot be read is kept with its reason, never dropped.
import {
  paginateGetResourceShareAssociations,
  paginateGetResourceShares,
  paginateListPermissionAssociations,
  RAMClient,
} from '@aws-sdk/client-ram';
import { getClient } from '../aws/clients';
import { fanOut, prefetchMemberSessions, type FanOutTarget } from '../aws/fan-out';
import { progressOf, readSoon, snapshotStore, type SnapshotBuild, type SnapshotProgress, type SnapshotSource, type SnapshotStatus } from '../cache/snapshots';
import { forgetManagedPermissions } from './managed-permissions';

export interface ShareResource {
  arn: string;
  /** RAM's type, e.g. ec2:Subnet (read from the ARN when the association does not say). */
  type: string;
  status: string;
  statusMessage?: string;
}

export interface SharePrincipal {
  /** Account ID, organization/OU ARN, or IAM role/user ARN, as RAM records it. */
  id: string;
  status: string;
  statusMessage?: string;
  external: boolean;
}

export interface SharePermission {
  resourceType: string;
  arn: string;
  name: string;
  version: string;
  /** Whether the attached version is the permission's default one. */
  defaultVersion: boolean;
}

export interface ShareRecord {
  arn: string;
  /** The last part of the ARN, used in the share page's URL. */
  id: string;
  name: string;
  owningAccountId: string;
  region: string;
  status: string;
  statusMessage?: string;
  allowExternalPrincipals: boolean;
  /** STANDARD, or CREATED_FROM_POLICY / PROMOTING_TO_STANDARD for a share RAM made from a resource-based policy. */
  featureSet?: string;
  /** resourceShareConfiguration.retainSharingOnAccountLeaveOrganization. */
  retainSharingOnAccountLeaveOrganization?: boolean;
  /** Epoch ms. */
  creationTime?: number;
  lastUpdatedTime?: number;
  tags: { key: string; value: string }[];
  resources: ShareResource[];
  principals: SharePrincipal[];
  permissions: SharePermission[];
}

export interface TargetRead {
  accountId: string;
  region: string;
  /** Epoch ms the read finished. */
  readAt: number;
  /** Why the account or Region could not be read (member role, RAM refusing), explained for admins. */
  error?: string;
  shareCount: number;
}

export interface RamSnapshot {
  key: string;
  /** Epoch ms the build started: the data is at least this old. */
  fetchedAt: number;
  complete: boolean;
  /** Targets to read (accounts × Regions). */
  targetCount: number;
  /** 'ACCOUNT/REGION' → how the read went, for every target read so far. */
  targets: Record<string, TargetRead>;
  /** Share ARN → share. */
  shares: Record<string, ShareRecord>;
  /** RAM calls (pages) made, retries excluded. */
  calls: number;
}

export interface AccountRef {
  id: string;
  name: string;
}

export interface ShareSnapshotSource extends SnapshotSource {
  /** The accounts to read (may wait for a cold organization crawl). */
  accounts: () => Promise<readonly AccountRef[]>;
  regions: string[];
  /** Calls in flight at once overall (default 8) and per account (default 2). */
  concurrency?: number;
  perAccount?: number;
}

export interface ShareSnapshotStatus extends SnapshotStatus<RamSnapshot> {
  /** Targets read / to read by the running build. */
  progress?: { done: number; total: number };
}

const PAGE_SIZE = 500;
// resourceShareArns per GetResourceShareAssociations call (the model sets no maximum; stay well within request limits).
const ARNS_PER_CALL = 100;

const targetKey = (accountId: string, region: string) => `${accountId}/${region}`;

const time = (date: Date | undefined) => (date ? date.getTime() : undefined);

/** ec2:Subnet from arn:aws:ec2:us-east-1:111111111111:subnet/subnet-1 (RAM's association rows carry no type). */
export function resourceTypeOfArn(arn: string): string {
  const [, , service, , , rest = ''] = arn.split(':');
  const kind = rest.split('/')[0];
  const words: Record<string, string> = {
    'subnet': 'Subnet',
    'prefix-list': 'PrefixList',
    'transit-gateway': 'TransitGateway',
    'resolver-rule': 'ResolverRule',
    'license-configuration': 'LicenseConfiguration',
    'certificate-authority': 'CertificateAuthority',
  };
  const name = words[kind] ?? kind.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
  return `${service}:${name}`;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The shares one account owns in one Region, with associations and permissions: one GetResourceShares
 * listing, then (only when it owns any) one listing each of principal and resource associations and of
 * permission associations. `count` is told of each page.
 */
export async function readOwnedShares(accountId: string, region: string, count: () => void = () => {}): Promise<ShareRecord[]> {
  const client = getClient(RAMClient, { accountId, region });
  const shares = new Map<string, ShareRecord>();
  for await (const page of paginateGetResourceShares({ client, pageSize: PAGE_SIZE }, { resourceOwner: 'SELF' })) {
    count();
    for (const s of page.resourceShares ?? []) {
      if (!s.resourceShareArn || s.status === 'DELETED') continue;
      shares.set(s.resourceShareArn, {
        arn: s.resourceShareArn,
        id: s.resourceShareArn.split('/').pop()!,
        name: s.name ?? '',
        owningAccountId: s.owningAccountId ?? accountId,
        region,
        status: s.status ?? 'UNKNOWN',
        statusMessage: s.statusMessage,
        allowExternalPrincipals: s.allowExternalPrincipals ?? false,
        featureSet: s.featureSet ?? 'STANDARD',
        retainSharingOnAccountLeaveOrganization: s.resourceShareConfiguration?.retainSharingOnAccountLeaveOrganization ?? false,
        creationTime: time(s.creationTime),
        lastUpdatedTime: time(s.lastUpdatedTime),
        tags: (s.tags ?? []).map((t) => ({ key: t.key ?? '', value: t.value ?? '' })),
        resources: [],
        principals: [],
        permissions: [],
      });
    }
  }
  if (shares.size === 0) return [];
  for (const resourceShareArns of chunks([...shares.keys()], ARNS_PER_CALL)) {
    for (const associationType of ['PRINCIPAL', 'RESOURCE'] as const) {
      for await (const page of paginateGetResourceShareAssociations({ client, pageSize: PAGE_SIZE }, { associationType, resourceShareArns })) {
        count();
        for (const a of page.resourceShareAssociations ?? []) {
          const share = shares.get(a.resourceShareArn ?? '');
          // Removed associations stay listed as DISASSOCIATED for a while: they are history, not sharing.
          if (!share || !a.associatedEntity || a.status === 'DISASSOCIATED') continue;
          const status = a.status ?? 'UNKNOWN';
          if (associationType === 'RESOURCE') share.resources.push({ arn: a.associatedEntity, type: resourceTypeOfArn(a.associatedEntity), status, statusMessage: a.statusMessage });
          else share.principals.push({ id: a.associatedEntity, status, statusMessage: a.statusMessage, external: a.external ?? false });
        }
      }
    }
  }
  for await (const page of paginateListPermissionAssociations({ client, pageSize: PAGE_SIZE }, {})) {
    count();
    for (const p of page.permissions ?? []) {
      const share = shares.get(p.resourceShareArn ?? '');
      if (!share || !p.arn) continue;
      share.permissions.push({
        resourceType: p.resourceType ?? '',
        arn: p.arn,
        name: p.arn.split('/').pop()!,
        version: p.permissionVersion ?? '',
        defaultVersion: p.defaultVersion ?? true,
      });
    }
  }
  return [...shares.values()];
}

/** Puts one target's answer into a snapshot: its shares replace the ones it held before. */
function applyTarget(snapshot: RamSnapshot, read: TargetRead, shares: ShareRecord[] | undefined): void {
  snapshot.targets[targetKey(read.accountId, read.region)] = read;
  if (!shares) return;
  for (const [arn, share] of Object.entries(snapshot.shares)) {
    if (share.owningAccountId === read.accountId && share.region === read.region) delete snapshot.shares[arn];
  }
  for (const share of shares) snapshot.shares[share.arn] = share;
}

function startBuild(source: ShareSnapshotSource): SnapshotBuild<RamSnapshot> {
  const now = source.now ?? Date.now;
  const snapshot: RamSnapshot = { key: source.key, fetchedAt: now(), complete: false, targetCount: 0, targets: {}, shares: {}, calls: 0 };
  const done = (async () => {
    const accounts = await source.accounts();
    const targets: FanOutTarget[] = accounts.flatMap((a) => source.regions.map((region) => ({ accountId: a.id, region })));
    snapshot.targetCount = targets.length;
    void prefetchMemberSessions(accounts.map((a) => a.id));
    await fanOut(targets, (t) => readOwnedShares(t.accountId, t.region, () => snapshot.calls++), {
      operation: 'ram:GetResourceShares',
      concurrency: source.concurrency ?? 8,
      background: true,
      perAccount: source.perAccount ?? 2,
      onResult: (result) => {
        const read: TargetRead = { accountId: result.accountId, region: result.region, readAt: now(), shareCount: result.ok ? result.value.length : 0 };
        if (!result.ok) read.error = result.error;
        applyTarget(snapshot, read, result.ok ? result.value : undefined);
      },
    });
    snapshot.complete = true;
    return snapshot;
  })();
  return { snapshot, done };
}

const snapshots = snapshotStore<RamSnapshot, ShareSnapshotSource, SnapshotBuild<RamSnapshot>>({ name: 'ram-snapshot', build: startBuild, format: 2 });

function withProgress({ build, ...status }: SnapshotStatus<RamSnapshot> & { build?: SnapshotBuild<RamSnapshot> }): ShareSnapshotStatus {
  return { ...status, progress: build && { done: Object.keys(build.snapshot.targets).length, total: build.snapshot.targetCount } };
}

/**
 * The snapshot for reads: the last complete one (revalidated in the background when older than maxAgeMs or
 * marked stale), else the first build's partial one as it fills. Never waits for a build.
 */
export function getShareSnapshot(source: ShareSnapshotSource): ShareSnapshotStatus {
  return withProgress(snapshots.read(source));
}

/** As getShareSnapshot, but a first build is given up to `boundMs` to show its first shares (a page's first paint). */
export async function getShareSnapshotSoon(source: ShareSnapshotSource, boundMs: number): Promise<ShareSnapshotStatus> {
  await snapshots.sync(source);
  return readSoon(() => getShareSnapshot(source), (status) => Object.keys(status.snapshot.shares).length > 0, boundMs);
}

/** Starts a build now (Refresh) unless one runs; the current snapshot stays in use until it completes. */
export function refreshShareSnapshot(source: ShareSnapshotSource): ShareSnapshotStatus {
  return withProgress(snapshots.refresh(source));
}

/** Resolves with the last complete snapshot, else the first build's end. */
export function completeShareSnapshot(source: ShareSnapshotSource): Promise<RamSnapshot> {
  return snapshots.complete(source);
}

/**
 * Re-reads one account's shares in one Region into every cached snapshot (and the running build), after the
 * console changed a share there, so the list shows AWS's answer without a full rebuild. Returns the shares read.
 */
export async function refreshSharesOf(accountId: string, region: string): Promise<ShareRecord[]> {
  // Which shares use which permission changed too.
  forgetManagedPermissions({ accountId, region });
  const shares = await readOwnedShares(accountId, region);
  const read: TargetRead = { accountId, region, readAt: Date.now(), shareCount: shares.length };
  snapshots.update((snapshot) => applyTarget(snapshot, read, shares));
  return shares;
}

/** Drops everything in memory (tests; a restart's warm start then comes from the data directory). */
export function forgetShareSnapshots(): void {
  snapshots.forget();
}

export type { SnapshotProgress };

export const snapshotProgress = (status: ShareSnapshotStatus): SnapshotProgress => progressOf(status, Object.keys(status.snapshot.shares).length);
