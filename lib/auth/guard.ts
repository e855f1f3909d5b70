// Server-side checks every page, server action and route handler runs (proxy.ts only redirects for convenience).
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { auth } from './next-auth';
import { isRole, type SignedInUser } from './roles';
import { credentialVersion, findUser } from './users';

export type { SignedInUser } from './roles';

/**
 * The signed-in user, or undefined. Sessions that were signed out, are past their lifetime or idle for too long
 * do not count (auth.ts asks lib/auth/sessions.ts). Users of the users file get their current role; removing them
 * or changing their password signs them out. Once per request: the layout and the page both ask.
 */
export const currentUser = cache(async (): Promise<SignedInUser | undefined> => {
  const session = await auth();
  const user = session?.user as { email?: string; name?: string; role?: unknown; provider?: string; credentialVersion?: string; groups?: unknown } | undefined;
  if (!user?.email || !isRole(user.role)) return undefined;
  if (user.provider === 'credentials') {
    const stored = findUser(user.email);
    if (!stored || user.credentialVersion !== credentialVersion(stored)) return undefined;
    return { email: stored.email, name: stored.name, role: stored.role };
  }
  const groups = Array.isArray(user.groups) ? user.groups.map(String) : [];
  return { email: user.email, name: user.name ?? user.email, role: user.role, groups };
});

/** For pages: the signed-in user, or a redirect to /signin. */
export async function requireUser(): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect('/signin');
  return user;
}

export const NOT_ALLOWED = 'Not allowed: your role may look but not change anything. Ask an admin, or submit the plan as a request.';

export type AdminCheck =
  | { ok: true; user: SignedInUser }
  | { ok: false; error: string; status: 401 }
  /** Signed in, but not an admin: `user` is who tried (for the audit log). */
  | { ok: false; error: string; status: 403; user: SignedInUser };

/** For server actions and route handlers: the admin user, or a typed refusal the UI shows. Changes nothing. */
export async function requireAdmin(): Promise<AdminCheck> {
  const user = await currentUser();
  if (!user) return { ok: false, error: 'Not signed in: sign in again.', status: 401 };
  if (user.role !== 'admin') return { ok: false, error: NOT_ALLOWED, status: 403, user };
  return { ok: true, user };
}
