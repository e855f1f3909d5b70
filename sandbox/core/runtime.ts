// Everything a running sandbox holds besides HTTP: the world, the registered services, the
// seeds, the authorizer it was given, throttling settings, injected faults and the state file.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { FaultInjector } from './faults.js';
import { DEFAULT_THROTTLE, Throttler, type ThrottleConfig } from './throttle.js';
import type { Authorizer, ServiceDefinition, WireInput, World } from './types.js';
import { createEmptyWorld } from './world.js';

// Loose on purpose: each seed declares its own options (accounts, ous, depth, ...), parsed from the command line.
export type SeedOptions = WireInput;
export type Seed = (world: World, options: SeedOptions) => void;

/** What a response carried, for observers such as the test harness's shape checker. */
export interface ResponseEvent {
  service: ServiceDefinition;
  operation: string;
  output: unknown;
}

export interface RuntimeOptions {
  services: ServiceDefinition[];
  seeds: Record<string, Seed>;
  /** Initial world when the state file does not exist; default: built by the `seed` seed. */
  world?: World;
  seed?: string;
  seedOptions?: SeedOptions;
  /** Decides each operation before its handler runs (the server passes IAM's); absent: nothing is denied. */
  authorize?: Authorizer;
  throttle?: ThrottleConfig;
  /** Load the world from this file at start when it exists; save it after each change and on close. */
  stateFile?: string;
  observe?: (event: ResponseEvent) => void;
}

export interface Runtime {
  world: World;
  /** By signing name. */
  services: Map<string, ServiceDefinition>;
  seeds: Record<string, Seed>;
  /** Absent when authorization is off (`--authz off`). */
  authorize?: Authorizer;
  throttler: Throttler;
  faults: FaultInjector;
  startedAt: number;
  stateFile?: string;
  observe?: (event: ResponseEvent) => void;
  /** Schedules a state-file save (debounced); a no-op without a state file. */
  changed(): void;
  /** Saves now if a save is pending. */
  flush(): void;
}

const SAVE_DELAY_MS = 200;

/** A world built by a seed; `empty` is always available. */
export function seededWorld(seeds: Record<string, Seed>, seed: string, options: SeedOptions = {}): World {
  const world = createEmptyWorld(seed);
  const build = seeds[seed];
  if (build) build(world, options);
  else if (seed !== 'empty') throw new Error(`unknown seed ${seed} (known: ${['empty', ...Object.keys(seeds)].join(', ')})`);
  return world;
}

/** Replaces the world's contents in place, so every holder of the World sees the new state. */
export function replaceWorld(target: World, source: World): void {
  for (const key of Object.keys(target)) delete (target as unknown as Record<string, unknown>)[key];
  Object.assign(target, source);
}

export function loadStateFile(file: string): World | undefined {
  return existsSync(file) ? (deserialize(readFileSync(file)) as World) : undefined;
}

export function saveStateFile(file: string, world: World): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, serialize(world));
  renameSync(temporary, file);
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const fromFile = options.stateFile ? loadStateFile(options.stateFile) : undefined;
  const world = fromFile ?? options.world ?? seededWorld(options.seeds, options.seed ?? 'demo', options.seedOptions);
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    timer = undefined;
    if (runtime.stateFile) saveStateFile(runtime.stateFile, runtime.world);
  };
  const runtime: Runtime = {
    world,
    services: new Map(options.services.map((service) => [service.signingName, service])),
    seeds: options.seeds,
    authorize: options.authorize,
    throttler: new Throttler(options.throttle ?? DEFAULT_THROTTLE),
    faults: new FaultInjector(),
    startedAt: Date.now(),
    stateFile: options.stateFile,
    observe: options.observe,
    changed() {
      if (runtime.stateFile && !timer) timer = setTimeout(save, SAVE_DELAY_MS).unref();
    },
    flush() {
      if (timer) {
        clearTimeout(timer);
        save();
      }
    },
  };
  return runtime;
}
