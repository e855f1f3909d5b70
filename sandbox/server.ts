// The sandbox's HTTP server: one endpoint for every service (the SigV4 credential scope says
// which) plus the control endpoint under /_sandbox/; it gives the core IAM's authorizer.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTROL_PREFIX, handleControl } from './core/control.js';
import { dispatch } from './core/dispatch.js';
import type { WireRequest } from './core/protocols/common.js';
import { createRuntime, saveStateFile, type ResponseEvent, type Runtime, type Seed, type SeedOptions } from './core/runtime.js';
import type { ThrottleConfig } from './core/throttle.js';
import type { ServiceDefinition, World } from './core/types.js';
import { now } from './core/world.js';
import { authorize } from './iam/authz.js';
import { seeds as registeredSeeds } from './seeds/index.js';
import { services as registeredServices } from './services.js';

export interface SandboxServerOptions {
  /** Initial world; default: built by `seed` (or loaded from `stateFile` when it exists). */
  world?: World;
  seed?: string;
  seedOptions?: SeedOptions;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Authorize each request with IAM's evaluator (iam/authz.ts); default true. */
  authz?: boolean;
  throttle?: ThrottleConfig;
  stateFile?: string;
  services?: ServiceDefinition[];
  seeds?: Record<string, Seed>;
  observe?: (event: ResponseEvent) => void;
}

export interface SandboxServer {
  server: Server;
  runtime: Runtime;
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

function wireRequest(message: IncomingMessage, body: Buffer): WireRequest {
  const url = message.url ?? '/';
  const mark = url.indexOf('?');
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(message.headers)) headers[name] = Array.isArray(value) ? value.join(',') : value;
  return {
    method: message.method ?? 'GET',
    path: mark === -1 ? url : url.slice(0, mark),
    query: new URLSearchParams(mark === -1 ? '' : url.slice(mark + 1)),
    headers,
    body,
  };
}

export async function createSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const runtime = createRuntime({
    services: options.services ?? registeredServices,
    seeds: options.seeds ?? registeredSeeds,
    world: options.world,
    seed: options.seed,
    seedOptions: options.seedOptions,
    authorize: options.authz === false ? undefined : authorize,
    throttle: options.throttle,
    stateFile: options.stateFile,
    observe: options.observe,
  });

  const server = createServer((message, response) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => {
      const request = wireRequest(message, Buffer.concat(chunks));
      const answer = request.path.startsWith(CONTROL_PREFIX)
        ? Promise.resolve(handleControl(runtime, request, message.socket.remoteAddress))
        : dispatch(runtime, request);
      answer.then(
        (wire) => {
          // Every AWS answer carries the service's clock in Date; here it is the sandbox clock.
          response.writeHead(wire.status, { date: now(runtime.world).toUTCString(), ...wire.headers, 'content-length': Buffer.byteLength(wire.body) });
          response.end(wire.body);
        },
        (error: unknown) => {
          console.error('sandbox: unhandled error', error);
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end('internal error');
        },
      );
    });
  });
  // The SDK keeps connections alive; do not let idle ones hold close() up.
  server.keepAliveTimeout = 5_000;

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4577, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    server,
    runtime,
    endpoint,
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      runtime.flush();
      if (runtime.stateFile) saveStateFile(runtime.stateFile, runtime.world);
    },
  };
}
