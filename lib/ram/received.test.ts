// Protects Shared with me as the console reads it for a member account (through the member role): the shares it
// receives with their owners, resources and how each is received; and leaving one received as an individual
// account, through an applied plan, after which AWS no longer lists it for that account.
import { AcceptResourceShareInvitationCommand } from '@aws-sdk/client-ram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../sandbox/seeds/demo-ids';
import { demoSharingArns, type DemoSharingArns } from '../../sandbox/seeds/demo-ram';
import { ramAs } from '../../sandbox/ram/test-clients';
import { startSandbox, type TestSandbox } from '../../sandbox/testing';
import { useConsoleEnv } from '../../tests/support/console-env';
import { resetAwsAccess } from '../aws/clients';
import { getConsoleContext } from '../aws/identity';
import { readBack } from '../changes/registry';
import { applyPlan, runFinished } from '../plan/apply';
import { savePlan } from '../plan/store';
import { readReceivedShares } from './received';
import { leaveShare } from './leave-share';
import type { ReceivedShare } from './received';

const planLeave = (share: ReceivedShare, names: Record<string, string>) =>
  leaveShare.plan({ accountId: share.accountId, region: share.region, resourceShareArn: share.arn }, { share, names });

const A = DEMO.accounts;
const admin = { email: 'admin@example.com', name: 'Admin', role: 'admin' as const };
let sb: TestSandbox;
let sharing: DemoSharingArns;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  useConsoleEnv(sb, 'crossing-ram-received-');
  resetAwsAccess();
  sharing = demoSharingArns(sb.world);
  const ram = await ramAs(sb, A['payments-dev']);
  await ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: sharing.invitations.partnerNetwork.paymentsDev }));
});

afterAll(async () => {
  await sb?.close();
});

describe('shares a member account receives', () => {
  it('lists each with its owner, resources and whether it comes through the organization or to the account itself', async () => {
    const received = await readReceivedShares(A['payments-dev'], 'us-east-1');
    const byName = Object.fromEntries(received.map((s) => [s.name, s]));
    expect(Object.keys(byName).sort()).toEqual(['corp-dns', 'partner-network', 'workloads-subnets']);
    expect(byName['workloads-subnets']).toMatchObject({ owningAccountId: A.network, accountId: A['payments-dev'] });
    expect(byName['workloads-subnets'].resources.map((r) => r.type)).toEqual(['ec2:Subnet', 'ec2:Subnet']);
    expect(byName['workloads-subnets'].via).toEqual([`arn:aws:organizations::${A.management}:ou/${DEMO.organizationId}/${DEMO.ouIds.Workloads}`]);
    expect(byName['partner-network']).toMatchObject({ owningAccountId: A['partner-co'], via: [A['payments-dev']] });
    expect(() => planLeave(byName['corp-dns'], {})).toThrow(/not as an individual account/);
  });

  it('leaves a share received individually through an applied plan', async () => {
    const share = (await readReceivedShares(A['payments-dev'], 'us-east-1')).find((s) => s.name === 'partner-network')!;
    const plan = await savePlan(planLeave(share, {}), admin.email);
    expect((await applyPlan(plan.id, admin, { settleBoundMs: 5_000 })).state).toBe('started');
    const finished = (await runFinished(plan.id))!;
    expect(finished.status).toBe('succeeded');
    await sb.control.advanceClock(5);
    expect((await readReceivedShares(A['payments-dev'], 'us-east-1')).map((s) => s.name).sort()).toEqual(['corp-dns', 'workloads-subnets']);
    const result = await readBack(finished, await getConsoleContext());
    expect(result).toMatchObject({ tone: 'success', title: `Account ${A['payments-dev']} no longer receives "partner-network".` });
  });
});
