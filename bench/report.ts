// For benchmarks: throttle flags read as the sandbox takes them, and figures printed against their targets, so a
// benchmark's exit status can say whether every target was met.
import type { RateLimit } from '../sandbox/core/throttle';

/** A `RATE:BURST` flag (`5:10`). */
export function rateLimit(text: string): RateLimit {
  const [rate, burst] = text.split(':').map(Number);
  return { rate, burst };
}

/**
 * `report` prints a figure (✓ met, ✗ missed, blank: stated without a target); `summary` prints which targets were
 * missed and returns how many, for the exit status.
 */
export function targetReport() {
  const results: [string, boolean | undefined][] = [];
  const report = (label: string, value: string, target: string, ok?: boolean) => {
    results.push([label, ok]);
    console.log(`${ok === undefined ? ' ' : ok ? '✓' : '✗'} ${label}: ${value}${target ? `   (target ${target})` : ''}`);
  };
  const summary = (): number => {
    const failed = results.filter(([, ok]) => ok === false);
    console.log(failed.length === 0 ? '\nall targets met' : `\n${failed.length} target(s) missed: ${failed.map(([label]) => label).join('; ')}`);
    return failed.length;
  };
  return { results, report, summary };
}
