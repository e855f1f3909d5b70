// Protects: the organization's invitations on one page — partner-co's to the management account and payments-dev
// and web-dev's expired one, countdowns on the AWS clock (hours for the CA, days for the prefix list); accepting
// and rejecting as reviewed plans that AWS reads back; expiry after the sandbox clock moves; the history naming
// the admin who decided; bulk accept reporting each invitation's outcome; a viewer refused on the server.
import { expect, test, type Page } from '@playwright/test';
import { EC2Client, DescribeManagedPrefixListsCommand } from '@aws-sdk/client-ec2';
import { GetResourceShareInvitationsCommand, RAMClient, RejectResourceShareInvitationCommand } from '@aws-sdk/client-ram';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { callServerAction, resetSandbox, sandboxClientConfig, sandboxUrl, screenshotPath, signIn } from './helpers';
import { DEMO } from '../sandbox/seeds/demo-ids';

const MANAGEMENT = DEMO.accounts.management;
const PAYMENTS_DEV = DEMO.accounts['payments-dev'];
const WEB_DEV = DEMO.accounts['web-dev'];

/** A member account's own credentials: the console identity assumes OrganizationAccountAccessRole there. */
async function memberConfig(accountId: string) {
  const out = await new STSClient(sandboxClientConfig()).send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`, RoleSessionName: 'e2e-check' }),
  );
  const c = out.Credentials!;
  return { ...sandboxClientConfig(), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken } };
}

const row = (page: Page, share: string, receiver: string) => page.locator(`[data-testid="invitation-row"][data-share="${share}"][data-receiver="${receiver}"]`);

async function openInbox(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Invitations/ }).click();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeEnabled();
  await expect(page.getByTestId('invitations-age')).toContainText(/Read \d+ s ago/);
}

async function applyAndWait(page: Page, status: 'Applied' | 'Failed') {
  await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText(status);
}

async function advanceSandboxClock(seconds: number) {
  const response = await fetch(`${sandboxUrl()}/_sandbox/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceSeconds: seconds }) });
  expect(response.ok).toBe(true);
}

