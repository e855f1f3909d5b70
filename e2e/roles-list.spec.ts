// Protects /roles at scale on the demo seed grown to 75 roles in payments-dev (through the SDK): after Refresh the
// list is read from the IAM snapshot, 50 a page with the filters in the URL; search, the trust-kind filter and
// Next narrow and page it; the member-access role is hidden until shown; a row opens its role's page.
import { expect, test } from '@playwright/test';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { DEMO } from '../sandbox/seeds/demo-ids';
import { memberClientConfig, resetSandbox, signIn } from './helpers';

const DEV = DEMO.accounts['payments-dev'];
const trust = (principal: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });

test('/roles: search, a trust filter, the next page and the member-access role, all in the URL', async ({ page }) => {
  await resetSandbox('demo');
  const iam = new IAMClient(await memberClientConfig(DEV));
  for (let n = 1; n <= 75; n++) {
    const principal = n % 3 === 0 ? { Service: 'lambda.amazonaws.com' } : { AWS: `arn:aws:iam::${DEMO.accounts['payments-prod']}:root` };
    await iam.send(new CreateRoleCommand({ RoleName: `bulk-${String(n).padStart(2, '0')}`, AssumeRolePolicyDocument: trust(principal) }));
  }
  await signIn(page, 'viewer', '/roles');
  await page.getByLabel('Search').fill('bulk-');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/[?&]q=bulk-(&|$)/);
  // A reading from before the roles were made answers until Refresh's read completes (a running read first ends).
  const refresh = page.getByTestId('snapshot-status').getByRole('button');
  await expect(refresh).toBeEnabled({ timeout: 20_000 });
  await refresh.click();
  await expect(page.getByTestId('matching-roles')).toHaveText('75 roles · page 1 of 2', { timeout: 20_000 });
  await expect(page.getByTestId('role-row')).toHaveCount(50);
  await page.getByTestId('roles-pager').getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/q=bulk-&page=2$/);
  await expect(page.getByTestId('role-row')).toHaveCount(25);
  await expect(page.getByTestId('role-row').last()).toContainText('bulk-75');

  await page.getByLabel('Trusts').selectOption('service');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByTestId('matching-roles')).toHaveText('25 roles');
  await expect(page.getByTestId('role-row').first()).toContainText('AWS service');

  // The member-access role: hidden by default (counted), shown on demand, for one account.
  await page.goto(`/roles?account=${DEV}&q=access`);
  await expect(page.getByTestId('no-roles')).toBeVisible();
  await expect(page.getByTestId('member-roles')).toContainText('1 OrganizationAccountAccessRole role(s) hidden');
  await page.getByTestId('member-roles').getByRole('link', { name: 'Show them' }).click();
  await expect(page).toHaveURL(new RegExp(`q=access&account=${DEV}&member=show$`));
  const memberRow = page.getByTestId('role-row').filter({ hasText: 'OrganizationAccountAccessRole' });
  await expect(memberRow).toHaveCount(1);
  await memberRow.getByRole('link', { name: 'OrganizationAccountAccessRole' }).click();
  await expect(page).toHaveURL(`/roles/${DEV}/OrganizationAccountAccessRole`);

  // The specs after this one read the demo seed's IAM as it was: the roles made here leave the snapshot.
  await resetSandbox('demo');
  await page.goto('/roles?q=bulk-');
  await page.getByTestId('snapshot-status').getByRole('button').click();
  await expect(page.getByTestId('matching-roles')).toHaveText('0 roles', { timeout: 20_000 });
});
