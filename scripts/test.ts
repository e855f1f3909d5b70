// `npm test`: the lint (the layers and import loops), types, unit and integration tests (vitest, with a throwaway
// PostgreSQL for the store tests), then the end-to-end tests (Playwright in Debian's Chromium against the built
// console and a sandbox, both on free ports). Installs Chromium and PostgreSQL with apt-get when missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../sandbox/testing/free-port';
import { postgresBinDir, startTestPostgres, type TestPostgres } from '../tests/support/postgres-server';
import { ensureBuild, ROOT } from './build-state';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// The SDK's notice about future Node versions, once per test process, drowns the test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  return result.status ?? 1;
}

/** Installs a Debian package with apt-get (as root, or with passwordless sudo) unless `present()` already holds. */
function ensureDebianPackage(name: string, present: () => boolean, hint: string): boolean {
  if (present()) return true;
  console.error(`npm test: ${name} is missing; installing Debian's ${name} with apt-get…`);
  const asRoot = process.getuid?.() === 0;
  const apt = (args: string[]) => (asRoot ? run('apt-get', args) : run('sudo', ['-n', 'apt-get', ...args]));
  if (apt(['install', '-y', '--no-install-recommends', name]) !== 0) {
    apt(['update']);
    apt(['install', '-y', '--no-install-recommends', name]);
  }
  if (present()) return true;
  console.error(`npm test: could not install ${name} (needs root or passwordless sudo, and access to the Debian archive).\n${hint}`);
  return false;
}

const ensureChromium = () =>
  ensureDebianPackage('chromium', () => fs.existsSync(CHROMIUM), `Install it with "apt-get install chromium", or point CHROMIUM_PATH at a Chromium binary.`);

// The plan tests run the AWS CLI commands a plan page shows.
const ensureAwsCli = () =>
  ensureDebianPackage('awscli', () => spawnSync('aws', ['--version'], { stdio: 'ignore' }).status === 0, 'Install it with "apt-get install awscli".');

// The store tests run on PostgreSQL too: a server of our own, unless one is given.
const ensurePostgres = () =>
  ensureDebianPackage(
    'postgresql',
    () => postgresBinDir() !== undefined,
    'Install it with "apt-get install postgresql", or set CROSSING_TEST_POSTGRES_URL to a superuser URL of a running PostgreSQL.',
  );

async function vitest(): Promise<boolean> {
  let postgres: TestPostgres | undefined;
  const env = { ...process.env };
  if (!env.CROSSING_TEST_POSTGRES_URL) {
    if (!ensurePostgres()) return false;
    postgres = await startTestPostgres();
    env.CROSSING_TEST_POSTGRES_URL = postgres.url;
  }
  try {
    return run(path.join(ROOT, 'node_modules/.bin/vitest'), ['run'], env) === 0;
  } finally {
    postgres?.stop();
  }
}

async function main(): Promise<number> {
  const only = process.argv[2];
  let failed = false;
  if (only !== 'e2e') {
    if (!ensureAwsCli()) return 1;
    // The lint holds the layers (eslint.config.mjs); vitest strips types and `next build` checks only the app: the
    // sandbox, tests and benchmarks are checked here.
    failed = run(path.join(ROOT, 'node_modules/.bin/eslint'), ['.']) !== 0;
    if (run(path.join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '-p', '.']) !== 0) failed = true;
    if (!(await vitest())) failed = true;
    if (only === 'unit') return failed ? 1 : 0;
  }
  if (!ensureChromium()) return 1;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CI: process.env.CI ?? '1',
    NEXT_TELEMETRY_DISABLED: '1',
    E2E_PORT: String(await freePort()),
    E2E_SANDBOX_PORT: String(await freePort()),
    E2E_OIDC_PORT: String(await freePort()),
    E2E_WEBHOOK_PORT: String(await freePort()),
    E2E_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-e2e-')),
    CROSSING_SKIP_BUILD: '1',
  };
  // The build happens here, once, so the web server's start-up timeout only covers starting.
  if (!ensureBuild(env)) return 1;
  if (run(path.join(ROOT, 'node_modules/.bin/playwright'), ['test', ...process.argv.slice(only === 'e2e' ? 3 : 2)], env) !== 0) failed = true;
  fs.rmSync(env.E2E_DATA_DIR!, { recursive: true, force: true });
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
