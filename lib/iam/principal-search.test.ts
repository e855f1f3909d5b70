// Protects the cross-account wizard's search of users and roles across the organization (against the sandbox,
// through the member role): a name finds alice in payments-dev without naming her account; an account's
// search lists only its principals; the answer says how many accounts were read.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO } from '../../sandbox/seeds/demo-ids';
import { startSandbox, type TestSandbox } from '../../sandbox/testing';
import { useConsoleEnv } from '../../tests/support/console-env';
import { resetAwsAccess } from '../aws/clients';
import { getConsoleContext } from '../aws/identity';
import { organizationAccounts } from '../organizations/accounts';
import { searchPrincipals } from './principal-search';

let sb: TestSandbox;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  useConsoleEnv(sb, 'crossing-principal-search-');
  resetAwsAccess();
});
afterAll(async () => {
  await sb.close();
});

it('finds a user by name across the organization’s accounts, and an account’s own principals', async () => {
  const accounts = await organizationAccounts(await getConsoleContext());
  const found = await searchPrincipals('ali', accounts);
  expect(found.hits.map((h) => [h.kind, h.name, h.accountName])).toEqual([['user', 'alice', 'payments-dev']]);
  expect(found.hits[0].arn).toBe(`arn:aws:iam::${DEMO.accounts['payments-dev']}:user/alice`);
  expect(found).toMatchObject({ searched: accounts.length, total: accounts.length, truncated: false, failed: [] });

  const prod = await searchPrincipals('', accounts.filter((a) => a.id === DEMO.accounts['payments-prod']));
  expect(prod.hits.map((h) => h.name)).toContain('ReadOnlyAuditor');
  expect(new Set(prod.hits.map((h) => h.accountId))).toEqual(new Set([DEMO.accounts['payments-prod']]));
});
