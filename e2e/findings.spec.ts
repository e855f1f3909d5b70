// Protects the access findings on the demo seed, in Chromium: the findings page with severities and filters in the URL, a fix plan applied end to end (the finding gone after), a finding accepted with a reason (shown as accepted), the allowlist in Settings removing a finding, the move preview then its plan, and a viewer who sees all of it and builds plans but cannot apply or accept.
import { expect, test, type Page } from '@playwright/test';
import { resetSandbox, screenshotPath, signIn } from './helpers';

const PARTNER = '900000000001';
const SANDBOX_ALICE = '500000000001';
const DEV_OU = 'ou-7c0r-dev5h1zc';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  await resetSandbox('demo');
});

async function findings(page: Page, query = '') {
  await page.goto(`/access?tab=findings${query}`);
  const rows = page.getByTestId('findings-table').getByTestId('finding-row');
  // A cold console reads the organization's IAM first.
  await expect(page.getByTestId('finding-counts')).toBeVisible({ timeout: 60_000 });
  return rows;
}

test('the findings page: severities, filters and search in the URL', async ({ page }) => {
  await signIn(page, 'admin');
  let rows = await findings(page);
  await expect(rows.filter({ hasText: 'PublicReadOnly trusts any principal (*)' })).toHaveAttribute('data-severity', 'critical', { timeout: 60_000 });
  await expect(rows.filter({ hasText: 'LegacyVendorAccess trusts partner-co' }).or(rows.filter({ hasText: `LegacyVendorAccess trusts ${PARTNER}` })).first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('findings'), fullPage: true });

  await page.getByLabel('Kind').selectOption('missing-external-id');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/tab=findings/);
  await expect(page).toHaveURL(/kind=missing-external-id/);
  rows = page.getByTestId('findings-table').getByTestId('finding-row');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('LegacyVendorAccess');
  await expect(rows).toContainText('outside the organization');

  rows = await findings(page, '&q=BuildCache&severity=info');
  await expect(rows).toHaveCount(1);
  await expect(rows).toHaveAttribute('data-kind', 'half-open-trust');

  // The dashboard counts the open ones by severity, each figure linked to the list.
  await page.goto('/');
  await expect(page.getByTestId('figure-findings-severe')).not.toHaveText('0');
  await page.getByTestId('figure-findings-info').getByRole('link').click();
  await expect(page).toHaveURL(/tab=findings&state=open&severity=info/);
});

test('a fix plan applied end to end: the deleted principal is taken out of the trust and the finding is gone', async ({ page }) => {
  await signIn(page, 'admin');
  const row = (await findings(page, '&kind=deleted-principal')).filter({ hasText: 'BuildCache' });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Plan: remove the trust' }).click();
  await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
  await expect(page.getByText('iam:UpdateAssumeRolePolicy').first()).toBeVisible();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('Applied');
  await expect(page.getByTestId('read-back')).toContainText('no longer names AROA');
  await expect(await findings(page, '&kind=deleted-principal')).toHaveCount(0);
});

test('accepting a finding with a reason: shown as accepted, with who, not hidden', async ({ page }) => {
  await signIn(page, 'admin');
  const row = (await findings(page, '&kind=open-trust')).filter({ hasText: 'PublicReadOnly' });
  await row.getByRole('button', { name: 'Accept…' }).click();
  await row.getByLabel('Reason').fill('x');
  await row.getByRole('button', { name: 'Accept finding' }).click();
  await expect(row.getByText(/at least 3 characters/)).toBeVisible();
  await row.getByLabel('Reason').fill('Public read-only dataset, reviewed by security');
  await row.getByRole('button', { name: 'Accept finding' }).click();
  await expect(row).toHaveAttribute('data-accepted', 'true');
  await expect(row.getByTestId('finding-accepted')).toContainText('Accepted by admin@crossing.local');
  await expect(row.getByTestId('finding-accepted')).toContainText('Public read-only dataset');
  await expect((await findings(page, '&state=accepted')).filter({ hasText: 'PublicReadOnly' })).toHaveCount(1);
  await expect((await findings(page, '&state=open&kind=open-trust'))).toHaveCount(0);
  await page.goto('/audit');
  await expect(page.getByText('crossing:AcceptFinding').first()).toBeVisible();
});

