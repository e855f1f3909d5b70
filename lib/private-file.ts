// Files in the data dir hold users, secrets, the audit trail and the organization's accounts: only the
// console's own user may read them, and a reader must never see one half-written.
import fs from 'node:fs';
import path from 'node:path';

export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(/*turbopackIgnore: true*/ dir, { recursive: true, mode: 0o700 });
}

/**
 * Writes `data` to a private temporary file (0600), then moves it into place. With `keepExisting`, an
 * existing file wins (it is linked, not renamed): when two processes race, both keep the first one's.
 */
export function writePrivateFile(file: string, data: string, options: { keepExisting?: boolean } = {}): void {
  ensurePrivateDir(path.dirname(file));
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(/*turbopackIgnore: true*/ tmp, data, { mode: 0o600 });
  fs.chmodSync(/*turbopackIgnore: true*/ tmp, 0o600); // `mode` applies only when the file is created; a leftover tmp file keeps its own
  if (!options.keepExisting) {
    fs.renameSync(/*turbopackIgnore: true*/ tmp, file);
    return;
  }
  try {
    fs.linkSync(/*turbopackIgnore: true*/ tmp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(/*turbopackIgnore: true*/ tmp, { force: true });
  }
}
