// Whether the Next build in the dist dir is missing or older than the console's sources, and building it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const distDir = () => process.env.CROSSING_NEXT_DIST_DIR || '.next';

const SOURCES = ['app', 'components', 'lib', 'public', 'auth.ts', 'proxy.ts', 'next.config.ts', 'postcss.config.mjs', 'package-lock.json'];
// Rewritten by every end-to-end run; served from disk under names the build already knows.
const NOT_SOURCES = new Set([path.join(ROOT, 'public', 'screenshots')]);

function newestMtime(entry: string): number {
  if (NOT_SOURCES.has(entry)) return 0;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Why a build is needed, or undefined when the existing build is current. */
export function buildNeeded(): string | undefined {
  const buildId = path.join(ROOT, distDir(), 'BUILD_ID');
  if (!fs.existsSync(buildId)) return `no build in ${distDir()}`;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const changed = SOURCES.find((entry) => newestMtime(path.join(ROOT, entry)) > builtAt);
  return changed ? `${changed} changed since the last build` : undefined;
}

/** Builds when needed; returns false when the build failed. */
export function ensureBuild(env: NodeJS.ProcessEnv = process.env): boolean {
  const reason = buildNeeded();
  if (!reason) return true;
  console.error(`crossing: building the console (${reason}); this takes a minute or two…`);
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/next'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  return result.status === 0;
}
