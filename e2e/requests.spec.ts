// Protects: an access request end to end on the demo seed, signed in through the real OpenID Connect provider:
// a requester asks (in the cross-account wizard) for alice in payments-dev to assume a new role in payments-prod,
// an admin who is not the requester approves it, the console applies it, alice can then assume the role (SDK),
// the audit log names both people, and a webhook receiver on loopback gets each event; for 2 hours only: once the
// sandbox's clock has moved 3 hours, the console has taken the trust back by itself and alice cannot assume the role.
import http from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { resetSandbox, sandboxClientConfig, screenshotPath, signInWithProvider } from './helpers';
import { DEMO } from '../sandbox/seeds/demo-ids';

const DEV = DEMO.accounts['payments-dev'];
const PROD = DEMO.accounts['payments-prod'];
const ROLE_ARN = `arn:aws:iam::${PROD}:role/RequestedFromDev`;
const received: { event: string; request: { id: string; requester: string } }[] = [];
let receiver: http.Server;

test.beforeAll(async () => {
  await resetSandbox('demo');
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(Number(process.env.E2E_WEBHOOK_PORT), '127.0.0.1', resolve));
});

test.afterAll(() => {
  receiver?.close();
});

/** Reloads until the request's state reads `state` (the plan runs in the background after the approval). */
async function untilState(page: Page, state: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('request').getByTestId('request-state')).toHaveText(state, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

test('a requester asks, another person approves, the console applies it and alice can assume the role', async ({ page, browser }) => {
  // The deadline scheduler ticks every 15 s: the end of the access takes up to a tick after the clock moves.
  test.setTimeout(150_000);
  await signInWithProvider(page, 'rita');
  await expect(page.getByTestId('signed-in-user')).toHaveText(/rita@idp\.test\s*requester/);
  await page.goto('/roles/new');
  await page.getByLabel('Source account').fill('payments-dev');
  await expect(page.getByTestId('source-account-resolution')).not.toBeEmpty();
  await page.getByTestId('principal-hits').getByRole('radio', { name: 'user alice' }).check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByLabel('Destination account').fill('payments-prod');
  await expect(page.getByTestId('destination-account-resolution')).toContainText(`payments-prod ${PROD}`);
  await page.getByLabel('Role name').fill('RequestedFromDev');
  await page.getByLabel('Search policies by name').fill('ReadOnly');
  await page.getByRole('checkbox', { name: 'ReadOnlyAccess', exact: true }).check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next: review', exact: true }).click();
  await page.getByRole('link', { name: 'Request this change' }).click();

  const form = page.getByTestId('request-form');
  await form.getByRole('button', { name: 'Request this change' }).click();
  await expect(form.getByLabel('Justification (required)')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Justification (required)').fill('Deploys to prod from dev <b>during</b> the incident & after');
  await form.getByLabel('Duration in hours (optional)').fill('2');
  await form.getByRole('button', { name: 'Request this change' }).click();
  await expect(page).toHaveURL(/\/requests\/r-[0-9a-f]{20}$/);
  const requestId = page.url().split('/').pop()!;
  await expect(page.getByTestId('request').getByTestId('request-state')).toHaveText('Pending');
  await expect(page.getByTestId('request-justification')).toHaveText('Deploys to prod from dev <b>during</b> the incident & after');
  // The requester may withdraw, not approve.
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Withdraw' })).toBeVisible();

  const approverContext = await browser.newContext();
  const approver = await approverContext.newPage();
  await signInWithProvider(approver, 'ada');
  await expect(approver.getByTestId('nav-count-requests')).toHaveText('1');
  await expect(approver.getByTestId('requests-waiting')).toContainText('rita@idp.test');
  await approver.goto(`/requests/${requestId}`);
  await expect(approver.getByTestId('plan')).toContainText('iam:CreateRole');
  await approver.getByLabel('Comment').fill('Fine for the incident');
  await approver.getByRole('button', { name: 'Approve' }).click();
  await untilState(approver, 'Applied');
  await expect(approver.getByTestId('request-decisions')).toContainText('Approved by ada@idp.test');
  await expect(approver.getByTestId('expiry')).toContainText('Ends in 1 h 5');
  await approver.screenshot({ path: screenshotPath('request-applied'), fullPage: true });

  const alice = new STSClient({ ...sandboxClientConfig(), credentials: DEMO.aliceCredentials });
  expect((await alice.send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'alice' }))).AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${PROD}:assumed-role/RequestedFromDev/alice`);

  await approver.getByRole('link', { name: 'Its audit entries' }).click();
  const named = approver.getByTestId('audit-access-request');
  await expect(named.first()).toContainText('by rita@idp.test, approved by ada@idp.test');
  await expect(approver.getByTestId('audit-table')).toContainText(`${DEV}`);

  // Three hours later on AWS's clock, the deadline scheduler (a tick every 15 s) ends the access by itself.
  const moved = await fetch(`${sandboxClientConfig().endpoint}/_sandbox/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceSeconds: 3 * 3600 }) });
  expect(moved.ok).toBe(true);
  await approver.goto(`/requests/${requestId}`);
  await expect(async () => {
    await approver.reload();
    await expect(approver.getByTestId('request').getByTestId('request-state')).toHaveText('Expired', { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(approver.getByTestId('expiry')).toContainText('Ended at its deadline');
  await expect(alice.send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'alice' }))).rejects.toThrow(/not authorized|AccessDenied/);
  await approverContext.close();

  await expect.poll(() => received.filter((b) => b.request.id === requestId).map((b) => b.event), { timeout: 30_000 }).toEqual(expect.arrayContaining(['requested', 'approved', 'applied', 'expired']));
  expect(received.every((b) => b.request.requester === 'rita@idp.test')).toBe(true);
});
