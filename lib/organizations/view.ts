// Nodes as the tree and the details panel show them: with the path from the root.
import type { OrgNode, OrgNodeView, OrganizationSnapshot } from './types';

type Nodes = Pick<OrganizationSnapshot, 'nodes'>;

/** The node's ancestors, root first. */
export function ancestorsOf(snapshot: Nodes, id: string): OrgNode[] {
  const out: OrgNode[] = [];
  for (let n = snapshot.nodes[snapshot.nodes[id]?.parentId ?? '']; n; n = snapshot.nodes[n.parentId ?? '']) out.unshift(n);
  return out;
}

function view(node: OrgNode, pathNames: string[], pathIds: string[]): OrgNodeView {
  const { childIds: _children, ...rest } = node;
  return { ...rest, pathNames, pathIds };
}

export function nodeView(snapshot: Nodes, id: string): OrgNodeView | undefined {
  const node = snapshot.nodes[id];
  if (!node) return undefined;
  const ancestors = ancestorsOf(snapshot, id);
  return view(node, ancestors.map((a) => a.name), ancestors.map((a) => a.id));
}

/** "Root / Workloads / Prod": the full path of a node, itself included. */
export function fullPath(view: Pick<OrgNodeView, 'pathNames' | 'name'>): string {
  return [...view.pathNames, view.name].join(' / ');
}

/** A parent's children in tree order (OUs first), or undefined while they are not listed yet. */
export function childViews(snapshot: Nodes, parentId: string): OrgNodeView[] | undefined {
  const parent = snapshot.nodes[parentId];
  if (!parent?.childrenLoaded) return undefined;
  const ancestors = [...ancestorsOf(snapshot, parentId), parent];
  const pathNames = ancestors.map((a) => a.name);
  const pathIds = ancestors.map((a) => a.id);
  return (parent.childIds ?? []).map((id) => view(snapshot.nodes[id], pathNames, pathIds));
}
