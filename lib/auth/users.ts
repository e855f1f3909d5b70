// The users file (CROSSING_DATA_DIR/users.json): bcrypt hashes written by `npm run user:add`, plus, on the
// sandbox only, two demo users whose credentials the sign-in page shows.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { config, dataDir } from '../config';
import { type Role, ROLES } from './roles';
import { log } from '../log';
import { writePrivateFile } from '../private-file';
import { authSecret } from './secret';

const userSchema = z.object({
  email: z.string().email(),
  name: z.string(),
  role: z.enum(ROLES),
  passwordHash: z.string().startsWith('$2'),
});
const fileSchema = z.object({ users: z.array(userSchema) });
export type StoredUser = z.infer<typeof userSchema>;

export const DEMO_USERS: readonly { email: string; password: string; name: string; role: Role }[] = [
  { email: 'admin@crossing.local', password: 'crossing-admin', name: 'Demo admin', role: 'admin' },
  { email: 'viewer@crossing.local', password: 'crossing-viewer', name: 'Demo viewer', role: 'viewer' },
];

export function usersFilePath(): string {
  return path.join(dataDir(), 'users.json');
}

let fileCache: { mtimeMs: number; users: StoredUser[] } | undefined;

export function readUsersFile(file = usersFilePath()): StoredUser[] {
  let stat;
  try {
    stat = fs.statSync(/*turbopackIgnore: true*/ file);
  } catch {
    return [];
  }
  if (fileCache?.mtimeMs === stat.mtimeMs && file === usersFilePath()) return fileCache.users;
  if (stat.mode & 0o077) log('warn', 'the users file is readable by other users; run chmod 600 on it', { file });
  const users = fileSchema.parse(JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8"))).users;
  if (file === usersFilePath()) fileCache = { mtimeMs: stat.mtimeMs, users };
  return users;
}

const DEMO_SALT = '$2b$10$crossingsandboxdemousr';
let demoHashes: StoredUser[] | undefined;

function demoUsers(): StoredUser[] {
  if (config().mode !== 'sandbox') return [];
  // A fixed salt (the passwords are public anyway) keeps the hashes, and so demo sessions, valid across restarts.
  demoHashes ??= DEMO_USERS.map(({ password, ...user }) => ({ ...user, passwordHash: bcrypt.hashSync(password, DEMO_SALT) }));
  return demoHashes;
}

export function findUser(email: string): StoredUser | undefined {
  const wanted = email.trim().toLowerCase();
  return [...readUsersFile(), ...demoUsers()].find((user) => user.email.toLowerCase() === wanted);
}

// The hash of a random password, at the users file's cost (12), compared when the email is unknown so that
// the answer takes as long as for a real user and does not tell which emails exist.
const UNKNOWN_USER_HASH = '$2b$12$2B5.Llqxu80SX2GpF9TFn.8npssWgmpugvk1Kl5/Weol3skhKUFUW';

/** The user when the password matches; undefined otherwise (same cost whether or not the user exists). */
export async function verifyPassword(email: string, password: string): Promise<StoredUser | undefined> {
  const user = findUser(email);
  const ok = await bcrypt.compare(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  return ok ? user : undefined;
}

/**
 * Changes when the user's password changes: sessions carry it, so a new password (`npm run user:add` again) ends
 * every session signed in with the old one. A keyed hash: it says nothing about the password hash itself.
 */
export function credentialVersion(user: StoredUser): string {
  return crypto.createHmac('sha256', authSecret()).update(`${user.email}\0${user.passwordHash}`).digest('base64url').slice(0, 22);
}

/** Adds or replaces a user in the users file (written atomically, readable by the owner only). */
export function upsertUser(file: string, user: { email: string; name?: string; role: Role; password: string }): 'added' | 'updated' {
  const users = readUsersFile(file);
  const entry: StoredUser = userSchema.parse({
    email: user.email.trim().toLowerCase(),
    name: user.name ?? user.email.split('@')[0],
    role: user.role,
    passwordHash: bcrypt.hashSync(user.password, 12),
  });
  const index = users.findIndex((u) => u.email === entry.email);
  const next = index >= 0 ? users.map((u, i) => (i === index ? entry : u)) : [...users, entry];
  writePrivateFile(file, JSON.stringify({ users: next }, null, 2) + '\n');
  return index >= 0 ? 'updated' : 'added';
}
