// Protects: under many concurrent page views, a repeated AWS read is made once per key and time to live, and a
// failed read is retried by the next caller instead of being served.
import { describe, expect, it } from 'vitest';
import { memo } from './memo';

describe('memo', () => {
  it('makes one read for concurrent callers and reuses it until it is too old', async () => {
    let now = 0;
    let reads = 0;
    const cache = memo<number>(5_000, () => now);
    const load = async () => {
      reads++;
      await new Promise((r) => setTimeout(r, 5));
      return reads;
    };
    expect(await Promise.all(Array.from({ length: 20 }, () => cache.get('k', load)))).toEqual(Array(20).fill(1));
    now = 4_999;
    expect(await cache.get('k', load)).toBe(1);
    now = 5_000;
    expect(await cache.get('k', load)).toBe(2);
    cache.invalidate('k');
    expect(await cache.get('k', load)).toBe(3);
    expect(reads).toBe(3);
  });

  it('does not keep a failure', async () => {
    const cache = memo<string>(60_000);
    await expect(cache.get('k', () => Promise.reject(new Error('throttled')))).rejects.toThrow('throttled');
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
  });
});
