// The control endpoint under /_sandbox/ (loopback callers only; JSON in and out): health, reset,
// clock, injected faults and a JSON export of the world.
import { parseFaults } from './faults.js';
import type { WireRequest, WireResponse } from './protocols/common.js';
import { replaceWorld, seededWorld, type Runtime } from './runtime.js';
import { advanceClock, now } from './world.js';

export const CONTROL_PREFIX = '/_sandbox/';

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const ip = address.startsWith('::ffff:') ? address.slice(7) : address;
  return ip === '::1' || /^127\.\d+\.\d+\.\d+$/.test(ip);
}

function json(status: number, body: unknown): WireResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body, exportReplacer) };
}

/** JSON for plain-data worlds: Maps as objects, Sets as lists (Dates already become ISO strings). */
function exportReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  return value;
}

function health(runtime: Runtime) {
  return { ok: true, seed: runtime.world.seed, accounts: runtime.world.accounts.size, uptimeMs: Date.now() - runtime.startedAt };
}

function body(request: WireRequest): Record<string, unknown> {
  if (request.body.length === 0) return {};
  const parsed: unknown = JSON.parse(request.body.toString('utf8'));
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the body must be a JSON object');
  return parsed as Record<string, unknown>;
}

export function handleControl(runtime: Runtime, request: WireRequest, remoteAddress: string | undefined): WireResponse {
  if (!isLoopback(remoteAddress)) return json(403, { error: 'the control endpoint only answers loopback addresses' });
  const route = `${request.method} ${request.path.slice(CONTROL_PREFIX.length)}`;
  try {
    switch (route) {
      case 'GET health':
        return json(200, health(runtime));
      case 'GET state':
        return json(200, runtime.world);
      case 'POST reset': {
        const { seed = runtime.world.seed, ...options } = body(request);
        if (typeof seed !== 'string') throw new Error('seed must be a string');
        replaceWorld(runtime.world, seededWorld(runtime.seeds, seed, options));
        runtime.faults.set([]);
        runtime.changed();
        return json(200, health(runtime));
      }
      case 'POST clock': {
        const { advanceSeconds } = body(request);
        if (typeof advanceSeconds !== 'number' || !Number.isFinite(advanceSeconds)) throw new Error('advanceSeconds must be a number');
        advanceClock(runtime.world, advanceSeconds);
        runtime.changed();
        return json(200, { now: now(runtime.world).toISOString() });
      }
      case 'POST faults':
        runtime.faults.set(parseFaults(body(request).faults ?? []));
        return json(200, { faults: runtime.faults.list() });
      default:
        return json(404, { error: `no control route ${route}` });
    }
  } catch (error) {
    return json(400, { error: error instanceof Error ? error.message : String(error) });
  }
}
