// Protects: cross-account access on the demo seed, end to end: the wizard sets up both halves in one plan
// (alice in payments-dev → new role DeployFromDev in payments-prod, accounts typed by name), AWS then holds
// exactly that (checked through the SDK, and with alice's own keys), verify explains allow, an MFA requirement
// and an SCP denial with the deciding statements; an existing role keeps its statement when a principal is
// merged in; a whole outside account gets an ExternalId condition; the wizard keeps every typed field across a
// reload and Back on every step, resolves names (refusing ambiguous ones), finds a role-name clash on the
// step that names the role, and links to the role's page after applying; one plan makes the role in every
// account of the Dev OU, its review grouped by account.
import { expect, test, type Page } from '@playwright/test';
import { GetRoleCommand, GetUserPolicyCommand, IAMClient, ListUserPoliciesCommand, type IAMClientConfig } from '@aws-sdk/client-iam';
import { AttachPolicyCommand, CreatePolicyCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { resetSandbox, sandboxClientConfig, screenshotPath, signIn } from './helpers';
import { DEMO } from '../sandbox/seeds/demo-ids';

const DEV = DEMO.accounts['payments-dev'];
const PROD = DEMO.accounts['payments-prod'];
const PARTNER = DEMO.accounts['partner-co'];
const ALICE = `arn:aws:iam::${DEV}:user/alice`;
const ROLE_ARN = `arn:aws:iam::${PROD}:role/DeployFromDev`;
const ALICE_KEYS = DEMO.aliceCredentials;

async function memberIam(accountId: string): Promise<IAMClient> {
  const c = (await new STSClient(sandboxClientConfig()).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`, RoleSessionName: 'e2e' }))).Credentials!;
  return new IAMClient({ ...sandboxClientConfig(), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken } } as IAMClientConfig);
}

const trustOf = async (accountId: string, roleName: string) =>
  JSON.parse(decodeURIComponent((await (await memberIam(accountId)).send(new GetRoleCommand({ RoleName: roleName }))).Role!.AssumeRolePolicyDocument!));

const aliceAssumes = (roleArn: string) => new STSClient({ ...sandboxClientConfig(), credentials: ALICE_KEYS }).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'alice' }));

/** Next on a step of the wizard, landing on `step`. */
async function next(page: Page, step: 'where' | 'conditions' | 'review') {
  await page.getByRole('button', { name: step === 'review' ? 'Next: review' : 'Next', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]step=${step}$`));
}

/** The source account (by name or ID, as typed) and a principal found there, or the whole account. */
async function chooseSource(page: Page, account: string, principal?: string) {
  await page.getByLabel('Source account').fill(account);
  await expect(page.getByTestId('source-account-resolution')).not.toBeEmpty();
  if (principal) await page.getByTestId('principal-hits').getByRole('radio', { name: principal }).check();
  else await page.getByRole('radio', { name: /^The whole account/ }).check();
  await next(page, 'where');
}

/** Applies the plan (on the review step or its page), then its page shows it applied. */
async function applyPlan(page: Page) {
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/\/plans\/p-[0-9a-f]{20}$/);
  await expect(page.getByTestId('plan-status')).toHaveText('Applied');
}

async function verify(page: Page, card: string) {
  const panel = page.getByTestId(`trusted-${card}`);
  await panel.getByRole('button', { name: 'Verify' }).click();
  return panel.getByTestId('verify-result');
}