test.describe('resource share invitations across the organization', () => {
  test.beforeEach(async () => {
    await resetSandbox('demo');
  });

  test('admin: the inbox, accepting for payments-dev, rejecting for management, the history and the dashboard', async ({ page }) => {
    await signIn(page, 'admin');
    await openInbox(page);
    const rows = page.getByTestId('invitation-row');
    await expect(rows.and(page.locator('[data-status="PENDING"]'))).toHaveCount(4);
    for (const share of ['partner-network', 'partner-pki']) {
      for (const receiver of ['management', 'payments-dev']) {
        await expect(row(page, share, receiver)).toHaveAttribute('data-status', 'PENDING');
        await expect(row(page, share, receiver)).toContainText(DEMO.accounts['partner-co']);
        await expect(row(page, share, receiver)).toContainText('outside the organization');
      }
    }
    await expect(row(page, 'partner-pki', 'web-dev')).toHaveAttribute('data-status', 'EXPIRED');
    // Soonest expiry first: the CA's 12 hours before the prefix list's 7 days.
    await expect(rows.first()).toHaveAttribute('data-share', 'partner-pki');
    await expect(row(page, 'partner-pki', 'management').getByTestId('countdown')).toHaveText(/^in 1[12] h( \d+ min)?$/);
    await expect(row(page, 'partner-network', 'payments-dev').getByTestId('countdown')).toHaveText(/^in [67] d( \d+ h)?$/);
    await expect(row(page, 'partner-network', 'payments-dev')).toContainText('ec2:PrefixList');
    await page.screenshot({ path: screenshotPath('invitations'), fullPage: true });

    // Accept partner-network for payments-dev.
    await page.getByLabel('Select partner-network for payments-dev (us-east-1)').check();
    await page.getByRole('button', { name: 'Accept selected (1)' }).click();
    await expect(page.getByTestId('plan-step-1')).toContainText('ram:AcceptResourceShareInvitation');
    await expect(page.getByTestId('plan-step-1')).toContainText(PAYMENTS_DEV);
    await applyAndWait(page, 'Applied');
    const readBack = page.getByTestId('read-back');
    await expect(readBack).toContainText('AWS reads the invitation as accepted.');
    await expect(readBack).toContainText(/ACCEPTED; now receives ec2:PrefixList arn:aws:ec2:us-east-1:900000000001:prefix-list\//);
    await expect(readBack.getByRole('link', { name: 'See the resources in Shared with me' })).toHaveAttribute('href', '/shares/received');
    const lists = await new EC2Client(await memberConfig(PAYMENTS_DEV)).send(new DescribeManagedPrefixListsCommand({}));
    expect(lists.PrefixLists!.map((l) => l.PrefixListName)).toContain('partner-ranges');

    // Reject partner-pki for the management account.
    await openInbox(page);
    await page.getByLabel('Select partner-pki for management (us-east-1)').check();
    await page.getByRole('button', { name: 'Reject selected (1)' }).click();
    await applyAndWait(page, 'Applied');
    await expect(page.getByTestId('read-back')).toContainText('AWS reads the invitation as rejected.');
    const management = await new RAMClient(sandboxClientConfig()).send(new GetResourceShareInvitationsCommand({}));
    expect(management.resourceShareInvitations!.filter((i) => i.receiverAccountId === MANAGEMENT).map((i) => `${i.resourceShareName} ${i.status}`).sort()).toEqual([
      'partner-network PENDING',
      'partner-pki REJECTED',
    ]);

    // The history names the admin who decided.
    await page.goto('/invitations/history');
    // Earlier specs' sandbox worlds left their own invitations in the history: the row of each outcome is the one.
    const history = (share: string, receiver: string, status: string) =>
      page.locator(`[data-testid="history-row"][data-share="${share}"][data-receiver="${receiver}"]`).filter({ hasText: status });
    await expect(history('partner-network', PAYMENTS_DEV, 'ACCEPTED')).toContainText('admin@crossing.local');
    await expect(history('partner-pki', MANAGEMENT, 'REJECTED')).toContainText('admin@crossing.local');
    await expect(history('partner-pki', WEB_DEV, 'EXPIRED').first()).toBeVisible();
    await page.getByLabel('Decided by').fill('admin@crossing.local');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page.getByTestId('history-row')).toHaveCount(2);
    await page.screenshot({ path: screenshotPath('invitations-history'), fullPage: true });

    // The dashboard and the navigation count what is left.
    await page.goto('/');
    await expect(page.getByTestId('pending-invitations-summary')).toHaveText(/^2 pending, the first expires in 1[12] h( \d+ min)?$/);
    // The navigation counts from the cache only: the dashboard's reading filled it.
    await page.reload();
    await expect(page.getByTestId('nav-count-invitations')).toHaveText('2');
    await page.getByTestId('pending-invitations-summary').click();
    await expect(page).toHaveURL(/\/invitations$/);
  });

  test('13 hours later on the sandbox clock, payments-dev’s CA invitation is expired and cannot be accepted', async ({ page }) => {
    await signIn(page, 'admin');
    await openInbox(page);
    const ca = row(page, 'partner-pki', 'payments-dev');
    await expect(ca).toHaveAttribute('data-status', 'PENDING');
    const arn = (await ca.getAttribute('data-arn'))!;

    await advanceSandboxClock(13 * 3600);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(ca).toHaveAttribute('data-status', 'EXPIRED');
    await expect(ca.getByRole('checkbox')).toBeDisabled();
    await expect(row(page, 'partner-network', 'payments-dev').getByTestId('countdown')).toHaveText(/^in 6 d( \d+ h)?$/);
    const answer = await callServerAction(page, '/invitations', 'planInvitationsAction', 'invitations/actions', [{ decision: 'accept', invitationArns: [arn] }]);
    expect(answer).toContain('Only pending invitations can be accepted: partner-pki for payments-dev (us-east-1) is expired');
  });

  test('bulk accept reports each invitation’s outcome', async ({ page }) => {
    await signIn(page, 'admin');
    await openInbox(page);
    for (const share of ['partner-network', 'partner-pki']) {
      for (const receiver of ['management', 'payments-dev']) await page.getByLabel(`Select ${share} for ${receiver} (us-east-1)`).check();
    }
    await page.getByRole('button', { name: 'Accept selected (4)' }).click();
    await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
    // Meanwhile someone rejects one of them in the management account itself.
    const ram = new RAMClient(sandboxClientConfig());
    const pki = (await ram.send(new GetResourceShareInvitationsCommand({}))).resourceShareInvitations!.find(
      (i) => i.resourceShareName === 'partner-pki' && i.receiverAccountId === MANAGEMENT,
    )!;
    await ram.send(new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: pki.resourceShareInvitationArn }));

    await applyAndWait(page, 'Failed');
    await expect(page.getByTestId('plan')).toContainText('Some steps failed; the others ran');
    const steps = page.getByTestId('plan-steps').locator('tbody tr');
    await expect(steps).toHaveCount(4);
    await expect(steps.and(page.locator('[data-status="done"]'))).toHaveCount(3);
    const failed = steps.and(page.locator('[data-status="failed"]'));
    await expect(failed).toContainText(MANAGEMENT);
    await expect(failed.getByTestId('step-error')).toHaveText(
      'The invitation was already rejected in 100000000001 (us-east-1): it cannot be accepted now. Ask the sender to share again.',
    );
    await expect(page.getByTestId('read-back')).toContainText('AWS reads 3 of 4 invitations as accepted.');
    await page.screenshot({ path: screenshotPath('invitations-bulk'), fullPage: true });
  });

  test('a viewer sees the inbox but cannot accept: a direct call to apply is refused and audited', async ({ page }) => {
    await signIn(page, 'viewer');
    await openInbox(page);
    await expect(page.getByTestId('invitation-row').and(page.locator('[data-status="PENDING"]'))).toHaveCount(4);
    await page.getByLabel('Select partner-network for payments-dev (us-east-1)').check();
    await page.getByRole('button', { name: 'Accept selected (1)' }).click();
    await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
    const planId = page.url().split('/').pop()!;
    await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
    const answer = await callServerAction(page, `/plans/${planId}`, 'applyPlanAction', 'components/plan/actions', [{ planId }]);
    expect(answer).toContain('Not allowed');
    const invitations = await new RAMClient(await memberConfig(PAYMENTS_DEV)).send(new GetResourceShareInvitationsCommand({}));
    expect(invitations.resourceShareInvitations!.find((i) => i.resourceShareName === 'partner-network')!.status).toBe('PENDING');
    await page.goto('/audit?outcome=denied');
    const audit = page.getByTestId('audit-table').locator('tbody tr').first();
    await expect(audit).toContainText('viewer@crossing.local');
    await expect(audit).toContainText('plan:apply');
  });
});
