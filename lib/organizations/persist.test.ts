// Protects the warm restart: the snapshot read back from the data directory equals the one written (order, counts, ARNs of any form).
import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from './persist';
import type { OrganizationSnapshot } from './types';

const prefix = 'arn:aws-us-gov:organizations::111111111111:';
const snapshot: OrganizationSnapshot = {
  key: 'k',
  organization: { id: 'o-abcdefghij', arn: `${prefix}organization/o-abcdefghij`, featureSet: 'ALL', managementAccountId: '111111111111' },
  rootId: 'r-ab12',
  complete: true,
  fetchedAt: 1,
  calls: 9,
  throttled: 2,
  nodes: {
    'r-ab12': { id: 'r-ab12', type: 'ROOT', name: 'Root', arn: `${prefix}root/o-abcdefghij/r-ab12`, depth: 0, childIds: ['ou-ab12-zzzzzzzz', 'ou-ab12-aaaaaaaa', '111111111111'], childrenLoaded: true, ouCount: 2, accountCount: 1 },
    'ou-ab12-zzzzzzzz': { id: 'ou-ab12-zzzzzzzz', type: 'ORGANIZATIONAL_UNIT', name: 'Z', arn: `${prefix}ou/o-abcdefghij/ou-ab12-zzzzzzzz`, parentId: 'r-ab12', depth: 1, childIds: ['222222222222'], childrenLoaded: true, ouCount: 0, accountCount: 1 },
    'ou-ab12-aaaaaaaa': { id: 'ou-ab12-aaaaaaaa', type: 'ORGANIZATIONAL_UNIT', name: 'A', arn: 'arn:custom:ou-a', parentId: 'r-ab12', depth: 1, childIds: [], childrenLoaded: true, ouCount: 0, accountCount: 0 },
    '111111111111': { id: '111111111111', type: 'ACCOUNT', name: 'management', arn: `${prefix}account/o-abcdefghij/111111111111`, parentId: 'r-ab12', depth: 1, email: 'm@example.com', status: 'ACTIVE', joinedMethod: 'INVITED', joinedTimestamp: '2020-01-01T00:00:00.000Z' },
    '222222222222': { id: '222222222222', type: 'ACCOUNT', name: 'dev', arn: `${prefix}account/o-abcdefghij/222222222222`, parentId: 'ou-ab12-zzzzzzzz', depth: 2, email: 'd@example.com', status: 'SUSPENDED', joinedMethod: 'CREATED', joinedTimestamp: '2021-01-01T00:00:00.000Z' },
  },
};

describe('persisted snapshot', () => {
  it('round-trips through JSON unchanged', () => {
    const text = JSON.stringify(encodeSnapshot(snapshot));
    expect(decodeSnapshot(JSON.parse(text))).toEqual(snapshot);
    // Usual ARNs are derived, not stored.
    expect(text).not.toContain(`${prefix}account/`);
    expect(text).toContain('arn:custom:ou-a');
  });
});
