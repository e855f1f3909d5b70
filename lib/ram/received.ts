// Shares other accounts give one account, as that account sees them (GetResourceShares OTHER-ACCOUNTS): owner,
// resources, Region, status, and how the account receives each one (its own account ID, or an organization or
// OU containing it), which decides whether it may leave. Read live, across Regions, through the fan-out.
import { paginateGetResourceShareAssociations, paginateGetResourceShares, paginateListResources, RAMClient } from '@aws-sdk/client-ram';
import { getClient } from '../aws/clients';
import { fanOut, type FanOutResult } from '../aws/fan-out';
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

export async function readReceivedShares(accountId: string, region: string): Promise<ReceivedShare[]> {
  const client = getClient(RAMClient, { accountId, region });
  const shares = new Map<string, ReceivedShare>();
  for await (const page of paginateGetResourceShares({ client, pageSize: 500 }, { resourceOwner: 'OTHER-ACCOUNTS' })) {
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
    for (const r of page.resources ?? []) {
      if (r.arn) shares.get(r.resourceShareArn ?? '')?.resources.push({ arn: r.arn, type: r.type ?? resourceTypeOfArn(r.arn), status: r.status });
    }
  }
  for await (const page of paginateGetResourceShareAssociations({ client, pageSize: 500 }, { associationType: 'PRINCIPAL' })) {
    for (const a of page.resourceShareAssociations ?? []) {
      const share = shares.get(a.resourceShareArn ?? '');
      if (share && a.associatedEntity && a.status !== 'DISASSOCIATED') share.via.push(a.associatedEntity);
    }
  }
  return [...shares.values()];
}

/** Received shares of each account in each Region; a target that cannot be read comes back with its reason. */
export function readReceivedAcross(accountIds: string[], regions: string[]): Promise<FanOutResult<ReceivedShare[]>[]> {
  const targets = accountIds.flatMap((accountId) => regions.map((region) => ({ accountId, region })));
  return fanOut(targets, (t) => readReceivedShares(t.accountId, t.region), { operation: 'ram:GetResourceShares', concurrency: 8, perAccount: 2 });
}
