// Work over 10,000 accounts (the access paths, the findings) takes seconds of one core. Written as a generator that
// yields between units of work, it runs to its end at once (tests, benchmarks, one-off plans) or in slices that
// give the event loop back every few milliseconds, so pages are served while it runs.
import { setImmediate as nextTurn } from 'node:timers/promises';

export type Steps<T> = Generator<void, T, void>;

const SLICE_MS = 15;

/** Runs the steps to their end without a pause. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps, letting whatever waits on the event loop go first every `sliceMs`. */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let until = performance.now() + sliceMs;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() >= until) {
      await nextTurn();
      until = performance.now() + sliceMs;
    }
  }
}

/** `items` sorted as Array.prototype.sort would (stably), in steps: runs of a thousand, then merged pairwise. */
export function* sortedSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
  const RUN = 1_024;
  let runs: T[][] = [];
  for (let i = 0; i < items.length; i += RUN) {
    runs.push(items.slice(i, i + RUN).sort(compare));
    yield;
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const [a, b] = [runs[r], runs[r + 1] ?? []];
      const out: T[] = [];
      let x = 0;
      let y = 0;
      while (x < a.length && y < b.length) {
        out.push(compare(b[y], a[x]) < 0 ? b[y++] : a[x++]);
        if (out.length % RUN === 0) yield;
      }
      merged.push(out.concat(a.slice(x), b.slice(y)));
    }
    runs = merged;
  }
  return runs[0] ?? [];
}
