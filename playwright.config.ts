// End-to-end tests in Debian's Chromium against the built console, a sandbox and an OpenID Connect provider,
// all started here on the ports `npm test` chose (scripts/test.ts), or on fixed defaults when run directly with
// `npx playwright test`.
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 3100);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT || 4610);
const oidcPort = Number(process.env.E2E_OIDC_PORT || 4620);
// The access requests' webhook receiver, started by e2e/requests.spec.ts on loopback.
const webhookPort = Number(process.env.E2E_WEBHOOK_PORT || 4630);
process.env.E2E_WEBHOOK_PORT = String(webhookPort);
const dataDir = process.env.E2E_DATA_DIR || path.join(os.tmpdir(), `crossing-e2e-${port}`);
const consoleUrl = `http://127.0.0.1:${port}`;
process.env.E2E_SANDBOX_URL = `http://127.0.0.1:${sandboxPort}`;
// The console signs in through a real OpenID Connect provider too (e2e/oidc-provider.ts, e2e/oidc.spec.ts).
const oidc = {
  AUTH_OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
  AUTH_OIDC_CLIENT_ID: 'crossing-e2e',
  AUTH_OIDC_CLIENT_SECRET: 'e2e-only-oidc-client-secret-0123456789',
  AUTH_OIDC_NAME: 'Test IdP',
  AUTH_OIDC_ADMIN_GROUPS: 'crossing-admins',
  AUTH_OIDC_VIEWER_GROUPS: 'crossing-viewers',
  AUTH_OIDC_REQUESTER_GROUPS: 'crossing-requesters',
};

// The console's settings, also for a spec that starts a second instance of it (e2e/instances.spec.ts).
const consoleServerEnv = {
  CROSSING_MODE: 'sandbox',
  PORT: String(port),
  SANDBOX_PORT: String(sandboxPort),
  SANDBOX_THROTTLE: 'off',
  CROSSING_DATA_DIR: dataDir,
  CROSSING_REGIONS: 'us-east-1,eu-west-1',
  AUTH_SECRET: 'e2e-only-secret-not-used-anywhere-else-0123456789',
  CROSSING_WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/hook`,
  ...oidc,
};
process.env.E2E_CONSOLE_ENV = JSON.stringify(consoleServerEnv);

export default defineConfig({
  testDir: 'e2e',
  // One sandbox serves every test, and some tests reset it: run them one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: consoleUrl,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: 'npx tsx e2e/oidc-provider.ts',
      url: `${oidc.AUTH_OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { ...oidc, E2E_OIDC_ISSUER: oidc.AUTH_OIDC_ISSUER, E2E_CONSOLE_URL: consoleUrl },
    },
    {
      command: 'npx tsx scripts/start.ts',
      url: `${consoleUrl}/signin`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: consoleServerEnv,
    },
  ],
});
