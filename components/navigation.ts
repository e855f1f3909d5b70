// The console's navigation: one list, only pages that exist. Pages add themselves here.
export interface NavigationEntry {
  href: string;
  label: string;
}

export const navigation: NavigationEntry[] = [
  { href: '/', label: 'Dashboard' },
  { href: '/organization', label: 'Organization' },
  { href: '/shares', label: 'Resource shares' },
  { href: '/shares/new', label: 'Create resource share' },
  { href: '/shares/permissions', label: 'Managed permissions' },
  { href: '/invitations', label: 'Invitations' },
  { href: '/roles', label: 'Cross-account access' },
  { href: '/access', label: 'Who can reach what' },
  { href: '/requests', label: 'Access requests' },
  { href: '/plans', label: 'Plans' },
  { href: '/audit', label: 'Audit log' },
  { href: '/settings', label: 'Settings' },
];
