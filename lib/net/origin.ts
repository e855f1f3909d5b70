// The console's own origin, and whether a request comes from it. Browsers send Origin with every POST: one
// from another site is a cross-site request forgery, whatever cookies ride along.
import { fromTrustedProxy, type TrustedProxies } from './address';

const first = (value: string | null) => value?.split(',')[0]?.trim() || undefined;

/**
 * Where the console is reached, as scheme and host: AUTH_URL's origin when set; else the Host header (or
 * X-Forwarded-Host and -Proto when a trusted proxy sent them, never a client's own), scheme unknown.
 */
export function consoleHost(headers: Headers, trusted: TrustedProxies, publicOrigin?: string): { protocol?: string; host?: string } {
  if (publicOrigin) {
    const url = new URL(publicOrigin);
    return { protocol: url.protocol, host: url.host };
  }
  if (fromTrustedProxy(headers.get('x-forwarded-for'), trusted)) {
    const proto = first(headers.get('x-forwarded-proto'));
    return { protocol: proto && `${proto}:`, host: first(headers.get('x-forwarded-host')) ?? first(headers.get('host')) };
  }
  return { host: first(headers.get('host')) };
}

/**
 * Whether the request's Origin is the console's own. Without AUTH_URL or a trusted proxy telling the scheme, the
 * hosts are compared (as Next.js does): a TLS proxy in front of the console leaves Host alone but not the scheme.
 */
export function isSameOrigin(headers: Headers, trusted: TrustedProxies, publicOrigin?: string): boolean {
  const origin = headers.get('origin');
  let url: URL;
  try {
    url = new URL(origin ?? '');
  } catch {
    return false; // none, "null" (a sandboxed frame, a redirect across sites) or junk
  }
  const own = consoleHost(headers, trusted, publicOrigin);
  if (!own.host) return false;
  let ownUrl: URL;
  try {
    // Through URL, so "example.com:443" and "example.com" are the same host for https.
    ownUrl = new URL(`${own.protocol ?? url.protocol}//${own.host}`);
  } catch {
    return false;
  }
  return url.origin === ownUrl.origin;
}
