// Protects: with AWS throttling 30% of calls and failing 5% with server errors on every service, every page of
// the navigation renders its data or a clear message (never the error page or a parser's words), and a change
// either completes or reports which step failed and why.
import { expect, test } from '@playwright/test';
import { navigation } from '../components/navigation';
import { resetSandbox, sandboxUrl, signIn } from './helpers';

// Each service's own throttling answer (botocore's models), which the SDK retries as throttling.
const THROTTLING: Record<string, { code: string; status: number }> = {
  iam: { code: 'Throttling', status: 400 },
  sts: { code: 'Throttling', status: 400 },
  organizations: { code: 'TooManyRequestsException', status: 400 },
  ram: { code: 'ThrottlingException', status: 429 },
  ec2: { code: 'RequestLimitExceeded', status: 503 },
  route53resolver: { code: 'ThrottlingException', status: 400 },
  licensemanager: { code: 'RateLimitExceededException', status: 429 },
  acmpca: { code: 'ThrottlingException', status: 400 },
};

async function setFaults(faults: unknown[]): Promise<void> {
  const response = await fetch(`${sandboxUrl()}/_sandbox/faults`, { method: 'POST', body: JSON.stringify({ faults }) });
  expect(response.ok, await response.text()).toBe(true);
}

test.describe('under throttling and server errors on every service', () => {
  test.beforeAll(async () => {
    await resetSandbox('demo', { orgSharing: false });
  });
  test.afterAll(async () => {
    await setFaults([]);
  });

  test('every page renders its data or a clear message, and a change completes or says what failed', async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, 'admin');
    await setFaults(
      Object.entries(THROTTLING).flatMap(([service, throttle]) => [
        { service, ...throttle, rate: 0.3, message: 'Rate exceeded' },
        { service, code: 'InternalFailure', status: 500, rate: 0.05, message: 'We encountered an internal error. Please try again.' },
      ]),
    );
    for (const entry of navigation) {
      const response = await page.goto(entry.href);
      expect(response?.status(), entry.href).toBeLessThan(500);
      await expect(page.getByRole('heading', { level: 1 }), entry.href).toBeVisible();
      await expect(page.getByText('This page could not be shown'), entry.href).toHaveCount(0);
      await expect(page.locator('main'), entry.href).not.toContainText(/Unexpected token|Deserialization error|\$response/);
    }
    // Settings shows the last reading while a slow one goes on (the sandbox was reset behind it): a reload shows the new one.
    const enable = page.getByRole('button', { name: 'Review the plan to enable sharing' });
    await expect(async () => {
      await page.goto('/settings');
      await expect(enable).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await enable.click();
    await expect(page).toHaveURL(/\/plans\/p-/);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('plan-status')).toHaveText(/^(Applied|Failed)$/, { timeout: 60_000 });
    if ((await page.getByTestId('plan-status').textContent()) === 'Failed') {
      await expect(page.getByTestId('step-error')).toContainText(/ram:EnableSharingWithAwsOrganization/);
    } else {
      await expect(page.getByTestId('read-back')).toBeVisible();
    }
  });
});
