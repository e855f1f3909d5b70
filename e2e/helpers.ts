// Shared e2e helpers: signing in as the sandbox's demo users, and driving the sandbox's control endpoint.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const USERS = {
  admin: { email: 'admin@crossing.local', password: 'crossing-admin' },
  viewer: { email: 'viewer@crossing.local', password: 'crossing-viewer' },
} as const;

export function sandboxUrl(): string {
  return process.env.E2E_SANDBOX_URL!;
}

export async function signIn(page: Page, who: keyof typeof USERS, callbackPath = '/'): Promise<void> {
  await page.goto(callbackPath === '/' ? '/signin' : `/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  await page.getByLabel('Email').fill(USERS[who].email);
  await page.getByLabel('Password').fill(USERS[who].password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-user')).toContainText(USERS[who].email);
}

/** POST /_sandbox/reset: back to a seed (e.g. demo with sharing with Organizations off). */
export async function resetSandbox(seed = 'demo', options: Record<string, unknown> = {}): Promise<void> {
  const response = await fetch(`${sandboxUrl()}/_sandbox/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seed, ...options }),
  });
  expect(response.ok, `sandbox reset: ${await response.text()}`).toBe(true);
}

/** The sandbox's console identity, for checking the console's figures through the SDK. */
export function sandboxClientConfig() {
  return {
    endpoint: sandboxUrl(),
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIACROSSINGCONSOLE1', secretAccessKey: 'crossingDemoConsoleSecretKey000000000001' },
  };
}

/** Where the end-to-end run leaves the screenshots the README shows. */
export function screenshotPath(name: string): string {
  return path.join(process.cwd(), 'public', 'screenshots', `${name}.png`);
}

/** The id Next gave a server action, read from the build's manifest (to call it directly, as an attacker would). */
export function serverActionId(exportName: string, file: string): string {
  const distDir = process.env.CROSSING_NEXT_DIST_DIR || '.next';
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8'));
  for (const [id, entry] of Object.entries(manifest.node as Record<string, { exportedName?: string; filename?: string }>)) {
    if (entry.exportedName === exportName && entry.filename?.includes(file)) return id;
  }
  throw new Error(`server action ${exportName} of ${file} not in the manifest`);
}

/** Calls a server action directly with `args`, as a script (not the page) would; returns the response text. */
export async function callServerAction(page: Page, route: string, exportName: string, file: string, args: unknown[]): Promise<string> {
  const response = await page.request.post(route, {
    headers: {
      'Next-Action': serverActionId(exportName, file),
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      // A same-origin call, as the console's own pages make: the role check, not the origin check, must refuse it.
      Origin: new URL(page.url()).origin,
    },
    data: JSON.stringify(args),
  });
  return response.text();
}
