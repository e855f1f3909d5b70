// Protects: throttled services answer with their own throttling error, which the SDK's retry absorbs.
import { ListRootsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../testing.js';
import { standIn, tinyWorld } from '../testing/stand-ins.js';
import { DEFAULT_THROTTLE, parseThrottle } from './throttle.js';

const sandbox = (rate: number) =>
  startSandbox({
    world: tinyWorld(),
    services: [standIn('organizations', { ListRoots: { handler: () => ({ Roots: [] }) } })],
    throttle: { organizations: { rate, burst: 3 } },
  });

// One bucket that never refills in a test's lifetime, one that refills within the SDK's retry delays.
let frozen: TestSandbox;
let refilling: TestSandbox;
beforeAll(async () => {
  [frozen, refilling] = await Promise.all([sandbox(0.001), sandbox(5)]);
});
afterAll(() => Promise.all([frozen.close(), refilling.close()]));

describe('throttling', () => {
  it('raises TooManyRequestsException when the bucket is empty and the SDK may not retry', async () => {
    const client = new OrganizationsClient({ ...frozen.clientConfig(), maxAttempts: 1 });
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => client.send(new ListRootsCommand({}))));
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(rejected).toHaveLength(5);
    expect(rejected[0].reason).toMatchObject({ name: 'TooManyRequestsException', Type: 'Rate' });
  });

  it('lets a burst beyond the bucket succeed through the SDK retry', async () => {
    const client = new OrganizationsClient({ ...refilling.clientConfig(), maxAttempts: 10 });
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => client.send(new ListRootsCommand({}))));
    expect(outcomes.every((o) => o.status === 'fulfilled')).toBe(true);
    const retried = outcomes.filter((o) => o.status === 'fulfilled' && (o.value.$metadata.attempts ?? 1) > 1);
    expect(retried.length).toBeGreaterThan(0);
  });

  it('parses the CLI forms', () => {
    expect(parseThrottle([])).toEqual(DEFAULT_THROTTLE);
    expect(parseThrottle(['off'])).toEqual({});
    expect(parseThrottle(['organizations=2:5', 'iam=1.5:3'])).toEqual({ organizations: { rate: 2, burst: 5 }, iam: { rate: 1.5, burst: 3 } });
    expect(() => parseThrottle(['organizations=fast'])).toThrow(/SERVICE=RATE:BURST/);
  });
});
