// The tree's visible rows (what the virtualized list renders) and the WAI-ARIA tree keyboard moves,
// as pure functions of the loaded nodes and the expanded set. No React: unit-tested here.
import type { OrgNode } from './types';

export interface TreeRow {
  id: string;
  /** aria-level: 1 for the top row. */
  level: number;
  setSize: number;
  posInSet: number;
  parentId?: string;
  expandable: boolean;
  expanded: boolean;
}

type NodeLike = Pick<OrgNode, 'id' | 'type' | 'name' | 'childrenLoaded' | 'ouCount' | 'accountCount'>;

export function isExpandable(node: NodeLike): boolean {
  if (node.type === 'ACCOUNT') return false;
  return node.childrenLoaded ? (node.ouCount ?? 0) + (node.accountCount ?? 0) > 0 : true;
}

/**
 * Depth-first rows under `topIds` through expanded nodes whose children are loaded (`children`).
 * An expanded node whose children are not loaded yet shows as expanded with no rows below.
 */
export function visibleRows(
  topIds: string[],
  nodes: Record<string, NodeLike>,
  children: Record<string, string[] | undefined>,
  expanded: ReadonlySet<string>,
): TreeRow[] {
  const rows: TreeRow[] = [];
  const visit = (ids: string[], level: number, parentId: string | undefined) => {
    ids.forEach((id, i) => {
      const node = nodes[id];
      if (!node) return;
      const expandable = isExpandable(node);
      const open = expandable && expanded.has(id);
      rows.push({ id, level, setSize: ids.length, posInSet: i + 1, parentId, expandable, expanded: open });
      const kids = open ? children[id] : undefined;
      if (kids) visit(kids, level + 1, id);
    });
  };
  visit(topIds, 1, undefined);
  return rows;
}

/** Index of the row that the next printable keys typed (type-ahead) land on, searching after `from` and wrapping. */
export function typeAheadIndex(rows: TreeRow[], nodes: Record<string, NodeLike>, from: number, prefix: string): number {
  const p = prefix.toLowerCase();
  for (let k = 1; k <= rows.length; k++) {
    const i = (from + k) % rows.length;
    if (nodes[rows[i].id]?.name.toLowerCase().startsWith(p)) return i;
  }
  return -1;
}
