// Protects politeness towards Organizations: the crawl's pace drops to what the API lets through when the SDK reports retried (throttled) attempts, then creeps back up.
import { describe, expect, it } from 'vitest';
import { AdaptivePacer } from './pacer';

describe('adaptive pacer', () => {
  it('is unpaced until the SDK reports a retry, then paces near what got through, and speeds up on success', () => {
    let now = 0;
    const pacer = new AdaptivePacer({}, () => now);
    expect(pacer.currentRate).toBe(Infinity);
    for (let i = 0; i < 10; i++) {
      now += 100;
      pacer.onAnswer(now);
    }
    const sentAt = now;
    // The SDK answers seconds later, after its retries: the pace is judged when the call went.
    now += 3_000;
    pacer.onAnswer(sentAt, 2);
    expect(pacer.currentRate).toBeCloseTo(10.05); // 10 successes in the second before it went, then its own
    pacer.onAnswer(sentAt, 2);
    expect(pacer.currentRate).toBeCloseTo(10.05 * 0.9 + 0.05);
    for (let i = 0; i < 20; i++) pacer.onAnswer(now);
    expect(pacer.currentRate).toBeCloseTo(10.05 * 0.9 + 1.05);
  });
});
