// Protects: the inbox on an organization with enough invitations to page and filter (counts per receiving account
// and per sender, filters kept in the URL, pages of 50), and the dashboard answering from the last reading while
// a new reading of the organization's invitations is still running.
import { expect, test } from '@playwright/test';
import { resetSandbox, sandboxUrl, signIn } from './helpers';

// On top of the demo's 4 pending and 1 expired: from 8 senders outside the organization, 15 each.
const INVITATIONS = 120;

async function setFaults(faults: object[]) {
  const response = await fetch(`${sandboxUrl()}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ faults }) });
  expect(response.ok, await response.text()).toBe(true);
}

test.afterEach(async () => {
  await setFaults([]);
  await resetSandbox('demo');
});

test('the inbox pages and filters; the dashboard does not wait for a reading under way', async ({ page }) => {
  await resetSandbox('demo', { invitations: INVITATIONS });
  await signIn(page, 'admin');
  await page.goto('/invitations');
  const status = page.getByTestId('snapshot-status');
  const refresh = status.getByRole('button', { name: 'Refresh', exact: true });
  // Every invitations call held back: the reading started now takes a while.
  await setFaults([{ service: 'ram', operation: 'GetResourceShareInvitations', delayMs: 8_000 }]);
  // A console that has read the demo before reads again; a fresh one is already on its first reading.
  if (await refresh.isEnabled()) await refresh.click();
  await expect(status).toContainText(/reading \d+ of \d+ accounts/);

  // The dashboard answers from the last reading (or says the first one is under way) without waiting for it.
  await page.goto('/');
  const card = page.getByTestId('pending-invitations');
  await expect(card.getByTestId('pending-invitations-summary').or(card.getByTestId('invitations-reading'))).toBeVisible();
  // …while the reading is still under way.
  await page.goto('/invitations');
  await expect(status).toContainText(/reading \d+ of \d+ accounts/);
  await setFaults([]);

  await expect(page.getByTestId('invitations')).toContainText('124 pending of 125 listed', { timeout: 30_000 });
  await expect(page.getByTestId('invitations-age')).toContainText(/^Read \d+ s ago from 10 account\(s\) in 2 Region\(s\): eu-west-1, us-east-1/);
  await expect(page.getByTestId('pager')).toContainText('125 invitations · page 1 of 3');
  await expect(page.getByTestId('invitation-row')).toHaveCount(50);
  await page.getByTestId('pager').getByRole('link', { name: 'Next' }).click();
  await expect(page.getByTestId('pager')).toContainText('page 2 of 3');

  // A sender's count links to its filter, kept in the URL.
  const sender = page.getByTestId('by-sender-row').first();
  await expect(sender).toContainText('15 pending of 15');
  await sender.getByRole('link').click();
  await expect(page).toHaveURL(/sender=97\d{10}/);
  await expect(page.getByTestId('invitation-row')).toHaveCount(15);

  await page.goto('/invitations?q=offer-00042');
  await expect(page.getByTestId('invitation-row')).toHaveCount(1);
  await page.getByLabel('Status').selectOption('EXPIRED');
  await expect(page).toHaveURL(/status=EXPIRED/);
  await expect(page.getByTestId('invitation-row')).toHaveCount(0);

  // The dashboard counts from the complete reading.
  await page.goto('/');
  await expect(page.getByTestId('pending-invitations-summary')).toHaveText(/^124 pending, the first expires in/);
});
