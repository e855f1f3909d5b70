// Shares other accounts give one account, as that account sees them (GetResourceShares OTHER-ACCOUNTS): owner,
// resources, Region, status, and how the account receives each one (its own account ID, or an organization or
// OU containing it), which decides whether it may leave. For every account of the organization, a persisted
// stale-while-revalidate snapshot (lib/aws/account-snapshot.ts), re-read per account and Region after the
// console's own changes (leaving a share, accepting an invitation).
import { paginateGetResourceShareAssociations, paginateGetResourceShares, paginateListResources, RAMClient } from '@aws-sdk/client-ram';
import { accountSnapshots, type AccountSnapshotSource } from '../aws/account-snapshot';
import { getClient } from '../aws/clients';
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

const received = accountSnapshots<ReceivedShare>({
  name: 'received-shares-snapshot',
  format: 1,
  operation: 'ram:GetResourceShares',
  read: (t, count) => readReceivedShares(t.accountId, t.region, count),
  key: (s) => `${s.accountId}/${s.arn}`,
  targetOf: (s) => ({ accountId: s.accountId, region: s.region }),
});

/** The last complete reading (revalidated behind it when old), else the first one as it fills. Never waits. */
export const getReceivedShares = received.read;
/** As getReceivedShares, a first reading given up to `boundMs` to find its first shares. */
export const getReceivedSharesSoon = received.readSoon;
export const refreshReceivedShares = received.refresh;
export const readReceivedSharesNow = received.readNow;
/** Reads exactly these receiving accounts and Regions again into every reading (after the console changed them). */
export const refreshReceivedOf = received.refreshTargets;
export const receivedProgress = received.progress;
/** One receiving account's shares in the reading, without a look at every account's. */
export const receivedBy = received.itemsOf;
/** The accounts that received shares in the reading. */
export const receivingAccounts = received.accountsWithItems;
export const forgetReceivedShares = received.forget;
