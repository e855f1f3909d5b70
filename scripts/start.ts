// `npm start`: the sandbox (SANDBOX_SEED, default demo) and the console against it, or real AWS with CROSSING_MODE=aws.
// Builds the console first when the build is missing or stale; Ctrl-C stops both.
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { ensureBuild, ROOT } from './build-state';

const mode = process.env.CROSSING_MODE || 'sandbox';
if (mode !== 'sandbox' && mode !== 'aws') {
  console.error(`crossing: CROSSING_MODE must be "sandbox" or "aws" (got "${mode}")`);
  process.exit(2);
}
// `npm run dev`: the same, with `next dev` (hot reload) instead of a production build.
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '127.0.0.1';
const sandboxPort = Number(process.env.SANDBOX_PORT || 4577);
const children: ChildProcess[] = [];
let stopping = false;

function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 300).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function watch(child: ChildProcess, name: string): void {
  children.push(child);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`crossing: the ${name} stopped (${signal ?? `exit ${code}`}); stopping.`);
    stop(code || 1);
  });
}

const sandboxSeed = process.env.SANDBOX_SEED || 'demo';
// An existing state file is loaded instead of the seed.
const sandboxWorld = process.env.SANDBOX_STATE && existsSync(process.env.SANDBOX_STATE) ? `state ${process.env.SANDBOX_STATE}` : `${sandboxSeed} seed`;

/** Starts `tsx sandbox/main.ts` and reads the console identity from the `export NAME=value` lines it prints. */
function startSandbox(): Promise<Record<string, string>> {
  const args = ['sandbox/main.ts', '--port', String(sandboxPort), '--seed', sandboxSeed];
  if (process.env.SANDBOX_THROTTLE) for (const spec of process.env.SANDBOX_THROTTLE.split(/\s+/).filter(Boolean)) args.push('--throttle', spec);
  if (process.env.SANDBOX_ROLES) args.push('--roles', process.env.SANDBOX_ROLES);
  if (process.env.SANDBOX_INVITATIONS) args.push('--invitations', process.env.SANDBOX_INVITATIONS);
  if (process.env.SANDBOX_STATE) args.push('--state', process.env.SANDBOX_STATE);
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  watch(child, 'sandbox');
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {};
    const wanted = ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION'];
    const timer = setTimeout(() => reject(new Error('the sandbox did not print its endpoint within 60 s')), 60_000);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^export (\w+)=(.*)$/.exec(line.trim());
      if (!match) return;
      env[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
      if (wanted.every((name) => env[name])) {
        clearTimeout(timer);
        resolve(env);
      }
    });
    child.once('exit', () => reject(new Error(`the sandbox exited before it was ready (is port ${sandboxPort} free? set SANDBOX_PORT)`)));
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      await sleep(250);
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CROSSING_MODE: mode,
    NEXT_TELEMETRY_DISABLED: '1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  if (mode === 'sandbox') {
    const sandbox = await startSandbox();
    // Only the sandbox's identity: nothing from the shell's AWS setup may leak into a sandbox run.
    for (const name of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_DEFAULT_PROFILE', 'AWS_DEFAULT_REGION']) delete env[name];
    Object.assign(env, sandbox);
    console.error(`crossing: sandbox (${sandboxWorld}) at ${sandbox.AWS_ENDPOINT_URL}`);
    // The sandbox's export lines came to this script, not the terminal: show them, for the AWS CLI in another shell.
    console.error(`crossing: to point the AWS CLI or an SDK at it, run in your shell:\n${Object.entries(sandbox).map(([name, value]) => `  export ${name}=${value}`).join('\n')}`);
  } else {
    console.error(`crossing: using real AWS through the default credential chain${env.AWS_ENDPOINT_URL ? ` at ${env.AWS_ENDPOINT_URL}` : ''}`);
  }
  if (!dev && !process.env.CROSSING_SKIP_BUILD && !ensureBuild(env)) {
    console.error('crossing: the build failed (see above).');
    return stop(1);
  }
  // Not `next start`: scripts/serve.ts runs Next behind its own listener, which alone sees the socket's peer.
  const next = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/serve.ts', ...(dev ? ['--dev'] : [])], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...env, PORT: String(port), HOST: host, NODE_ENV: dev ? 'development' : 'production' },
  });
  watch(next, 'console');
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  await waitForHttp(`${url}/signin`, 120_000);
  const lines = [`Crossing is running at ${url}  (${mode === 'sandbox' ? 'Sandbox' : 'AWS'})`];
  if (mode === 'sandbox') {
    lines.push('Sign in as admin@crossing.local / crossing-admin  (or viewer@crossing.local / crossing-viewer)');
  }
  lines.push('Press Ctrl-C to stop.');
  console.log(`\n${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(`crossing: ${error instanceof Error ? error.message : String(error)}`);
  stop(1);
});
