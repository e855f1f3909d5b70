// Protects: a change is a reviewed plan: enabling sharing with AWS Organizations goes Settings → plan (with its
// CLI, CloudFormation and Terraform equivalents) → Apply → what AWS reads back → an audit intent and outcome;
// a viewer sees the plan but cannot apply it, even by calling the server directly.
import { expect, test } from '@playwright/test';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { callServerAction, resetSandbox, sandboxClientConfig, screenshotPath, signIn } from './helpers';
import { DEMO } from '../sandbox/seeds/demo-ids';

async function serviceLinkedRoleExists(): Promise<boolean> {
  const iam = new IAMClient(sandboxClientConfig());
  return iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForResourceAccessManager' })).then(
    () => true,
    () => false,
  );
}

test.describe('enabling sharing with AWS Organizations through a plan', () => {
  test.beforeEach(async () => {
    await resetSandbox('demo', { orgSharing: false });
  });

  test('admin: review, apply, read back, audit', async ({ page }) => {
    expect(await serviceLinkedRoleExists()).toBe(false);
    await signIn(page, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('sharing-status')).toHaveText('Off');
    await expect(page.getByTestId('check-management-account')).toHaveAttribute('data-passed', 'true');
    await expect(page.getByTestId('check-all-features')).toHaveAttribute('data-passed', 'true');
    await expect(page.getByTestId('check-service-linked-role')).toHaveAttribute('data-passed', 'false');
    await page.screenshot({ path: screenshotPath('settings'), fullPage: true });

    await page.getByRole('button', { name: 'Review the plan to enable sharing' }).click();
    await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
    await expect(page.getByTestId('plan-status')).toHaveText('Ready to apply');
    const step = page.getByTestId('plan-step-1');
    await expect(step).toContainText('ram:EnableSharingWithAwsOrganization');
    await expect(step).toContainText(DEMO.accounts.management);
    await expect(step.getByTestId('step-status')).toHaveText('Pending');
    await expect(page.getByTestId('plan-cli')).toContainText('aws ram enable-sharing-with-aws-organization --region us-east-1 --profile acct-100000000001');
    await page.getByText('Terraform', { exact: true }).click();
    await expect(page.getByTestId('terraform-100000000001-us-east-1')).toContainText('resource "aws_ram_sharing_with_organization" "this" {}');
    await page.getByText('CloudFormation', { exact: true }).click();
    await expect(page.getByTestId('plan-equivalents')).toContainText('CloudFormation has no resource type for enabling sharing with AWS Organizations');
    expect(await serviceLinkedRoleExists()).toBe(false);
    await page.screenshot({ path: screenshotPath('plan-review'), fullPage: true });

    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByTestId('plan-status')).toHaveText('Applied');
    await expect(step.getByTestId('step-status')).toHaveText('Done');
    const readBack = page.getByTestId('read-back');
    await expect(readBack).toContainText('Sharing with AWS Organizations is enabled.');
    await expect(readBack).toContainText(/Service-linked role AWSServiceRoleForResourceAccessManager \(iam:GetRole\)\s*yes/);
    expect(await serviceLinkedRoleExists()).toBe(true);
    // A second Apply (a replayed request) does not run it again.
    await page.screenshot({ path: screenshotPath('plan-applied'), fullPage: true });

    await page.getByRole('link', { name: 'Its audit entries' }).click();
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('success');
    await expect(rows.nth(1)).toContainText('intent');
    for (const row of [rows.nth(0), rows.nth(1)]) {
      await expect(row).toContainText('ram:EnableSharingWithAwsOrganization');
      await expect(row).toContainText('admin@crossing.local');
      await expect(row).toContainText(DEMO.accounts.management);
    }
    await page.screenshot({ path: screenshotPath('audit'), fullPage: true });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('sharing-status')).toHaveText('Enabled');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plans' }).click();
    await expect(page.getByTestId('plans-table').locator('tbody tr').first()).toContainText('Applied');
  });

  test('viewer: builds and sees the plan, cannot apply it, and a direct call is refused and audited', async ({ page }) => {
    await signIn(page, 'viewer');
    await page.goto('/settings');
    await expect(page.getByTestId('sharing-status')).toHaveText('Off');
    await page.getByRole('button', { name: 'Review the plan to enable sharing' }).click();
    await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
    const planId = page.url().split('/').pop()!;
    await expect(page.getByTestId('plan-step-1')).toContainText('ram:EnableSharingWithAwsOrganization');
    await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
    await expect(page.getByTestId('plan-controls')).toContainText('Only admins can apply plans');

    const answer = await callServerAction(page, `/plans/${planId}`, 'applyPlanAction', 'components/plan/actions', [{ planId }]);
    expect(answer).toContain('Not allowed');
    expect(await serviceLinkedRoleExists()).toBe(false);
    await page.reload();
    await expect(page.getByTestId('plan-status')).toHaveText('Made by a viewer to show an admin');
    await page.goto('/audit?outcome=denied');
    const row = page.getByTestId('audit-table').locator('tbody tr').first();
    await expect(row).toContainText('viewer@crossing.local');
    await expect(row).toContainText('plan:apply');
  });
});
