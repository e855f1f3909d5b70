// Protects in-app navigation: a click puts the next page's skeleton in place of the page being left at once, and
// the next page, its reading warm, replaces the skeleton whole, never through a "Reading…" placeholder.
import { expect, test } from '@playwright/test';
import { resetSandbox, signIn } from './helpers';

test('a click shows the skeleton until the next page arrives, then the page whole', async ({ page }) => {
  await resetSandbox('demo');
  await signIn(page, 'admin', '/roles');
  // The IAM reading is warm once the list has stood complete.
  await expect(page.getByTestId('role-row').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('page-loading')).toHaveCount(0);
  await page.goto('/audit');
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();

  // The next page's payload held back, so the skeleton can be seen; every placeholder shown, recorded with how many
  // stood at once (a Suspense fallback would stand beside the navigation's skeleton, and hold the page back).
  await page.route((url) => url.pathname === '/roles' && url.searchParams.has('_rsc'), async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { placeholders: string[] }).placeholders = []);
    new MutationObserver(() => {
      const placeholders = [...document.querySelectorAll('[data-testid="page-loading"]')];
      seen.push(`${placeholders.length}: ${placeholders.map((p) => p.textContent).join(' + ')}`);
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cross-account access' }).click();

  await expect(page.getByTestId('page-loading')).toHaveText('Loading the page…');
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Cross-account access' })).toBeVisible();
  await expect(page.getByTestId('role-row').first()).toBeVisible();
  await expect(page.getByTestId('page-loading')).toHaveCount(0);
  const seen = await page.evaluate(() => (window as unknown as { placeholders: string[] }).placeholders);
  expect(new Set(seen)).toEqual(new Set(['1: Loading the page…', '0: ']));
});
