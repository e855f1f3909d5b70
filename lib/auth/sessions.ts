// The server's record of signed-in sessions (CROSSING_DATA_DIR/sessions.sqlite, WAL, 0600). A session cookie
// is a signed JWT that stays valid until it expires, wherever it is copied to: a session counts only while its
// record says so, so signing out ends it for every copy, and so do its lifetime from sign-in
// (CROSSING_SESSION_MAX_AGE_SECONDS) and its idle timeout (CROSSING_SESSION_IDLE_TIMEOUT_SECONDS).
import crypto from 'node:crypto';
import { config } from '../config';
import { privateDatabase } from '../db';

// The last-seen time is written at most this often: one write a minute per session, not one per request.
const TOUCH_EVERY_MS = 60_000;

// Session ids are as good as cookies for telling who is signed in: the database is private to the console's user.
const database = () =>
  privateDatabase(
    'sessions.sqlite',
    `CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    user TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
  )`,
  );

/** Records a new session for the user (an email) and returns its id, for the session cookie. */
export function startSession(user: string, now = Date.now()): string {
  const id = crypto.randomBytes(18).toString('base64url');
  const { maxAgeSeconds } = config().session;
  const sessions = database();
  // Sessions past their lifetime can never count again: dropping them keeps the table as small as who is signed in.
  sessions.prepare('DELETE FROM sessions WHERE started_at <= ?').run(now - maxAgeSeconds * 1000);
  sessions.prepare('INSERT INTO sessions (id, user, started_at, last_seen_at) VALUES (?, ?, ?, ?)').run(id, user, now, now);
  return id;
}

/**
 * Whether the session still counts: recorded, not signed out, within its lifetime and not idle for too long.
 * Records that it was seen now. An id that is not a string (a cookie from before sessions were recorded) never counts.
 */
export function continueSession(id: unknown, now = Date.now()): boolean {
  if (typeof id !== 'string') return false;
  const sessions = database();
  const row = sessions.prepare('SELECT started_at, last_seen_at FROM sessions WHERE id = ?').get(id) as
    | { started_at: number; last_seen_at: number }
    | undefined;
  if (!row) return false;
  const { maxAgeSeconds, idleTimeoutSeconds } = config().session;
  if (now - row.started_at >= maxAgeSeconds * 1000 || now - row.last_seen_at >= idleTimeoutSeconds * 1000) {
    endSession(id);
    return false;
  }
  if (now - row.last_seen_at >= TOUCH_EVERY_MS) sessions.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(now, id);
  return true;
}

/** Ends the session (sign-out): no copy of its cookie counts any more. */
export function endSession(id: unknown): void {
  if (typeof id === 'string') database().prepare('DELETE FROM sessions WHERE id = ?').run(id);
}

