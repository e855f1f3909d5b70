// Organization-wide reads run behind the pages. A page's render is a chain of steps, each waiting one turn of
// the event loop; when dozens of background calls are answering at once, each turn takes tens of milliseconds
// and a page waits seconds. So a background read starts its next call only once a turn is short again (or
// after MAX_WAIT_MS, so a busy console still reads); with nobody browsing, the reads run at AWS's own pace.
import { setTimeout as sleep } from 'node:timers/promises';

/** How often the loop's turn is measured: a timer's lateness is the time the turn took. */
const SAMPLE_MS = 20;
/** A turn longer than this (smoothed) holds background calls back. */
const BUSY_MS = 8;
const MAX_WAIT_MS = 1_000;

let turnMs = 0;
let sampler: NodeJS.Timeout | undefined;

function sample(): void {
  const due = performance.now() + SAMPLE_MS;
  sampler = setTimeout(() => {
    const late = Math.max(0, performance.now() - due);
    turnMs = turnMs * 0.7 + late * 0.3;
    sample();
  }, SAMPLE_MS).unref();
}

/** Resolves once the event loop's turns are short (pages first), or after MAX_WAIT_MS. */
export async function whenPagesIdle(): Promise<void> {
  if (!sampler) sample();
  const until = performance.now() + MAX_WAIT_MS;
  // A random wait, so the held-back calls do not all start on the same turn.
  while (turnMs > BUSY_MS && performance.now() < until) await sleep(SAMPLE_MS + Math.random() * SAMPLE_MS);
}
