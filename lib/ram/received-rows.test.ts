// Protects Shared with me's rows: who receives a share and through what, its owner named only when in the organization, and a plan to leave offered only where AWS lets the account leave.
import { expect, test } from 'vitest';
import type { ReceivedShare } from './received';
import { receivedRows } from './received-rows';

const ORG = 'arn:aws:organizations::100000000001:organization/o-abcdefghij';
const share = (accountId: string, via: string[], owner = '300000000003'): ReceivedShare => ({
  arn: `arn:aws:ram:us-east-1:${owner}:resource-share/s-1`,
  name: 'subnets <b>"x"</b>',
  owningAccountId: owner,
  region: 'us-east-1',
  status: 'ACTIVE',
  accountId,
  resources: [{ arn: 'arn:aws:ec2:us-east-1:300000000003:subnet/subnet-0abc', type: 'ec2:Subnet' }],
  via,
});
const names = { '100000000001': 'management', '200000000002': 'payments-dev', 'o-abcdefghij': 'Org' };

test('a share given to the organization: every account in it when all are shown, no plan to leave', () => {
  const [row] = receivedRows([share('200000000002', [ORG])], names, true);
  expect(row.receiving).toEqual({ everyAccountIn: 'Organization o-abcdefghij' });
  expect(row.leave).toBeUndefined();
  expect(row.owner).toEqual({ id: '300000000003', name: undefined });
  expect(row.resources).toEqual([{ arn: 'arn:aws:ec2:us-east-1:300000000003:subnet/subnet-0abc', type: 'ec2:Subnet', id: 'subnet-0abc' }]);
});

test('a share given to the account itself: its name, "this account", a plan to leave; names pass through unchanged', () => {
  const [row] = receivedRows([share('200000000002', ['200000000002'], '100000000001')], names, false);
  expect(row.receiving).toEqual({ accountId: '200000000002', name: 'payments-dev' });
  expect(row.via).toBe('this account');
  expect(row.owner).toEqual({ id: '100000000001', name: 'management' });
  expect(row.name).toBe('subnets <b>"x"</b>');
  expect(row.leave).toEqual({ accountId: '200000000002', region: 'us-east-1', resourceShareArn: 'arn:aws:ram:us-east-1:100000000001:resource-share/s-1' });
});
