// Organization-wide reads run behind the pages. On a machine shared with the pages, hundreds of background calls
// in flight take the cores the pages need: a page waits seconds. So while pages are being served (one in the last
// QUIET_MS) or the event loop's turns are long, a background call in a member account starts, and its answer is
// parsed, one turn every RELEASE_EVERY_MS (lib/aws/clients.ts; the reads go on, at about what AWS's throttles allow
// anyway), and one every CROWDED_RELEASE_EVERY_MS when both (pages wait behind the reads' own work: parsing what AWS
// answered); with nobody browsing, they run at AWS's own pace.
/** How often the loop's turn is measured: a timer's lateness is the time the turn took. */
const SAMPLE_MS = 20;
/** A turn longer than this (smoothed) holds background calls back. */
const BUSY_MS = 8;
/** Pages served this recently hold background calls back. */
const QUIET_MS = 1_000;
/** While held back, one background call starts or has its answer parsed this often (100 a second). */
const RELEASE_EVERY_MS = 10;
/** While pages are being served on a busy loop, this often (10 a second). */
const CROWDED_RELEASE_EVERY_MS = 100;

let pageAt = -Infinity;

/** A page is being rendered (the console's layout says so on every view and refresh). */
export function pageServed(): void {
  pageAt = performance.now();
}

let turnMs = 0;
let sampler: NodeJS.Timeout | undefined;
/** Background calls held back, first come first served; one timer lets them go. */
const waiting: (() => void)[] = [];
let releasing: NodeJS.Timeout | undefined;

function sample(): void {
  const due = performance.now() + SAMPLE_MS;
  sampler = setTimeout(() => {
    const late = Math.max(0, performance.now() - due);
    turnMs = turnMs * 0.7 + late * 0.3;
    sample();
  }, SAMPLE_MS).unref();
}

const idle = () => turnMs <= BUSY_MS && performance.now() - pageAt > QUIET_MS;
const nextRelease = () => (turnMs > BUSY_MS && performance.now() - pageAt <= QUIET_MS ? CROWDED_RELEASE_EVERY_MS : RELEASE_EVERY_MS);

function release(): void {
  releasing = undefined;
  if (idle()) for (const go of waiting.splice(0)) go();
  else waiting.shift()?.();
  if (waiting.length) releasing = setTimeout(release, nextRelease());
}

/** Resolves at once when no page is being served and the loop's turns are short; else when this call's turn comes. */
export function whenPagesIdle(): Promise<void> {
  if (!sampler) sample();
  if (waiting.length === 0 && idle()) return Promise.resolve();
  return new Promise((resolve) => {
    waiting.push(resolve);
    releasing ??= setTimeout(release, nextRelease());
  });
}
