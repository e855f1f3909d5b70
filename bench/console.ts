// For benchmarks: the built console and its sandbox started as `npm start` starts them, on free ports with a
// fresh data dir, and a signed-in admin's cookie (through the real sign-in page, in Debian's Chromium).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, Page } from '@playwright/test';
import { freePort } from '../sandbox/testing/free-port';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BenchConsole {
  baseURL: string;
  dataDir: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** `extraEnv` entries set to undefined are removed from the console's environment. */
export async function benchConsole(seed: string, extraEnv: Record<string, string | undefined> = {}): Promise<BenchConsole> {
  const [port, sandboxPort] = [await freePort(), await freePort()];
  const baseURL = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), `crossing-bench-${seed}-`));
  const env: Record<string, string | undefined> = {
    ...process.env,
    CROSSING_MODE: 'sandbox',
    PORT: String(port),
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_SEED: seed,
    CROSSING_DATA_DIR: dataDir,
    CROSSING_SKIP_BUILD: '1',
    AUTH_SECRET: process.env.AUTH_SECRET || 'bench-only-secret-not-used-anywhere-else-0123456789',
    ...extraEnv,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  let child: ChildProcess | undefined;
  return {
    baseURL,
    dataDir,
    async start() {
      const started = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/start.ts'], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'ignore', 'ignore'] });
      child = started;
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        if (started.exitCode !== null) throw new Error('the console exited while starting');
        if (await fetch(`${baseURL}/signin`, { redirect: 'manual' }).then(() => true, () => false)) return;
        await sleep(200);
      }
      throw new Error('the console did not start within 120 s');
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A page of a new browser context, signed in as the demo admin through the sign-in page. */
export async function signedInAdminPage(browser: Browser, baseURL: string, callbackPath = '/audit'): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByLabel('Email').fill('admin@crossing.local');
  await page.getByLabel('Password').fill('crossing-admin');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('signed-in-user').waitFor();
  return page;
}
