// Protects the organization-wide resource shares on the demo seed: network's workloads-subnets and corp-dns and a
// share made in eu-west-1 on one list without changing the header's Region; a share's page (the Workloads OU
// ASSOCIATED, both subnets, the subnet permission, the tags); adding a principal, removing a resource and
// deleting a share through reviewed plans, each checked in AWS through the SDK; payments-dev's received shares
// owned by network; a viewer who sees everything and changes nothing; the share page's editor marks what the
// share holds (resources by name, principals in the organization tree) and removes under its own buttons.
import { expect, test, type Page } from '@playwright/test';
import { CreateManagedPrefixListCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateResourceShareCommand, GetResourceShareAssociationsCommand, GetResourceSharesCommand, RAMClient } from '@aws-sdk/client-ram';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { callServerAction, resetSandbox, sandboxClientConfig, screenshotPath, signIn } from './helpers';
import { DEMO } from '../sandbox/seeds/demo-ids';

const NETWORK = DEMO.accounts.network;
const SHARED_SERVICES = DEMO.accounts['shared-services'];
const PAYMENTS_DEV = DEMO.accounts['payments-dev'];
const WORKLOADS_OU = 'ou-7c0r-wl8d2m6t';
const EU_SHARE = 'eu-ranges';

async function asNetwork(region = 'us-east-1') {
  const { Credentials: c } = await new STSClient(sandboxClientConfig()).send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${NETWORK}:role/OrganizationAccountAccessRole`, RoleSessionName: 'e2e-shares' }),
  );
  const config = { ...sandboxClientConfig(), region, credentials: { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken } };
  return { ram: new RAMClient(config), ec2: new EC2Client(config) };
}

async function networkShare(name: string, region = 'us-east-1') {
  const { ram } = await asNetwork(region);
  const out = await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name }));
  return out.resourceShares?.find((s) => s.status !== 'DELETED');
}

async function associations(name: string, associationType: 'PRINCIPAL' | 'RESOURCE') {
  const share = await networkShare(name);
  const { ram } = await asNetwork();
  const out = await ram.send(new GetResourceShareAssociationsCommand({ associationType, resourceShareArns: [share!.resourceShareArn!] }));
  return (out.resourceShareAssociations ?? []).map((a) => `${a.associatedEntity} ${a.status}`);
}

/** /shares with a fresh read of the organization (other specs may have changed the sandbox since the console cached it). */
async function freshList(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Resource shares' }).click();
  await expect(page).toHaveURL(/\/shares$/);
  await page.getByTestId('snapshot-status').getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('snapshot-status')).toContainText(/Read \d+ s ago/, { timeout: 60_000 });
}

/** Adds a principal in the share page's editor (typed, checked on the server at once). */
async function addPrincipal(page: Page, value: string, outcome: 'added' | 'refused' = 'added', type = 'AWS account') {
  await page.getByTestId('share-editor').getByLabel('Principal type').selectOption({ label: type });
  const box = page.getByTestId('share-editor').getByLabel('Principal', { exact: true });
  await box.fill(value);
  await page.getByTestId('share-editor').getByRole('button', { name: 'Add', exact: true }).click();
  if (outcome === 'added') await expect(box).toHaveValue('');
  else await expect(page.getByTestId('principal-refusal')).toBeVisible();
}

const shareRow = (page: Page, name: string) => page.getByTestId('share-row').filter({ has: page.getByRole('link', { name, exact: true }) });

async function applyPlan(page: Page) {
  await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
  await expect(page.getByTestId('plan-status')).toHaveText('Ready to apply');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('Applied', { timeout: 30_000 });
}

test.describe('resource shares across the organization', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async () => {
    await resetSandbox('demo');
    const { ec2, ram } = await asNetwork('eu-west-1');
    const list = await ec2.send(new CreateManagedPrefixListCommand({ PrefixListName: 'eu-ranges', AddressFamily: 'IPv4', MaxEntries: 5 }));
    await ram.send(new CreateResourceShareCommand({ name: EU_SHARE, resourceArns: [list.PrefixList!.PrefixListArn!], principals: [PAYMENTS_DEV], allowExternalPrincipals: false }));
  });

  test('one list holds network’s shares and the eu-west-1 share; the share page shows what AWS holds', async ({ page }) => {
    await signIn(page, 'admin');
    await expect(page.getByTestId('console-header').getByLabel('Region')).toHaveValue('us-east-1');
    await freshList(page);
    for (const name of ['workloads-subnets', 'corp-dns']) {
      await expect(shareRow(page, name)).toContainText('network');
      await expect(shareRow(page, name)).toContainText(NETWORK);
      await expect(shareRow(page, name)).toContainText('us-east-1');
    }
    await expect(shareRow(page, EU_SHARE)).toContainText('eu-west-1');
    await expect(shareRow(page, EU_SHARE)).toContainText('ec2:PrefixList');
    await expect(page.getByTestId('console-header').getByLabel('Region')).toHaveValue('us-east-1');
    // partner-co's shares are not the organization's.
    await expect(shareRow(page, 'partner-network')).toHaveCount(0);
    await page.screenshot({ path: screenshotPath('shares'), fullPage: true });

    // Filters live in the URL.
    await page.getByTestId('share-filters').getByLabel('Region').selectOption('eu-west-1');
    await expect(page).toHaveURL(/region=eu-west-1/);
    await expect(page.getByTestId('share-row')).toHaveCount(1);
    await page.goto('/shares?tab=principals');
    await expect(page.getByTestId('principal-row').filter({ hasText: WORKLOADS_OU })).toContainText('Workloads');

    await page.goto('/shares');
    await shareRow(page, 'workloads-subnets').getByRole('link', { name: 'workloads-subnets' }).click();
    await expect(page).toHaveURL(/\/shares\/us-east-1\/[0-9a-f-]+$/);
    const ou = page.getByTestId('share-principal').filter({ hasText: WORKLOADS_OU });
    await expect(ou).toContainText('Workloads');
    await expect(ou).toContainText('ASSOCIATED');
    await expect(page.getByTestId('share-resource')).toHaveCount(2);
    await expect(page.getByTestId('share-resources')).toContainText('ec2:Subnet');
    await expect(page.getByTestId('share-permission')).toContainText('AWSRAMDefaultPermissionSubnet');
    await expect(page.getByTestId('share-tag')).toContainText('team');
    await expect(page.getByTestId('share-tag')).toContainText('network');
    await page.screenshot({ path: screenshotPath('share'), fullPage: true });
  });

  test('adding a principal (with the wizard’s rules), picking a resource, removing a resource and deleting a share, each through a plan', async ({ page }) => {
    await signIn(page, 'admin', '/shares');
    await shareRow(page, 'workloads-subnets').getByRole('link', { name: 'workloads-subnets' }).click();
    await expect(page).toHaveURL(/\/shares\/us-east-1\/[0-9a-f-]+$/);
    const sharePage = page.url();

    // What the share holds is marked: its subnets in the picker (by name), its OU in the tree.
    const picker = page.getByTestId('resource-picker');
    for (const held of ['workloads-a', 'workloads-b']) {
      await expect(picker.getByTestId('resource-row').filter({ hasText: held })).toHaveAttribute('data-held', 'true');
      await expect(picker.getByLabel(`Select ${held}`)).toBeDisabled();
    }
    await expect(picker.getByTestId('resource-row').filter({ hasText: 'shared-services' })).not.toHaveAttribute('data-held', 'true');
    await expect(page.getByTestId('remove-resources')).toContainText('workloads-a');
    await expect(page.getByTestId('share-resources')).toContainText('workloads-b');
    const tree = page.getByRole('tree', { name: 'Principals from the organization' });
    await expect(tree.locator('[data-node-id="ou-7c0r-wl8d2m6t"]')).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByTestId('remove-principals')).toContainText('Workloads');
    await addPrincipal(page, WORKLOADS_OU, 'refused', 'Organizational unit');
    await expect(page.getByTestId('principal-refusal')).toContainText('already in the share');

    await addPrincipal(page, SHARED_SERVICES);
    await page.getByRole('button', { name: 'Plan adding principals' }).click();
    await expect(page.getByTestId('plan-step-1')).toContainText('ram:AssociateResourceShare');
    await expect(page.getByTestId('plan-cli')).toContainText("aws ram associate-resource-share --cli-input-json '{");
    await expect(page.getByTestId('plan-cli')).toContainText(`"resourceShareArn": "arn:aws:ram:us-east-1:${NETWORK}:resource-share/`);
    await applyPlan(page);
    await expect(page.getByTestId('read-back')).toContainText(SHARED_SERVICES);
    expect(await associations('workloads-subnets', 'PRINCIPAL')).toContainEqual(expect.stringMatching(new RegExp(`^${SHARED_SERVICES} (ASSOCIATING|ASSOCIATED)$`)));

    await page.goto(sharePage);
    await expect(page.getByTestId('share-principal').filter({ hasText: SHARED_SERVICES })).toContainText('shared-services');
    // The wizard's rules and messages: subnets stay inside the organization.
    await addPrincipal(page, DEMO.accounts['partner-co'], 'refused');
    await expect(page.getByTestId('principal-refusal')).toContainText(/900000000001 is outside your organization/);
    await expect(page).toHaveURL(sharePage);
    // The wizard's resource picker lists network's own subnets; picking one plans adding it.
    await page.getByTestId('resource-picker').getByLabel('Select shared-services').check();
    await page.getByRole('button', { name: 'Plan adding resources' }).click();
    await expect(page.getByTestId('plan-step-1')).toContainText('ram:AssociateResourceShare');
    await expect(page.getByTestId('plan-cli')).toContainText(`"arn:aws:ec2:us-east-1:${NETWORK}:subnet/subnet-`);
    await page.goto(sharePage);
    const subnetB = (await page.getByTestId('remove-resources').getByRole('checkbox').nth(1).getAttribute('value'))!;
    await page.getByTestId('remove-resources').getByRole('checkbox').nth(1).check();
    await page.getByRole('button', { name: 'Plan removing resources' }).click();
    await expect(page.getByTestId('plan-step-1')).toContainText('ram:DisassociateResourceShare');
    await applyPlan(page);
    expect(await associations('workloads-subnets', 'RESOURCE')).toContainEqual(expect.stringMatching(new RegExp(`^${subnetB} (DISASSOCIATING|DISASSOCIATED)$`)));
    await page.goto(sharePage);
    await expect(page.getByTestId('share-resource').filter({ hasText: subnetB }).filter({ hasText: 'ASSOCIATED' })).toHaveCount(0);

    await page.goto('/shares?region=eu-west-1');
    await shareRow(page, EU_SHARE).getByRole('link', { name: EU_SHARE }).click();
    await page.getByRole('button', { name: 'Plan deleting the share' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Make the plan' })).toBeDisabled();
    await dialog.getByRole('textbox').fill(EU_SHARE);
    await dialog.getByRole('button', { name: 'Make the plan' }).click();
    await expect(page.getByTestId('plan-step-1')).toContainText('ram:DeleteResourceShare');
    await expect(page.getByTestId('plan-step-1')).toContainText('eu-west-1');
    await applyPlan(page);
    const deleted = await networkShare(EU_SHARE, 'eu-west-1');
    expect(deleted === undefined || ['DELETING', 'DELETED'].includes(deleted.status!)).toBe(true);
    await page.goto('/shares');
    await expect(shareRow(page, 'workloads-subnets')).toBeVisible();
    await expect(shareRow(page, EU_SHARE).filter({ hasText: 'ACTIVE' })).toHaveCount(0);
  });

  test('payments-dev’s received shares name network as their owner', async ({ page }) => {
    await signIn(page, 'admin', '/shares/received');
    await page.getByLabel('Receiving account').selectOption(PAYMENTS_DEV);
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(new RegExp(`account=${PAYMENTS_DEV}`));
    for (const name of ['workloads-subnets', 'corp-dns']) {
      const row = page.getByTestId('received-share').filter({ hasText: name });
      await expect(row.getByTestId('received-owner')).toHaveText('network');
      await expect(row).toContainText('Received through the organization');
    }
    await page.screenshot({ path: screenshotPath('shares-received'), fullPage: true });
  });

  test('a viewer sees the list and a share, may build a plan, and changes nothing', async ({ page }) => {
    await signIn(page, 'viewer', '/shares');
    await expect(shareRow(page, 'corp-dns')).toBeVisible();
    await shareRow(page, 'corp-dns').getByRole('link', { name: 'corp-dns' }).click();
    await expect(page.getByTestId('share-principals')).toContainText('Organization o-exmpl7c0rp');
    const before = await associations('corp-dns', 'PRINCIPAL');
    await addPrincipal(page, SHARED_SERVICES);
    await page.getByRole('button', { name: 'Plan adding principals' }).click();
    await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
    const planId = page.url().split('/').pop()!;
    await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
    const answer = await callServerAction(page, `/plans/${planId}`, 'applyPlanAction', 'components/plan/actions', [{ planId }]);
    expect(answer).toContain('Not allowed');
    expect(await associations('corp-dns', 'PRINCIPAL')).toEqual(before);
  });
});
