// The create-share wizard's steps as a user goes through them, for the specs that make a share in it.
import { expect, type Page } from '@playwright/test';

/** Step 1 from network: a name, the type, the resources by name. */
export async function fillDetails(page: Page, name: string, resourceType: string, resources: string[]) {
  await page.goto('/shares/new');
  await expect(page.getByRole('heading', { name: 'Create resource share' })).toBeVisible();
  await page.locator('#sharing-account').fill('network');
  await page.getByRole('option', { name: /network 300000000001/ }).click();
  await expect(page.getByTestId('sharing-account')).toContainText('network');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Resource type').selectOption(resourceType);
  for (const r of resources) await page.getByRole('checkbox', { name: `Select ${r}` }).check();
  await expect(page.getByTestId('selected-resource')).toHaveCount(resources.length);
}

export async function next(page: Page, step: number) {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`step=${step}$`));
}

/** Types a principal and adds it; waits for the server's answer (an added principal clears the box). */
export async function typePrincipal(page: Page, type: string, value: string, outcome: 'added' | 'refused' = 'added') {
  await page.getByLabel('Principal type').selectOption({ label: type });
  const box = page.getByLabel('Principal', { exact: true });
  await box.fill(value);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  if (outcome === 'added') await expect(box).toHaveValue('');
  else await expect(page.getByTestId('principal-refusal')).toBeVisible();
}

/** Create on the review step, then the plan's page with what AWS reads back. */
export async function create(page: Page, click: 'click' | 'dblclick' = 'click') {
  await expect(page.getByTestId('plan')).toContainText('ram:CreateResourceShare');
  await page.getByRole('button', { name: 'Create resource share' })[click]();
  await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
  await expect(page.getByTestId('plan-status')).toHaveText('Applied', { timeout: 30_000 });
}
