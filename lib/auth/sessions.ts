// The server's record of signed-in sessions, in the console's state (lib/state: SQLite in the data dir, or the
// PostgreSQL every instance shares). A session cookie is a signed JWT that stays valid until it expires, wherever
// it is copied to: a session counts only while its record says so, so signing out ends it for every copy and on
// every instance, and so do its lifetime from sign-in (CROSSING_SESSION_MAX_AGE_SECONDS) and its idle timeout
// (CROSSING_SESSION_IDLE_TIMEOUT_SECONDS).
import crypto from 'node:crypto';
import { config } from '../config';
import { state } from '../state/database';

// The last-seen time is written at most this often: one write a minute per session, not one per request.
const TOUCH_EVERY_MS = 60_000;

/** Records a new session for the user (an email) and returns its id, for the session cookie. */
export async function startSession(user: string, now = Date.now()): Promise<string> {
  const id = crypto.randomBytes(18).toString('base64url');
  const { maxAgeSeconds } = config().session;
  const db = await state();
  // Sessions past their lifetime can never count again: dropping them keeps the table as small as who is signed in.
  await db.deleteFrom('sessions').where('started_at', '<=', now - maxAgeSeconds * 1000).execute();
  await db.insertInto('sessions').values({ id, user_email: user, started_at: now, last_seen_at: now }).execute();
  return id;
}

/**
 * Whether the session still counts: recorded, not signed out, within its lifetime and not idle for too long.
 * Records that it was seen now. An id that is not a string (a cookie from before sessions were recorded) never counts.
 */
export async function continueSession(id: unknown, now = Date.now()): Promise<boolean> {
  if (typeof id !== 'string') return false;
  const db = await state();
  const row = await db.selectFrom('sessions').select(['started_at', 'last_seen_at']).where('id', '=', id).executeTakeFirst();
  if (!row) return false;
  const { maxAgeSeconds, idleTimeoutSeconds } = config().session;
  if (now - row.started_at >= maxAgeSeconds * 1000 || now - row.last_seen_at >= idleTimeoutSeconds * 1000) {
    await endSession(id);
    return false;
  }
  if (now - row.last_seen_at >= TOUCH_EVERY_MS) await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  return true;
}

/** Ends the session (sign-out): no copy of its cookie counts any more, on any instance. */
export async function endSession(id: unknown): Promise<void> {
  if (typeof id === 'string') await (await state()).deleteFrom('sessions').where('id', '=', id).execute();
}
