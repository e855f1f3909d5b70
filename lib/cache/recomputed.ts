// A value worked out from readings that change (the access paths, the findings), one working-out at a time. It is
// kept until what it was worked out from (its mark) changes. While a reading still fills in (its mark changing with
// every account read), the next is worked out behind the last value, which answers when the next is not ready within
// 50 ms; at most once a second and never for more than a twentieth of the time: at 10,000 accounts each working-out
// is seconds of one core.
import { setTimeout as sleep } from 'node:timers/promises';

const FILLING_EVERY_MS = 1_000;
const BEHIND_WAIT_MS = 50;

export interface Recomputed<V> {
  /**
   * The value for `mark`, worked out by `compute` unless kept. `filling(lastMark)`: whether the last value (worked out
   * for `lastMark`) may answer while the next is worked out behind it.
   */
  get(mark: string, compute: () => Promise<V>, filling: (lastMark: string) => boolean): Promise<V>;
  /** After a change the marks do not show: the next get works the value out again. */
  forget(): void;
}

export function recomputed<V>(): Recomputed<V> {
  let last: { mark: string; value: V; at: number; ms: number } | undefined;
  let running: { mark: string; done: Promise<V> } | undefined;
  let generation = 0;

  function start(mark: string, compute: () => Promise<V>) {
    const startedIn = generation;
    const started = performance.now();
    const done: Promise<V> = compute()
      .then((value) => {
        if (startedIn === generation) last = { mark, value, at: Date.now(), ms: performance.now() - started };
        return value;
      })
      .finally(() => {
        if (running?.done === done) running = undefined;
      });
    // Nobody may be waiting on one worked out behind the last value: its failure is seen by the next get.
    done.catch(() => undefined);
    return (running = { mark, done });
  }

  return {
    async get(mark, compute, filling) {
      for (;;) {
        const behind = !!last && filling(last.mark);
        if (last && (last.mark === mark || (behind && Date.now() - last.at < Math.max(FILLING_EVERY_MS, 20 * last.ms)))) return last.value;
        if (last && behind) {
          // A small reading's working-out is done within the wait: the page shows it, not the one before.
          const next = (running ?? start(mark, compute)).done.catch(() => last!.value);
          return await Promise.race([next, sleep(BEHIND_WAIT_MS).then(() => last!.value)]);
        }
        // A working-out from other readings (before a change) ends first: one at a time, then this mark's.
        if (running && running.mark !== mark) {
          await running.done.catch(() => undefined);
          continue;
        }
        return await (running ?? start(mark, compute)).done;
      }
    },
    forget() {
      generation++;
      last = undefined;
      running = undefined;
    },
  };
}
