// Protects the organization's IAM snapshot behind the access paths: on a generated organization (120 accounts,
// 4 roles each) with IAM and STS throttled and IAM failing now and then, every reachable account's roles, users,
// policies and RoleLastUsed are read with GetAccountAuthorizationDetails (the first accounts before the read
// ends), an account whose member role no longer trusts the console is listed with the reason, SCPs come with
// their targets; the reading survives a restart; and a cross-account plan the console applies re-reads only the
// two accounts it touched, after which the new path is there.
import { IAMClient, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iamAccount } from '../../sandbox/iam/models';
import { organizationsState } from '../../sandbox/organizations/models';
import { startSandbox, type TestSandbox } from '../../sandbox/testing';
import { useConsoleEnv } from '../../tests/support/console-env';
import { computeAccessPaths } from '../access/paths';
import { accessOrganization } from '../access/organization';
import { resetAwsAccess } from '../aws/clients';
import { getConsoleContext, type ConsoleContext } from '../aws/identity';
import { readBack } from '../changes/registry';
import { completeSnapshot } from '../organizations/cache';
import { organizationSource } from '../organizations/snapshot-source';
import { applyPlan, runFinished } from '../plan/apply';
import { savePlan } from '../plan/store';
import { buildAccessPlan } from './access';
import { readAccessFacts } from './access-facts';
import { completeIamSnapshot, forgetIamSnapshots, getIamSnapshot, syncIamSnapshot, type IamSnapshotSource } from './snapshot-store';
import { iamSnapshotSource } from './snapshot-source';
import { accessRequestSchema } from './validation';

const BROKEN = '200000000007';
const SOURCE = '200000000011';
const DESTINATION = '200000000012';
const admin = { email: 'admin@example.com', name: 'Admin', role: 'admin' as const };
let sb: TestSandbox;
let context: ConsoleContext;
let source: IamSnapshotSource;

beforeAll(async () => {
  sb = await startSandbox({
    seed: 'large',
    seedOptions: { accounts: 120, ous: 12, shares: 0, roles: 4 },
    throttle: { iam: { rate: 40, burst: 10 }, sts: { rate: 40, burst: 10 }, organizations: { rate: 10, burst: 20 } },
  });
  useConsoleEnv(sb, 'crossing-iam-snapshot-');
  const member = await new STSClient(sb.clientConfig()).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${BROKEN}:role/OrganizationAccountAccessRole`, RoleSessionName: 'break' }));
  const c = member.Credentials!;
  await new IAMClient(sb.clientConfig({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken })).send(
    new UpdateAssumeRolePolicyCommand({
      RoleName: 'OrganizationAccountAccessRole',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${BROKEN}:root` }, Action: 'sts:AssumeRole' }] }),
    }),
  );
  resetAwsAccess();
  context = await getConsoleContext();
  source = iamSnapshotSource(context);
  await sb.control.setFaults([{ service: 'iam', operation: 'GetAccountAuthorizationDetails', code: 'Throttling', status: 400, rate: 0.1 }]);
}, 120_000);

afterAll(async () => {
  await sb?.close();
});

describe('the IAM snapshot of the organization', () => {
  it('reads every reachable account, streaming, with SCPs and their targets, and reports the unreachable one', async () => {
    const first = getIamSnapshot(source);
    expect(first.refreshing).toBe(true);
    let partial = 0;
    for (let i = 0; i < 600 && partial === 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      const now = getIamSnapshot(source).snapshot;
      if (now.complete) break;
      partial = Object.keys(now.accounts).length;
    }
    expect(partial).toBeGreaterThan(0);
    const snapshot = await completeIamSnapshot(source);
    await sb.control.setFaults([]);
    const members = [...organizationsState(sb.world).members.keys()];
    expect(Object.keys(snapshot.accounts).sort()).toEqual(members.sort());
    expect(partial).toBeLessThan(members.length);
    for (const id of members) {
      if (id === BROKEN) continue;
      const truth = [...iamAccount(sb.world, id).roles.values()];
      const read = snapshot.accounts[id];
      expect(read.error).toBeUndefined();
      expect(read.roles.map((r) => r.name).sort()).toEqual(truth.map((r) => r.roleName).sort());
      for (const role of read.roles) {
        const t = truth.find((r) => r.roleName === role.name)!;
        expect(JSON.parse(snapshot.documents[role.trust])).toEqual(JSON.parse(t.assumeRolePolicyDocument));
        expect(role.lastUsed).toBe(t.lastUsed?.date.getTime());
      }
    }
    expect(snapshot.accounts[BROKEN].error).toMatch(/OrganizationAccountAccessRole/);
    // Managed policies' default versions are there once, for every account that uses them.
    expect(JSON.parse(snapshot.documents[snapshot.managedPolicies['arn:aws:iam::aws:policy/AdministratorAccess']])).toMatchObject({ Statement: [{ Effect: 'Allow', Action: '*' }] });
    expect(snapshot.organizationPolicies.scps?.find((p) => p.name === 'FullAWSAccess')?.targets.length).toBeGreaterThan(members.length);
  }, 180_000);

  it('answers from the data directory after a restart, without reading AWS', async () => {
    const before = getIamSnapshot(source).snapshot;
    forgetIamSnapshots();
    const refused = (): AsyncIterable<string[]> => {
      throw new Error('a warm start must not list the organization');
    };
    const warm = { ...source, accountIds: refused };
    await syncIamSnapshot(warm);
    const restarted = getIamSnapshot({ ...source, accountIds: refused });
    expect(restarted.refreshing).toBe(false);
    expect(restarted.snapshot.complete).toBe(true);
    expect(Object.keys(restarted.snapshot.accounts).sort()).toEqual(Object.keys(before.accounts).sort());
  });

  it('re-reads only the two accounts a cross-account plan touched, and the new path is there', async () => {
    const before = getIamSnapshot(source).snapshot;
    const readAt = Object.fromEntries(Object.entries(before.accounts).map(([id, a]) => [id, a.readAt]));
    const principal = `arn:aws:iam::${SOURCE}:role/OrganizationAccountAccessRole`;
    const request = accessRequestSchema.parse({
      source: { accountId: SOURCE, principal },
      destination: { accountId: DESTINATION, role: { kind: 'new', name: 'FromSource', managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], maxSessionHours: 1 } },
      conditions: {},
    });
    const { draft } = buildAccessPlan(request, await readAccessFacts(request, context));
    const plan = await savePlan(draft, admin.email);
    await applyPlan(plan.id, admin);
    const finished = (await runFinished(plan.id))!;
    expect(finished.status).toBe('succeeded');
    await readBack(finished, context);
    const after = getIamSnapshot(source).snapshot;
    const reread = Object.entries(after.accounts).filter(([id, a]) => a.readAt !== readAt[id]).map(([id]) => id);
    expect(reread.sort()).toEqual([SOURCE, DESTINATION].sort());
    const organization = accessOrganization(await completeSnapshot(await organizationSource(context)));
    const paths = computeAccessPaths({ iam: after, organization }).paths.filter((p) => p.target.name === 'FromSource');
    expect(paths).toEqual([expect.objectContaining({ source: expect.objectContaining({ id: principal }), status: 'open', inside: true })]);
  }, 60_000);
});
