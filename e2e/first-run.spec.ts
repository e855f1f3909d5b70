// Protects: what a first-time admin or viewer notices on every page: no page is wider than a 1280 px window
// (long ARNs, resource pickers, audit parameters and CLI blocks wrap or scroll inside their block), viewers see
// they are read-only and that their plans are to show an admin, one navigation entry is highlighted, IAM steps
// say "global", and /favicon.ico is served.
import { expect, test, type Page } from '@playwright/test';
import { navigation } from '../components/navigation';
import { DEMO } from '../sandbox/seeds/demo-ids';
import { callServerAction, resetSandbox, signIn } from './helpers';

const WINDOW = 1280;

/** Opens every disclosure (step inputs, pickers) so what they hold counts too, then measures the page. */
async function widthOf(page: Page, path: string): Promise<number> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
  return page.evaluate(() => document.documentElement.scrollWidth);
}

async function firstLink(page: Page, pattern: RegExp): Promise<string | undefined> {
  await page.waitForLoadState('networkidle');
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.find((href) => pattern.test(href));
}

test.describe('a first run', () => {
  test.setTimeout(240_000);

  test('no page is wider than a 1280 px window', async ({ page }) => {
    await resetSandbox('demo', { orgSharing: false });
    await page.setViewportSize({ width: WINDOW, height: 900 });
    await signIn(page, 'admin');
    // A plan applied, with what AWS reads back (ARNs).
    await page.goto('/settings');
    await page.getByRole('button', { name: 'Review the plan to enable sharing' }).click();
    await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
    const planPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('read-back')).toBeVisible();
    await page.goto('/shares');
    const sharePath = await firstLink(page, /^\/shares\/[a-z]{2}-[a-z]+-\d\/./);
    await page.goto('/roles');
    // A first read of the organization's IAM shows its rows as they arrive.
    await page.getByTestId('roles-table').waitFor();
    const rolePath = await firstLink(page, /^\/roles\/\d{12}\//);
    expect(sharePath && rolePath, 'the demo seed has a share and a cross-account role').toBeTruthy();

    const paths = [...navigation.map((e) => e.href), planPath, sharePath!, rolePath!, '/audit', '/shares/received', '/invitations/history'];
    const tooWide: string[] = [];
    for (const path of paths) {
      const width = await widthOf(page, path);
      if (width > WINDOW) tooWide.push(`${path}: ${width} px`);
    }
    expect(tooWide).toEqual([]);
  });

  test('a viewer sees read-only cues, and their plan is to show an admin', async ({ page }) => {
    await resetSandbox('demo', { orgSharing: false });
    await signIn(page, 'viewer');
    await expect(page.getByTestId('read-only-notice')).toHaveText('Read-only');
    await expect(page.getByTestId('identity')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText('crossing-admin');
    await page.goto('/settings');
    const build = page.getByRole('button', { name: 'Review the plan to enable sharing (to show an admin)' });
    await expect(build).toBeVisible();
    await expect(page.getByTestId('read-only-hint').first()).toContainText('Read-only');
    await build.click();
    await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
    await expect(page.getByTestId('plan-status')).toHaveText('Made by a viewer to show an admin');
    await expect(page.getByTestId('plan-controls')).toContainText('Only admins can apply plans');
    await page.goto('/plans');
    await expect(page.getByTestId('plan-outcome').first()).toHaveText('Made by a viewer to show an admin');
  });

  test('one navigation entry is highlighted, IAM steps say global, and the favicon is served', async ({ page, request }) => {
    await signIn(page, 'admin');
    await page.goto('/shares/new');
    await expect(page.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]')).toHaveText(['Create resource share']);
    await page.goto('/shares');
    await expect(page.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]')).toHaveText(['Resource shares']);
    // A cross-account plan (IAM steps), made as the role page's change of conditions makes it; not applied.
    const vendorRole = DEMO.roles.legacyVendorAccess;
    const answer = await callServerAction(page, `/roles/${DEMO.accounts['web-prod']}/LegacyVendorAccess`, 'planTrustEditAction', 'roleName]/actions', [
      { change: 'conditions', roleArn: vendorRole, principal: `arn:aws:iam::${DEMO.accounts['partner-co']}:root`, conditions: { requireMfa: true } },
    ]);
    const planId = /p-[0-9a-f]{20}/.exec(answer)?.[0];
    expect(planId, answer).toBeTruthy();
    await page.goto(`/plans/${planId}`);
    const iamStep = page.getByTestId('plan-steps').locator('tr', { hasText: 'iam:' }).first();
    await expect(iamStep.locator('td').nth(3)).toHaveText('global');
    const favicon = await request.get('/favicon.ico');
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()['content-type']).toMatch(/image/);
  });
});
