// Retries with "full jitter" (sleep a random time in [0, min(cap, base·2^attempt)]) on the throttling
// answers Organizations gives when a few hundred accounts are listed quickly.

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts?: number;
  baseMs?: number;
  capMs?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const THROTTLING = new Set(['TooManyRequestsException', 'ThrottlingException', 'Throttling', 'RequestLimitExceeded']);

export function isThrottling(error: unknown): boolean {
  const e = error as { name?: string; $retryable?: { throttling?: boolean } } | null;
  return !!e && (THROTTLING.has(e.name ?? '') || e.$retryable?.throttling === true);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `call`; on throttling, waits with full jitter and tries again. `onThrottled` counts the answers. */
export async function withJitterRetry<T>(
  call: () => Promise<T>,
  options: RetryOptions = {},
  onThrottled?: () => void,
): Promise<T> {
  const { maxAttempts = 10, baseMs = 100, capMs = 5_000, random = Math.random, sleep = defaultSleep } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isThrottling(error) || attempt + 1 >= maxAttempts) throw error;
      onThrottled?.();
      await sleep(random() * Math.min(capMs, baseMs * 2 ** attempt));
    }
  }
}

/**
 * Client-side pacing that learns the rate the API tolerates (additive increase, multiplicative
 * decrease): unpaced until the first throttling answer, then one call every 1/rate seconds, the rate
 * nudged up after each success and cut on each throttling answer. Keeps a long crawl near the
 * service's limit with few throttled calls instead of hammering it with retries.
 */
export class AdaptivePacer {
  private rate = Infinity;
  private nextAt = 0;
  private readonly recent: number[] = [];

  constructor(
    private readonly options: { increasePerSuccess?: number; decrease?: number; minRate?: number } = {},
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Requests per second now allowed (Infinity until the first throttling answer). */
  get currentRate(): number {
    return this.rate;
  }

  async wait(): Promise<void> {
    if (!Number.isFinite(this.rate)) return;
    const now = this.clock();
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + 1000 / this.rate;
    if (at > now) await defaultSleep(at - now);
  }

  onSuccess(): void {
    const now = this.clock();
    this.recent.push(now);
    while (this.recent.length > 0 && this.recent[0] < now - 1000) this.recent.shift();
    if (Number.isFinite(this.rate)) this.rate += this.options.increasePerSuccess ?? 0.05;
  }

  onThrottled(): void {
    const now = this.clock();
    while (this.recent.length > 0 && this.recent[0] < now - 1000) this.recent.shift();
    // First cut: what actually got through in the last second; later cuts: multiplicative.
    const observed = Math.max(this.recent.length, 1);
    const cut = Number.isFinite(this.rate) ? this.rate * (this.options.decrease ?? 0.9) : observed;
    this.rate = Math.max(this.options.minRate ?? 0.5, Math.min(cut, observed * 1.5));
    this.nextAt = Math.max(this.nextAt, now + 1000 / this.rate);
  }
}
