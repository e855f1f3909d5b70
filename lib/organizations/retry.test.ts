// Protects politeness towards Organizations: throttled calls are retried with jitter, and the crawl's pace drops to what the API lets through, then creeps back up.
import { describe, expect, it } from 'vitest';
import { AdaptivePacer, withJitterRetry } from './retry';

const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });

describe('jittered retry', () => {
  it('retries throttling with full-jitter sleeps and gives up after maxAttempts', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const result = await withJitterRetry(
      async () => (++calls < 4 ? Promise.reject(throttled()) : 'ok'),
      { baseMs: 100, capMs: 250, random: () => 1, sleep: async (ms) => void sleeps.push(ms) },
    );
    expect(result).toBe('ok');
    expect(sleeps).toEqual([100, 200, 250]);
    await expect(withJitterRetry(() => Promise.reject(throttled()), { maxAttempts: 2, sleep: async () => {} })).rejects.toThrow('Rate exceeded');
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    await expect(withJitterRetry(() => (calls++, Promise.reject(new Error('AccessDenied'))), { sleep: async () => {} })).rejects.toThrow('AccessDenied');
    expect(calls).toBe(1);
  });
});

describe('adaptive pacer', () => {
  it('is unpaced until throttled, then paces near what got through, and speeds up on success', () => {
    let now = 0;
    const pacer = new AdaptivePacer({}, () => now);
    expect(pacer.currentRate).toBe(Infinity);
    for (let i = 0; i < 10; i++) {
      now += 100;
      pacer.onSuccess();
    }
    pacer.onThrottled();
    expect(pacer.currentRate).toBe(10); // 10 successes in the last second
    pacer.onThrottled();
    expect(pacer.currentRate).toBeCloseTo(9);
    for (let i = 0; i < 20; i++) pacer.onSuccess();
    expect(pacer.currentRate).toBeCloseTo(10);
  });
});