test.describe('cross-account access', () => {
  // One reset for the three tests (they touch different roles): a reset ends the member-role sessions the
  // console holds, which it keeps until they expire, as it may with real AWS.
  test.beforeAll(async () => {
    await resetSandbox('demo');
  });

  test('alice → DeployFromDev: both halves from one wizard, checked through the SDK, verified and explained', async ({ page }) => {
    await signIn(page, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cross-account access' }).click();
    await expect(page.getByTestId('roles-table')).toContainText('SecurityAudit');
    await page.getByRole('link', { name: 'Set up cross-account access' }).click();

    // Accounts by name: payments-dev resolves to its ID in the organization.
    await chooseSource(page, 'payments-dev', 'user alice');
    await page.getByLabel('Destination account').fill('payments-prod');
    await expect(page.getByTestId('destination-account-resolution')).toContainText(`payments-prod ${PROD}`);
    await page.getByLabel('Role name').fill('DeployFromDev');
    await page.getByLabel('Search policies by name').fill('ReadOnly');
    await page.getByRole('checkbox', { name: 'ReadOnlyAccess', exact: true }).check();
    await next(page, 'conditions');
    await next(page, 'review');
    // The draft is named in the URL: a reload shows the same review.
    await page.reload();
    const review = page.getByTestId('review');
    await expect(review.getByTestId('review-trust-policy')).toContainText(`"AWS": "${ALICE}"`);
    await expect(review.getByTestId('review-source-policy')).toContainText(`"Resource": "${ROLE_ARN}"`);
    await expect(review.getByTestId('size-checks')).toContainText('AssumeRolePolicySizeQuota');
    await page.screenshot({ path: screenshotPath('roles-review'), fullPage: true });
    await expect(review.getByTestId('plan-cli')).toContainText("aws iam create-role --cli-input-json '{");
    await expect(review.getByTestId('plan-cli')).toContainText('"RoleName": "DeployFromDev"');
    await applyPlan(page);
    await expect(page.getByTestId('read-back')).toContainText('user alice can assume DeployFromDev, because');
    await expect(page.getByTestId('read-back').getByRole('link', { name: "The role's page" })).toHaveAttribute('href', `/roles/${PROD}/DeployFromDev`);

    // Both halves, through the SDK: the role trusts alice; alice's policy allows sts:AssumeRole on exactly that ARN.
    expect((await trustOf(PROD, 'DeployFromDev')).Statement).toEqual([{ Sid: `AllowAssumeFrom${DEV}`, Effect: 'Allow', Principal: { AWS: ALICE }, Action: 'sts:AssumeRole' }]);
    const devIam = await memberIam(DEV);
    expect((await devIam.send(new ListUserPoliciesCommand({ UserName: 'alice' }))).PolicyNames).toEqual([`CrossingAssume-${PROD}-DeployFromDev`]);
    const policy = await devIam.send(new GetUserPolicyCommand({ UserName: 'alice', PolicyName: `CrossingAssume-${PROD}-DeployFromDev` }));
    expect(JSON.parse(decodeURIComponent(policy.PolicyDocument!)).Statement).toEqual([{ Sid: 'AssumeDeployFromDev', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE_ARN }]);
    // With alice's own keys: this role, and not another one in payments-prod.
    expect((await aliceAssumes(ROLE_ARN)).AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${PROD}:assumed-role/DeployFromDev/alice`);
    await expect(aliceAssumes(`arn:aws:iam::${PROD}:role/ReadOnlyAuditor`)).rejects.toThrow(/not authorized to perform: sts:AssumeRole/);

    await page.goto(`/roles/${PROD}/DeployFromDev`);
    const allowed = await verify(page, ALICE);
    await expect(allowed).toHaveAttribute('data-allowed', 'true');
    await expect(allowed.getByTestId('verify-layer-identity')).toContainText(`Allowed by statement AssumeDeployFromDev of inline policy CrossingAssume-${PROD}-DeployFromDev of user alice.`);
    await expect(allowed.getByTestId('verify-layer-scp')).toContainText('No SCP on Root / Workloads / Dev / payments-dev denies it.');
    await expect(allowed.getByTestId('verify-layer-trust')).toContainText(`Trusted by statement AllowAssumeFrom${DEV} of the role's trust policy.`);
    const handOff = page.getByTestId(`trusted-${ALICE}`).getByTestId('hand-off');
    await expect(handOff.getByTestId('switch-role-link')).toHaveText(`https://signin.aws.amazon.com/switchrole?account=${PROD}&roleName=DeployFromDev&displayName=DeployFromDev+%40+payments-prod`);
    await expect(handOff.getByTestId('aws-profile')).toContainText(`role_arn = ${ROLE_ARN}`);
    await expect(handOff.getByTestId('assume-role-command')).toContainText("aws sts assume-role --cli-input-json '{");
    await expect(handOff.getByTestId('assume-role-command')).toContainText(`"RoleArn": "${ROLE_ARN}"`);
    await expect(handOff.getByTestId('assume-role-command')).toContainText('"RoleSessionName": "alice"');
    await page.screenshot({ path: screenshotPath('role-verified'), fullPage: true });

    // Require MFA (a plan), then a session without MFA is denied, and verify says by which condition.
    await page.getByTestId(`trusted-${ALICE}`).getByRole('button', { name: 'Plan: require MFA' }).click();
    await applyPlan(page);
    await page.goto(`/roles/${PROD}/DeployFromDev`);
    const noMfa = await verify(page, ALICE);
    await expect(noMfa).toHaveAttribute('data-allowed', 'false');
    await expect(noMfa.getByTestId('verify-layer-trust')).toContainText(
      `statement AllowAssumeFrom${DEV} of the role's trust policy names user alice, but its condition is not met: Bool aws:MultiFactorAuthPresent = true (the request has no aws:MultiFactorAuthPresent).`,
    );
    await expect(aliceAssumes(ROLE_ARN)).rejects.toThrow(/not authorized/);

    // An SCP denying sts:AssumeRole on the source's OU, added through the SDK: verify names it.
    const organizations = new OrganizationsClient(sandboxClientConfig());
    const scp = await organizations.send(
      new CreatePolicyCommand({ Name: 'DenyAssumeRoleFromDev', Description: 'e2e', Type: 'SERVICE_CONTROL_POLICY', Content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'NoAssume', Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }] }) }),
    );
    const scpId = scp.Policy!.PolicySummary!.Id!;
    await organizations.send(new AttachPolicyCommand({ PolicyId: scpId, TargetId: 'ou-7c0r-dev5h1zc' }));
    const panel = page.getByTestId(`trusted-${ALICE}`);
    await panel.getByLabel('Session with MFA').check();
    await panel.getByRole('button', { name: 'Verify' }).click();
    await expect(panel.getByTestId('verify-layer-scp')).toContainText(`Denied by statement NoAssume of SCP DenyAssumeRoleFromDev (${scpId}) on Dev.`);
    await expect(panel.getByTestId('verify-result')).toHaveAttribute('data-allowed', 'false');
  });

  test('adding alice to the existing ReadOnlyAuditor role keeps its statement: the diff, then the SDK', async ({ page }) => {
    const before = await trustOf(PROD, 'ReadOnlyAuditor');
    await signIn(page, 'admin');
    await page.goto('/roles/new');
    await chooseSource(page, DEV, 'user alice');
    await page.getByLabel('Destination account').fill(PROD);
    // A role named like an existing one is refused on this step, not at review.
    await page.getByLabel('Role name').fill('ReadOnlyAuditor');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByText(`Role name: payments-prod (${PROD}) already has a role named ReadOnlyAuditor.`)).toBeVisible();
    await expect(page).toHaveURL(/step=where$/);
    // Switching to an existing role lists them at once (no extra click).
    await page.getByRole('radio', { name: 'Existing role' }).check();
    await page.getByRole('radio', { name: 'ReadOnlyAuditor' }).check();
    await next(page, 'conditions');
    await next(page, 'review');
    await expect(page.getByTestId('trust-change')).toContainText('The principal is added to statement 1 (same actions and conditions); no statement is removed.');
    const diff = page.getByTestId('trust-diff');
    await expect(diff.locator('[data-op="added"]', { hasText: ALICE })).toHaveCount(1);
    await expect(diff.locator('[data-op="removed"]')).toHaveCount(1);
    await page.screenshot({ path: screenshotPath('roles-merge-diff'), fullPage: true });
    await applyPlan(page);
    const after = await trustOf(PROD, 'ReadOnlyAuditor');
    expect(after.Statement).toHaveLength(before.Statement.length);
    expect(after.Statement[0].Principal.AWS).toEqual([before.Statement[0].Principal.AWS, ALICE]);
    expect(after.Statement[0].Action).toEqual(before.Statement[0].Action);
  });

  test('a whole outside account (partner-co) gets an ExternalId condition, and no switch-role link', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/roles/new');
    await page.getByLabel('Source account').fill(PARTNER);
    await expect(page.getByTestId('source-account-resolution')).toHaveText(`Account ${PARTNER} is outside the organization.`);
    await page.getByRole('radio', { name: /^The whole account/ }).check();
    await next(page, 'where');
    await page.getByLabel('Destination account').fill(PROD);
    await page.getByLabel('Role name').fill('PartnerSupport');
    await next(page, 'conditions');
    await expect(page.getByRole('checkbox', { name: /^Require an ExternalId \(recommended/ })).toBeChecked();
    await page.getByLabel('ExternalId', { exact: true }).fill('partner-co-7f3a');
    await next(page, 'review');
    await expect(page.getByTestId('review-trust-policy')).toContainText('"sts:ExternalId": "partner-co-7f3a"');
    await expect(page.getByTestId('review')).toContainText('No change in the source account.');
    await applyPlan(page);
    const trust = await trustOf(PROD, 'PartnerSupport');
    expect(trust.Statement[0]).toMatchObject({ Principal: { AWS: `arn:aws:iam::${PARTNER}:root` }, Condition: { StringEquals: { 'sts:ExternalId': 'partner-co-7f3a' } } });
    await page.goto(`/roles/${PROD}/PartnerSupport`);
    await expect(page.getByTestId(`trusted-arn:aws:iam::${PARTNER}:root`).getByTestId('switch-role-omitted')).toContainText('requires an ExternalId');
  });

  test('one plan gives the audit account a role in every account of the Dev OU, reviewed account by account', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/roles/new');
    await chooseSource(page, 'audit');
    await page.getByLabel('Destination account').fill('payments-dev');
    await expect(page.getByTestId('destination-account-resolution')).toContainText(DEV);
    await page.getByTestId('also').fill('Dev');
    await page.getByLabel('Role name').fill('AuditDevReader');
    await next(page, 'conditions');
    await next(page, 'review');
    await expect(page.getByTestId('review-accounts')).toContainText(`payments-dev (${DEV}), web-dev (${DEMO.accounts['web-dev']})`);
    await expect(page.getByTestId('review-account')).toHaveCount(2);
    await applyPlan(page);
    for (const accountId of [DEV, DEMO.accounts['web-dev']]) {
      expect((await trustOf(accountId, 'AuditDevReader')).Statement[0].Principal).toEqual({ AWS: `arn:aws:iam::${DEMO.accounts.audit}:root` });
    }
  });

  test('every typed field survives a reload and Back on every step; names resolve, ambiguous ones are refused', async ({ page }) => {
    await signIn(page, 'admin');
    await page.goto('/roles/new');
    // Next with nothing picked: one error, at the account.
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    const who = page.getByTestId('step-who');
    await expect(who.getByRole('alert')).toHaveCount(1);
    await expect(who.getByRole('alert')).toHaveText("Source account: type an account's name or its 12-digit ID.");
    // An ambiguous name is refused with the accounts it matches; an organization account is never "outside".
    const source = page.getByLabel('Source account');
    await source.fill('payments');
    await expect(page.getByTestId('source-account-resolution')).toContainText(`matches 2 accounts: payments-dev (${DEV}), payments-prod (${PROD})`);
    await source.fill('sandbox-alice');
    await expect(page.getByTestId('source-account-resolution')).toContainText(`sandbox-alice ${DEMO.accounts['sandbox-alice']}`);
    await expect(page.getByTestId('source-account-resolution')).not.toContainText('outside');
    // Typed, not yet Next: a reload keeps it (the draft is named in the URL once something is typed).
    await source.fill('payments-dev');
    await page.getByLabel('Search users and roles').fill('ali');
    await expect(page.getByTestId('draft-status')).toHaveText('Draft saved');
    await expect(page).toHaveURL(/draft=d-[0-9a-f]{20}&step=who$/);
    await page.reload();
    await expect(page.getByLabel('Source account')).toHaveValue('payments-dev');
    await expect(page.getByLabel('Search users and roles')).toHaveValue('ali');
    await page.getByTestId('principal-hits').getByRole('radio', { name: 'user alice' }).check();
    await next(page, 'where');

    await page.getByLabel('Destination account').fill('web-dev');
    await page.getByLabel('Role name').fill('KeptRole');
    await page.getByLabel('Path').fill('/kept/');
    await page.getByLabel('Description').fill('typed, then reloaded');
    await page.getByLabel('Maximum session duration (hours)').selectOption('4');
    await expect(page.getByTestId('draft-status')).toHaveText('Draft saved');
    await page.reload();
    await expect(page.getByLabel('Role name')).toHaveValue('KeptRole');
    await expect(page.getByLabel('Path')).toHaveValue('/kept/');
    await expect(page.getByLabel('Description')).toHaveValue('typed, then reloaded');
    await expect(page.getByLabel('Maximum session duration (hours)')).toHaveValue('4');
    // Back keeps the step before as it was.
    await page.getByRole('link', { name: 'Back' }).click();
    await expect(page).toHaveURL(/step=who$/);
    await expect(page.getByLabel('Source account')).toHaveValue('payments-dev');
    await expect(page.getByTestId('principal-hits').getByRole('radio', { name: 'user alice' })).toBeChecked();
    await next(page, 'where');
    await expect(page.getByLabel('Role name')).toHaveValue('KeptRole');
    await next(page, 'conditions');

    // The ExternalId box is empty and disabled while unticked; ticking fills it.
    const externalId = page.getByLabel('ExternalId', { exact: true });
    await expect(externalId).toBeDisabled();
    await expect(externalId).toHaveValue('');
    await page.getByRole('checkbox', { name: /^Require an ExternalId/ }).check();
    await expect(externalId).toBeEnabled();
    await externalId.fill('kept-external-id');
    await page.getByRole('checkbox', { name: /^Require MFA/ }).check();
    await expect(page.getByTestId('draft-status')).toHaveText('Draft saved');
    await page.reload();
    await expect(externalId).toHaveValue('kept-external-id');
    await expect(page.getByRole('checkbox', { name: /^Require MFA/ })).toBeChecked();
    await page.goBack();
    await expect(page).toHaveURL(/step=where$/);
    await expect(page.getByLabel('Description')).toHaveValue('typed, then reloaded');
    await page.goForward();
    await expect(externalId).toHaveValue('kept-external-id');
    await next(page, 'review');
    await expect(page.getByTestId('review-trust-policy')).toContainText('"sts:ExternalId": "kept-external-id"');
    await page.getByRole('list', { name: 'Steps' }).getByRole('link', { name: /3\. Conditions/ }).click();
    await expect(externalId).toHaveValue('kept-external-id');
  });
});
