// next-auth's log, in the console's log (lib/log.ts): one line per event with the reason, never the stack of
// next-auth's wrapped errors (some 48 lines for every request with a junk session cookie).
import type { NextAuthConfig } from 'next-auth';
import { errorReason, log } from '../log';

// What a visitor's request causes (a junk or expired cookie, a forged callback): the request is refused, the
// server is fine. See https://errors.authjs.dev for each type.
const CLIENT_ERRORS = new Set(['AccessDenied', 'JWTSessionError', 'SessionTokenError', 'InvalidCheck', 'MissingCSRF', 'InvalidCallbackUrl', 'UnknownAction']);

export const authLogger: NonNullable<NextAuthConfig['logger']> = {
  error(error) {
    const type = (error as { type?: string }).type ?? error.name;
    // A wrong password is not an event for the log: the rate limit counts it.
    if (type === 'CredentialsSignin') return;
    const provider = ((error.cause ?? {}) as { provider?: unknown }).provider;
    log(CLIENT_ERRORS.has(type) ? 'warn' : 'error', 'sign-in or session refused', {
      reason: errorReason(error),
      provider: typeof provider === 'string' ? provider : undefined,
    });
  },
  warn(code) {
    log('warn', 'next-auth warning', { code, help: 'https://warnings.authjs.dev' });
  },
  // next-auth's debug output holds tokens and profiles: never logged.
  debug() {},
};
