import type { NextConfig } from 'next';
import { BODY_SIZE_LIMIT_BYTES } from './lib/net/request-body';
import { SECURITY_HEADERS, STATIC_CSP } from './lib/net/security-headers';

// Headers for every response Next.js answers through its routing; the Content-Security-Policy of pages (with a
// per-request nonce) comes from proxy.ts, and scripts/serve.ts adds these to responses Next sends before routing
// (a trailing-slash redirect, an early error).
const securityHeaders = Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
const staticPolicy = [{ key: 'Content-Security-Policy', value: STATIC_CSP }];

const nextConfig: NextConfig = {
  // Two builds can coexist (e.g. one per engineer or per test run).
  distDir: process.env.CROSSING_NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', 'pg', '@cloud-copilot/iam-simulate'],
  // The build checks the app's own code; the sandbox, tests and scripts are checked by `npm run typecheck`.
  typescript: { tsconfigPath: 'tsconfig.next.json' },
  experimental: { serverActions: { bodySizeLimit: BODY_SIZE_LIMIT_BYTES } },
  // No page uses next/image; the optimizer would fetch /screenshots/… without the visitor's cookie, get the
  // sign-in redirect and answer 500. Off, /_next/image answers 404.
  images: { unoptimized: true },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // What proxy.ts skips (its matcher) gets a CSP that allows nothing to embed or run from it.
      ...['/_next/static/:path*', '/_next/image', '/favicon.ico'].map((source) => ({ source, headers: staticPolicy })),
    ];
  },
};

export default nextConfig;
