// Protects customer managed permissions end to end on the demo seed: network creates one for prefix lists allowing only ec2:GetManagedPrefixListEntries (a template breaking RAM's rules is refused with the rule), a share to payments-dev is given it from the share's page, version 2 with one more action becomes the default, and the share is moved to it with ReplacePermissionAssociations — each a reviewed plan — read back through the SDK from payments-dev's side.
import { expect, test, type Page } from '@playwright/test';
import { DescribeManagedPrefixListsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateResourceShareCommand, GetPermissionCommand, ListResourceSharePermissionsCommand, RAMClient } from '@aws-sdk/client-ram';
import { memberClientConfig, resetSandbox, screenshotPath, signIn } from './helpers';

const NETWORK = '300000000001';
const PAYMENTS_DEV = '400000000011';
const SHARE = 'cidrs-for-payments';
const PERMISSION = 'prefix-list-entries';
const PERMISSION_ARN = `arn:aws:ram:us-east-1:${NETWORK}:permission/${PERMISSION}`;
let shareArn = '';

async function as(accountId: string) {
  const config = await memberClientConfig(accountId, 'e2e-permissions');
  return { ram: new RAMClient(config), ec2: new EC2Client(config) };
}

async function applyPlan(page: Page) {
  await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
  await expect(page.getByTestId('plan-status')).toHaveText('Ready to apply');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('Applied', { timeout: 30_000 });
}

const permissionsPage = (page: Page) => page.goto(`/shares/permissions?account=${NETWORK}`);

test.describe('customer managed permissions', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async () => {
    await resetSandbox('demo');
    const { ec2, ram } = await as(NETWORK);
    const lists = await ec2.send(new DescribeManagedPrefixListsCommand({ Filters: [{ Name: 'prefix-list-name', Values: ['corp-cidrs'] }] }));
    const out = await ram.send(new CreateResourceShareCommand({ name: SHARE, resourceArns: [lists.PrefixLists![0].PrefixListArn!], principals: [PAYMENTS_DEV], allowExternalPrincipals: false }));
    shareArn = out.resourceShare!.resourceShareArn!;
  });

  test('a template breaking RAM’s rules is refused with the rule; a valid one is created as a plan with its equivalents', async ({ page }) => {
    await signIn(page, 'admin');
    await permissionsPage(page);
    await expect(page.getByTestId('aws-permissions')).toContainText('AWSRAMDefaultPermissionPrefixList');
    const create = page.getByTestId('create-permission');
    await create.getByLabel('Name').fill(PERMISSION);
    await create.getByLabel('Resource type').selectOption('ec2:PrefixList');
    await create.getByLabel('ec2:GetManagedPrefixListEntries').check();
    await create.getByLabel('Conditions (optional, JSON)').fill('{"StringEquals": {"aws:PrincipalOrgID": "o-exmpl7c0rp"}}');
    await create.getByRole('button', { name: 'Plan: create permission' }).click();
    await expect(create.getByRole('alert').first()).toContainText('RAM fills in principal and source conditions itself');

    await create.getByLabel('Conditions (optional, JSON)').fill('');
    await create.getByRole('button', { name: 'Plan: create permission' }).click();
    await expect(page).toHaveURL(/\/plans\/p-/);
    await expect(page.getByTestId('plan-equivalents')).toContainText('aws ram create-permission');
    await expect(page.getByTestId('plan-equivalents')).toContainText('AWS::RAM::Permission');
    await expect(page.getByTestId('plan-equivalents')).toContainText('aws_ram_permission');
    await applyPlan(page);
    await expect(page.getByTestId('read-back')).toContainText(`${PERMISSION} exists, version 1 is its default.`);
  });

  test('the share’s page gives the share the customer managed permission', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/shares');
    await page.getByTestId('snapshot-status').getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('snapshot-status')).toContainText(/Read \d+ s ago/, { timeout: 60_000 });
    await page.getByTestId('share-row').getByRole('link', { name: SHARE, exact: true }).click();
    await page.getByTestId('share-editor').getByLabel('ec2:PrefixList').selectOption({ label: PERMISSION });
    await page.getByRole('button', { name: 'Plan the permission for ec2:PrefixList' }).click();
    await applyPlan(page);
    const { ram } = await as(PAYMENTS_DEV);
    const granted = await ram.send(new ListResourceSharePermissionsCommand({ resourceShareArn: shareArn }));
    expect(granted.permissions!.map((p) => [p.arn, p.version])).toEqual([[PERMISSION_ARN, '1']]);
  });

  test('version 2 with one more action becomes the default, and the share is moved to it with ReplacePermissionAssociations', async ({ page }) => {
    await signIn(page, 'admin');
    await permissionsPage(page);
    const card = page.getByTestId('customer-permission').filter({ hasText: PERMISSION });
    await expect(card.getByTestId('permission-use')).toContainText(SHARE);
    await card.getByTestId('add-version').locator('summary').click();
    await card.getByTestId('add-version').getByLabel('ec2:DescribeManagedPrefixLists').check();
    await card.getByRole('button', { name: 'Plan: add version' }).click();
    await applyPlan(page);
    await expect(page.getByTestId('read-back')).toContainText('Version 2 is the default version.');

    await permissionsPage(page);
    await expect(card.locator('[data-testid="cmp-version"][data-version="2"]')).toContainText('default');
    await expect(card.getByTestId('permission-use')).toContainText('not the default');
    await card.getByRole('button', { name: 'Plan: update every share using version 1 to the default version' }).click();
    await expect(page.getByTestId('plan-steps')).toContainText('ram:ReplacePermissionAssociations');
    await applyPlan(page);
    await expect(page.getByTestId('step-settled')).toContainText('COMPLETED');
    await expect(page.getByTestId('read-back')).toContainText('Every share now holds version 2 (the default).');
    await page.screenshot({ path: screenshotPath('managed-permissions-replace'), fullPage: true });

    // payments-dev, receiving the share, reads the new version and what it allows.
    const { ram } = await as(PAYMENTS_DEV);
    const granted = await ram.send(new ListResourceSharePermissionsCommand({ resourceShareArn: shareArn }));
    expect(granted.permissions!.map((p) => [p.arn, p.version, p.defaultVersion])).toEqual([[PERMISSION_ARN, '2', true]]);
    const { permission } = await ram.send(new GetPermissionCommand({ permissionArn: PERMISSION_ARN }));
    expect(JSON.parse(permission!.permission!).Action).toEqual(['ec2:GetManagedPrefixListEntries', 'ec2:DescribeManagedPrefixLists']);

    await permissionsPage(page);
    // Streamed content can sit hidden in the document until React reveals it: wait until it is shown.
    await expect(card.locator('[data-testid="cmp-version"][data-version="2"]')).toBeVisible();
    await expect(page.getByTestId('page-loading')).toHaveCount(0);
    await page.screenshot({ path: screenshotPath('managed-permissions'), fullPage: true });
  });
});
