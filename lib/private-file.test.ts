// Protects: the data directory (users, secrets, audit trail, sessions, the organization's accounts) is readable
// by the console's user only after every start, even when it was left readable by others (0755, 0644).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensurePrivateDir, securePrivateDir, writePrivateFile } from './private-file';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

function readableDataDir(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-private-')), 'data');
  fs.mkdirSync(path.join(dir, 'cache'), { recursive: true, mode: 0o755 });
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(path.join(dir, 'cache'), 0o755);
  for (const file of ['users.json', 'auth-secret', 'audit.sqlite', 'audit.sqlite-wal', 'cache/organization.json']) {
    fs.writeFileSync(path.join(dir, file), 'x', { mode: 0o644 });
  }
  return dir;
}

describe('the data directory', () => {
  it('is made private at start, with everything already in it', () => {
    const dir = readableDataDir();
    const outside = path.join(path.dirname(dir), 'elsewhere.txt');
    fs.writeFileSync(outside, 'x', { mode: 0o644 });
    fs.symlinkSync(outside, path.join(dir, 'link'));
    securePrivateDir(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'cache'))).toBe(0o700);
    for (const file of ['users.json', 'auth-secret', 'audit.sqlite', 'audit.sqlite-wal', 'cache/organization.json']) {
      expect(mode(path.join(dir, file)), file).toBe(0o600);
    }
    // A link's target is not the console's to change.
    expect(mode(outside)).toBe(0o644);
  });

  it('is narrowed when a file is written into it, even if it existed as 0755', () => {
    const dir = readableDataDir();
    writePrivateFile(path.join(dir, 'auth-secret'), 'secret');
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'auth-secret'))).toBe(0o600);
  });

  it('is created private when missing', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-private-')), 'a', 'b');
    ensurePrivateDir(dir);
    expect(mode(dir)).toBe(0o700);
  });
});
