// Protects: who can reach what on the demo seed, in Chromium: /access lists the organization's paths and filters them in the URL; an account's page shows its inbound and outbound paths with the graph and its table alternative, explains a path layer by layer, lists role chains; a viewer sees all of it.
import { expect, test, type Page } from '@playwright/test';
import { resetSandbox, screenshotPath, signIn } from './helpers';

const PAYMENTS_PROD = '400000000001';
const WEB_PROD = '400000000002';
const SHARED_SERVICES = '300000000002';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  await resetSandbox('demo');
});

async function pathsOf(page: Page, table: string) {
  const rows = page.getByTestId(table).getByTestId('path-row');
  // A cold console reads the organization's IAM first; the page fills in as accounts are read.
  await expect(rows.first()).toBeVisible({ timeout: 60_000 });
  return rows;
}

test('/access lists the organization\'s paths and filters them, the filters in the URL', async ({ page }) => {
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Who can reach what' }).click();
  await expect(page).toHaveURL(/\/access$/);
  await pathsOf(page, 'paths-table');
  await expect(page.getByTestId('snapshot-status')).toContainText(/Read \d+/, { timeout: 60_000 });
  await page.reload();
  await expect(page.getByTestId('path-counts')).toContainText('from outside the organization');

  // A choice made before the page hydrates is reset by it: choose again until the URL carries both.
  await expect(async () => {
    await page.getByLabel('Source').selectOption('outside');
    await page.getByLabel('Conditions').selectOption('without');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/scope=outside/, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page).toHaveURL(/conditions=without/);
  const rows = await pathsOf(page, 'paths-table');
  await expect(rows.filter({ hasText: 'LegacyVendorAccess' })).toHaveCount(1);
  // The vendor role with an ExternalId is a path with conditions: filtered out.
  await expect(rows.filter({ hasText: 'PartnerMonitoring' })).toHaveCount(0);

  await page.goto('/access?kind=federated');
  await expect((await pathsOf(page, 'paths-table')).filter({ hasText: 'SAML provider CorpIdP' })).toHaveCount(1);
  await page.goto('/access?kind=service&q=codebuild');
  await expect((await pathsOf(page, 'paths-table')).filter({ hasText: 'service codebuild.amazonaws.com' })).toHaveCount(1);
});

test('an account page: inbound and outbound paths, the graph and its table, a path explained layer by layer, chains', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto(`/accounts/${PAYMENTS_PROD}`);
  await expect(page.getByRole('heading', { name: 'payments-prod', exact: true })).toBeVisible();
  const inbound = await pathsOf(page, 'inbound-table');
  const graph = page.getByTestId('access-graph');
  await expect(graph).toBeVisible();
  // The graph groups sources by OU; each account in it is a link the keyboard reaches.
  await expect(graph.getByText(/^OU Infrastructure/).first()).toBeVisible();
  const link = graph.getByRole('link', { name: /shared-services/ });
  await link.focus();
  await expect(link).toBeFocused();

  const deploy = inbound.filter({ hasText: 'DeployFromShared' }).filter({ hasText: 'role CiDeployer' });
  await expect(deploy).toHaveCount(1);
  await deploy.getByText('Explain').click();
  const explanation = deploy.getByTestId('path-explanation');
  await expect(explanation.getByTestId('layer-identity')).toHaveAttribute('data-effect', 'allows');
  await expect(explanation.getByTestId('layer-identity')).toContainText('AssumeDeployRoles');
  await expect(explanation.getByTestId('layer-scp')).toContainText('No SCP');
  await expect(explanation.getByTestId('layer-trust')).toHaveAttribute('data-effect', 'allows');
  await expect(explanation).toContainText('can assume DeployFromShared');

  await page.screenshot({ path: screenshotPath('account-access'), fullPage: true });
  await expect(page.getByTestId('chains-into').getByTestId('chain').filter({ hasText: 'SecurityAudit' }).filter({ hasText: 'ReadOnlyAuditor' }).first()).toBeVisible();

  await graph.getByRole('link', { name: /shared-services/ }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${SHARED_SERVICES}$`));
  const outbound = await pathsOf(page, 'outbound-table');
  await expect(outbound.filter({ hasText: 'DeployFromShared' }).first()).toBeVisible();
  const partner = (await pathsOf(page, 'inbound-table')).filter({ hasText: 'PartnerMonitoring' });
  await expect(partner).toContainText('outside the organization');
  await expect(partner).toContainText('sts:ExternalId');
});

test('a viewer sees the paths, the graph and the explanations', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.goto(`/accounts/${WEB_PROD}`);
  const inbound = await pathsOf(page, 'inbound-table');
  await expect(page.getByTestId('access-graph').getByText('Outside the organization')).toBeVisible();
  const legacy = inbound.filter({ hasText: 'LegacyVendorAccess' });
  await legacy.getByText('Explain').click();
  await expect(legacy.getByTestId('layer-trust')).toHaveAttribute('data-effect', 'allows');
  await page.goto('/access?q=OrgLogReader');
  await expect((await pathsOf(page, 'paths-table')).first()).toContainText('any principal in the organization');
});
