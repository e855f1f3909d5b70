// Protects: creating a resource share in the four-step wizard as in the RAM console — from the owning member
// account, with principals picked in the organization tree and typed by ID — and that the receivers then see
// the resources with their own credentials; an outside account gets an invitation only once outside principals
// are allowed (off by default, off and disabled for organization-only types, warned about at review);
// refusals are shown in the step they concern; a double click on Create makes one share; every typed field
// survives a reload and Back on every step; the read-back links to the share's page.
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DeleteResourceShareCommand, GetResourceShareInvitationsCommand, GetResourceSharesCommand, RAMClient } from '@aws-sdk/client-ram';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { expect, test } from '@playwright/test';
import { DEMO } from '../sandbox/seeds/demo-ids';
import { resetSandbox, sandboxClientConfig, screenshotPath, signIn } from './helpers';
import { create, fillDetails, next, typePrincipal } from './share-wizard-steps';

const ACCOUNTS = {
  network: DEMO.accounts.network,
  sharedServices: DEMO.accounts['shared-services'],
  paymentsProd: DEMO.accounts['payments-prod'],
  paymentsDev: DEMO.accounts['payments-dev'],
  webDev: DEMO.accounts['web-dev'],
  partner: DEMO.accounts['partner-co'],
};
/** workloads-a and workloads-b. */
const WORKLOADS_CIDRS = ['10.0.1.0/24', '10.0.2.0/24'];
const PARTNER_CREDENTIALS = DEMO.partnerCredentials;

