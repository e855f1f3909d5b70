// Protects: organization-wide reads hold their next call back while the server is busy serving pages, and never
// for longer than the bound, so a busy console still finishes its reads.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { whenPagesIdle } from './background';

/** Keeps the event loop's turns about `ms` long for `forMs`. */
async function busyTurns(ms: number, forMs: number): Promise<void> {
  const until = performance.now() + forMs;
  while (performance.now() < until) {
    const turn = performance.now() + ms;
    while (performance.now() < turn);
    await sleep(0);
  }
}

describe('whenPagesIdle', () => {
  it('goes at once when the loop is idle', async () => {
    await whenPagesIdle();
    await sleep(100);
    const t0 = performance.now();
    await whenPagesIdle();
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('waits while turns are long, and at most a second', async () => {
    await whenPagesIdle();
    const busy = busyTurns(40, 1_800);
    await sleep(200);
    const t0 = performance.now();
    await whenPagesIdle();
    const waited = performance.now() - t0;
    await busy;
    expect(waited).toBeGreaterThan(500);
    expect(waited).toBeLessThan(1_300);
  });
});
