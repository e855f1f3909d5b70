// The console's own log: one line per event, for people (`crossing: …`) or, with CROSSING_LOG_FORMAT=json, one
// JSON object per line for log collectors. Never a stack trace: the reason is what an operator acts on, and a
// stack per request would let anyone with a junk cookie flood the log.
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | undefined>;

// Values often come from the request (a path, an address): long ones are cut so one request makes one short line.
const MAX_VALUE = 200;

function clip(value: string): string {
  return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;
}

/** Quoted unless plainly safe, so a value holding a newline or `key=` cannot forge another line or field. */
function textValue(value: string | number | boolean): string {
  const text = clip(String(value));
  return /^[\w.:/@%+,-]+$/.test(text) ? text : JSON.stringify(text);
}

export function log(level: LogLevel, message: string, fields: LogFields = {}): void {
  const entries = Object.entries(fields).filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined);
  const line =
    process.env.CROSSING_LOG_FORMAT === 'json'
      ? JSON.stringify({
          time: new Date().toISOString(),
          level,
          message,
          ...Object.fromEntries(entries.map(([key, value]) => [key, typeof value === 'string' ? clip(value) : value])),
        })
      : `crossing: ${level === 'info' ? '' : `${level}: `}${message}${entries.map(([key, value]) => ` ${key}=${textValue(value)}`).join('')}`;
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
}

/** An error in one line: its message, and its cause's when it wraps one (next-auth's errors carry the reason there). */
export function errorReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // next-auth appends a documentation link to every message; the type names the same page.
  const own = error.message.replace(/\.? ?Read more at https:\/\/errors\.authjs\.dev#\S*$/, '');
  // next-auth's type, or a code (bundling renames the classes of jose's errors, not their codes).
  const { type, code, error: oauthError, error_description: description } = error as Error & Partial<Record<'type' | 'code' | 'error' | 'error_description', unknown>>;
  const name = typeof type === 'string' ? type : typeof code === 'string' ? code : error.name;
  // What an OAuth server answered (oauth4webapi's errors carry it), e.g. "invalid_grant: redirect_uri mismatch".
  const answered = typeof oauthError === 'string' ? [oauthError, typeof description === 'string' ? description : ''].filter(Boolean).join(': ') : '';
  const cause = error.cause as { err?: unknown } | Error | undefined;
  const inner = cause instanceof Error ? cause : cause?.err instanceof Error ? cause.err : undefined;
  const message = own === name ? '' : own;
  return [name, answered ? `${message} (${answered})` : message, inner && errorReason(inner)].filter(Boolean).join(': ');
}
