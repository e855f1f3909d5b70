// Protects pages at scale: the `large` seed's tree (10,000 accounts, 1,000 OUs, 5 levels) renders, opens, scrolls with only visible rows in the DOM, and search reaches the deepest level; Shared with me and Managed permissions take a typed account instead of a 10,000-option list.
// The large seed has its own console identity, so this file runs its own console + sandbox (npm start's
// launcher, throttle off, the existing build) next to the shared demo one.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { freePort } from '../sandbox/testing/free-port';
import { signIn } from './helpers';

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the large-seed console exited (${child.exitCode})`);
    const ok = await fetch(url, { redirect: 'manual' }).then(() => true, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

test.describe.configure({ mode: 'serial' });

test.describe('organization tree (large seed)', () => {
  let console: ChildProcess | undefined;
  let baseURL = '';
  let dataDir = '';
  let page: Page;

  test.beforeAll(async ({ browser }: { browser: Browser }) => {
    test.setTimeout(180_000);
    const [port, sandboxPort] = [await freePort(), await freePort()];
    dataDir = mkdtempSync(path.join(tmpdir(), 'crossing-e2e-large-'));
    console = spawn(path.join(process.cwd(), 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        CROSSING_MODE: 'sandbox',
        PORT: String(port),
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_SEED: 'large',
        SANDBOX_THROTTLE: 'off',
        CROSSING_DATA_DIR: dataDir,
        CROSSING_SKIP_BUILD: '1',
        AUTH_SECRET: 'e2e-only-secret-not-used-anywhere-else-0123456789',
      },
    });
    baseURL = `http://127.0.0.1:${port}`;
    await waitFor(`${baseURL}/signin`, console, 120_000);
    page = await (await browser.newContext({ baseURL })).newPage();
    await signIn(page, 'admin', '/organization');
  });

  test.afterAll(async () => {
    try {
      await page?.context().close();
    } finally {
      // Always stop the console and its sandbox, even when closing the page failed.
      if (console && console.exitCode === null) {
        const exited = new Promise((resolve) => console!.once('exit', resolve));
        console.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  const tree = () => page.getByRole('tree', { name: 'Organization' });
  const rows = () => page.locator('[role="treeitem"]');

  test('renders the root level and opens whole levels with *', async () => {
    await expect(tree()).toBeVisible();
    await expect(rows().first()).toHaveAttribute('aria-level', '1');
    const rootChildren = Number(await rows().nth(1).getAttribute('aria-setsize'));
    expect(rootChildren).toBeGreaterThan(5);

    await tree().focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('*'); // every root-level OU
    await expect(tree()).not.toHaveAttribute('aria-busy', 'true');
    await page.keyboard.press('ArrowRight'); // into the first OU, then open all its siblings too
    await page.keyboard.press('*');
    await expect(tree()).not.toHaveAttribute('aria-busy', 'true');
    await expect.poll(async () => Number(await tree().getAttribute('data-row-count'))).toBeGreaterThan(300);
  });

  test('keeps only the visible rows in the DOM while scrolling to the end', async () => {
    const total = Number(await tree().getAttribute('data-row-count'));
    expect(await rows().count()).toBeLessThan(80);
    await tree().focus();
    await page.keyboard.press('End');
    const lastId = (await tree().getAttribute('aria-activedescendant'))!.replace('org-tree-row-', '');
    await expect(page.locator(`[role="treeitem"][data-node-id="${lastId}"]`)).toBeVisible();
    expect(await tree().evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
    expect(await rows().count()).toBeLessThan(80);
    // Scrolling by wheel renders the rows that come into view.
    await tree().evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await expect(rows().first()).not.toHaveAttribute('aria-level', '1');
    expect(total).toBeGreaterThan(300);
  });

  test('search reaches an OU at the fifth level and jumps to it', async () => {
    const box = page.getByRole('combobox', { name: 'Search accounts and OUs' });
    // Fifth-level OUs are named after deployment rings (sandbox/seeds/large.ts).
    await box.fill('canary');
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await expect(options.first()).toBeVisible();
    // Wait for the whole organization: search covers it once the crawl is complete.
    await expect(page.getByText('still loading')).toHaveCount(0, { timeout: 60_000 });
    const deep = options.filter({ hasText: / \/ .* \/ .* \/ .* \/ / }).first();
    await expect(deep).toBeVisible();
    const id = (await deep.locator('code').textContent())!;
    await deep.click();
    const row = page.locator(`[role="treeitem"][data-node-id="${id}"]`);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('aria-level', '6');
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('organization-details')).toContainText(id);
  });

  test('Shared with me takes a typed receiving account, and says which one it could not show', async () => {
    await page.goto('/shares/received');
    const field = page.getByLabel(/^Receiving account/);
    await expect(field).toHaveJSProperty('tagName', 'INPUT');
    await page.goto('/shares/received?account=12345');
    await expect(page.getByTestId('receiving-account-refused')).toContainText('An account is a 12-digit account ID, or all');
    await page.goto('/shares/received?account=999999999999');
    await expect(page.getByTestId('receiving-account-refused')).toContainText('Account 999999999999 is not in the organization');
    // A member account typed in the field is shown (the organization's crawl is complete since the search above).
    const member = '100000000001';
    await page.goto('/shares/received');
    await page.getByLabel(/^Receiving account/).fill(member);
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(new RegExp(`account=${member}`));
    await expect(page.getByTestId('receiving-account-refused')).toHaveCount(0);
  });

  test('Managed permissions takes a typed account, and says which one it could not show', async () => {
    await page.goto('/shares/permissions');
    await expect(page.getByLabel(/^Account/)).toHaveJSProperty('tagName', 'INPUT');
    await page.goto('/shares/permissions?account=12345');
    await expect(page.getByTestId('permissions-account-refused')).toContainText('An account is a 12-digit account ID');
  });
});
