// Plain-data world state helpers shared by every service: clock, deterministic IDs, state slices,
// and the policy version IAM and Organizations bump to expire IAM's authorization cache.
import { createHash } from 'node:crypto';
import type { World } from './types.js';

export function createEmptyWorld(seed: string): World {
  return {
    seed,
    clockOffsetMs: 0,
    idCounter: 0,
    accounts: new Map(),
    credentials: new Map(),
    services: {},
  };
}

/** The sandbox clock: wall clock plus the offset that `POST /_sandbox/clock` moves. */
export function nowMs(world: World): number {
  return Date.now() + world.clockOffsetMs;
}

export function now(world: World): Date {
  return new Date(nowMs(world));
}

export function advanceClock(world: World, seconds: number): void {
  world.clockOffsetMs += seconds * 1000;
}

export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const HEX = '0123456789abcdef';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const DIGITS = '0123456789';

/**
 * A deterministic ID: the same seed and the same sequence of calls give the same IDs, so seeds
 * and tests are reproducible. Not secret: secrets use the same generator (it is a sandbox).
 */
export function newId(world: World, length: number, alphabet: string = LOWER_ALNUM): string {
  world.idCounter += 1;
  let out = '';
  let block = 0;
  while (out.length < length) {
    const digest = createHash('sha256').update(`${world.seed}:${world.idCounter}:${block++}`).digest();
    for (const byte of digest) {
      if (out.length === length) break;
      out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** A service's state slice, created on first use. */
export function serviceState<T>(world: World, name: string, create: () => T): T {
  let state = world.services[name] as T | undefined;
  if (state === undefined) {
    state = create();
    world.services[name] = state;
  }
  return state;
}

interface CoreState {
  /** Bumped by IAM and Organizations on any policy change; keys the authorization cache (iam/authz.ts). */
  policyVersion: number;
}

// Process-wide, so that a reset world never reuses a version number (and a stale cached decision).
let policyVersions = 0;

function coreState(world: World): CoreState {
  return serviceState(world, 'core', () => ({ policyVersion: ++policyVersions }));
}

/** Call after any change to identity policies, boundaries, trust policies, SCPs or org membership. */
export function bumpPolicyVersion(world: World): void {
  coreState(world).policyVersion = ++policyVersions;
}

export function policyVersion(world: World): number {
  return coreState(world).policyVersion;
}
