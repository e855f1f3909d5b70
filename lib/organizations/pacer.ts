// Client-side pacing for the organization crawl. Retrying is the SDK's job alone (lib/aws/clients.ts);
// the pacer only spaces the crawl's calls, and learns of throttling from the retries the SDK reports.
import { setTimeout as sleep } from 'node:timers/promises';

// Successes remembered, to judge the pace when a call that the SDK then retried went out.
const HISTORY_MS = 60_000;

/**
 * Learns the rate the API tolerates (additive increase, multiplicative decrease): unpaced until the
 * first throttling answer, then one call every 1/rate seconds, the rate nudged up after each success
 * and cut on each throttling answer. Keeps a long crawl near the service's limit with few throttled
 * calls instead of leaning on the SDK's retries.
 */
export class AdaptivePacer {
  private rate = Infinity;
  private nextAt = 0;
  /** Times of successes, oldest first. */
  private readonly successes: number[] = [];

  constructor(
    private readonly options: { increasePerSuccess?: number; decrease?: number; minRate?: number } = {},
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Requests per second now allowed (Infinity until the first throttling answer). */
  get currentRate(): number {
    return this.rate;
  }

  /** Waits for the next call's turn; returns when it goes (the pacer's clock), for onAnswer. */
  async wait(): Promise<number> {
    const now = this.clock();
    if (!Number.isFinite(this.rate)) return now;
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + 1000 / this.rate;
    if (at > now) await sleep(at - now);
    return at;
  }

  /**
   * After the SDK's answer to a call that went at `sentAt`, with the attempts it took (`$metadata.attempts`):
   * every attempt before the last was refused and retried by the SDK (throttling, on Organizations), so
   * the pace when the call went was too fast. The SDK answers only after its retries, seconds later maybe:
   * the pace is judged at `sentAt`, not now.
   */
  onAnswer(sentAt: number, attempts = 1): void {
    for (let i = 1; i < attempts; i++) this.onThrottled(sentAt);
    this.onSuccess();
  }

  private onSuccess(): void {
    const now = this.clock();
    this.successes.push(now);
    while (this.successes[0] < now - HISTORY_MS) this.successes.shift();
    if (Number.isFinite(this.rate)) this.rate += this.options.increasePerSuccess ?? 0.05;
  }

  private onThrottled(at: number): void {
    // First cut: what actually got through in the second before; later cuts: multiplicative.
    const observed = Math.max(this.successes.filter((t) => t > at - 1000 && t <= at).length, 1);
    const cut = Number.isFinite(this.rate) ? this.rate * (this.options.decrease ?? 0.9) : observed;
    this.rate = Math.max(this.options.minRate ?? 0.5, Math.min(cut, observed * 1.5));
    this.nextAt = Math.max(this.nextAt, this.clock() + 1000 / this.rate);
  }
}
