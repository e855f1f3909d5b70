// Request rate limits: a token bucket per (caller account, service), on the wall clock.
// Default: only Organizations is limited, at 10 requests/s sustained with bursts of 20 per
// account. AWS publishes no Organizations limit; this is conservative enough that a console
// walking an organization of a few hundred accounts meets TooManyRequestsException, as on AWS.
import { AwsError } from './errors.js';
import { errorShape } from './protocols/common.js';
import type { ServiceDefinition } from './types.js';

export interface RateLimit {
  /** Sustained requests per second. */
  rate: number;
  /** Bucket size: requests allowed at once after a quiet period. */
  burst: number;
}

/** Limits by service folder name or signing name; services not listed are not throttled. */
export type ThrottleConfig = Record<string, RateLimit>;

export const DEFAULT_THROTTLE: ThrottleConfig = { organizations: { rate: 10, burst: 20 } };

/** Parses CLI values: `off`, or `SERVICE=RATE:BURST` (repeatable, merged over the defaults). */
export function parseThrottle(values: string[]): ThrottleConfig {
  let config: ThrottleConfig = { ...DEFAULT_THROTTLE };
  for (const value of values) {
    if (value === 'off') {
      config = {};
      continue;
    }
    const match = /^([a-z0-9-]+)=(\d+(?:\.\d+)?):(\d+)$/.exec(value);
    if (!match) throw new Error(`--throttle expects off or SERVICE=RATE:BURST, got ${value}`);
    config[match[1]] = { rate: Number(match[2]), burst: Number(match[3]) };
  }
  return config;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export class Throttler {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly config: ThrottleConfig) {}

  /** Takes a token, or throws the service's throttling error. */
  take(service: ServiceDefinition, accountId: string): void {
    const limit = this.config[service.name] ?? this.config[service.signingName];
    if (!limit) return;
    const key = `${service.name}:${accountId}`;
    const nowMs = performance.now();
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, updatedMs: nowMs };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((nowMs - bucket.updatedMs) / 1000) * limit.rate);
    bucket.updatedMs = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) throw throttlingError(service);
    bucket.tokens -= 1;
  }
}

/** The throttling exception the service models (so the SDK retries it), else its protocol's usual one. */
export function throttlingError(service: ServiceDefinition): AwsError {
  const { model } = service;
  for (const name of ['TooManyRequestsException', 'ThrottlingException', 'ThrottledException']) {
    const shape = errorShape(model, name)?.shape;
    if (!shape) continue;
    const fields = shape.members?.Type ? { Type: 'Rate' } : {};
    return new AwsError(name, 'Rate exceeded', { fields });
  }
  switch (model.metadata.protocol) {
    case 'query':
      return new AwsError('Throttling', 'Rate exceeded');
    case 'ec2':
      return new AwsError('RequestLimitExceeded', 'Request limit exceeded.', { status: 503 });
    default:
      return new AwsError('ThrottlingException', 'Rate exceeded');
  }
}
