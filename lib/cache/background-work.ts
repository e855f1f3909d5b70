// Which work is a background read's (a snapshot's build, an organization-wide fan-out), down to the calls it makes:
// the console's own clients then keep it in a lane of its own (lib/aws/clients.ts), so the SDK's client-side pacing
// queues a page's call behind the page's own, not behind 10,000 accounts' reads.
import { AsyncLocalStorage } from 'node:async_hooks';
import { processWide } from './process';

// One per process, whichever copy of this module the bundler gave the caller.
const background = processWide('background-work', () => new AsyncLocalStorage<true>());

/** Runs `work` (and everything it starts) as background work. */
export function inBackground<T>(work: () => T): T {
  return background.run(true, work);
}

/** Whether the caller is background work. */
export function isBackground(): boolean {
  return background.getStore() === true;
}
