// Public surface of the organization data layer (no React). Console pages use snapshot-source.ts on top.
export * from './types';
export { startOrganizationCrawl, crawlOrganization, minimumCrawlCalls, MAX_PAGE_SIZE, type CrawlOptions, type OrganizationCrawl } from './crawl';
export {
  getOrganizationSnapshot,
  refreshOrganizationSnapshot,
  ensureChildren,
  completeSnapshot,
  applyAccountMoved,
  forgetOrganizationSnapshots,
  type SnapshotSource,
  type SnapshotStatus,
  type AccountMove,
} from './cache';
export { searchOrganization, buildSearchIndex, type SearchResult } from './search';
export { nodeView, childViews, ancestorsOf, fullPath } from './view';
export { listServiceControlPolicies, viewPolicy, type PolicyDocument } from './policies';
