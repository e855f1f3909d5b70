// Shared e2e helpers: signing in as the sandbox's demo users, calling server actions as an attacker would, and
// driving the sandbox's control endpoint.
import fs from 'node:fs';
import path from 'node:path';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { expect, type Page } from '@playwright/test';
import { DEMO } from '../sandbox/seeds/demo-ids';

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

/** Signs in at the OpenID Connect provider (e2e/oidc-provider.ts: the login name picks the user, any password does). */
export async function signInWithProvider(page: Page, login: string): Promise<void> {
  await page.goto('/signin');
  await page.getByRole('button', { name: 'Sign in with Test IdP' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

interface ActionManifestEntry {
  exportedName?: string;
  filename?: string;
  workers?: Record<string, unknown>;
}

/** `app/(console)/settings/page` → `/settings`; undefined for a page with a dynamic segment. */
function pagePath(worker: string): string | undefined {
  if (worker.includes('[')) return undefined;
  const segments = worker.split('/').slice(1, -1).filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

/** Every server action of the build, from its manifest: id, exported name, source file and a page that has it. */
export function serverActions(): { id: string; exportedName: string; filename: string; page: string }[] {
  const distDir = process.env.CROSSING_NEXT_DIST_DIR || '.next';
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8'));
  return Object.entries(manifest.node as Record<string, ActionManifestEntry>).map(([id, entry]) => ({
    id,
    exportedName: entry.exportedName ?? '',
    filename: entry.filename ?? '',
    page: Object.keys(entry.workers ?? {}).map(pagePath).find(Boolean) ?? '/',
  }));
}

/** The id Next gave a server action (to call it directly, as an attacker would). */
export function serverActionId(exportName: string, file: string): string {
  const action = serverActions().find((a) => a.exportedName === exportName && a.filename.includes(file));
  if (!action) throw new Error(`server action ${exportName} of ${file} not in the manifest`);
  return action.id;
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
    credentials: DEMO.consoleCredentials,
  };
}

/** A member account's own credentials (the console identity assumes the member role there), for reading back through the SDK. */
export async function memberClientConfig(accountId: string, session = 'e2e') {
  const { Credentials: c } = await new STSClient(sandboxClientConfig()).send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`, RoleSessionName: session }),
  );
  return { ...sandboxClientConfig(), credentials: { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken } };
}

/** Where the end-to-end run leaves the screenshots the README shows. */
export function screenshotPath(name: string): string {
  return path.join(process.cwd(), 'public', 'screenshots', `${name}.png`);
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
