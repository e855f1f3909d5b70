// Protects the rest of RAM in the share wizard on the demo seed: a new share to payments-dev using a customer managed permission made on /shares/permissions, with retain-on-leave set (and read back), a service principal refused for prefix lists with the reason and sources refused without one; and "Modify resource share" from a share's page — the same four steps prefilled, the Prod OU added from the tree and a resource removed in one plan of only those differences, read back through the SDK.
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateResourceShareCommand, GetResourceShareAssociationsCommand, GetResourceSharesCommand, ListResourceSharePermissionsCommand, RAMClient } from '@aws-sdk/client-ram';
import { expect, test, type Page } from '@playwright/test';
import { DEMO } from '../sandbox/seeds/demo-ids';
import { memberClientConfig, resetSandbox, screenshotPath, signIn } from './helpers';

const NETWORK = DEMO.accounts.network;
const PAYMENTS_DEV = DEMO.accounts['payments-dev'];
const PERMISSION = 'prefix-list-entries';
const PERMISSION_ARN = `arn:aws:ram:us-east-1:${NETWORK}:permission/${PERMISSION}`;
const OU_ARN = (id: string) => `arn:aws:organizations::${DEMO.managementAccountId}:ou/${DEMO.organizationId}/${id}`;

async function as(accountId: string) {
  const config = await memberClientConfig(accountId, 'e2e-share-modify');
  return { ram: new RAMClient(config), ec2: new EC2Client(config) };
}

async function applyFromPlanPage(page: Page) {
  await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('Applied', { timeout: 30_000 });
}

async function next(page: Page, step: number) {
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`step=${step}$`));
}

