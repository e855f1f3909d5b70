// The security headers every response carries. Pages get a Content-Security-Policy with a per-request nonce from
// proxy.ts; everything else (assets, redirects, errors) gets STATIC_CSP, which lets nothing run or embed it.
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export const STATIC_CSP = "default-src 'none'; frame-ancestors 'none'";
