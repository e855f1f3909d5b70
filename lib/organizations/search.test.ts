// Protects the tree's search: accounts by name, ID or email and OUs by name, each hit with its full path, over a whole organization.
import { describe, expect, it } from 'vitest';
import { searchOrganization } from './search';
import type { OrgNode, OrganizationSnapshot } from './types';

/** A synthetic organization: root → 10 OUs → 10 OUs each ("Prod" everywhere) → 100 accounts each. */
function bigSnapshot(): OrganizationSnapshot {
  const nodes: Record<string, OrgNode> = {};
  const root: OrgNode = { id: 'r-ab12', type: 'ROOT', name: 'Root', arn: 'arn:root', depth: 0, childIds: [], childrenLoaded: true };
  nodes[root.id] = root;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    const bu: OrgNode = { id: `ou-ab12-bu${String(i).padStart(6, '0')}`, type: 'ORGANIZATIONAL_UNIT', name: `Unit ${i}`, arn: '', parentId: root.id, depth: 1, childIds: [], childrenLoaded: true };
    nodes[bu.id] = bu;
    root.childIds!.push(bu.id);
    for (let j = 0; j < 10; j++) {
      const env: OrgNode = { id: `ou-ab12-en${i}${String(j).padStart(5, '0')}`, type: 'ORGANIZATIONAL_UNIT', name: j === 0 ? 'Prod' : `Env ${j}`, arn: '', parentId: bu.id, depth: 2, childIds: [], childrenLoaded: true };
      nodes[env.id] = env;
      bu.childIds!.push(env.id);
      for (let k = 0; k < 100; k++, n++) {
        const id = String(600000000000 + n);
        nodes[id] = { id, type: 'ACCOUNT', name: `team-${n}`, arn: '', parentId: env.id, depth: 3, email: `aws+team-${n}@example.com`, status: 'ACTIVE' };
        env.childIds!.push(id);
      }
    }
  }
  return { key: 'k', organization: { id: 'o-x', arn: '', featureSet: 'ALL', managementAccountId: '1' }, rootId: root.id, nodes, complete: true, fetchedAt: 0, calls: 0, throttled: 0 };
}

describe('organization search', () => {
  const snapshot = bigSnapshot();

  it('finds an account by exact name first, with its full path', () => {
    const { hits, total } = searchOrganization(snapshot, 'team-4242');
    expect(total).toBe(1);
    expect(hits[0]).toMatchObject({ id: '600000004242', pathNames: ['Root', 'Unit 4', 'Env 2'] });
    expect(hits[0].pathIds).toEqual(['r-ab12', 'ou-ab12-bu000004', 'ou-ab12-en400002']);
  });

  it('finds accounts by ID and by email, case-insensitively', () => {
    expect(searchOrganization(snapshot, '600000000007').hits[0].name).toBe('team-7');
    expect(searchOrganization(snapshot, 'AWS+TEAM-99@').hits.map((h) => h.name)).toEqual(['team-99']);
  });

  it('finds OUs by name and tells equal names apart by path', () => {
    const { hits, total } = searchOrganization(snapshot, 'prod');
    expect(total).toBe(10);
    expect(new Set(hits.map((h) => h.pathNames.join(' / '))).size).toBe(10);
    expect(hits.every((h) => h.type === 'ORGANIZATIONAL_UNIT')).toBe(true);
  });

  it('requires every term, caps the hits and reports the total', () => {
    const { hits, total } = searchOrganization(snapshot, 'team example.com', 50);
    expect(total).toBe(10_000);
    expect(hits).toHaveLength(50);
    expect(searchOrganization(snapshot, 'team-1 nothing-like-this').total).toBe(0);
    expect(searchOrganization(snapshot, '   ').total).toBe(0);
  });
});
