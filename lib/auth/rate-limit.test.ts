// Protects: repeated failed sign-ins are refused for a while, so passwords cannot be guessed quickly.
import { describe, expect, it } from 'vitest';
import { clearSignInFailures, isSignInLimited, recordSignInFailure } from './rate-limit';

describe('sign-in rate limit', () => {
  it('limits after five failures in fifteen minutes and forgets them later', () => {
    const keys = ['email:a@example.com'];
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) recordSignInFailure(keys, t0 + i);
    expect(isSignInLimited(keys, t0 + 10)).toBe(false);
    recordSignInFailure(keys, t0 + 20);
    expect(isSignInLimited(keys, t0 + 30)).toBe(true);
    expect(isSignInLimited(keys, t0 + 16 * 60 * 1000)).toBe(false);
    recordSignInFailure(keys, t0);
    clearSignInFailures(keys);
    expect(isSignInLimited(keys, t0)).toBe(false);
  });
});

describe('sign-in rate limit per address', () => {
  it('allows more failures from one address than for one email', () => {
    const keys = ['address:10.0.0.1'];
    for (let i = 0; i < 19; i++) recordSignInFailure(keys, 5_000_000 + i);
    expect(isSignInLimited(keys, 5_000_100)).toBe(false);
    recordSignInFailure(keys, 5_000_050);
    expect(isSignInLimited(keys, 5_000_100)).toBe(true);
  });
});
