// A value worked out from readings that change (the access paths, the findings), one working-out at a time. It is
// kept until what it was worked out from (its mark) changes. Then a change the console made is waited for; a reading
// that fills in (its mark changing with every account read) or a new reading is worked out behind the last value,
// which answers when the next is not ready within 50 ms — at most once a second and never for more than a twentieth
// of the time: at 10,000 accounts each working-out is seconds of one core.
import { setTimeout as sleep } from 'node:timers/promises';

const BEHIND_EVERY_MS = 1_000;
const BEHIND_WAIT_MS = 50;

/** What a value is worked out from, by parts (which readings, what they hold): equal when every part is. */
export type Mark = Readonly<Record<string, string | number>>;

const sameMark = (a: Mark, b: Mark) => Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((key) => a[key] === b[key]);

export interface Recomputed<V, M extends Mark> {
  /**
   * The value for `mark`, worked out by `compute` unless kept (told whether it is worked out behind the last value).
   * `behind(lastMark)`: whether the last value (worked out for `lastMark`) may answer while the next is worked out.
   */
  get(mark: M, compute: (behind: boolean) => Promise<V>, behind: (lastMark: M) => boolean): Promise<V>;
  /** After a change the marks do not show: the next get works the value out again. */
  forget(): void;
}

export function recomputed<V, M extends Mark>(): Recomputed<V, M> {
  let last: { mark: M; value: V; at: number; ms: number } | undefined;
  let running: { mark: M; done: Promise<V> } | undefined;
  let generation = 0;

  function start(mark: M, compute: (behind: boolean) => Promise<V>, behind: boolean) {
    const startedIn = generation;
    const started = performance.now();
    const done: Promise<V> = compute(behind)
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
    async get(mark, compute, behind) {
      for (;;) {
        const kept = !!last && sameMark(last.mark, mark);
        const mayLag = !!last && !kept && behind(last.mark);
        if (last && (kept || (mayLag && Date.now() - last.at < Math.max(BEHIND_EVERY_MS, 20 * last.ms)))) return last.value;
        if (last && mayLag) {
          // A small reading's working-out is done within the wait: the page shows it, not the one before.
          const next = (running ?? start(mark, compute, true)).done.catch(() => last!.value);
          return await Promise.race([next, sleep(BEHIND_WAIT_MS).then(() => last!.value)]);
        }
        // A working-out from other readings (before a change) ends first: one at a time, then this mark's.
        if (running && !sameMark(running.mark, mark)) {
          await running.done.catch(() => undefined);
          continue;
        }
        return await (running ?? start(mark, compute, false)).done;
      }
    },
    forget() {
      generation++;
      last = undefined;
      running = undefined;
    },
  };
}
