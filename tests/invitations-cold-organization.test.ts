// Protects: on a cold console the inbox's reading starts on the accounts the organization's crawl has found so far,
// so invitations show while the crawl (Organizations throttled, as AWS does) is still listing the rest.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../sandbox/testing';
import { resetAwsAccess } from '../lib/aws/clients';
import { getConsoleContext } from '../lib/aws/identity';
import { organizationSource } from '../lib/organizations/snapshot-source';
import { getOrganizationSnapshot } from '../lib/organizations/cache';
import { completeInvitationsSnapshot, getInvitationsSnapshot } from '../lib/ram/invitations';
import { invitationsSource } from '../lib/ram/invitations-source';
import { useConsoleEnv } from './support/console-env';

let sb: TestSandbox;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo', throttle: { organizations: { rate: 2, burst: 1 } } });
  useConsoleEnv(sb, 'crossing-invitations-cold-organization-');
  process.env.CROSSING_REGIONS = 'us-east-1';
  resetAwsAccess();
});

afterAll(async () => {
  await sb?.close();
});

it('shows invitations before the organization is completely read, and reads every account in the end', async () => {
  const context = await getConsoleContext({ region: 'us-east-1' });
  const source = invitationsSource(context);
  let status = await getInvitationsSnapshot(source);
  while (Object.keys(status.snapshot.items).length === 0) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = await getInvitationsSnapshot(source);
  }
  const organization = (await getOrganizationSnapshot(await organizationSource(context))).snapshot;
  expect(organization.complete).toBe(false);
  const complete = await completeInvitationsSnapshot(source);
  const accounts = Object.values((await getOrganizationSnapshot(await organizationSource(context))).snapshot.nodes).filter((n) => n.type === 'ACCOUNT' && n.status === 'ACTIVE');
  expect(Object.keys(complete.accounts).sort()).toEqual(accounts.map((a) => a.id).sort());
  expect(Object.keys(complete.items).length).toBeGreaterThanOrEqual(Object.keys(status.snapshot.items).length);
}, 120_000);
