import type { NextConfig } from 'next';

// Headers for every response; the Content-Security-Policy (with a per-request nonce) comes from proxy.ts.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

const staticPolicy = [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }];

const nextConfig: NextConfig = {
  // Two builds can coexist (e.g. one per engineer or per test run).
  distDir: process.env.CROSSING_NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', '@cloud-copilot/iam-simulate'],
  // The build checks the app's own code; the sandbox, tests and scripts are checked by `npm run typecheck`.
  typescript: { tsconfigPath: 'tsconfig.next.json' },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // What proxy.ts skips (its matcher) gets a CSP that allows nothing to embed or run from it.
      ...['/_next/static/:path*', '/_next/image', '/favicon.ico'].map((source) => ({ source, headers: staticPolicy })),
    ];
  },
};

export default nextConfig;
