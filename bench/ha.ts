// `npm run bench:ha`: the console's state on SQLite vs PostgreSQL, and two instances behind a proxy. Starts a
// throwaway PostgreSQL and a sandbox (demo seed, no throttling), then, for one console on SQLite, one on
// PostgreSQL and two on PostgreSQL behind a round-robin proxy on loopback, keeps 20 signed-in clients requesting
// each page (keep-alive, one request at a time each) and prints requests/s and p50/p95 per page. Then, on a
// throttled sandbox of 1,000 accounts, counts the Organizations calls a cold organization read makes with one
// instance and with two reading at once against one PostgreSQL.
// Expectation: PostgreSQL within a few percent of SQLite (one session read a request); two instances serve more
// than one only where this machine has a spare core for the second.
// Target (the exit status): two instances make the calls of one for a cold organization read (one builds, the
// other serves what it shares), and no page answers an error.
import { setTimeout as sleep } from 'node:timers/promises';
import { startSandbox } from '../sandbox/testing';
import { ensureBuild } from '../scripts/build-state';
import { consoleEnv, CRAWL_LISTINGS } from '../tests/support/console-env';
import { call, Jar, signIn, startConsole, type ConsoleProcess } from '../tests/support/console-http';
import { postgresBinDir, startTestPostgres } from '../tests/support/postgres-server';
import { roundRobin } from '../tests/support/round-robin';
import pg from 'pg';
import { targetReport } from './report';
import { loadUnder, type LoadFigures } from './console';

// The SDK's notice about future Node versions, once per process, would drown the figures.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const CLIENTS = Number(process.env.BENCH_CLIENTS || 20);
const SECONDS = Number(process.env.BENCH_SECONDS || 15);
const PAGES = ['/audit', '/', '/organization', '/settings'];
const AUTH_SECRET = 'bench-only-secret-not-used-anywhere-else-0123456789';

async function freshDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main() {
  if (!ensureBuild()) throw new Error('the console did not build');
  if (!postgresBinDir()) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const postgres = await startTestPostgres();
  const sb = await startSandbox({ seed: 'demo' });
  const env = (prefix: string, database?: string) => ({
    ...consoleEnv(sb, prefix),
    AUTH_SECRET,
    CROSSING_TRUSTED_PROXIES: '127.0.0.1',
    ...(database ? { CROSSING_DATABASE_URL: database } : {}),
  });
  const shared = await freshDatabase(postgres.url, 'bench_two');
  const setups: { name: string; start: () => Promise<{ target: { url: string }; stop: () => Promise<void> }> }[] = [
    { name: '1 instance, SQLite', start: async () => single(await startConsole(env('crossing-bench-ha-sqlite-'))) },
    { name: '1 instance, PostgreSQL', start: async () => single(await startConsole(env('crossing-bench-ha-pg-', await freshDatabase(postgres.url, 'bench_one')))) },
    {
      name: '2 instances, PostgreSQL, proxy',
      start: async () => {
        const instances = [await startConsole(env('crossing-bench-ha-a-', shared)), await startConsole(env('crossing-bench-ha-b-', shared))];
        const proxy = await roundRobin(instances.map((i) => i.url));
        return {
          target: proxy,
          stop: async () => {
            proxy.close();
            await Promise.all(instances.map(stop));
          },
        };
      },
    },
  ];
  console.log(`${CLIENTS} concurrent signed-in clients, ${SECONDS} s per page, demo seed, ${(await import('node:os')).cpus().length} cores\n`);
  const results: Record<string, Record<string, LoadFigures>> = {};
  try {
    for (const setup of setups) {
      const { target, stop: stopSetup } = await setup.start();
      try {
        const jar = new Jar();
        if ((await signIn(target, jar)).status !== 302) throw new Error(`${setup.name}: signing in failed`);
        const cookie = jar.header();
        console.log(setup.name);
        console.log('  page            req/s    p50 ms   p95 ms   errors');
        results[setup.name] = {};
        for (const page of PAGES) {
          // Each route's modules load on its first request, on every instance.
          for (let i = 0; i < 4; i++) await call(target, new Jar(), page, { headers: { cookie } });
          const r = (results[setup.name][page] = await loadUnder(`${target.url}${page}`, cookie, CLIENTS, SECONDS));
          console.log(`  ${page.padEnd(14)} ${r.perSecond.toFixed(1).padStart(6)} ${r.p50.toFixed(0).padStart(8)} ${r.p95.toFixed(0).padStart(8)} ${String(r.errors).padStart(8)}${r.errors ? `  (${[...r.failures].map(([what, n]) => `${n}× ${what}`).join(', ')})` : ''}`);
        }
      } finally {
        await stopSetup();
      }
    }
    const [sqlite, one, two] = setups.map((s) => results[s.name]);
    console.log('\nrequests/s, PostgreSQL vs SQLite (one instance), and two instances vs one (PostgreSQL):');
    for (const page of PAGES) {
      console.log(`  ${page.padEnd(14)} ${(one[page].perSecond / sqlite[page].perSecond).toFixed(2)}×   ${(two[page].perSecond / one[page].perSecond).toFixed(2)}×`);
    }
    const { report, summary } = targetReport();
    console.log('');
    const errors = Object.values(results).flatMap((pages) => Object.values(pages)).reduce((sum, r) => sum + r.errors, 0);
    report('errors under load', String(errors), '0', errors === 0);
    const calls = [await coldOrganizationCalls(postgres.url, 1), await coldOrganizationCalls(postgres.url, 2)];
    report('Organizations calls for a cold organization read (1,000 accounts, throttled): one instance vs two', `${calls[0]} vs ${calls[1]}`, 'equal', calls[1] <= calls[0]);
    process.exitCode = summary() ? 1 : 0;
  } finally {
    await sb.close();
    postgres.stop();
  }
}

