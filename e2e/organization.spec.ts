// Protects /organization on the demo organization: opening nodes, WAI-ARIA keyboard navigation, search to an account in a nested OU, the details panel with SCPs.
import { expect, test, type Page } from '@playwright/test';
import { resetSandbox, screenshotPath, signIn } from './helpers';
import { DEMO } from '../sandbox/seeds/demo-ids';

// The demo seed's fixed IDs (sandbox/seeds/demo.ts).
const ROOT = 'r-7c0r';
const OU = { Security: 'ou-7c0r-sec0ux2a', Workloads: 'ou-7c0r-wl8d2m6t', Prod: 'ou-7c0r-prd3v7xn', Dev: 'ou-7c0r-dev5h1zc', Sandbox: 'ou-7c0r-sbx6p0jw' };
const WEB_DEV = DEMO.accounts['web-dev'];
const SANDBOX_SCP = 'p-sbxd3nyo';

const row = (page: Page, id: string) => page.locator(`[role="treeitem"][data-node-id="${id}"]`);
const hits = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
const tree = (page: Page) => page.getByRole('tree', { name: 'Organization' });
const activeId = async (page: Page) => (await tree(page).getAttribute('aria-activedescendant'))?.replace('org-tree-row-', '');

test.describe('organization tree (demo)', () => {
  test.beforeAll(async () => {
    await resetSandbox('demo');
  });

  test('shows the root level and opens nodes on demand', async ({ page }) => {
    await signIn(page, 'viewer', '/organization');
    await expect(tree(page)).toBeVisible();
    await expect(row(page, ROOT)).toHaveAttribute('aria-expanded', 'true');
    await expect(row(page, ROOT)).toHaveAttribute('aria-level', '1');
    for (const id of [OU.Security, OU.Workloads, OU.Sandbox]) await expect(row(page, id)).toHaveAttribute('aria-level', '2');
    await expect(row(page, OU.Workloads)).toHaveAttribute('aria-expanded', 'false');
    await expect(row(page, OU.Workloads)).toContainText('2 OUs');
    await expect(row(page, OU.Prod)).toHaveCount(0);

    await row(page, OU.Workloads).locator('button').click();
    await expect(row(page, OU.Workloads)).toHaveAttribute('aria-expanded', 'true');
    await expect(row(page, OU.Prod)).toHaveAttribute('aria-level', '3');
    await expect(row(page, OU.Dev)).toBeVisible();
    await row(page, OU.Dev).locator('button').click();
    await expect(row(page, WEB_DEV)).toContainText('web-dev');
    await expect(row(page, WEB_DEV)).toContainText('ACTIVE');
    await expect(row(page, WEB_DEV)).toHaveAttribute('aria-level', '4');
    await expect(page.getByTestId('snapshot-age')).toContainText('Snapshot from');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('snapshot-age')).toContainText('just now');
    await expect(page.getByText('The last refresh failed')).toHaveCount(0);
  });

  test('follows the WAI-ARIA tree keyboard pattern', async ({ page }) => {
    await signIn(page, 'admin', '/organization');
    await tree(page).focus();
    await page.keyboard.press('Home');
    expect(await activeId(page)).toBe(ROOT);
    await page.keyboard.press('ArrowDown');
    expect(await activeId(page)).toBe(OU.Security);
    await expect(row(page, OU.Security)).toHaveAttribute('aria-posinset', '1');

    await page.keyboard.press('ArrowRight'); // opens
    await expect(row(page, OU.Security)).toHaveAttribute('aria-expanded', 'true');
    await expect(row(page, DEMO.accounts['log-archive'])).toBeVisible(); // children loaded
    await page.keyboard.press('ArrowRight'); // to the first child
    expect(await activeId(page)).toBe(DEMO.accounts['log-archive']);
    await page.keyboard.press('ArrowLeft'); // to the parent
    expect(await activeId(page)).toBe(OU.Security);
    await page.keyboard.press('ArrowLeft'); // closes
    await expect(row(page, OU.Security)).toHaveAttribute('aria-expanded', 'false');

    await page.keyboard.press('w'); // type-ahead
    expect(await activeId(page)).toBe(OU.Workloads);
    await page.keyboard.press('*'); // opens every sibling
    for (const id of [OU.Security, OU.Workloads, OU.Sandbox]) await expect(row(page, id)).toHaveAttribute('aria-expanded', 'true');
    await expect(row(page, OU.Prod)).toBeVisible();

    await page.keyboard.press('End');
    const last = await activeId(page);
    await expect(page.locator('[role="treeitem"]').last()).toHaveAttribute('data-node-id', last!);
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('organization-details')).toContainText(`arn:aws:organizations::100000000001:root/o-exmpl7c0rp/${ROOT}`);
    await expect(row(page, ROOT)).toHaveAttribute('aria-selected', 'true');
  });

  test('search jumps to an account in a nested OU and shows its details', async ({ page }) => {
    await signIn(page, 'admin', '/organization');
    await page.getByRole('combobox', { name: 'Search accounts and OUs' }).fill('web-dev');
    const hit = hits(page).filter({ hasText: WEB_DEV });
    await expect(hit).toContainText('Root / Workloads / Dev');
    await hit.click();

    await expect(row(page, WEB_DEV)).toBeVisible();
    await expect(row(page, WEB_DEV)).toHaveAttribute('aria-selected', 'true');
    await expect(row(page, OU.Dev)).toHaveAttribute('aria-expanded', 'true');
    expect(await activeId(page)).toBe(WEB_DEV);
    const details = page.getByTestId('organization-details');
    await expect(details).toContainText('Root / Workloads / Dev / web-dev');
    await expect(details).toContainText(`arn:aws:organizations::100000000001:account/o-exmpl7c0rp/${WEB_DEV}`);
    await expect(details).toContainText('@');
    await expect(details).toContainText(/Joined\s*\d{4}-\d{2}-\d{2}/);
    await expect(details.getByRole('link', { name: 'FullAWSAccess' })).toBeVisible();
    await page.screenshot({ path: screenshotPath('organization'), fullPage: true });

    // OUs are found by name too, under their path.
    await page.getByRole('combobox', { name: 'Search accounts and OUs' }).fill('prod');
    await expect(hits(page).filter({ hasText: OU.Prod })).toContainText('Root / Workloads');
  });

  test('details panel lists the SCPs of an OU, linking to their JSON', async ({ page }) => {
    await signIn(page, 'admin', '/organization');
    await row(page, OU.Sandbox).click();
    const details = page.getByTestId('organization-details');
    await expect(details).toContainText('Root / Sandbox');
    await expect(details).toContainText(OU.Sandbox);
    const link = details.getByRole('link', { name: 'DenyOrganizations' });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/organization/policies/${SANDBOX_SCP}$`));
    await expect(page.getByTestId('policy-json')).toContainText('"organizations:*"');
  });
});