test.describe('the share wizard: customer managed permission, retain on leave, service principals', () => {
  test.beforeEach(async () => {
    await resetSandbox('demo');
  });

  test('a share to payments-dev with a customer managed permission and retain-on-leave, read back; a service principal refused with the reason', async ({ page }) => {
    await signIn(page, 'admin');
    // The permission first, on the Managed permissions page.
    await page.goto(`/shares/permissions?account=${NETWORK}`);
    const create = page.getByTestId('create-permission');
    await create.getByLabel('Name').fill(PERMISSION);
    await create.getByLabel('Resource type').selectOption('ec2:PrefixList');
    await create.getByLabel('ec2:GetManagedPrefixListEntries').check();
    await create.getByRole('button', { name: 'Plan: create permission' }).click();
    await applyFromPlanPage(page);

    // Step 1: network's corp-cidrs, retaining access on leave.
    await page.goto('/shares/new');
    await page.locator('#sharing-account').fill('network');
    await page.getByRole('option', { name: /network 300000000001/ }).click();
    await page.getByLabel('Name').fill('cidrs-retained');
    await page.getByLabel('Resource type').selectOption('ec2:PrefixList');
    await page.getByRole('checkbox', { name: 'Select corp-cidrs' }).check();
    const retain = page.getByRole('checkbox', { name: 'Retain access when an account leaves the organization' });
    await expect(retain).not.toBeChecked();
    await expect(page.getByTestId('retain-on-leave')).toContainText('can be set only when the share is created');
    await retain.check();
    await next(page, 2);

    // Step 2: the customer managed permission beside the AWS managed one.
    const permissions = page.getByTestId('permissions-ec2:PrefixList');
    await expect(permissions).toContainText('AWSRAMDefaultPermissionPrefixList');
    await expect(permissions.getByRole('radio', { name: new RegExp(PERMISSION) })).toBeVisible();
    await expect(permissions).toContainText('Customer managed');
    await permissions.getByRole('radio', { name: new RegExp(PERMISSION) }).check();
    await next(page, 3);

    // Step 3: a service principal is refused for prefix lists, saying why; sources need a service principal.
    await page.getByLabel('Principal type').selectOption({ label: 'Service principal' });
    await page.getByLabel('Principal', { exact: true }).fill('ec2.amazonaws.com');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByTestId('principal-refusal')).toContainText(
      'Prefix lists (ec2:PrefixList) cannot be shared with a service principal such as ec2.amazonaws.com: AWS RAM\'s "Shareable AWS resources" table does not mark this type "Can share with service principals".',
    );
    await page.getByLabel('Principal type').selectOption({ label: 'AWS account' });
    await page.getByLabel('Principal', { exact: true }).fill(PAYMENTS_DEV);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByTestId('selected-principal')).toHaveCount(1);
    await page.getByLabel('Sources, one a line').fill(NETWORK);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByText('add a service principal first')).toBeVisible();
    await expect(page).toHaveURL(/step=3$/);
    await page.getByLabel('Sources, one a line').fill('');
    await next(page, 4);

    // Review: the permission, retain-on-leave and its equivalents.
    await expect(page.getByTestId('review-permissions')).toContainText(PERMISSION);
    await expect(page.getByTestId('review-retain')).toHaveText('yes');
    await expect(page.getByTestId('plan')).toContainText('set only when the share is created');
    await expect(page.getByTestId('plan-equivalents')).toContainText('RetainSharingOnAccountLeaveOrganization: true');
    await expect(page.getByTestId('plan-equivalents')).toContainText('retain_sharing_on_account_leave_organization = true');
    await page.screenshot({ path: screenshotPath('share-wizard-retain-review'), fullPage: true });
    await page.getByRole('button', { name: 'Create resource share' }).click();
    await expect(page.getByTestId('plan-status')).toHaveText('Applied', { timeout: 30_000 });
    await expect(page.getByTestId('read-back')).toContainText('Resource share cidrs-retained is created.');

    // Read back through the SDK: the owner's configuration, and the permission payments-dev receives.
    const { ram } = await as(NETWORK);
    const [share] = (await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name: 'cidrs-retained' }))).resourceShares!;
    expect(share.resourceShareConfiguration?.retainSharingOnAccountLeaveOrganization).toBe(true);
    const received = await (await as(PAYMENTS_DEV)).ram.send(new ListResourceSharePermissionsCommand({ resourceShareArn: share.resourceShareArn! }));
    expect(received.permissions!.map((p) => p.arn)).toEqual([PERMISSION_ARN]);

    // The share's page says it retains access.
    await page.getByTestId('read-back').getByRole('link', { name: "The share's page" }).click();
    await expect(page.getByTestId('share-retain')).toContainText('on');
  });

  test('Modify from the share page: the Prod OU added from the tree and one resource removed in one plan, read back', async ({ page }) => {
    const { ram, ec2 } = await as(NETWORK);
    const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'tag:Name', Values: ['workloads-a', 'workloads-b'] }] }))).Subnets!;
    const arnOf = (name: string) => subnets.find((s) => s.Tags?.some((t) => t.Key === 'Name' && t.Value === name))!.SubnetArn!;
    const made = await ram.send(
      new CreateResourceShareCommand({ name: 'dev-subnets', resourceArns: [arnOf('workloads-a'), arnOf('workloads-b')], principals: [OU_ARN(DEMO.ouIds.Dev)], allowExternalPrincipals: false, tags: [{ key: 'team', value: 'network' }] }),
    );
    const shareArn = made.resourceShare!.resourceShareArn!;
    // Modify is offered once the share is active: its associations settle after a moment, as in AWS.
    await expect
      .poll(async () => (await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', resourceShareArns: [shareArn] }))).resourceShares?.[0]?.status, { timeout: 10_000 })
      .toBe('ACTIVE');

    await signIn(page, 'admin');
    await page.goto('/shares');
    await page.getByTestId('snapshot-status').getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('snapshot-status')).toContainText(/Read \d+ s ago/, { timeout: 60_000 });
    await page.getByTestId('share-row').getByRole('link', { name: 'dev-subnets', exact: true }).click();
    await page.getByTestId('share-modify').getByRole('button', { name: 'Modify' }).click();

    // Step 1 prefilled from the share; its account and Region cannot change.
    await expect(page).toHaveURL(/\/shares\/modify\?draft=d-[0-9a-f]{20}&step=1$/);
    await expect(page.getByRole('heading', { name: 'Modify resource share dev-subnets' })).toBeVisible();
    await expect(page.getByLabel('Name')).toHaveValue('dev-subnets');
    await expect(page.locator('#share-region')).toBeDisabled();
    await expect(page.getByTestId('selected-resource')).toHaveCount(2);
    await expect(page.getByTestId('tags')).toBeVisible();
    await expect(page.getByLabel('Tag 1 key')).toHaveValue('team');
    await page.getByRole('checkbox', { name: 'Select workloads-b' }).uncheck();
    await expect(page.getByTestId('selected-resource')).toHaveCount(1);
    await next(page, 2);
    await expect(page.getByTestId('permissions-ec2:Subnet')).toContainText('AWSRAMDefaultPermissionSubnet');
    await next(page, 3);

    // Step 3: the Dev OU as the share holds it; Prod added from the tree.
    await expect(page.getByTestId('selected-principal')).toHaveCount(1);
    await expect(page.getByTestId('selected-principals')).toContainText('Root / Workloads / Dev');
    const tree = page.getByRole('tree', { name: 'Principals from the organization' });
    await tree.locator(`[data-node-id="${DEMO.ouIds.Workloads}"] button`).click();
    await expect(tree.locator(`[data-node-id="${DEMO.ouIds.Dev}"]`)).toHaveAttribute('aria-checked', 'true');
    await tree.locator(`[data-node-id="${DEMO.ouIds.Prod}"]`).click();
    await expect(page.getByTestId('selected-principal')).toHaveCount(2);
    await next(page, 4);

    // Review: only the differences, in one plan.
    const steps = page.getByTestId('plan-steps');
    await expect(steps).toContainText('ram:DisassociateResourceShare');
    await expect(steps).toContainText('ram:AssociateResourceShare');
    await expect(steps).not.toContainText('ram:CreateResourceShare');
    await expect(steps).not.toContainText('ram:UpdateResourceShare');
    await expect(steps).not.toContainText('ram:TagResource');
    await expect(page.getByTestId('plan-cli')).toContainText('aws ram disassociate-resource-share');
    await page.screenshot({ path: screenshotPath('share-modify-review'), fullPage: true });
    await page.getByRole('button', { name: 'Modify resource share' }).click();
    await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
    await expect(page.getByTestId('plan-status')).toHaveText('Applied', { timeout: 30_000 });
    await expect(page.getByTestId('read-back')).toContainText('The share reads as the plan asked.');

    // Read back through the SDK.
    const resources = await ram.send(new GetResourceShareAssociationsCommand({ associationType: 'RESOURCE', resourceShareArns: [shareArn] }));
    expect(resources.resourceShareAssociations!.filter((a) => a.status === 'ASSOCIATED').map((a) => a.associatedEntity)).toEqual([arnOf('workloads-a')]);
    const principals = await ram.send(new GetResourceShareAssociationsCommand({ associationType: 'PRINCIPAL', resourceShareArns: [shareArn] }));
    expect(principals.resourceShareAssociations!.filter((a) => a.status === 'ASSOCIATED').map((a) => a.associatedEntity).sort()).toEqual([OU_ARN(DEMO.ouIds.Dev), OU_ARN(DEMO.ouIds.Prod)].sort());
  });
});
