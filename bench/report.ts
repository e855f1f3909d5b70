// For benchmarks: throttle flags read as the sandbox takes them, and figures printed against their targets, so a
// benchmark's exit status can say whether every target was met.
import type { RateLimit } from '../sandbox/core/throttle';

/** A `RATE:BURST` flag (`5:10`). */
export function rateLimit(text: string): RateLimit {
  const [rate, burst] = text.split(':').map(Number);
  return { rate, burst };
}

/** `report` prints a figure (✓ met, ✗ missed, blank: stated without a target); `results` keeps each verdict. */
export function targetReport() {
  const results: [string, boolean | undefined][] = [];
  const report = (label: string, value: string, target: string, ok?: boolean) => {
    results.push([label, ok]);
    console.log(`${ok === undefined ? ' ' : ok ? '✓' : '✗'} ${label}: ${value}${target ? `   (target ${target})` : ''}`);
  };
  return { results, report };
}
