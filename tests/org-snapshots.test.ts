// Protects: the organization-wide reads kept as snapshots (invitations, Shared with me, cross-account trusts):
// the last reading answers while a new one runs, a reading survives a restart, the console's own change re-reads
// only the accounts and Regions it touched, and without CROSSING_REGIONS an account is read only in the Regions
// enabled for it (an opt-in Region it has not enabled is skipped), then only where the organization uses RAM; a
// share received through the organization or an OU is kept once and shown to each account in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optInRegion } from '../sandbox/ec2/models';
import { DEMO } from '../sandbox/seeds/demo-ids';
import { startSandbox, type TestSandbox } from '../sandbox/testing';
import { regionsCovered } from '../lib/aws/account-snapshot';
import { resetAwsAccess } from '../lib/aws/clients';
import { getConsoleContext, type ConsoleContext } from '../lib/aws/identity';
import { crossAccountTrusts } from '../lib/iam/trusts';
import { currentOrganization } from '../lib/organizations/accounts';
import {
  forgetInvitationsSnapshots,
  getInvitationsSnapshot,
  readInvitationsNow,
  refreshInvitationsOf,
  refreshInvitationsSnapshot,
} from '../lib/ram/invitations';
import { invitationsSource } from '../lib/ram/invitations-source';
import { containersOf, forgetReceivedShares, getReceivedShares, readReceivedSharesNow, receivedBy } from '../lib/ram/received';
import { receivedSharesSource } from '../lib/ram/received-source';
import { completeShareSnapshot } from '../lib/ram/snapshot';
import { shareSnapshotSource } from '../lib/ram/snapshot-source';
import { useConsoleEnv } from './support/console-env';

const A = DEMO.accounts;
let sb: TestSandbox;
let context: ConsoleContext;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  useConsoleEnv(sb, 'crossing-org-snapshots-');
  // payments-dev has enabled one opt-in Region; no other account has.
  optInRegion(sb.world, A['payments-dev'], 'af-south-1');
  resetAwsAccess();
  context = await getConsoleContext({ region: 'us-east-1' });
}, 60_000);

afterAll(async () => {
  await sb?.close();
});

describe('Region selection without CROSSING_REGIONS', () => {
  it('reads each account in the Regions enabled for it, and afterwards only where RAM is in use', async () => {
    // No complete RAM snapshot yet: every enabled Region is read.
    const first = await readInvitationsNow(invitationsSource(context));
    expect(first.accounts[A['payments-dev']].regions).toContain('af-south-1');
    expect(first.accounts[A['payments-dev']].enabledRegions).toContain('af-south-1');
    expect(first.accounts[A.management].regions).not.toContain('af-south-1');
    expect(first.accounts[A.management].regions).toContain('ap-northeast-3');
    // With the RAM snapshot complete: the Regions of the organization's shares and of the invitations seen.
    const shares = await completeShareSnapshot(shareSnapshotSource(context));
    const used = new Set(['us-east-1', ...Object.values(shares.shares).map((s) => s.region), ...Object.values(first.items).map((i) => i.region)]);
    const next = await readInvitationsNow(invitationsSource(context));
    expect(regionsCovered(next).length).toBeLessThan(regionsCovered(first).length);
    expect(regionsCovered(next).every((r) => used.has(r))).toBe(true);
    expect(regionsCovered(next)).not.toContain('af-south-1');
    // Enabled Regions are carried over from the last reading, not asked again: one DescribeRegions per account at most.
    expect(next.calls).toBeLessThan(first.calls);
    expect(Object.keys(next.items).sort()).toEqual(Object.keys(first.items).sort());
  }, 60_000);
});

