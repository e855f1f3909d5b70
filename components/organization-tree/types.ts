// What the organization tree components receive from the page: data and server actions, never clients.
import type { ActionResult } from '@/lib/server-actions';
import type { OrgNodeView, SnapshotInfo, TargetPolicies } from '@/lib/organizations/types';

export type { ActionResult, SnapshotInfo };

export interface SearchHits {
  hits: OrgNodeView[];
  total: number;
  /** False while the first crawl runs: hits cover only what is listed so far. */
  complete: boolean;
}

/** Server actions the explorer calls (reads only: allowed to viewers). */
export interface OrganizationActions {
  /** Children of each parent, OUs first; parents the snapshot does not know are left out. */
  loadChildren(parentIds: string[]): Promise<ActionResult<Record<string, OrgNodeView[]>>>;
  search(query: string): Promise<ActionResult<SearchHits>>;
  loadPolicies(targetId: string): Promise<ActionResult<TargetPolicies>>;
  refresh(): Promise<ActionResult<SnapshotInfo>>;
  status(): Promise<ActionResult<SnapshotInfo>>;
}

export interface InitialTree {
  root: OrgNodeView;
  /** Parent id → child views already known on the server (at least the root's). */
  children: Record<string, OrgNodeView[]>;
}
