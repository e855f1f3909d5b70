// `npm run bench:load`: the console under load, as many admins reading at once. Starts the built console on the
// demo seed, signs an admin in through the sign-in page in Chromium, then keeps 20 clients requesting each page
// for 30 s (keep-alive, one request at a time each) and prints requests/s and p50/p95/p99 per page.
// Target: every page's p95 within 2× the audit page's (a page that makes no AWS call), and 0 errors.
import { chromium } from '@playwright/test';
import { benchConsole, CHROMIUM_ARGS, signedInAdminPage } from './console';
import { loadPage, type LoadResult } from './requests';

const CLIENTS = Number(process.env.BENCH_CLIENTS || 20);
const SECONDS = Number(process.env.BENCH_SECONDS || 30);
const PAGES = ['/audit', '/', '/organization', '/settings'];

async function main() {
  const target = await benchConsole('demo', { SANDBOX_THROTTLE: 'off' });
  await target.start();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await signedInAdminPage(browser, target.baseURL, '/');
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    console.log(`${CLIENTS} concurrent signed-in clients, ${SECONDS} s per page, demo seed\n`);
    console.log('page            req/s    p50 ms   p95 ms   p99 ms   errors');
    const results: Record<string, LoadResult> = {};
    for (const path of PAGES) {
      await fetch(`${target.baseURL}${path}`, { headers: { cookie } }); // the route's modules load on its first request
      const r = (results[path] = await loadPage(`${target.baseURL}${path}`, cookie, { clients: CLIENTS, seconds: SECONDS }));
      console.log(`${path.padEnd(14)} ${r.perSecond.toFixed(1).padStart(6)} ${r.p50.toFixed(0).padStart(8)} ${r.p95.toFixed(0).padStart(8)} ${r.p99.toFixed(0).padStart(8)} ${String(r.errors).padStart(8)}`);
    }
    const floor = results['/audit'].p95;
    console.log(`\ntarget: every p95 ≤ 2 × the audit page's (${(2 * floor).toFixed(0)} ms) and 0 errors`);
    for (const path of PAGES) {
      const r = results[path];
      console.log(`  ${path.padEnd(14)} ${r.p95 <= 2 * floor && r.errors === 0 ? 'met' : 'NOT met'} (p95 ${(r.p95 / floor).toFixed(2)}×, ${r.errors} errors)`);
    }
  } finally {
    await browser.close();
    await target.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
