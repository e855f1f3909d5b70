// Sign-in: a credentials provider backed by the users file, and a generic OpenID Connect provider when
// AUTH_OIDC_* is set (its groups claim mapped to roles). Sessions are signed JWT cookies naming a session the
// server records (lib/auth/sessions.ts), so that signing out, the lifetime and the idle timeout end them.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { config } from '../config';
import { log, errorReason } from '../log';
import { clientAddress } from '../net/address';
import { authLogger } from './logger';
import { oidcGroups, oidcRole, verifyIdToken } from './oidc';
import { authSecret } from './secret';
import { isRole, type Role } from './roles';
import { endSession, startSession, continueSession } from './sessions';
import { credentialVersion, verifyPassword } from './users';
import { clearSignInFailures, isSignInLimited, recordSignInFailure } from './rate-limit';

class SignInRateLimited extends CredentialsSignin {
  override code = 'rate_limited';
}

const credentialsInput = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1024) });

/** Where the sign-in page says an OIDC answer was refused because it could not be verified. */
const UNVERIFIED_SIGN_IN = '/signin?error=OAuthCallbackError';

function authConfig(): NextAuthConfig {
  const { oidc, session, trustedProxies } = config();
  return {
    trustHost: true,
    secret: authSecret(),
    // The cookie lives as long as a session may; lib/auth/sessions.ts decides whether it still counts.
    session: { strategy: 'jwt', maxAge: session.maxAgeSeconds },
    pages: { signIn: '/signin', error: '/signin' },
    logger: authLogger,
    providers: [
      Credentials({
        id: 'credentials',
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const input = credentialsInput.safeParse(raw);
          if (!input.success) return null;
          const address = clientAddress(request.headers.get('x-forwarded-for'), trustedProxies);
          // Without a known address, only the per-email limit applies (one shared key would let anyone lock everyone out).
          const keys = [`email:${input.data.email.toLowerCase()}`, ...(address ? [`address:${address}`] : [])];
          if (await isSignInLimited(keys)) throw new SignInRateLimited();
          const user = await verifyPassword(input.data.email, input.data.password);
          if (!user) {
            await recordSignInFailure(keys);
            return null;
          }
          await clearSignInFailures(keys.slice(0, 1));
          return { id: user.email, email: user.email, name: user.name, role: user.role, credentialVersion: credentialVersion(user) };
        },
      }),
      ...(oidc
        ? [
            {
              id: 'oidc',
              name: oidc.name,
              type: 'oidc' as const,
              issuer: oidc.issuer,
              clientId: oidc.clientId,
              clientSecret: oidc.clientSecret,
              authorization: { params: { scope: 'openid email profile' } },
              profile(profile: Record<string, unknown>) {
                // The email names the user in the audit log: one the provider says is unverified is not used.
                const email = profile.email_verified === false ? undefined : profile.email;
                return {
                  id: String(profile.sub),
                  email: String(email ?? profile.sub),
                  name: String(profile.name ?? email ?? profile.sub),
                  role: oidcRole(profile),
                  groups: oidcGroups(profile),
                };
              },
            },
          ]
        : []),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider === 'oidc') {
          try {
            await verifyIdToken(account.id_token);
          } catch (error) {
            log('warn', 'sign-in refused: the ID token is not signed by the provider', { reason: errorReason(error) });
            return UNVERIFIED_SIGN_IN;
          }
        }
        // OIDC users in none of the mapped groups are refused.
        return isRole((user as { role?: unknown }).role);
      },
      async jwt({ token, user, account }) {
        if (user) {
          token.role = (user as { role?: Role }).role;
          token.provider = account?.provider;
          token.groups = (user as { groups?: string[] }).groups;
          token.credentialVersion = (user as { credentialVersion?: string }).credentialVersion;
          // Not `jti`: next-auth gives the JWT a new one every time it re-issues the cookie.
          token.sid = await startSession(user.email!);
          return token;
        }
        // Every later use: the server's record decides (signed out, past its lifetime, idle too long).
        return (await continueSession(token.sid)) ? token : null;
      },
      session({ session, token }) {
        Object.assign(session.user, { role: token.role, provider: token.provider, credentialVersion: token.credentialVersion, groups: token.groups });
        return session;
      },
    },
    events: {
      async signOut(message) {
        if ('token' in message) await endSession(message.token?.sid);
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
