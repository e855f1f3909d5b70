// Files in the data dir hold users, secrets, the audit trail and the organization's accounts: only the
// console's own user may read them, and a reader must never see one half-written.
import fs from 'node:fs';
import path from 'node:path';

export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(/*turbopackIgnore: true*/ dir, { recursive: true, mode: 0o700 });
  // `mode` applies only when the directory is created: one that exists already (0755 from a restore, an older
  // version or a hand-made mkdir) is narrowed too.
  if (fs.statSync(/*turbopackIgnore: true*/ dir).mode & 0o077) fs.chmodSync(/*turbopackIgnore: true*/ dir, 0o700);
}

/** At start: the directory and everything in it for the owner only (directories 0700, files 0600), whatever they were. */
export function securePrivateDir(dir: string): void {
  ensurePrivateDir(dir);
  for (const entry of fs.readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) securePrivateDir(child);
    // Symbolic links are left alone: their own mode means nothing, and what they point at is not ours to change.
    else if (entry.isFile() && fs.statSync(/*turbopackIgnore: true*/ child).mode & 0o077) fs.chmodSync(/*turbopackIgnore: true*/ child, 0o600);
  }
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
