// Protects: one browser session served by two console instances in turn (a round-robin proxy on loopback, both on
// one state): signed in once, a share made through the wizard and the plan's run, then the audit log, whichever
// instance answers each request.
import { expect, test } from '@playwright/test';
import { DEMO } from '../sandbox/seeds/demo-ids';
import { startConsole, type ConsoleProcess } from '../tests/support/console-http';
import { roundRobin } from '../tests/support/round-robin';
import { resetSandbox, sandboxUrl, signIn } from './helpers';
import { create, fillDetails, next, typePrincipal } from './share-wizard-steps';

let second: ConsoleProcess;
let proxy: Awaited<ReturnType<typeof roundRobin>>;

test.beforeAll(async ({ baseURL }) => {
  // A second instance of the console under test: its settings and data dir, the sandbox it uses.
  const env = JSON.parse(process.env.E2E_CONSOLE_ENV!) as Record<string, string>;
  second = await startConsole({
    ...env,
    AWS_ENDPOINT_URL: sandboxUrl(),
    AWS_ACCESS_KEY_ID: DEMO.consoleCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DEMO.consoleCredentials.secretAccessKey,
    AWS_REGION: 'us-east-1',
  });
  proxy = await roundRobin([baseURL!, second.url]);
});

test.afterAll(async () => {
  proxy?.close();
  if (second?.child.exitCode === null) {
    const exited = new Promise((resolve) => second.child.once('exit', resolve));
    second.child.kill('SIGTERM');
    await exited;
  }
});

test('a share made and the audit log read through two instances taking turns', async ({ browser }) => {
  await resetSandbox('demo');
  const context = await browser.newContext({ baseURL: proxy.url });
  const page = await context.newPage();
  await signIn(page, 'admin');
  await fillDetails(page, 'two-instances', 'ec2:Subnet', ['workloads-a']);
  await next(page, 2);
  await next(page, 3);
  await typePrincipal(page, 'AWS account', DEMO.accounts['shared-services']);
  await next(page, 4);
  await create(page);
  await expect(page.getByTestId('read-back')).toContainText('Resource share two-instances is created.');

  await page.goto('/audit');
  await expect(page.locator('main')).toContainText('ram:CreateResourceShare');
  await page.reload();
  await expect(page.locator('main')).toContainText('ram:CreateResourceShare');
  // Both instances answered the session's requests.
  expect(proxy.served.every((n) => n > 5)).toBe(true);
  await context.close();
});