/**
 * The Organizations calls `count` consoles sharing a new PostgreSQL make when each is asked for the organization page
 * at the same moment, from cold, until the calls stop (the crawl is complete).
 */
async function coldOrganizationCalls(adminUrl: string, count: number): Promise<number> {
  let calls = 0;
  const sb = await startSandbox({
    seed: 'large',
    seedOptions: { accounts: 1_000, ous: 100, depth: 3 },
    throttle: true,
    observe: (event) => {
      if (event.service.name === 'organizations' && CRAWL_LISTINGS.has(event.operation)) calls++;
    },
  });
  const database = await freshDatabase(adminUrl, `bench_cold_${count}`);
  const instances: ConsoleProcess[] = [];
  try {
    for (let i = 0; i < count; i++) {
      instances.push(await startConsole({ ...consoleEnv(sb, `crossing-bench-cold-${i}-`), AUTH_SECRET, CROSSING_DATABASE_URL: database }));
    }
    const jar = new Jar();
    if ((await signIn(instances[0], jar)).status !== 302) throw new Error('signing in failed');
    const cookie = jar.header();
    // Any page may start the organization-wide read (the navigation's counts): the crawl's listings are counted from
    // the first page on; each instance's own identity (the header) is not a listing.
    calls = 0;
    for (const instance of instances) await call(instance, new Jar(), '/audit', { headers: { cookie } });
    await Promise.all(instances.map((instance) => call(instance, new Jar(), '/organization', { headers: { cookie } })));
    // Quiet for 5 s: the crawl is over (the pages' own polling asks the database, not AWS).
    for (let last = -1; last !== calls; ) {
      last = calls;
      await sleep(5_000);
    }
    return calls;
  } finally {
    await Promise.all(instances.map(stop));
    await sb.close();
  }
}

function single(instance: ConsoleProcess) {
  return { target: instance, stop: () => stop(instance) };
}

async function stop({ child }: ConsoleProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
