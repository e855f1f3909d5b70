// Protects the countdown's words: the largest two units left, never a negative time once the deadline has passed.
import { describe, expect, it } from 'vitest';
import { timeLeft } from './format';

describe('time left before access ends', () => {
  it.each([
    [2 * 86_400_000 + 3 * 3_600_000 + 59_000, '2 days 3 h'],
    [86_400_000, '1 day 0 h'],
    [3_600_000 + 5 * 60_000 + 30_000, '1 h 05 min'],
    [4 * 60_000 + 9_500, '4 min 09 s'],
    [999, '0 min 00 s'],
    [0, 'ended'],
    [-5_000, 'ended'],
  ])('%i ms reads %s', (ms, words) => {
    expect(timeLeft(ms)).toBe(words);
  });
});
