// `npm run sandbox`: the sandbox on http://127.0.0.1:4577 (flags: USAGE below and sandbox/README.md).
// Prints the console identity as `export` lines on stdout (eval-able), everything else on stderr.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseThrottle, type ThrottleConfig } from './core/throttle.js';
import type { SeedOptions } from './core/runtime.js';
import { createSandboxServer, type SandboxServer, type SandboxServerOptions } from './server.js';

const USAGE = `Usage: npm run sandbox -- [options]
  --port N              listen port (default $SANDBOX_PORT or 4577; 0 picks a free one)
  --host HOST           listen address (default 127.0.0.1)
  --seed NAME           demo | large | empty (default demo)
  --accounts N          large: member accounts (default 10000)
  --ous N               large: organizational units (default 1000)
  --depth N             large: deepest OU level, 1..5 (default 5)
  --shares N            large: resource shares over accounts and 3 Regions (default 3000)
  --roles N             large: IAM roles per member account, the member access role included (default 1)
  --invitations N       demo and large: pending invitations to member accounts from outside senders (default 0)
  --authz on|off        evaluate IAM policies and SCPs (default on)
  --throttle SPEC       off, or SERVICE=RATE:BURST per caller account (repeatable; default organizations=10:20; e.g. iam=20:40 sts=20:20)
  --state FILE          load the world from FILE if it exists; save it on every change and on exit
  --quiet               no request log or banner on stderr`;

/** Starts the sandbox server and keeps it running until SIGINT/SIGTERM; used by `npm run sandbox` and the console's launcher. */
export async function startSandboxServer(options: SandboxServerOptions & { quiet?: boolean } = {}): Promise<SandboxServer> {
  const started = performance.now();
  const sandbox = await createSandboxServer(options);
  const { world } = sandbox.runtime;
  const key = world.consoleAccessKeyId ? world.credentials.get(world.consoleAccessKeyId) : undefined;
  const region = 'us-east-1';
  if (key) {
    process.stdout.write(
      [
        `export AWS_ENDPOINT_URL=${sandbox.endpoint}`,
        `export AWS_ACCESS_KEY_ID=${key.accessKeyId}`,
        `export AWS_SECRET_ACCESS_KEY=${key.secretAccessKey}`,
        `export AWS_REGION=${region}`,
        '',
      ].join('\n'),
    );
  }
  if (!options.quiet) {
    const ms = Math.round(performance.now() - started);
    process.stderr.write(
      `Crossing sandbox on ${sandbox.endpoint}: seed ${world.seed}, ${world.accounts.size} accounts, ` +
        `authz ${sandbox.runtime.authorize ? 'on' : 'off'}${options.stateFile ? `, state ${options.stateFile}` : ''} (ready in ${ms} ms)\n` +
        (key ? `Console identity ${key.identity.arn}: the export lines on standard output point the AWS CLI/SDK here.\n` : 'This world has no console identity.\n'),
    );
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return sandbox;
}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} expects a whole number, got ${value}`);
  return n;
}

export function parseCli(argv: string[]): SandboxServerOptions & { quiet: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      accounts: { type: 'string' },
      ous: { type: 'string' },
      depth: { type: 'string' },
      shares: { type: 'string' },
      roles: { type: 'string' },
      invitations: { type: 'string' },
      authz: { type: 'string' },
      throttle: { type: 'string', multiple: true },
      state: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (values.authz !== undefined && values.authz !== 'on' && values.authz !== 'off') throw new Error('--authz expects on or off');
  const seedOptions: SeedOptions = {};
  for (const name of ['accounts', 'ous', 'depth', 'shares', 'roles', 'invitations'] as const) {
    const n = positiveInteger(name, values[name]);
    if (n !== undefined) seedOptions[name] = n;
  }
  const throttle: ThrottleConfig = parseThrottle(values.throttle ?? []);
  return {
    port: positiveInteger('port', values.port ?? process.env.SANDBOX_PORT) ?? 4577,
    host: values.host ?? '127.0.0.1',
    seed: values.seed ?? 'demo',
    seedOptions,
    authz: values.authz !== 'off',
    throttle,
    stateFile: values.state,
    quiet: values.quiet ?? false,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await startSandboxServer(parseCli(process.argv.slice(2)));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exit(1);
  }
}
