// Protects Shared with me for one account as a first reading completes: once the page says the reading is complete,
// the shares the account receives through the organization are the complete reading's, not those found a moment before.
import { expect, it } from 'vitest';
import type { AccountSnapshot } from '../aws/account-snapshot';
import { receivedBy, type ReceivedShare } from './received';

const ORGANIZATION = 'o-exmpl7c0rp';
const corpDns: ReceivedShare = {
  arn: 'arn:aws:ram:us-east-1:300000000001:resource-share/corp-dns',
  name: 'corp-dns',
  owningAccountId: '300000000001',
  region: 'us-east-1',
  status: 'ACTIVE',
  accountId: '400000000001',
  resources: [],
  via: [`arn:aws:organizations::100000000001:organization/${ORGANIZATION}`],
};

it('a reading that completes in place shows what it completed with, at once', () => {
  // A first reading is one object, filled in place while pages look at it.
  const snapshot: AccountSnapshot<ReceivedShare> = { key: 'k', fetchedAt: Date.now(), complete: false, accountCount: 2, accounts: {}, items: {}, calls: 0 };
  expect(receivedBy(snapshot, '400000000011', new Set([ORGANIZATION]))).toEqual([]);

  snapshot.items[`organization/${corpDns.arn}`] = corpDns;
  snapshot.complete = true;
  expect(receivedBy(snapshot, '400000000011', new Set([ORGANIZATION])).map((s) => [s.name, s.accountId])).toEqual([['corp-dns', '400000000011']]);
});
