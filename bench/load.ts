// `npm run bench:load`: every console page under load and in Chromium, on the demo seed and on the `large` seed
// (10,000 accounts; throttling off, so the figures are the console's own cost). For each seed: starts the built
// console, signs an admin in through the sign-in page, opens every page by URL (a full load) and every page of
// the navigation by clicking it (in-app navigation), then keeps 20 clients requesting each page for 10 s
// (keep-alive, one request at a time each): requests/s and p50/p95/p99.
// Targets: every page's p95 ≤ 2× the audit page's (a page that makes no AWS call) and 0 errors; reaching a page
// by the navigation takes no longer than loading it (median of 3, within 1.2× or 50 ms). Exit status 1 when one
// is missed. Options (environment): BENCH_SEEDS (demo,large), BENCH_CLIENTS (20), BENCH_SECONDS (10).
import { chromium, type Page } from '@playwright/test';
import { navigation } from '../components/navigation';
import { benchConsole, CHROMIUM_ARGS, consolePages, loadUnder, median, signedInAdminPage, timeByNavigation, timeByUrl } from './console';
import { targetReport } from './report';

const CLIENTS = Number(process.env.BENCH_CLIENTS || 20);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const SEEDS = (process.env.BENCH_SEEDS || 'demo,large').split(',');
const RUNS = 3;

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Median full load and median in-app navigation (from the audit page, or the dashboard for the audit page) of each page. */
async function browse(seed: string, page: Page, pages: string[], report: ReturnType<typeof targetReport>['report']) {
  for (const url of pages) await timeByUrl(page, url); // every route's modules loaded once
  const full = new Map<string, number>();
  for (const url of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push((await timeByUrl(page, url)).complete);
    full.set(url, median(runs));
  }
  for (const { href } of navigation) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      await timeByUrl(page, href === '/audit' ? '/' : '/audit');
      runs.push((await timeByNavigation(page, href)).complete);
    }
    const byUrl = full.get(href)!;
    const byNav = median(runs);
    report(`${seed}: ${href} by the navigation vs by URL`, `${ms(byNav)} vs ${ms(byUrl)}`, '≤ 1.2× or +50 ms', byNav <= Math.max(byUrl * 1.2, byUrl + 50));
  }
  for (const url of pages) if (!navigation.some((n) => n.href === url)) report(`${seed}: ${url} by URL`, ms(full.get(url)!), '');
}

async function main() {
  const { report, summary } = targetReport();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    for (const seed of SEEDS) {
      const target = await benchConsole(seed, { SANDBOX_THROTTLE: 'off' });
      const started = performance.now();
      await target.start();
      try {
        const page = await signedInAdminPage(browser, target.baseURL, '/');
        console.log(`\n${seed} seed (console up in ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
        const pages = await consolePages(page);
        await browse(seed, page, pages, report);
        const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
        console.log(`\n${CLIENTS} concurrent signed-in clients, ${SECONDS} s per page`);
        console.log('page                                        req/s    p50 ms   p95 ms   p99 ms   errors');
        const figures = new Map<string, Awaited<ReturnType<typeof loadUnder>>>();
        for (const url of ['/audit', ...pages.filter((p) => p !== '/audit')]) {
          const r = await loadUnder(`${target.baseURL}${url}`, cookie, CLIENTS, SECONDS);
          figures.set(url, r);
          console.log(
            `${url.slice(0, 42).padEnd(42)} ${r.perSecond.toFixed(1).padStart(6)} ${r.p50.toFixed(0).padStart(8)} ${r.p95.toFixed(0).padStart(8)} ${r.p99.toFixed(0).padStart(8)} ${String(r.errors).padStart(8)}${r.errors ? `  (${[...r.failures].map(([what, n]) => `${n}× ${what}`).join(', ')})` : ''}`,
          );
        }
        const floor = figures.get('/audit')!.p95;
        for (const [url, r] of figures) report(`${seed}: ${url} p95 under ${CLIENTS} clients`, `${ms(r.p95)} (${(r.p95 / floor).toFixed(2)}× the audit page's), ${r.errors} errors`, `≤ ${ms(2 * floor)}, 0 errors`, r.p95 <= 2 * floor && r.errors === 0);
      } finally {
        await target.stop();
      }
    }
  } finally {
    await browser.close();
  }
  process.exit(summary() ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
