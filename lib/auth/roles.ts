// Three roles: admins may change things; viewers and requesters look, and ask for changes as requests (lib/requests).
export const ROLES = ['admin', 'requester', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface SignedInUser {
  email: string;
  name: string;
  role: Role;
  /** The OIDC groups the user signed in with (approvers per OU); none for users of the users file. */
  groups?: string[];
}
