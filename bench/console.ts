// For benchmarks: the built console and its sandbox started as `npm start` starts them, on free ports with a
// fresh data dir, and a signed-in admin's cookie (through the real sign-in page, in Debian's Chromium).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync } from 'node:fs';
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
      // BENCH_CONSOLE_LOG names a file for the console's output (why it stopped answering, when it does).
      const output = process.env.BENCH_CONSOLE_LOG ? openSync(process.env.BENCH_CONSOLE_LOG, 'a') : 'ignore';
      const started = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/start.ts'], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', output, output] });
      started.once('exit', (code, signal) => code !== 0 && signal !== 'SIGTERM' && console.error(`  (the console exited: ${signal ?? `code ${code}`})`));
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

// Both seeds' management account.
const MANAGEMENT = '100000000001';

/** Every console page with a fixed URL on the demo and large seeds. */
export const FIXED_PAGES = [
  '/',
  '/organization',
  '/organization/policies/p-FullAWSAccess',
  `/accounts/${MANAGEMENT}`,
  '/shares',
  '/shares/received',
  '/shares/new',
  '/shares/modify',
  '/shares/permissions',
  '/invitations',
  '/invitations/history',
  '/roles',
  '/roles/new',
  '/access',
  '/access/move',
  '/requests',
  '/requests/deliveries',
  '/plans',
  '/audit',
  '/settings',
];

/** The pages of one share, role and plan, found by following a list page's first such link (none when the list is empty). */
export async function linkedPages(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const [from, pattern] of [
    ['/shares', /^\/shares\/[a-z]{2}(-[a-z]+)+-\d\/[^/?]+$/],
    ['/roles?member=show', /^\/roles\/\d{12}\/[^/?]+$/],
    ['/plans', /^\/plans\/p-[0-9a-f]+$/],
  ] as const) {
    // A first read may take a moment to show its first rows.
    let href: string | undefined;
    for (let tries = 0; tries < 5 && !href; tries++) {
      await page.goto(from);
      const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      href = hrefs.find((h) => pattern.test(h));
      if (!href) await page.waitForTimeout(1000);
    }
    if (href) found.push(href);
    else console.log(`  (no link like ${pattern} on ${from} yet: that page is not measured)`);
  }
  return found;
}

/** Every console page's URL. */
export async function consolePages(page: Page): Promise<string[]> {
  return [...FIXED_PAGES, ...(await linkedPages(page))];
}

const percentileOf = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
export const median = (xs: number[]) => percentileOf([...xs].sort((a, b) => a - b), 50);

export interface LoadFigures {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  failures: Map<string, number>;
}

const REQUEST_LIMIT_MS = 60_000;

/** `clients` signed-in clients requesting `url` for `seconds` (keep-alive, one request at a time each). */
export async function loadUnder(url: string, cookie: string, clients: number, seconds: number): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  const failures = new Map<string, number>();
  const failed = (what: string) => {
    errors++;
    failures.set(what, (failures.get(what) ?? 0) + 1);
  };
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const start = performance.now();
        try {
          // A page that never answers counts as an error instead of holding the benchmark.
          const response = await fetch(url, { headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_LIMIT_MS) });
          await response.arrayBuffer();
          if (response.status !== 200) failed(`HTTP ${response.status}`);
        } catch (error) {
          failed((error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : String(error));
        }
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / seconds, p50: percentileOf(latencies, 50), p95: percentileOf(latencies, 95), p99: percentileOf(latencies, 99), errors, failures };
}

export interface PageTiming {
  /** The shell or a skeleton painted: first contentful paint (by URL), the skeleton or the new page (by navigation). */
  firstContent: number;
  /** The page's own content there, no loading placeholder left. */
  complete: number;
}

const LOADING = '[data-testid="page-loading"]';

/** Opens `url` in the page as a full load; `complete` is NaN when it took longer than `limitMs`. */
export async function timeByUrl(page: Page, url: string, limitMs = 180_000): Promise<PageTiming> {
  const done = page
    .goto(url, { waitUntil: 'load', timeout: limitMs })
    .then(() => page.locator(LOADING).waitFor({ state: 'detached', timeout: limitMs }))
    .then(() => page.evaluate(() => performance.now()), () => NaN);
  const complete = await done;
  // A fast page can finish loading before its first paint is recorded: wait for the entry (buffered), up to 5 s.
  // A string, not a function: tsx's transform would name the inner functions with a helper the page lacks.
  const script = `new Promise((resolve) => {
    new PerformanceObserver((list) => {
      const paint = list.getEntriesByName('first-contentful-paint')[0];
      if (paint) resolve(paint.startTime);
    }).observe({ type: 'paint', buffered: true });
    setTimeout(() => resolve(NaN), 5000);
  })`;
  const firstContent = await page.evaluate<number>(script).catch(() => NaN);
  return { firstContent, complete };
}

/** Reaches `href` by clicking its entry in the main navigation (the page must show the navigation); `complete` is NaN past `limitMs`. */
export async function timeByNavigation(page: Page, href: string, limitMs = 180_000): Promise<PageTiming> {
  const link = page.getByRole('navigation', { name: 'Main' }).locator(`a[href="${href}"]`);
  await link.waitFor();
  // Measured in the page: from the click to the first frame showing the skeleton or the new page, and to the
  // frame where the new page's content stands without a placeholder.
  // A string, not a function: tsx's transform would name the inner functions with a helper the page lacks.
  const script = `new Promise((resolve) => {
    const href = ${JSON.stringify(href)}, loading = ${JSON.stringify(LOADING)}, limitMs = ${limitMs};
    const before = document.querySelector('main')?.innerHTML;
    const start = performance.now();
    let firstContent = NaN;
    const frame = () => {
      const arrived = location.pathname === href && document.querySelector('main')?.innerHTML !== before;
      const placeholder = !!document.querySelector(loading);
      if (Number.isNaN(firstContent) && (placeholder || arrived)) firstContent = performance.now() - start;
      if (arrived && !placeholder) resolve({ firstContent, complete: performance.now() - start });
      else if (performance.now() - start > limitMs) resolve({ firstContent, complete: NaN });
      else requestAnimationFrame(frame);
    };
    document.querySelector('nav[aria-label="Main"] a[href="' + href + '"]').click();
    requestAnimationFrame(frame);
  })`;
  const timing = page.evaluate<PageTiming>(script);
  return timing;
}
