// Protects the organization-wide share list's data: on a generated organization of 200 accounts × 3 Regions,
// with RAM throttled and failing now and then, every share every account owns is read (with its resources,
// principals and permissions), the first accounts show before the read finishes, an account whose member role
// no longer trusts the console is listed with the reason; the cached copy is served while it is revalidated
// and after a restart; and a change the console applies to one share shows after re-reading only that
// account and Region.
import { setTimeout as sleep } from 'node:timers/promises';
import { GetRoleCommand, IAMClient, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../../sandbox/testing';
import { associationView, ramState, shareStatus } from '../../sandbox/ram/state';
import { LARGE_SHARING } from '../../sandbox/seeds/large-ram';
import { useConsoleEnv } from '../../tests/support/console-env';
import { resetAwsAccess } from '../aws/clients';
import { getConsoleContext, type ConsoleContext } from '../aws/identity';
import { readBack } from '../changes/registry';
import { applyPlan, runFinished } from '../plan/apply';
import { savePlan } from '../plan/store';
import { editShare } from './share-edits';
import { completeShareSnapshot, forgetShareSnapshots, getShareSnapshot, getShareSnapshotSoon, type ShareSnapshotSource } from './snapshot';
import { shareSnapshotSource } from './snapshot-source';

const BROKEN = '200000000007';
const admin = { email: 'admin@example.com', name: 'Admin', role: 'admin' as const };
let sb: TestSandbox;
let context: ConsoleContext;
let source: ShareSnapshotSource;

/** What the sandbox holds: each live share → its resource and principal counts. */
function groundTruth(exceptAccount: string) {
  const out: Record<string, { resources: number; principals: number }> = {};
  for (const share of ramState(sb.world).shares.values()) {
    if (share.owningAccountId === exceptAccount || shareStatus(sb.world, share) === 'DELETED') continue;
    const live = (type: string) => share.associations.filter((a) => a.type === type && associationView(sb.world, a).status !== 'DISASSOCIATED').length;
    out[share.arn] = { resources: live('RESOURCE'), principals: live('PRINCIPAL') };
  }
  return out;
}

beforeAll(async () => {
  sb = await startSandbox({
    seed: 'large',
    seedOptions: { accounts: 200, ous: 20, shares: 600 },
    // RAM limited per account (the member sessions), plus the default Organizations limit for the account list.
    throttle: { ram: { rate: 20, burst: 8 }, organizations: { rate: 10, burst: 20 } },
  });
  useConsoleEnv(sb, 'crossing-ram-snapshot-');
  process.env.CROSSING_REGIONS = LARGE_SHARING.regions.join(',');
  // Break one account's member role the way it happens: its trust policy no longer names the management account.
  const member = await new STSClient(sb.clientConfig()).send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${BROKEN}:role/OrganizationAccountAccessRole`, RoleSessionName: 'break' }),
  );
  const c = member.Credentials!;
  const iam = new IAMClient(sb.clientConfig({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken }));
  await iam.send(
    new UpdateAssumeRolePolicyCommand({
      RoleName: 'OrganizationAccountAccessRole',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${BROKEN}:root` }, Action: 'sts:AssumeRole' }] }),
    }),
  );
  expect(decodeURIComponent((await iam.send(new GetRoleCommand({ RoleName: 'OrganizationAccountAccessRole' }))).Role!.AssumeRolePolicyDocument!)).toContain(`${BROKEN}:root`);
  resetAwsAccess();
  context = await getConsoleContext();
  source = shareSnapshotSource(context);
  // Some association listings fail with a throttling error on top of the bucket: the SDK's retry absorbs them.
  await sb.control.setFaults([{ service: 'ram', operation: 'GetResourceShareAssociations', code: 'ThrottlingException', status: 400, rate: 0.1 }]);
}, 120_000);

afterAll(async () => {
  await sb?.close();
});

