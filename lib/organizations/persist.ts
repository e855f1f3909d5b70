// The snapshot's form in the data directory: one row per node in tree order, with what can be
// derived (ARNs of the usual form, depth, child lists and counts) left out. A third of the JSON,
// so a restart parses it quickly.
import type { OrgNode, OrgNodeType, OrganizationSnapshot } from './types';

const TYPES: OrgNodeType[] = ['ROOT', 'ORGANIZATIONAL_UNIT', 'ACCOUNT'];
const ARN_KIND: Record<OrgNodeType, string> = { ROOT: 'root', ORGANIZATIONAL_UNIT: 'ou', ACCOUNT: 'account' };

/** [id, type index, name, parent row (-1: none), email, status, joinedTimestamp, joinedMethod, arn when not the usual one] */
type Row = [string, number, string, number, string | null, string | null, string | null, string | null, string | null];

export interface PersistedSnapshot extends Omit<OrganizationSnapshot, 'nodes'> {
  format: 2;
  rows: Row[];
}

function arnPrefix(snapshot: Pick<OrganizationSnapshot, 'organization'>): string {
  // arn:PARTITION:organizations::MANAGEMENT:organization/o-... → arn:PARTITION:organizations::MANAGEMENT:
  const arn = snapshot.organization.arn;
  const at = arn.indexOf(':organization/');
  return at > 0 ? arn.slice(0, at + 1) : '';
}

const usualArn = (prefix: string, orgId: string, node: Pick<OrgNode, 'type' | 'id'>) => (prefix ? `${prefix}${ARN_KIND[node.type]}/${orgId}/${node.id}` : '');

/** A complete snapshot in its persisted form. */
export function encodeSnapshot(snapshot: OrganizationSnapshot): PersistedSnapshot {
  const { nodes, ...rest } = snapshot;
  const prefix = arnPrefix(snapshot);
  const rows: Row[] = [];
  const visit = (id: string, parentRow: number) => {
    const n = nodes[id];
    if (!n) return;
    const row = rows.length;
    rows.push([
      n.id,
      TYPES.indexOf(n.type),
      n.name,
      parentRow,
      n.email ?? null,
      n.status ?? null,
      n.joinedTimestamp ?? null,
      n.joinedMethod ?? null,
      n.arn === usualArn(prefix, snapshot.organization.id, n) ? null : n.arn,
    ]);
    for (const child of n.childIds ?? []) visit(child, row);
  };
  visit(snapshot.rootId, -1);
  return { ...rest, format: 2, rows };
}

export function decodeSnapshot(persisted: PersistedSnapshot): OrganizationSnapshot {
  const { rows, format: _format, ...rest } = persisted;
  const snapshot: OrganizationSnapshot = { ...rest, nodes: {} };
  const prefix = arnPrefix(snapshot);
  const byRow: OrgNode[] = [];
  for (const [id, typeIndex, name, parentRow, email, status, joined, method, arn] of rows) {
    const type = TYPES[typeIndex];
    const parent = parentRow >= 0 ? byRow[parentRow] : undefined;
    const node: OrgNode = { id, type, name, arn: arn ?? usualArn(prefix, snapshot.organization.id, { type, id }), depth: parent ? parent.depth + 1 : 0 };
    if (parent) {
      node.parentId = parent.id;
      parent.childIds!.push(id);
      if (type === 'ACCOUNT') parent.accountCount!++;
      else parent.ouCount!++;
    }
    if (type === 'ACCOUNT') {
      if (email !== null) node.email = email;
      if (status !== null) node.status = status;
      if (joined !== null) node.joinedTimestamp = joined;
      if (method !== null) node.joinedMethod = method;
    } else {
      Object.assign(node, { childIds: [], childrenLoaded: true, ouCount: 0, accountCount: 0 });
    }
    byRow.push(node);
    snapshot.nodes[id] = node;
  }
  return snapshot;
}
