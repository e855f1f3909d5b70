// Reads across the organization: one call per (account, Region), with a bounded number in flight overall and
// per account (throttling is left to the SDK's retry), results delivered as they arrive, and every target
// that could not be read reported with the reason — never silently skipped.
import { getCallerIdentity, memberCredentials } from './clients';
import { inBackground } from '../cache/background-work';
import { whenPagesIdle } from './background';
import { explainAwsError } from './errors';

export interface FanOutTarget {
  accountId: string;
  region: string;
}

export type FanOutResult<T> = (FanOutTarget & { ok: true; value: T }) | (FanOutTarget & { ok: false; error: string });

export interface FanOutOptions<T> {
  /** The operation named in failure explanations: 'ram:GetResourceShareInvitations'. */
  operation: string;
  /** Calls in flight at once; default 8. */
  concurrency?: number;
  /** Calls in flight at once in one account (its own API limits); default 2. */
  perAccount?: number;
  /** Each result as soon as it is known. */
  onResult?: (result: FanOutResult<T>) => void;
  /** A background read (a snapshot's): each call waits while pages are being served (./background.ts). */
  background?: boolean;
}

/**
 * Reads every target, `targets` a list or batches that keep arriving (the accounts of an organization still being
 * listed): the reads start on the first batch and the fan-out ends once the last batch is read.
 */
export async function fanOut<T>(targets: FanOutTarget[] | AsyncIterable<FanOutTarget[]>, read: (target: FanOutTarget) => Promise<T>, options: FanOutOptions<T>): Promise<FanOutResult<T>[]> {
  const concurrency = options.concurrency ?? 8;
  const perAccount = options.perAccount ?? 2;
  const results: FanOutResult<T>[] = [];
  const inFlight = new Map<string, number>();
  const queue = Array.isArray(targets) ? [...targets] : [];
  let arriving = !Array.isArray(targets);
  let running = 0;
  return new Promise((resolve, reject) => {
    const pump = () => {
      if (!arriving && queue.length === 0 && running === 0) return resolve(results);
      for (let i = 0; i < queue.length && running < concurrency; ) {
        const target = queue[i];
        if ((inFlight.get(target.accountId) ?? 0) >= perAccount) {
          i++;
          continue;
        }
        queue.splice(i, 1);
        running++;
        inFlight.set(target.accountId, (inFlight.get(target.accountId) ?? 0) + 1);
        (options.background ? inBackground(() => read(target)) : read(target))
          .then(
            (value): FanOutResult<T> => ({ ...target, ok: true, value }),
            (error: unknown): FanOutResult<T> => ({ ...target, ok: false, error: explainAwsError(error, { operation: options.operation, ...target }) }),
          )
          .then((result) => {
            results.push(result);
            options.onResult?.(result);
            running--;
            inFlight.set(target.accountId, inFlight.get(target.accountId)! - 1);
            pump();
          });
      }
    };
    if (!Array.isArray(targets)) {
      (async () => {
        for await (const batch of targets) {
          queue.push(...batch);
          pump();
        }
      })().then(() => {
        arriving = false;
        pump();
      }, reject);
    }
    pump();
  });
}

// Member sessions (STS AssumeRole) are fetched in a lane of their own, ahead of the reads: STS's rate then
// paces only the sessions, and an account's reads never wait behind another account's session.
const SESSION_LANE = 8;

/**
 * The accounts of an organization as its listing finds them, as targets in `region`: each batch is counted
 * (`listed`) and its member sessions are fetched ahead, batch after batch, while the earlier ones are read.
 */
export async function* accountTargets(batches: AsyncIterable<string[]>, region: string, listed: (count: number) => void): AsyncGenerator<FanOutTarget[]> {
  let sessions = Promise.resolve();
  for await (const ids of batches) {
    listed(ids.length);
    sessions = sessions.then(() => prefetchMemberSessions(ids));
    yield ids.map((accountId) => ({ accountId, region }));
  }
}
/** Assumes the member role of each account (but the console's own) ahead of a fan-out's reads. */
export async function prefetchMemberSessions(accountIds: string[]): Promise<void> {
  const own = (await getCallerIdentity().catch(() => undefined))?.accountId;
  const queue = accountIds.filter((id) => id !== own);
  const lane = async () => {
    // A failure is left for the account's first read to meet and report (it asks again, once).
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      // Waits before asking: a page that needs the same session then never waits behind the background's turns.
      await whenPagesIdle();
      await inBackground(() => memberCredentials(id)).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: SESSION_LANE }, lane));
}