test('the allowlist in Settings removes a finding; a less-trusted OU adds one', async ({ page }) => {
  await signIn(page, 'admin');
  // LegacyVendorAccess and PartnerMonitoring trust partner-co.
  await expect((await findings(page, `&kind=not-allowlisted&account=${PARTNER}`))).toHaveCount(2);
  await page.goto('/settings');
  const accounts = page.getByTestId('allowlist-accounts');
  await accounts.getByLabel(/Add to trusted outside accounts/i).fill('12345');
  await accounts.getByRole('button', { name: 'Add' }).click();
  await expect(accounts.getByRole('alert')).toHaveText('Value: a 12-digit account ID.');
  await accounts.getByLabel(/Add to trusted outside accounts/i).fill(PARTNER);
  await accounts.getByRole('button', { name: 'Add' }).click();
  await expect(accounts.getByTestId('allowlist-entry')).toContainText(PARTNER);
  const lessTrusted = page.getByTestId('allowlist-lessTrustedOus');
  await lessTrusted.getByLabel(/Add to less-trusted OUs/i).fill('ou-7c0r-sbx6p0jw');
  await lessTrusted.getByRole('button', { name: 'Add' }).click();
  await expect(lessTrusted.getByTestId('allowlist-entry')).toContainText('ou-7c0r-sbx6p0jw');

  await expect((await findings(page, `&kind=not-allowlisted&account=${PARTNER}`))).toHaveCount(0);
  // Still no ExternalId: that finding stays.
  await expect((await findings(page, `&kind=missing-external-id&account=${PARTNER}`))).toHaveCount(1);
  await expect((await findings(page, '&kind=less-trusted-admin')).filter({ hasText: 'SandboxAdmin' }).first()).toBeVisible();

  // Taken off the allowlist again: the finding is back.
  await page.goto('/settings');
  await accounts.getByRole('button', { name: `Remove ${PARTNER} from Trusted outside accounts` }).click();
  await expect(accounts.getByTestId('allowlist-entry')).toHaveCount(0);
  await expect((await findings(page, `&kind=not-allowlisted&account=${PARTNER}`))).toHaveCount(2);
});

test('the move preview, then its plan', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/access/move');
  await page.getByLabel('Account ID').fill(SANDBOX_ALICE);
  await page.getByLabel('Destination OU or root ID').fill(DEV_OU);
  await page.getByRole('button', { name: 'Filter' }).click();
  const preview = page.getByTestId('move-preview');
  await expect(preview).toContainText('Root / Sandbox → Root / Workloads / Dev', { timeout: 60_000 });
  await expect(preview.getByTestId('move-scps').getByTestId('lost')).toContainText('DenyOrganizations');
  await expect(preview.getByTestId('move-shares').getByTestId('gained')).toContainText('workloads-subnets');
  await page.screenshot({ path: screenshotPath('move-preview'), fullPage: true });
  await preview.getByRole('button', { name: 'Review the MoveAccount plan' }).click();
  await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
  await expect(page.getByText('organizations:MoveAccount').first()).toBeVisible();
  await expect(page.getByText(/aws organizations move-account/).first()).toBeVisible();
});

test('a viewer sees the findings and the move preview, builds a fix plan, and cannot apply it or accept', async ({ page }) => {
  await signIn(page, 'viewer');
  const row = (await findings(page, '&kind=outside-share')).filter({ hasText: 'vendor-egress' });
  await expect(row).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Accept…' })).toHaveCount(0);
  await row.getByRole('button', { name: 'Plan: stop sharing with it' }).click();
  await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
  await expect(page.getByText('Only admins can apply plans')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await page.goto('/settings');
  await expect(page.getByTestId('allowlist-lessTrustedOus')).toContainText('ou-7c0r-sbx6p0jw');
  await expect(page.getByTestId('allowlist').getByRole('button', { name: 'Add' })).toHaveCount(0);
  await page.goto(`/accounts/400000000012`);
  await expect(page.getByTestId('account-findings').getByTestId('finding-row').first()).toBeVisible({ timeout: 60_000 });
});
