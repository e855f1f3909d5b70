// Protects: the users file and the session-signing secret are readable by the console's user only, a
// guessable AUTH_SECRET is refused, a sign-in answers the same for unknown emails and wrong passwords, and a
// new password ends the sessions signed in with the old one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-auth-files-'));
  Object.assign(process.env, { CROSSING_DATA_DIR: path.join(dir, 'data'), CROSSING_MODE: 'sandbox', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
  delete process.env.AUTH_SECRET;
});

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe('users file', () => {
  it('is written for the owner only, even over a leftover readable temporary file', async () => {
    const { upsertUser, usersFilePath, verifyPassword } = await import('./users');
    const file = usersFilePath();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.${process.pid}.tmp`, '', { mode: 0o644 });
    expect(upsertUser(file, { email: 'Ops@Example.com', role: 'admin', password: 'correct horse battery' })).toBe('added');
    expect(mode(file)).toBe(0o600);
    expect(await verifyPassword('ops@example.com', 'correct horse battery')).toMatchObject({ email: 'ops@example.com', role: 'admin' });
    expect(await verifyPassword('ops@example.com', 'wrong')).toBeUndefined();
    expect(await verifyPassword('nobody@example.com', 'correct horse battery')).toBeUndefined();
  });

  it('gives sessions a version that a new password changes', async () => {
    const { credentialVersion, findUser, upsertUser, usersFilePath } = await import('./users');
    const version = () => credentialVersion(findUser('ops@example.com')!);
    const before = version();
    expect(version()).toBe(before);
    expect(upsertUser(usersFilePath(), { email: 'ops@example.com', role: 'admin', password: 'another long password' })).toBe('updated');
    expect(version()).not.toBe(before);
  });
});

describe('session-signing secret', () => {
  it('is generated once, for the owner only', async () => {
    const { authSecret } = await import('./secret');
    const secret = authSecret();
    const file = path.join(process.env.CROSSING_DATA_DIR!, 'auth-secret');
    expect(fs.readFileSync(file, 'utf8')).toBe(secret);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(mode(file)).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a short AUTH_SECRET', async () => {
    const { vi } = await import('vitest');
    vi.resetModules();
    process.env.AUTH_SECRET = 'changeme';
    const { authSecret } = await import('./secret');
    expect(() => authSecret()).toThrow(/AUTH_SECRET must have at least 32 characters/);
    delete process.env.AUTH_SECRET;
  });
});
