// Where a user lands after signing in: the callback resolved as a URL against the console's own origin, kept
// only when it stays on that origin, and then only as a path. Anything else (another host, port or scheme,
// "//host", "/\host", "/..//host", encoded or with tabs and line breaks) lands on "/".

// Without AUTH_URL the console's origin is not known here; a base no callback can share keeps only paths.
const FALLBACK_ORIGIN = 'http://console.invalid';

export function callbackPath(callbackUrl: string | undefined, publicOrigin: string | undefined): string {
  if (!callbackUrl) return '/';
  const origin = publicOrigin ?? FALLBACK_ORIGIN;
  let url: URL;
  try {
    url = new URL(callbackUrl, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/..//host" resolves to the path "//host", which a browser reads as another host.
  return /^\/(?![/\\])/.test(path) ? path : '/';
}