/** A member account's own credentials: the console identity assumes OrganizationAccountAccessRole there. */
async function memberConfig(accountId: string) {
  const out = await new STSClient(sandboxClientConfig()).send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`, RoleSessionName: 'e2e-receiver' }),
  );
  const c = out.Credentials!;
  return { ...sandboxClientConfig(), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! } };
}

/** The CIDRs of the subnets an account sees (a participant does not see the owner's tags, so not their names). */
async function subnetsSeenBy(accountId: string): Promise<string[]> {
  const out = await new EC2Client(await memberConfig(accountId)).send(new DescribeSubnetsCommand({}));
  return (out.Subnets ?? []).map((s) => s.CidrBlock!).sort();
}

async function sharesNamed(name: string) {
  const out = await new RAMClient(await memberConfig(ACCOUNTS.network)).send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name }));
  return (out.resourceShares ?? []).filter((s) => s.status !== 'DELETED');
}

/** The demo already shares both subnets with the Workloads OU: remove that share so the test's share is the only way in. */
async function deleteSeedSubnetShare() {
  const [share] = await sharesNamed('workloads-subnets');
  await new RAMClient(await memberConfig(ACCOUNTS.network)).send(new DeleteResourceShareCommand({ resourceShareArn: share.resourceShareArn! }));
}

test.describe('create a resource share', () => {
  test.beforeEach(async () => {
    await resetSandbox('demo');
  });

  test('subnets for the Dev OU picked in the tree plus an account typed by ID: the receivers see them', async ({ page }) => {
    await deleteSeedSubnetShare();
    expect(await subnetsSeenBy(ACCOUNTS.paymentsDev)).toEqual([]);
    await signIn(page, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Create resource share' }).click();
    await fillDetails(page, 'dev-subnets', 'ec2:Subnet', ['workloads-a', 'workloads-b']);
    const subnetRow = page.getByTestId('resource-row').filter({ hasText: 'workloads-a' });
    await expect(subnetRow).toContainText('10.0.1.0/24');
    await expect(subnetRow).toContainText('us-east-1a');
    await expect(subnetRow).toContainText('use1-az1');
    await next(page, 2);
    await expect(page.getByTestId('permissions-ec2:Subnet')).toContainText('AWSRAMDefaultPermissionSubnet');
    await expect(page.getByTestId('permissions-ec2:Subnet')).toContainText('nothing to do');
    await page.getByText('Actions it allows').click();
    await expect(page.getByTestId('permissions-ec2:Subnet')).toContainText('ec2:RunInstances');
    await next(page, 3);
    await expect(page.getByTestId('external-note')).toContainText('Subnets (ec2:Subnet) can only be shared within your organization');
    const external = page.getByRole('checkbox', { name: 'Allow principals outside your organization' });
    await expect(external).not.toBeChecked();
    await expect(external).toBeDisabled();

    // Dev through the tree: open Workloads, check Dev; its accounts show as included.
    const tree = page.getByRole('tree', { name: 'Principals from the organization' });
    await tree.locator('[data-node-id="ou-7c0r-wl8d2m6t"] button').click();
    await tree.locator('[data-node-id="ou-7c0r-dev5h1zc"]').click();
    await expect(page.getByTestId('selected-principal')).toHaveCount(1);
    await expect(page.getByTestId('selected-principal')).toContainText('Root / Workloads / Dev');
    // The keyboard: Dev is the active row; ArrowDown moves to Sandbox, Space checks and unchecks it.
    await page.keyboard.press('ArrowDown');
    await expect(tree.locator('[data-node-id="ou-7c0r-sbx6p0jw"]')).toHaveAttribute('data-active', 'true');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('selected-principal')).toHaveCount(2);
    await page.keyboard.press('Space');
    await expect(page.getByTestId('selected-principal')).toHaveCount(1);
    await tree.locator('[data-node-id="ou-7c0r-dev5h1zc"] button').click();
    await expect(tree.locator(`[data-node-id="${ACCOUNTS.paymentsDev}"]`)).toHaveAttribute('data-included', 'true');
    await expect(tree.locator(`[data-node-id="${ACCOUNTS.paymentsDev}"]`)).toHaveAttribute('aria-checked', 'true');
    // One more account, typed.
    await typePrincipal(page, 'AWS account', ACCOUNTS.sharedServices);
    await expect(page.getByTestId('selected-principal')).toHaveCount(2);
    await expect(page.getByTestId('selected-principals')).toContainText('shared-services (Root / Infrastructure)');
    await page.screenshot({ path: screenshotPath('share-wizard-principals'), fullPage: true });
    await next(page, 4);

    await expect(page.getByTestId('review-details')).toContainText('workloads-a');
    await expect(page.getByTestId('review-principals')).toContainText(ACCOUNTS.sharedServices);
    await expect(page.getByTestId('plan-cli')).toContainText('aws ram create-resource-share');
    await page.screenshot({ path: screenshotPath('share-wizard-review'), fullPage: true });
    await create(page);
    const readBack = page.getByTestId('read-back');
    await expect(readBack).toContainText('Resource share dev-subnets is created.');
    await expect(readBack).toContainText(/Principal Root \/ Workloads \/ Dev — arn:aws:organizations::100000000001:ou\/o-exmpl7c0rp\/ou-7c0r-dev5h1zc\s*ASSOCIATED/);
    await expect(readBack).toContainText(/Resource workloads-b — arn:aws:ec2:us-east-1:300000000001:subnet\/subnet-[0-9a-f]+\s*ASSOCIATED/);
    await expect(readBack).toContainText(/Allows principals outside the organization\s*no: Subnets can only be shared within the organization/);
    await expect(readBack.getByRole('link', { name: "The share's page" })).toHaveAttribute('href', /^\/shares\/us-east-1\/[0-9a-f-]+$/);

    expect(await subnetsSeenBy(ACCOUNTS.paymentsDev)).toEqual(WORKLOADS_CIDRS);
    expect(await subnetsSeenBy(ACCOUNTS.webDev)).toEqual(WORKLOADS_CIDRS);
    expect(await subnetsSeenBy(ACCOUNTS.paymentsProd)).toEqual([]);
  });

  test('a prefix list shared with an account outside the organization sends it an invitation', async ({ page }) => {
    await signIn(page, 'admin');
    await fillDetails(page, 'partner-prefixes', 'ec2:PrefixList', ['corp-cidrs']);
    await next(page, 2);
    await next(page, 3);
    // Off by default (prefix lists could go outside): an outside account is refused until it is on.
    const external = page.getByRole('checkbox', { name: 'Allow principals outside your organization' });
    await expect(external).not.toBeChecked();
    await expect(external).toBeEnabled();
    await typePrincipal(page, 'AWS account', ACCOUNTS.partner, 'refused');
    await external.check();
    await typePrincipal(page, 'AWS account', ACCOUNTS.partner);
    await expect(page.getByTestId('selected-principal')).toContainText('Outside the organization');
    await next(page, 4);
    await expect(page.getByTestId('external-warning')).toContainText('Principals outside the organization are allowed');
    await expect(page.getByTestId('plan')).toContainText(`RAM sends an invitation to Account ${ACCOUNTS.partner}`);
    await create(page);
    await expect(page.getByTestId('read-back')).toContainText(/Allows principals outside the organization\s*yes/);
    await expect(page.getByTestId('read-back')).toContainText(new RegExp(`Principal Account ${ACCOUNTS.partner} — ${ACCOUNTS.partner}\\s*invitation sent`));

    const invitations = await new RAMClient({ ...sandboxClientConfig(), credentials: PARTNER_CREDENTIALS }).send(new GetResourceShareInvitationsCommand({}));
    const mine = invitations.resourceShareInvitations?.filter((i) => i.resourceShareName === 'partner-prefixes') ?? [];
    expect(mine.map((i) => [i.senderAccountId, i.receiverAccountId, i.status])).toEqual([[ACCOUNTS.network, ACCOUNTS.partner, 'PENDING']]);
  });

  test('refusals in place: outside account for subnets, an OU of another organization, an IAM role for subnets', async ({ page }) => {
    await signIn(page, 'admin');
    await fillDetails(page, 'refusals', 'ec2:Subnet', ['workloads-a']);
    // Step 1 refuses an empty name at the field.
    await page.getByLabel('Name').fill('   ');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByText('Enter a name for the resource share.')).toBeVisible();
    await page.getByLabel('Name').fill('refusals');
    await next(page, 2);
    await next(page, 3);
    const refusal = page.getByTestId('principal-refusal');
    await typePrincipal(page, 'AWS account', ACCOUNTS.partner, 'refused');
    await expect(refusal).toContainText('Account 900000000001 is outside your organization: Subnets (ec2:Subnet) can only be shared within your organization.');
    await typePrincipal(page, 'Organizational unit', 'ou-zz99-abcdefgh', 'refused');
    await expect(refusal).toContainText('ou-zz99-abcdefgh is not an organizational unit of your organization (o-exmpl7c0rp)');
    await typePrincipal(page, 'IAM role', `arn:aws:iam::${ACCOUNTS.paymentsDev}:role/OrganizationAccountAccessRole`, 'refused');
    await expect(refusal).toContainText('Subnets (ec2:Subnet) cannot be shared with IAM roles');
    await expect(page.getByTestId('selected-principal')).toHaveCount(0);
    // Nothing refused made it into the share, and Next without principals stays on this step.
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByText('Add at least one principal')).toBeVisible();
    await expect(page).toHaveURL(/step=3$/);
  });

  test('a double click on Create makes one share', async ({ page }) => {
    await signIn(page, 'admin');
    await fillDetails(page, 'double-click', 'route53resolver:ResolverRule', ['onprem-example-com']);
    await next(page, 2);
    await next(page, 3);
    await typePrincipal(page, 'AWS account', ACCOUNTS.paymentsDev);
    await next(page, 4);
    await create(page, 'dblclick');
    expect(await sharesNamed('double-click')).toHaveLength(1);
  });

  test('a viewer builds the plan to show an admin but cannot create the share', async ({ page }) => {
    await signIn(page, 'viewer');
    await fillDetails(page, 'viewer-plan', 'ec2:PrefixList', ['corp-cidrs']);
    await next(page, 2);
    await next(page, 3);
    await typePrincipal(page, 'AWS account', ACCOUNTS.paymentsDev);
    await next(page, 4);
    await expect(page.getByRole('button', { name: 'Create resource share' })).toBeDisabled();
    await expect(page.getByTestId('plan-controls')).toContainText('Only admins can apply plans');
  });

  test('every typed field survives a reload and Back on every step; the header reopens finished steps', async ({ page }) => {
    await signIn(page, 'admin');
    // Opening the wizard writes nothing: the URL names no draft until something is typed.
    await page.goto('/shares/new');
    await expect(page).toHaveURL(/\/shares\/new$/);
    await fillDetails(page, 'kept', 'ec2:PrefixList', ['corp-cidrs']);
    await page.getByRole('button', { name: 'Add tag' }).click();
    await page.getByLabel('Tag 1 key').fill('team');
    await page.getByLabel('Tag 1 value').fill('network');
    await page.getByLabel('Filter').fill('corp');
    // Step 1, typed but not yet Next: a reload keeps every field.
    await expect(page.getByTestId('draft-status')).toHaveText('Draft saved');
    await expect(page).toHaveURL(/draft=d-[0-9a-f]{20}&step=1$/);
    await page.reload();
    await expect(page.getByLabel('Name')).toHaveValue('kept');
    await expect(page.getByLabel('Resource type')).toHaveValue('ec2:PrefixList');
    await expect(page.getByLabel('Filter')).toHaveValue('corp');
    await expect(page.getByTestId('sharing-account')).toContainText('network');
    await expect(page.getByTestId('selected-resource')).toHaveCount(1);
    await expect(page.getByLabel('Tag 1 key')).toHaveValue('team');
    await expect(page.getByLabel('Tag 1 value')).toHaveValue('network');
    await next(page, 2);
    // Back (the button and the browser's) shows step 1 as typed.
    await page.getByRole('link', { name: 'Back' }).click();
    await expect(page).toHaveURL(/step=1$/);
    await expect(page.getByLabel('Tag 1 value')).toHaveValue('network');
    await next(page, 2);
    await page.goBack();
    await expect(page).toHaveURL(/step=1$/);
    await expect(page.getByLabel('Name')).toHaveValue('kept');
    await page.goForward();
    await expect(page).toHaveURL(/step=2$/);
    await next(page, 3);
    // Step 3: the toggle and a principal, typed but not yet Next.
    await page.getByRole('checkbox', { name: 'Allow principals outside your organization' }).check();
    await typePrincipal(page, 'AWS account', ACCOUNTS.sharedServices);
    // A principal typed but not added yet is kept too.
    await page.getByLabel('Principal type').selectOption({ label: 'Organizational unit' });
    await page.getByLabel('Principal', { exact: true }).fill('ou-7c0r-half');
    await expect(page.getByTestId('draft-status')).toHaveText('Draft saved');
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Allow principals outside your organization' })).toBeChecked();
    await expect(page.getByTestId('selected-principal')).toContainText('shared-services');
    await expect(page.getByLabel('Principal type')).toHaveValue('ORGANIZATIONAL_UNIT');
    await expect(page.getByLabel('Principal', { exact: true })).toHaveValue('ou-7c0r-half');
    await page.getByRole('link', { name: 'Back' }).click();
    await expect(page).toHaveURL(/step=2$/);
    await page.goBack();
    await expect(page.getByTestId('selected-principal')).toContainText('shared-services');
    await next(page, 4);
    await page.reload();
    await expect(page.getByTestId('review-details')).toContainText('team=network');
    await expect(page.getByTestId('plan')).toContainText('ram:CreateResourceShare');
    // The Steps header goes back to a finished step, with its choices.
    await page.getByRole('list', { name: 'Steps' }).getByRole('link', { name: /3\. Grant access to principals/ }).click();
    await expect(page.getByTestId('selected-principal')).toContainText('shared-services');
    // A step past the finished ones does not open: the URL falls back to the first unfinished step.
    const draft = new URL(page.url()).searchParams.get('draft');
    await page.goto(`/shares/new?draft=${draft}&step=9`);
    await expect(page).toHaveURL(/step=4$/);
  });

  test('the tree is offered off, with the reason, when sharing with Organizations is off', async ({ page }) => {
    await resetSandbox('demo', { orgSharing: false });
    await signIn(page, 'admin');
    await fillDetails(page, 'no-org-sharing', 'ec2:PrefixList', ['corp-cidrs']);
    await next(page, 2);
    await next(page, 3);
    const off = page.getByTestId('tree-unavailable');
    await expect(off).toContainText('sharing with AWS Organizations is not enabled');
    await expect(off.getByRole('link', { name: 'Enable it in Settings' })).toHaveAttribute('href', '/settings');
    await expect(page.getByRole('tree')).toHaveCount(0);
  });
});
