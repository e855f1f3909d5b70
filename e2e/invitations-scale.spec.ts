// Protects: the inbox on an organization large enough to page and filter (counts per receiving account and
// per sender, filters kept in the URL, pages of 50), invitations shown while the reading still runs, and the
// dashboard answering at once while the inbox's first reading is under way.
import { expect, test } from '@playwright/test';
import { resetSandbox, sandboxUrl, signIn } from './helpers';

const MEMBERS = 300;
const INVITATIONS = 120;

async function setFaults(faults: object[]) {
  const response = await fetch(`${sandboxUrl()}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ faults }) });
  expect(response.ok).toBe(true);
}

test.afterEach(async () => {
  await setFaults([]);
  await resetSandbox('demo');
});

test('the inbox at scale: streamed while read, then paged and filtered; the dashboard never waits for it', async ({ page }) => {
  await resetSandbox('large', { accounts: MEMBERS, ous: 20, shares: 0, invitations: INVITATIONS });
  // Every invitations call held back a little: the organization's first reading takes a while.
  await setFaults([{ service: 'ram', operation: 'GetResourceShareInvitations', delayMs: 400 }]);
  await signIn(page, 'admin');

  await page.goto('/');
  await expect(page.getByTestId('invitations-reading')).toContainText(/first reading of the organization's invitations is under way/);

  await page.goto('/invitations');
  await expect(page.getByTestId('snapshot-status')).toContainText(/reading \d+ of \d+ accounts/);
  // Rows arrive while the reading runs.
  await expect(page.getByTestId('invitation-row').first()).toBeVisible({ timeout: 30_000 });
  await setFaults([]);
  await expect(page.getByTestId('invitations-age')).toContainText(/^Read \d+ s ago from \d+ account\(s\) in 2 Region\(s\): eu-west-1, us-east-1/, { timeout: 60_000 });
  await expect(page.getByTestId('invitations')).toContainText(`${INVITATIONS} pending of ${INVITATIONS} listed`);
  await expect(page.getByTestId('pager')).toContainText(`${INVITATIONS} invitations · page 1 of 3`);
  await expect(page.getByTestId('invitation-row')).toHaveCount(50);
  await page.getByTestId('pager').getByRole('link', { name: 'Next' }).click();
  await expect(page.getByTestId('pager')).toContainText('page 2 of 3');

  // Each outside sender invites 15 accounts; filtering by one leaves its 15, by URL.
  const sender = page.getByTestId('by-sender-row').first();
  await expect(sender).toContainText('15 pending of 15');
  await sender.getByRole('link').click();
  await expect(page).toHaveURL(/sender=98\d{10}/);
  await expect(page.getByTestId('invitation-row')).toHaveCount(15);
  await expect(page.getByTestId('pager')).toContainText('15 invitations');
  const receiver = (await page.getByTestId('invitation-row').first().getAttribute('data-receiver'))!;
  await page.getByLabel('Search').fill(receiver);
  await expect(page.getByTestId('invitation-row')).toHaveCount(1);

  // The dashboard counts from the complete reading, at once.
  await page.goto('/');
  await expect(page.getByTestId('pending-invitations-summary')).toHaveText(/^120 pending, the first expires in [67] d/);
});
