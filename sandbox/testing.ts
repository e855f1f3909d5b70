// Test harness: an in-process sandbox on a free port, with clients' config, control helpers and
// shape checking of every response against the full botocore models.
import type { Fault } from './core/faults.js';
import type { ResponseEvent, SeedOptions } from './core/runtime.js';
import { DEFAULT_THROTTLE, type ThrottleConfig } from './core/throttle.js';
import type { ServiceDefinition, World } from './core/types.js';
import { createSandboxServer } from './server.js';
import { botocoreDataDir, ShapeChecker } from './testing/shape-check.js';

export interface StartSandboxOptions {
  /** 'demo' (default), 'large' or 'empty'; ignored when `world` is given. */
  seed?: string;
  seedOptions?: SeedOptions;
  /** A world built by the test instead of a seed. */
  world?: World;
  /** Default true. */
  authz?: boolean;
  /** Default false (no throttling); true: the CLI defaults; or per-service limits. */
  throttle?: boolean | ThrottleConfig;
  stateFile?: string;
  /** Services to serve instead of the registered ones (core tests use stand-ins). */
  services?: ServiceDefinition[];
  /** Told of every response the sandbox answers (benchmarks count the calls made to it). */
  observe?: (event: ResponseEvent) => void;
}

export interface SandboxCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface TestSandbox {
  endpoint: string;
  world: World;
  /** The console identity's key pair (throws when the world has none). */
  readonly consoleCredentials: SandboxCredentials;
  clientConfig(
    credentials?: SandboxCredentials,
    region?: string,
  ): { endpoint: string; region: string; credentials: SandboxCredentials; maxAttempts?: number };
  control: {
    reset(seed?: string, seedOptions?: SeedOptions): Promise<void>;
    advanceClock(seconds: number): Promise<Date>;
    setFaults(faults: Partial<Fault>[]): Promise<void>;
    health(): Promise<{ ok: boolean; seed: string; accounts: number; uptimeMs: number }>;
  };
  /** Stops the server; throws when a response did not match its botocore output shape. */
  close(): Promise<void>;
}

let warnedNoBotocore = false;

export async function startSandbox(options: StartSandboxOptions = {}): Promise<TestSandbox> {
  const checker = botocoreDataDir() ? new ShapeChecker() : undefined;
  if (!checker && !warnedNoBotocore) {
    warnedNoBotocore = true;
    console.warn('shape check skipped: botocore not found');
  }
  const throttle = options.throttle === true ? DEFAULT_THROTTLE : options.throttle === false || options.throttle === undefined ? {} : options.throttle;
  const sandbox = await createSandboxServer({
    world: options.world,
    seed: options.seed ?? 'demo',
    seedOptions: options.seedOptions,
    port: 0,
    authz: options.authz ?? true,
    throttle,
    stateFile: options.stateFile,
    services: options.services,
    observe: (event) => {
      checker?.observe(event);
      options.observe?.(event);
    },
  });
  const { endpoint, runtime } = sandbox;

  async function post(route: string, body: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${endpoint}/_sandbox/${route}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const parsed = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`POST /_sandbox/${route}: ${String(parsed.error)}`);
    return parsed;
  }

  const sb: TestSandbox = {
    endpoint,
    world: runtime.world,
    get consoleCredentials(): SandboxCredentials {
      const key = runtime.world.consoleAccessKeyId;
      const record = key ? runtime.world.credentials.get(key) : undefined;
      if (!record) throw new Error('this world has no console identity (world.consoleAccessKeyId)');
      return { accessKeyId: record.accessKeyId, secretAccessKey: record.secretAccessKey };
    },
    clientConfig(credentials, region = 'us-east-1') {
      return { endpoint, region, credentials: credentials ?? sb.consoleCredentials };
    },
    control: {
      async reset(seed = runtime.world.seed, seedOptions = {}) {
        await post('reset', { ...seedOptions, seed });
      },
      async advanceClock(seconds) {
        return new Date(String((await post('clock', { advanceSeconds: seconds })).now));
      },
      async setFaults(faults) {
        await post('faults', { faults });
      },
      async health() {
        const response = await fetch(`${endpoint}/_sandbox/health`);
        return (await response.json()) as { ok: boolean; seed: string; accounts: number; uptimeMs: number };
      },
    },
    async close() {
      await sandbox.close();
      if (checker && checker.violations.length > 0) {
        throw new Error(`responses that do not match the botocore model:\n  ${checker.violations.join('\n  ')}`);
      }
    },
  };
  return sb;
}