describe('the invitations snapshot', () => {
  it('answers from the last reading while a new one runs', async () => {
    const source = invitationsSource(context);
    const last = await readInvitationsNow(source);
    const status = refreshInvitationsSnapshot(source);
    expect(status.refreshing).toBe(true);
    expect(status.snapshot).toBe(last);
    expect((await getInvitationsSnapshot(source)).snapshot).toBe(last);
    const fresh = await readInvitationsNow(source);
    expect(fresh).not.toBe(last);
    expect((await getInvitationsSnapshot(source)).snapshot).toBe(fresh);
  }, 60_000);

  it("survives a restart: the reading comes back from the console's state, without reading AWS", async () => {
    const source = invitationsSource(context);
    const before = await readInvitationsNow(source);
    forgetInvitationsSnapshots();
    const after = await getInvitationsSnapshot(source);
    expect(after.refreshing).toBe(false);
    expect(after.snapshot.complete).toBe(true);
    expect(after.snapshot.fetchedAt).toBe(before.fetchedAt);
    expect(Object.keys(after.snapshot.items).sort()).toEqual(Object.keys(before.items).sort());
  }, 60_000);

  it("re-reads exactly the accounts and Regions a change touched, into the reading shown", async () => {
    const source = invitationsSource(context);
    const reading = await readInvitationsNow(source);
    const readAt = Object.fromEntries(Object.entries(reading.accounts).map(([id, a]) => [id, a.readAt]));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await refreshInvitationsOf([{ accountId: A['payments-dev'], region: 'us-east-1' }]);
    const shown = (await getInvitationsSnapshot(source)).snapshot;
    expect(shown).toBe(reading);
    expect(Object.keys(shown.accounts).filter((id) => shown.accounts[id].readAt !== readAt[id])).toEqual([A['payments-dev']]);
  }, 60_000);
});

describe('Shared with me for every account', () => {
  it('keeps a share received through an OU once, and gives it to each account in that OU', async () => {
    const reading = await readReceivedSharesNow(receivedSharesSource(context));
    const organization = await currentOrganization(context);
    const shown = (accountId: string) => receivedBy(reading, accountId, containersOf(organization, context.organization?.id, accountId)).map((s) => `${s.accountId} ${s.name} ${s.via.join(',')}`);
    const workloads = `arn:aws:organizations::${A.management}:ou/${DEMO.organizationId}/${DEMO.ouIds.Workloads}`;
    expect(Object.values(reading.items).filter((s) => s.name === 'workloads-subnets')).toHaveLength(1);
    expect(shown(A['payments-dev'])).toContain(`${A['payments-dev']} workloads-subnets ${workloads}`);
    expect(shown(A['payments-prod'])).toContain(`${A['payments-prod']} workloads-subnets ${workloads}`);
    // Its owner does not receive it; nor does an account outside the Workloads OU.
    expect(shown(A.network).some((s) => s.includes('workloads-subnets'))).toBe(false);
    expect(shown(A.management).some((s) => s.includes('workloads-subnets'))).toBe(false);
    // corp-dns, shared with the whole organization by network: every account but network.
    const organizationArn = `arn:aws:organizations::${A.management}:organization/${DEMO.organizationId}`;
    expect(shown(A.management)).toContain(`${A.management} corp-dns ${organizationArn}`);
    expect(shown(A.network).some((s) => s.includes('corp-dns'))).toBe(false);
  }, 60_000);

  it('is a snapshot that survives a restart', async () => {
    const source = receivedSharesSource(context);
    const reading = await readReceivedSharesNow(source);
    forgetReceivedShares();
    const after = await getReceivedShares(source);
    expect(after.snapshot.fetchedAt).toBe(reading.fetchedAt);
    expect(after.refreshing).toBe(false);
  }, 60_000);
});

describe('cross-account trusts', () => {
  it('come from the IAM snapshot: the same list again while the reading is the same', async () => {
    const first = await crossAccountTrusts(context);
    expect(first.status.complete).toBe(true);
    expect(first.trusts.length).toBeGreaterThan(0);
    expect((await crossAccountTrusts(context)).trusts).toBe(first.trusts);
  }, 60_000);
});
