// Shares other accounts give one account, as that account sees them (GetResourceShares OTHER-ACCOUNTS): owner,
// resources, Region, status, and how the account receives each one (its own account ID, or an organization or
// OU containing it), which decides whether it may leave. For every account of the organization, a persisted
// stale-while-revalidate snapshot (lib/aws/account-snapshot.ts), re-read per account and Region after the
// console's own changes (leaving a share, accepting an invitation).
import { paginateGetResourceShareAssociations, paginateGetResourceShares, paginateListResources, RAMClient } from '@aws-sdk/client-ram';
import { accountSnapshots, type AccountSnapshot, type AccountSnapshotSource } from '../aws/account-snapshot';
import { getClient } from '../aws/clients';
import { derived } from '../cache/derived';
import { byText } from '../paging';
import type { OrganizationSnapshot } from '../organizations/types';
import { ancestorsOf } from '../organizations/view';
import { resourceTypeOfArn } from './snapshot';

export interface ReceivedShare {
  arn: string;
  name: string;
  owningAccountId: string;
  region: string;
  status: string;
  /** The receiving account. */
  accountId: string;
  resources: { arn: string; type: string; status?: string }[];
  /** How the account receives it: its own account ID, or the organization / OU that contains it. */
  via: string[];
}

export async function readReceivedShares(accountId: string, region: string, count: () => void = () => {}): Promise<ReceivedShare[]> {
  const client = getClient(RAMClient, { accountId, region });
  const shares = new Map<string, ReceivedShare>();
  for await (const page of paginateGetResourceShares({ client, pageSize: 500 }, { resourceOwner: 'OTHER-ACCOUNTS' })) {
    count();
    for (const s of page.resourceShares ?? []) {
      if (!s.resourceShareArn || s.status === 'DELETED') continue;
      shares.set(s.resourceShareArn, {
        arn: s.resourceShareArn,
        name: s.name ?? '',
        owningAccountId: s.owningAccountId ?? '',
        region,
        status: s.status ?? 'UNKNOWN',
        accountId,
        resources: [],
        via: [],
      });
    }
  }
  if (shares.size === 0) return [];
  for await (const page of paginateListResources({ client, pageSize: 500 }, { resourceOwner: 'OTHER-ACCOUNTS' })) {
    count();
    for (const r of page.resources ?? []) {
      if (r.arn) shares.get(r.resourceShareArn ?? '')?.resources.push({ arn: r.arn, type: r.type ?? resourceTypeOfArn(r.arn), status: r.status });
    }
  }
  for await (const page of paginateGetResourceShareAssociations({ client, pageSize: 500 }, { associationType: 'PRINCIPAL' })) {
    count();
    for (const a of page.resourceShareAssociations ?? []) {
      const share = shares.get(a.resourceShareArn ?? '');
      if (share && a.associatedEntity && a.status !== 'DISASSOCIATED') share.via.push(a.associatedEntity);
    }
  }
  return [...shares.values()];
}

export type ReceivedSharesSource = AccountSnapshotSource<ReceivedShare>;

const ORGANIZATION_PRINCIPAL = /^arn:aws:organizations::\d{12}:(organization|ou)\//;

/** Received only through the organization or its OUs (not as an individual account): every account in them has it alike. */
export const receivedThroughOrganization = (share: Pick<ReceivedShare, 'via'>) => share.via.length > 0 && share.via.every((v) => ORGANIZATION_PRINCIPAL.test(v));

// A share given to the organization reaches all 10,000 accounts: kept once (its key and the accounts' index share one
// string), with the organization and every OU it was seen through, not once per account (millions of rows).
const ORGANIZATION_KEY = 'organization/';
const organizationKeys = new Map<string, string>();
const keyOf = (s: ReceivedShare) => {
  if (!receivedThroughOrganization(s)) return `${s.accountId}/${s.arn}`;
  let key = organizationKeys.get(s.arn);
  if (!key) organizationKeys.set(s.arn, (key = `${ORGANIZATION_KEY}${s.arn}`));
  return key;
};

const received = accountSnapshots<ReceivedShare>({
  name: 'received-shares-snapshot',
  format: 2,
  operation: 'ram:GetResourceShares',
  read: (t, count) => readReceivedShares(t.accountId, t.region, count),
  key: keyOf,
  targetOf: (s) => ({ accountId: s.accountId, region: s.region }),
  merge: (held, item) => ({ ...item, via: [...new Set([...held.via, ...item.via])] }),
});

/** The organization (its ID) and the OUs an account is in: an account the crawl has not reached yet is in the organization only. */
export function containersOf(organization: Pick<OrganizationSnapshot, 'nodes'> | undefined, organizationId: string | undefined, accountId: string): Set<string> {
  const ids = new Set(organization ? ancestorsOf(organization, accountId).map((n) => n.id) : []);
  if (organizationId) ids.add(organizationId);
  return ids;
}

/**
 * One receiving account's shares in the reading, as that account receives them: its own, and those received through
 * the organization or an OU it is in (`containers`, see containersOf), without a look at every account's.
 */
export function receivedBy(snapshot: AccountSnapshot<ReceivedShare>, accountId: string, containers: ReadonlySet<string>): ReceivedShare[] {
  const own = received.itemsOf(snapshot, accountId).filter((s) => s.accountId === accountId && !receivedThroughOrganization(s));
  const through: ReceivedShare[] = [];
  for (const share of sharedThroughOrganization(snapshot)) {
    // An owner does not receive its own share.
    if (share.owningAccountId === accountId) continue;
    const via = share.via.filter((v) => containers.has(v.split('/').pop()!));
    if (via.length) through.push({ ...share, accountId, via });
  }
  return [...own, ...through];
}

/** The order Shared with me lists shares in: by receiving account (12-digit IDs: as text), then name. */
export const receivedOrder = (a: ReceivedShare, b: ReceivedShare) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : byText(a.name, b.name));

/** The shares received through the organization or OUs, found among every account's once a second, not per view. */
function sharedThroughOrganization(snapshot: AccountSnapshot<ReceivedShare>): ReceivedShare[] {
  return derived(snapshot, 'through-organization', () => Object.entries(snapshot.items).flatMap(([key, share]) => (key.startsWith(ORGANIZATION_KEY) ? [share] : [])));
}

/** The last complete reading (revalidated behind it when old), else the first one as it fills. Never waits. */
export const getReceivedShares = received.read;
/** As getReceivedShares, a first reading given up to `boundMs` to find its first shares. */
export const getReceivedSharesSoon = received.readSoon;
export const refreshReceivedShares = received.refresh;
export const readReceivedSharesNow = received.readNow;
/** Reads exactly these receiving accounts and Regions again into every reading (after the console changed them). */
export const refreshReceivedOf = received.refreshTargets;
export const receivedProgress = received.progress;
export const forgetReceivedShares = received.forget;
