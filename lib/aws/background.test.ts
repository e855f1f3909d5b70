// Protects: organization-wide reads hold their calls back while the server is busy serving pages (more so when pages wait on a busy loop), and still start
// some (one at a time), so a busy console finishes its reads.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { inBackground, isBackground } from '../cache/background-work';
import { pageServed, whenPagesIdle } from './background';

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

  it('while turns are long, lets the held-back calls go one at a time', async () => {
    await whenPagesIdle();
    const busy = busyTurns(40, 1_500);
    await sleep(200);
    const t0 = performance.now();
    const went: number[] = [];
    await Promise.all(Array.from({ length: 5 }, () => whenPagesIdle().then(() => went.push(performance.now() - t0))));
    await busy;
    went.sort((a, b) => a - b);
    // Five calls at once would all go at the first look; held back, each waits for its own release.
    expect(went[4] - went[0]).toBeGreaterThan(60);
    expect(went[4]).toBeLessThan(1_300);
  });

  it('holds calls back while pages are being served, though the loop is idle', async () => {
    pageServed();
    const t0 = performance.now();
    const went: number[] = [];
    await Promise.all(Array.from({ length: 10 }, () => whenPagesIdle().then(() => went.push(performance.now() - t0))));
    expect(Math.max(...went)).toBeGreaterThan(80);
    await sleep(1_100);
    const t1 = performance.now();
    await Promise.all(Array.from({ length: 10 }, () => whenPagesIdle()));
    expect(performance.now() - t1).toBeLessThan(50);
  });

  it('lets them go about ten a second while pages are served on a busy loop', async () => {
    await sleep(1_100);
    // Turns well past BUSY_MS whatever the timers' alignment (15 ms turns measured as busy or not by chance).
    const busy = busyTurns(30, 1_500);
    const serving = setInterval(pageServed, 50);
    await sleep(200);
    const t0 = performance.now();
    const went: number[] = [];
    await Promise.all(Array.from({ length: 5 }, () => whenPagesIdle().then(() => went.push(performance.now() - t0))));
    clearInterval(serving);
    await busy;
    // At a hundred a second five would go within ~150 ms (one per 30 ms turn).
    expect(Math.max(...went)).toBeGreaterThan(350);
  });

  it('tells a background read\'s work from a page\'s, through its awaits (its member sessions go in their own STS lane)', async () => {
    const seen = await inBackground(async () => {
      await sleep(5);
      return Promise.all([isBackground(), new Promise<boolean>((resolve) => setTimeout(() => resolve(isBackground()), 1))]);
    });
    expect(seen).toEqual([true, true]);
    expect(isBackground()).toBe(false);
  });
});
