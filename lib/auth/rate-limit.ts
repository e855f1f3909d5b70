// Failed sign-ins are limited per email and per client address, so passwords cannot be guessed quickly. The
// failures are kept in the console's state (lib/state), so the limit holds across restarts and across every
// instance sharing one PostgreSQL: a guesser gains nothing by spreading attempts over instances.
import { state } from '../state/database';

const WINDOW_MS = 15 * 60 * 1000;
// Per email: few. Per client address: more, since several people may share one (a proxy, an office).
const MAX_FAILURES: Record<string, number> = { email: 5, address: 20 };
const maxFor = (key: string) => MAX_FAILURES[key.split(':')[0]] ?? 5;

/** True when any of the keys has had too many failures in the window. */
export async function isSignInLimited(keys: string[], at = Date.now()): Promise<boolean> {
  if (!keys.length) return false;
  const db = await state();
  const counts = await db
    .selectFrom('sign_in_failures')
    .select((eb) => ['key', eb.fn.countAll<number>().as('n')])
    .where('key', 'in', keys)
    .where('at', '>', at - WINDOW_MS)
    .groupBy('key')
    .execute();
  return counts.some(({ key, n }) => Number(n) >= maxFor(key));
}

export async function recordSignInFailure(keys: string[], at = Date.now()): Promise<void> {
  const db = await state();
  await db.transaction().execute(async (trx) => {
    // Failures past the window never count again: dropping them keeps the table as small as recent guessing.
    await trx.deleteFrom('sign_in_failures').where('at', '<=', at - WINDOW_MS).execute();
    if (keys.length) await trx.insertInto('sign_in_failures').values(keys.map((key) => ({ key, at }))).execute();
  });
}

export async function clearSignInFailures(keys: string[]): Promise<void> {
  if (keys.length) await (await state()).deleteFrom('sign_in_failures').where('key', 'in', keys).execute();
}
