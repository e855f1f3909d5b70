// The organization snapshot: plain JSON (ISO strings, no Maps) so it can be persisted in the data
// directory and handed to client components unchanged.

export type OrgNodeType = 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT';

export interface OrgNode {
  id: string;
  type: OrgNodeType;
  name: string;
  arn: string;
  /** Absent for the root. */
  parentId?: string;
  /** 0 for the root, 1 for its children, ... */
  depth: number;
  /** Accounts only. */
  email?: string;
  /** Accounts only: Status as Organizations reports it (ACTIVE, SUSPENDED, PENDING_CLOSURE). */
  status?: string;
  /** Accounts only: ISO-8601. */
  joinedTimestamp?: string;
  joinedMethod?: string;
  /** Root and OUs: child ids, OUs first, each group in the order Organizations listed them. */
  childIds?: string[];
  /** Root and OUs: whether both child listings completed; until then childIds is partial. */
  childrenLoaded?: boolean;
  /** Root and OUs, once childrenLoaded: direct child counts. */
  ouCount?: number;
  accountCount?: number;
}

export interface OrganizationInfo {
  id: string;
  arn: string;
  featureSet: string;
  managementAccountId: string;
  managementAccountEmail?: string;
}

export interface OrganizationSnapshot {
  /** What the snapshot is of (endpoint, console account, organization): a cache for another key is ignored. */
  key: string;
  organization: OrganizationInfo;
  rootId: string;
  nodes: Record<string, OrgNode>;
  /** True once every parent's children are listed; search needs a complete snapshot. */
  complete: boolean;
  /** Epoch ms when the crawl that produced this snapshot started (its data is at least this old). */
  fetchedAt: number;
  /** Organizations calls the crawl made, throttled attempts excluded. */
  calls: number;
  /** Attempts the SDK retried before the crawl's answers (TooManyRequestsException, on Organizations). */
  throttled: number;
}

/** A node as the tree shows it: the node without its child list (children come per parent) plus its display path. */
export interface OrgNodeView extends Omit<OrgNode, 'childIds'> {
  /** Names from the root to the parent, e.g. ['Root', 'Workloads', 'Prod']. */
  pathNames: string[];
  /** Ids from the root to the parent. */
  pathIds: string[];
}

export interface PolicyRef {
  id: string;
  arn: string;
  name: string;
  description?: string;
  awsManaged: boolean;
}

export type TargetPolicies =
  | { ok: true; policies: PolicyRef[] }
  | { ok: false; reason: 'not-enabled' | 'error'; message: string };

/** What the tree's status line shows about the snapshot in use. */
export interface SnapshotInfo {
  /** Epoch ms when the data was fetched. */
  fetchedAt: number;
  /** Every parent is listed (search covers the whole organization). */
  complete: boolean;
  refreshing: boolean;
  nodeCount: number;
  lastError?: string;
}
