// Two roles: admins may change things, viewers may only look.
export const ROLES = ['admin', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface SignedInUser {
  email: string;
  name: string;
  role: Role;
}
