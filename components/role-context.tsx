'use client';
// The signed-in user's role for client components that word themselves for it (a viewer's Plan buttons make
// plans to show an admin). Display only: every action checks the role on the server.
import { createContext, useContext, type ReactNode } from 'react';
import type { Role } from '@/lib/auth/roles';

const RoleContext = createContext<Role>('viewer');

export function RoleProvider({ role, children }: { role: Role; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

export const useRole = () => useContext(RoleContext);
