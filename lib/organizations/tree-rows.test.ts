// Protects the tree view's rows and keyboard type-ahead: what is visible, at which aria-level/setsize/posinset.
import { describe, expect, it } from 'vitest';
import { typeAheadIndex, visibleRows } from './tree-rows';
import type { OrgNode } from './types';

const nodes: Record<string, OrgNode> = {
  r: { id: 'r', type: 'ROOT', name: 'Root', arn: '', depth: 0, childIds: ['a', 'b', 'x'], childrenLoaded: true, ouCount: 2, accountCount: 1 },
  a: { id: 'a', type: 'ORGANIZATIONAL_UNIT', name: 'Alpha', arn: '', depth: 1, parentId: 'r', childIds: ['y'], childrenLoaded: true, ouCount: 0, accountCount: 1 },
  b: { id: 'b', type: 'ORGANIZATIONAL_UNIT', name: 'Beta', arn: '', depth: 1, parentId: 'r', childrenLoaded: false },
  x: { id: 'x', type: 'ACCOUNT', name: 'Xeno', arn: '', depth: 1, parentId: 'r' },
  y: { id: 'y', type: 'ACCOUNT', name: 'Yak', arn: '', depth: 2, parentId: 'a' },
};

describe('tree rows', () => {
  it('shows children of expanded, loaded nodes with their ARIA positions', () => {
    const rows = visibleRows(['r'], nodes, { r: ['a', 'b', 'x'], a: ['y'] }, new Set(['r', 'a']));
    expect(rows.map((r) => [r.id, r.level, r.posInSet, r.setSize, r.expandable, r.expanded])).toEqual([
      ['r', 1, 1, 1, true, true],
      ['a', 2, 1, 3, true, true],
      ['y', 3, 1, 1, false, false],
      ['b', 2, 2, 3, true, false],
      ['x', 2, 3, 3, false, false],
    ]);
    expect(rows[2].parentId).toBe('a');
  });

  it('keeps an expanded node whose children are still loading without rows below it', () => {
    const rows = visibleRows(['r'], nodes, { r: ['a', 'b', 'x'] }, new Set(['r', 'b']));
    expect(rows.map((r) => r.id)).toEqual(['r', 'a', 'b', 'x']);
    expect(rows[2].expanded).toBe(true);
  });

  it('type-ahead finds the next row by name prefix and wraps', () => {
    const rows = visibleRows(['r'], nodes, { r: ['a', 'b', 'x'] }, new Set(['r']));
    expect(typeAheadIndex(rows, nodes, 0, 'b')).toBe(2);
    expect(typeAheadIndex(rows, nodes, 2, 'r')).toBe(0);
    expect(typeAheadIndex(rows, nodes, 0, 'zz')).toBe(-1);
  });
});
