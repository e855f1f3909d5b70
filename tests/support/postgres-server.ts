// A throwaway PostgreSQL for `npm test`: Debian's binaries, a cluster initialised in a temporary directory,
// listening on a free loopback port, removed afterwards. PostgreSQL refuses to run as root, so as root (CI) the
// cluster belongs to and runs as `nobody`.
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../sandbox/testing/free-port';

export interface TestPostgres {
  /** A superuser's URL for the `postgres` database (tests create their own databases from it). */
  url: string;
  stop(): void;
}

/** The directory holding initdb and pg_ctl: Debian's newest /usr/lib/postgresql/<version>/bin, else from PATH. */
export function postgresBinDir(): string | undefined {
  const debian = '/usr/lib/postgresql';
  const versions = fs.existsSync(debian)
    ? fs.readdirSync(debian).filter((v) => fs.existsSync(path.join(debian, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length) return path.join(debian, versions[0], 'bin');
  const found = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (!found) return undefined;
  const dir = path.dirname(fs.realpathSync(found));
  return fs.existsSync(path.join(dir, 'initdb')) ? dir : undefined;
}

/** The unprivileged user to run PostgreSQL as when we are root. */
function unprivileged(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (initdb and pg_ctl not found in /usr/lib/postgresql/*/bin or on PATH)');
  const owner = unprivileged();
  // As root, under /tmp itself: TMPDIR may point somewhere `nobody` cannot reach (e.g. under /root).
  const base = fs.mkdtempSync(path.join(owner ? '/tmp' : os.tmpdir(), 'crossing-pg-'));
  if (owner) fs.chownSync(base, owner.uid, owner.gid);
  const data = path.join(base, 'data');
  const port = await freePort();
  const options: SpawnSyncOptions = { cwd: base, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' }, ...owner };
  const run = (tool: string, args: string[]) => {
    const result = spawnSync(path.join(bin, tool), args, options);
    if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.error?.message ?? ''}${result.stderr}${result.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'crossing', '--auth=trust', '--encoding=UTF8', '--locale=C']);
  // A test cluster: nothing to keep after a crash, so no flushing to disk.
  const settings = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run('pg_ctl', ['-D', data, '-o', settings, '-l', path.join(base, 'server.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    spawnSync(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { ...options, stdio: 'ignore' });
    fs.rmSync(base, { recursive: true, force: true });
  };
  // Not left running when the run ends early: PostgreSQL runs detached and would outlive it.
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  return { url: `postgres://crossing@127.0.0.1:${port}/postgres`, stop };
}
