// Protects: a crawl that meets Organizations' throttle completes through the SDK's retry as the console configures it, with few calls beyond the minimum.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../../sandbox/testing';
import { crawlOrganization, minimumCrawlCalls } from './crawl';
import { recordingClient, pointAtSandbox } from '../../tests/support/organization-sandbox';

let sb: TestSandbox;
beforeAll(async () => {
  // The sandbox's default throttle (10 requests/s, bursts of 20), which this organization outgrows.
  sb = await startSandbox({ seed: 'large', seedOptions: { accounts: 100, ous: 15, depth: 3 }, throttle: true });
  pointAtSandbox(sb.endpoint, sb.consoleCredentials);
});
afterAll(async () => {
  await sb?.close();
});

describe('organization crawl under the throttle', () => {
  it('completes, the SDK retrying the refused calls and the pacer keeping them few', async () => {
    const rec = recordingClient();
    const concurrency = 4;
    const snapshot = await crawlOrganization(rec.client, { concurrency });
    expect(snapshot.complete).toBe(true);
    expect(Object.values(snapshot.nodes).filter((n) => n.type === 'ACCOUNT')).toHaveLength(100);
    expect(snapshot.calls).toBe(minimumCrawlCalls(snapshot));
    // The throttle was met, and the crawl counts what the SDK reported.
    const refused = rec.attempts.filter((a) => a.error === 'TooManyRequestsException').length;
    expect(refused).toBeGreaterThan(0);
    expect(snapshot.throttled).toBe(refused);
    expect(rec.attempts).toHaveLength(snapshot.calls + refused);
    // About one refused call per slot when the burst runs out, unpaced; then the learned pace holds.
    expect(refused).toBeLessThanOrEqual(2 * concurrency);
  });
});
