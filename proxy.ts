// Runs before every page, route and server action: refuses what must never reach them (an undecodable path,
// a cross-site request, an oversized or undecodable body) with a plain 4xx instead of Next's 500, sets the
// Content-Security-Policy with a fresh nonce, and sends signed-out browsers to /signin (a convenience only:
// every page, action and route handler checks on the server).
import { NextResponse, type NextRequest } from 'next/server';
import { decode } from 'next-auth/jwt';
import { recordAudit } from './lib/audit/log';
import { authSecret } from './lib/auth/secret';
import { config as crossingConfig } from './lib/config';
import { log } from './lib/log';
import { clientAddress } from './lib/net/address';
import { isSameOrigin } from './lib/net/origin';
import { actionBodyProblem, bodySizeProblem, isActionRequest, type BodyProblem } from './lib/net/request-body';
import { STATIC_CSP } from './lib/net/security-headers';

const PUBLIC_PATHS = ['/signin', '/api/auth', '/api/health'];
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const SAFE_METHODS = new Set(['GET', 'HEAD']);

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    // React's development build needs eval for its debugging tools; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The signed-in user the session cookie names, for the audit log only (whether the session is still valid does not matter there). */
async function cookieUser(request: NextRequest): Promise<string> {
  for (const name of SESSION_COOKIES) {
    const token = request.cookies.get(name)?.value;
    if (!token) continue;
    const payload = await decode({ token, secret: authSecret(), salt: name }).catch(() => null);
    if (typeof payload?.email === 'string') return payload.email;
  }
  return 'anonymous';
}

function refuse(request: NextRequest, { status, message }: BodyProblem | { status: 403; message: string }): NextResponse {
  log('warn', 'request refused', {
    status,
    reason: message,
    method: request.method,
    path: request.nextUrl.pathname,
    address: clientAddress(request.headers.get('x-forwarded-for'), crossingConfig().trustedProxies),
  });
  // The other security headers come from next.config.ts, as on every response.
  return new NextResponse(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': STATIC_CSP },
  });
}

/** A refusal for what must not reach the app, or undefined. */
async function screen(request: NextRequest): Promise<NextResponse | undefined> {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return refuse(request, { status: 400, message: 'Bad request: the path is not valid percent-encoding.' });
  }
  if (SAFE_METHODS.has(request.method)) return undefined;
  const { trustedProxies, publicOrigin } = crossingConfig();
  if (!isSameOrigin(request.headers, trustedProxies, publicOrigin)) {
    const message = 'Cross-site request refused: changes are only accepted from pages of this console.';
    await recordAudit({
      actor: await cookieUser(request),
      role: '-',
      action: 'cross-site request',
      parameters: { method: request.method, path: request.nextUrl.pathname.slice(0, 200), origin: request.headers.get('origin')?.slice(0, 200) ?? '(none)' },
      outcome: 'denied',
      error: message,
    });
    return refuse(request, { status: 403, message });
  }
  const problem = bodySizeProblem(request.headers) ?? (isActionRequest(request) ? await actionBodyProblem(request.clone()) : undefined);
  return problem && refuse(request, problem);
}

export async function proxy(request: NextRequest) {
  const refusal = await screen(request);
  if (refusal) return refusal;
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  let response: NextResponse;
  if (!isPublic && !hasSession && request.method === 'GET') {
    const url = new URL('/signin', request.url);
    if (pathname !== '/') url.searchParams.set('callbackUrl', `${pathname}${search}`);
    response = NextResponse.redirect(url);
  } else {
    const headers = new Headers(request.headers);
    headers.set('x-nonce', nonce);
    headers.set('Content-Security-Policy', csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
