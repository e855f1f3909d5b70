// Protects: sign-in and roles, the shell's header, the dashboard's live figures, the Region selector, and the
// security headers.
import { expect, test } from '@playwright/test';
import { ListAccountsCommand, ListOrganizationalUnitsForParentCommand, ListRootsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { navigation } from '../components/navigation';
import { resetSandbox, sandboxClientConfig, screenshotPath, signIn, USERS } from './helpers';
import { DEMO } from '../sandbox/seeds/demo-ids';

async function countAccounts(client: OrganizationsClient): Promise<number> {
  let count = 0;
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListAccountsCommand({ NextToken }));
    count += page.Accounts?.length ?? 0;
    NextToken = page.NextToken;
  } while (NextToken);
  return count;
}

async function countOus(client: OrganizationsClient, parentId: string): Promise<number> {
  let count = 0;
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parentId, NextToken }));
    for (const ou of page.OrganizationalUnits ?? []) count += 1 + (await countOus(client, ou.Id!));
    NextToken = page.NextToken;
  } while (NextToken);
  return count;
}

test.describe('signed out', () => {
  test('every route redirects to the sign-in page', async ({ page }) => {
    for (const entry of [...navigation, { href: '/audit?page=2' }]) {
      await page.goto(entry.href);
      await expect(page, `${entry.href} while signed out`).toHaveURL(/\/signin/);
    }
    await expect(page.getByTestId('demo-users')).toContainText(USERS.admin.email);
  });

  test('a wrong password is refused', async ({ page }) => {
    await page.goto('/signin');
    await page.getByLabel('Email').fill(USERS.admin.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('signin-error')).toHaveText('Wrong email or password.');
    await expect(page).toHaveURL(/\/signin/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/signin/);
  });

  test('repeated failures are rate limited', async ({ page }) => {
    const email = `nobody-${Date.now()}@crossing.local`;
    await page.goto('/signin');
    for (let i = 0; i < 6; i++) {
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(`guess-${i}`);
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/signin'),
        page.getByRole('button', { name: 'Sign in', exact: true }).click(),
      ]);
      await expect(page.getByTestId('signin-error')).toHaveText(i < 5 ? 'Wrong email or password.' : /Too many failed sign-ins/);
      // React resets the form when the action's transition ends; fill only after that.
      await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
    }
  });

  test('security headers are on every response and no AWS secret reaches the browser', async ({ page, request }) => {
    const response = await request.get('/signin');
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBeTruthy();
    const { credentials } = sandboxClientConfig();
    const bodies: string[] = [];
    page.on('response', async (r) => {
      bodies.push(await r.text().catch(() => ''));
      expect(r.headers()['x-content-type-options'], r.url()).toBe('nosniff');
    });
    await signIn(page, 'admin');
    await page.goto('/settings');
    await page.waitForLoadState('networkidle');
    for (const body of bodies) {
      expect(body).not.toContain(credentials.secretAccessKey);
      expect(body).not.toContain(credentials.accessKeyId);
    }
  });
});

test.describe('signed in', () => {
  test.beforeAll(async () => {
    await resetSandbox('demo');
  });

  test('admin: the header shows the identity, organization, standing and mode', async ({ page }) => {
    await signIn(page, 'admin');
    const header = page.getByTestId('console-header');
    await expect(header.getByTestId('identity')).toHaveText(`arn:aws:iam::${DEMO.accounts.management}:user/${DEMO.consoleUserName}`);
    await expect(header.getByTestId('mode')).toHaveText('Sandbox');
    await expect(header.getByTestId('standing')).toHaveText('Management account');
    await expect(header.getByTestId('organization')).toHaveText(/^o-[a-z0-9]{10,32}$/);
    await expect(header.getByTestId('signed-in-user')).toContainText('admin');
    await expect(header.getByLabel('Region')).toHaveValue('us-east-1');
  });

  test('the dashboard figures equal the sandbox organization', async ({ page }) => {
    const organizations = new OrganizationsClient(sandboxClientConfig());
    const rootId = (await organizations.send(new ListRootsCommand({}))).Roots![0].Id!;
    const [accounts, ous] = await Promise.all([countAccounts(organizations), countOus(organizations, rootId)]);
    await signIn(page, 'admin');
    await expect(page.getByTestId('figure-accounts')).toHaveText(String(accounts));
    await expect(page.getByTestId('figure-ous')).toHaveText(String(ous));
    await expect(page.getByTestId('figure-feature-set')).toHaveText('All features');
    await expect(page.getByTestId('figure-sharing')).toHaveText('Enabled');
    await page.screenshot({ path: screenshotPath('dashboard'), fullPage: true });
  });

  test('the Region selector switches the Region the pages read', async ({ page }) => {
    await signIn(page, 'viewer');
    await page.getByLabel('Region').selectOption('eu-west-1');
    await expect(page.getByTestId('pending-invitations')).toContainText('No pending resource share invitations in eu-west-1');
    await page.reload();
    await expect(page.getByLabel('Region')).toHaveValue('eu-west-1');
    await page.getByLabel('Region').selectOption('us-east-1');
    await expect(page.getByTestId('pending-invitations')).not.toContainText('eu-west-1');
  });

  test('sign-out ends the session', async ({ page }) => {
    await signIn(page, 'viewer');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto('/settings');
    await expect(page).toHaveURL(/\/signin/);
  });
});