describe('the RAM snapshot of the organization', () => {
  it('reads every share of every reachable account in every Region, streaming, and reports the unreachable account', async () => {
    const first = getShareSnapshot(source);
    expect(first.refreshing).toBe(true);
    expect(first.snapshot.complete).toBe(false);
    // Rows arrive while the read runs.
    let partial = 0;
    for (let i = 0; i < 400 && partial === 0; i++) {
      await sleep(25);
      const now = getShareSnapshot(source).snapshot;
      if (!now.complete) partial = Object.keys(now.shares).length;
      else break;
    }
    expect(partial).toBeGreaterThan(0);

    const snapshot = await completeShareSnapshot(source);
    await sb.control.setFaults([]);
    expect(snapshot.complete).toBe(true);
    expect(Object.keys(snapshot.targets)).toHaveLength(200 * 3);
    expect(partial).toBeLessThan(Object.keys(snapshot.shares).length);

    const truth = groundTruth(BROKEN);
    expect(Object.keys(snapshot.shares).sort()).toEqual(Object.keys(truth).sort());
    for (const [arn, counts] of Object.entries(truth)) {
      const share = snapshot.shares[arn];
      expect({ resources: share.resources.length, principals: share.principals.length }).toEqual(counts);
      expect(share.permissions.map((p) => p.resourceType).sort()).toEqual([...new Set(share.resources.map((r) => r.type))].sort());
    }
    expect(Object.values(snapshot.shares).some((s) => s.principals.some((p) => p.external))).toBe(true);

    const failed = Object.values(snapshot.targets).filter((t) => t.error);
    expect(failed.map((t) => `${t.accountId} ${t.region}`).sort()).toEqual(LARGE_SHARING.regions.map((r) => `${BROKEN} ${r}`).sort());
    expect(failed[0].error).toMatch(/OrganizationAccountAccessRole/);
    expect(failed[0].error).toContain(BROKEN);
    // The broken account owns shares in the sandbox: they are missing, and said to be.
    expect([...ramState(sb.world).shares.values()].some((s) => s.owningAccountId === BROKEN)).toBe(true);
  }, 180_000);

  it("starts warm after a restart from its copy in the console's state", async () => {
    const rebuilt = await completeShareSnapshot(source);

    forgetShareSnapshots();
    const restarted = await getShareSnapshotSoon({ ...source, accounts: () => Promise.reject(new Error('a warm start must not list the organization')) }, 0);
    expect(restarted.refreshing).toBe(false);
    expect(restarted.snapshot.complete).toBe(true);
    expect(Object.keys(restarted.snapshot.shares).sort()).toEqual(Object.keys(rebuilt.shares).sort());
  }, 180_000);

  it('shows a change the console applies after re-reading only that account and Region', async () => {
    const before = getShareSnapshot(source).snapshot;
    const share = Object.values(before.shares).find((s) => s.owningAccountId !== BROKEN && s.status === 'ACTIVE' && s.resources.length > 1)!;
    const removed = share.resources[0].arn;
    const readAt = Object.fromEntries(Object.entries(before.targets).map(([key, t]) => [key, t.readAt]));
    const plan = await savePlan(editShare.plan({ edit: 'remove-resources', resourceArns: [removed] }, { share, names: {} }), admin.email);
    expect((await applyPlan(plan.id, admin, { settleBoundMs: 10_000 })).state).toBe('started');
    const finished = (await runFinished(plan.id))!;
    expect(finished.status).toBe('succeeded');
    const result = await readBack(finished, context);
    expect(result?.tone).toBe('success');
    const after = getShareSnapshot(source).snapshot;
    expect(after.shares[share.arn].resources.map((r) => r.arn)).not.toContain(removed);
    // Only that target was read again.
    const reread = Object.entries(after.targets).filter(([key, t]) => t.readAt !== readAt[key]);
    expect(reread.map(([key]) => key)).toEqual([`${share.owningAccountId}/${share.region}`]);
  }, 60_000);
});
