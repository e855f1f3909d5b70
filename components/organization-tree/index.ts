export { OrganizationExplorer, type OrganizationExplorerProps } from './OrganizationExplorer';
export { OrganizationTree, rowDomId, type OrganizationTreeProps } from './OrganizationTree';
export { DetailsPanel, type DetailsPanelProps } from './DetailsPanel';
export { SearchBox, type SearchBoxProps } from './SearchBox';
export { useOrganizationTree, type OrganizationTreeState } from './use-organization-tree';
export type * from './types';
