// Protects what RAM shares carry beyond resources and principals on the demo seed: shared-services' share created from a resource policy marked in the list and promoted from its page as a reviewed plan (read back through the SDK), retain-on-leave shown on a share's page, and Settings listing which shares would stop reaching which accounts if sharing with Organizations were turned off.
import { expect, test, type Page } from '@playwright/test';
import { GetResourceSharesCommand, RAMClient } from '@aws-sdk/client-ram';
import { memberClientConfig, resetSandbox, signIn } from './helpers';

const SHARED_SERVICES = '300000000002';
const FROM_POLICY = 'issuing-ca-policy';

async function ramOf(accountId: string) {
  return new RAMClient(await memberClientConfig(accountId, 'e2e-share-features'));
}

async function freshList(page: Page) {
  await page.goto('/shares');
  await page.getByTestId('snapshot-status').getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('snapshot-status')).toContainText(/Read \d+ s ago/, { timeout: 60_000 });
}

const shareRow = (page: Page, name: string) => page.getByTestId('share-row').filter({ has: page.getByRole('link', { name, exact: true }) });

test.describe('share features', () => {
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => resetSandbox('demo'));

  test('Settings lists what turning off sharing with Organizations would stop, before saying how', async ({ page }) => {
    await signIn(page, 'admin');
    await freshList(page);
    await page.goto('/settings');
    const section = page.getByTestId('disable-sharing');
    await expect(section).toContainText('disable-aws-service-access --service-principal ram.amazonaws.com');
    const corpDns = section.getByTestId('lost-share').filter({ hasText: 'corp-dns' });
    await expect(corpDns).toContainText('payments-dev (400000000011)');
    const subnets = section.getByTestId('lost-share').filter({ hasText: 'workloads-subnets' });
    await expect(subnets).toContainText('web-prod (400000000002)');
    await expect(subnets).not.toContainText('audit');
  });

  test('a share created from a resource policy is marked, and promoted from its page as a plan', async ({ page }) => {
    await signIn(page, 'admin');
    await freshList(page);
    await expect(shareRow(page, FROM_POLICY).getByTestId('share-from-policy')).toBeVisible();
    await expect(shareRow(page, 'corp-dns').getByTestId('share-from-policy')).toHaveCount(0);
    await shareRow(page, FROM_POLICY).getByRole('link', { name: FROM_POLICY }).click();
    const features = page.getByTestId('share-features');
    await expect(features.getByTestId('share-feature-set')).toContainText('CREATED_FROM_POLICY');
    await expect(features.getByTestId('share-retain')).toContainText('off');
    await features.getByLabel('Name of the customer managed permission to create').fill('ca-read');
    await features.getByRole('button', { name: 'Plan: promote to a standard share' }).click();
    await expect(page).toHaveURL(/\/plans\/p-/);
    await expect(page.getByTestId('plan-steps')).toContainText('ram:PromotePermissionCreatedFromPolicy');
    await expect(page.getByTestId('plan-steps')).toContainText('ram:PromoteResourceShareCreatedFromPolicy');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('plan-status')).toHaveText('Applied', { timeout: 30_000 });
    await expect(page.getByTestId('read-back')).toContainText(/STANDARD|PROMOTING_TO_STANDARD/);

    const ram = await ramOf(SHARED_SERVICES);
    await expect
      .poll(async () => (await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name: FROM_POLICY }))).resourceShares?.[0].featureSet, { timeout: 15_000 })
      .toBe('STANDARD');
  });
});
