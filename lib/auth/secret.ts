// The session-signing secret: AUTH_SECRET when set, else one generated once and kept in the data directory.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../config';
import { writePrivateFile } from '../private-file';

// Anyone who knows the secret can forge an admin session: refuse guessable ones.
const MIN_LENGTH = 32;

let secret: string | undefined;

export function authSecret(): string {
  if (secret) return secret;
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < MIN_LENGTH) {
      throw new Error(`AUTH_SECRET must have at least ${MIN_LENGTH} characters (e.g. openssl rand -base64 32), or be unset to generate one`);
    }
    return (secret = fromEnv);
  }
  const file = path.join(config().dataDir, 'auth-secret');
  try {
    secret = fs.readFileSync(file, 'utf8').trim();
  } catch {
    // When two processes race, both end up with the secret that was linked first.
    writePrivateFile(file, crypto.randomBytes(32).toString('base64url'), { keepExisting: true });
    secret = fs.readFileSync(file, 'utf8').trim();
  }
  if (secret.length < MIN_LENGTH) throw new Error(`${file} holds no usable secret: delete it to generate a new one`);
  return secret;
}
