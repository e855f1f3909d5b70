// Protects Settings' list of what turning off sharing with AWS Organizations would stop: which shares, through which organization or OU principal, for which accounts.
import { expect, test } from 'vitest';
import type { OrgNode } from '../organizations/types';
import { sharingLostWithoutOrganizations } from './disable-sharing-impact';
import type { ShareRecord } from './snapshot';

const node = (id: string, type: OrgNode['type'], name: string, parentId?: string, depth = 0): OrgNode => ({ id, type, name, arn: `arn:${id}`, parentId, depth } as OrgNode);
const nodes = Object.fromEntries(
  [
    node('r-1', 'ROOT', 'Root'),
    node('ou-1-work', 'ORGANIZATIONAL_UNIT', 'Workloads', 'r-1', 1),
    node('ou-1-dev', 'ORGANIZATIONAL_UNIT', 'Dev', 'ou-1-work', 2),
    node('111111111111', 'ACCOUNT', 'network', 'r-1', 1),
    node('222222222222', 'ACCOUNT', 'web-dev', 'ou-1-dev', 3),
    node('333333333333', 'ACCOUNT', 'audit', 'r-1', 1),
  ].map((n) => [n.id, n]),
);

const share = (name: string, principals: string[], status = 'ACTIVE'): ShareRecord => ({
  arn: `arn:aws:ram:us-east-1:111111111111:resource-share/${name}`,
  id: name,
  name,
  owningAccountId: '111111111111',
  region: 'us-east-1',
  status,
  allowExternalPrincipals: false,
  tags: [],
  resources: [],
  permissions: [],
  principals: principals.map((id) => ({ id, status: 'ASSOCIATED', external: false })),
});

test('organization and OU principals lose every account they reach (not the owner); account principals stay', () => {
  const lost = sharingLostWithoutOrganizations(
    [
      share('org', ['arn:aws:organizations::100000000001:organization/o-abcdefghij']),
      share('ou', ['arn:aws:organizations::100000000001:ou/o-abcdefghij/ou-1-work', '333333333333']),
      share('gone', ['arn:aws:organizations::100000000001:organization/o-abcdefghij'], 'DELETED'),
    ],
    { nodes },
    20,
  );
  expect(lost.map((l) => [l.share.name, l.principal.split('/').pop(), l.accountCount, l.accounts.map((a) => a.name)])).toEqual([
    ['org', 'o-abcdefghij', 2, ['audit', 'web-dev']],
    ['ou', 'ou-1-work', 1, ['web-dev']],
  ]);
  // Only the first `listed` accounts are named; the count is all of them.
  const first = sharingLostWithoutOrganizations([share('org', ['arn:aws:organizations::100000000001:organization/o-abcdefghij'])], { nodes }, 1)[0];
  expect([first.accountCount, first.accounts.map((a) => a.name)]).toEqual([2, ['audit']]);
});
