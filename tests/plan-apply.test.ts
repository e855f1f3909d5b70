// Protects: applying a plan against AWS (the sandbox, over HTTP, with the SDK clients the console ships):
// a failed step stops the run with an honest record and resumes, but never past the plan's lifetime; a plan is applied once; a crash mid-call is
// recognised and recovered; every call has its audit intent before it and outcome after; and the plan's AWS
// CLI commands, run by the real AWS CLI, reach the same state as applying it.
import { setTimeout as sleep } from 'node:timers/promises';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetResourceSharesCommand, RAMClient } from '@aws-sdk/client-ram';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../sandbox/seeds/demo-ids';
import { startSandbox, type TestSandbox } from '../sandbox/testing';
import { useConsoleEnv } from './support/console-env';
import { listAudit } from '../lib/audit/log';
import { state } from '../lib/state/database';
import { getClient, resetAwsAccess } from '../lib/aws/clients';
import { shareAssociations } from '../lib/ram/associations';
import { applyPlan, checkUnknownSteps, runFinished } from '../lib/plan/apply';
import { renderCli } from '../lib/plan/cli';
import { afterApplied, threeStepSharePlan } from './support/plans';
import { getPlan, savePlan } from '../lib/plan/store';
import type { PlanDraft } from '../lib/plan/types';

const NETWORK = DEMO.accounts.network;
const admin = { email: 'admin@example.com', name: 'Admin', role: 'admin' as const };
const fast = { settleBoundMs: 10_000 };
let sb: TestSandbox;
let env: Record<string, string>;
let subnets: Record<string, string>;

async function subnetArns(config: ConstructorParameters<typeof EC2Client>[0] & object): Promise<Record<string, string>> {
  const out = await new EC2Client(config).send(new DescribeSubnetsCommand({}));
  return Object.fromEntries(out.Subnets!.map((s) => [s.Tags!.find((t) => t.Key === 'Name')!.Value!, s.SubnetArn!]));
}

const network = () => ({ accountId: NETWORK, region: 'us-east-1' });
let counter = 0;
function sharePlan(): PlanDraft {
  counter += 1;
  return threeStepSharePlan({
    share: `plan-test-${counter}`,
    first: subnets['workloads-a'],
    second: subnets['workloads-b'],
    principal: DEMO.accounts['payments-dev'],
    extraPrincipal: DEMO.accounts['web-dev'],
    accountId: NETWORK,
  });
}

async function sharesNamed(name: string) {
  const out = await getClient(RAMClient, network()).send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name }));
  return (out.resourceShares ?? []).filter((s) => s.status !== 'DELETED');
}

/** The share as AWS reads it back: its associations (entity and status) and tags, without IDs that differ per world. */
async function shareState(ram: RAMClient, name: string) {
  const share = (await ram.send(new GetResourceSharesCommand({ resourceOwner: 'SELF', name }))).resourceShares![0];
  let associations = await shareAssociations(ram, share.resourceShareArn!);
  for (let i = 0; i < 40 && associations.some((a) => a.status === 'ASSOCIATING'); i++) {
    await sleep(250);
    associations = await shareAssociations(ram, share.resourceShareArn!);
  }
  return {
    name: share.name,
    allowExternalPrincipals: share.allowExternalPrincipals,
    tags: share.tags,
    associations: associations.map((a) => `${a.associationType} ${a.associatedEntity} ${a.status}`).sort(),
  };
}

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  env = useConsoleEnv(sb, 'crossing-plan-');
  const member = await new STSClient(sb.clientConfig()).send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${NETWORK}:role/OrganizationAccountAccessRole`, RoleSessionName: 'test' }),
  );
  const c = member.Credentials!;
  subnets = await subnetArns(sb.clientConfig({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken }));
});

afterAll(async () => {
  await sb?.close();
});

beforeEach(async () => {
  resetAwsAccess();
  await sb.control.setFaults([]);
});

describe('applying a plan', () => {
  it('refuses to resume a failed plan past its lifetime, and changes nothing in AWS', async () => {
    await sb.control.setFaults([{ service: 'ram', operation: 'AssociateResourceShare', code: 'ServiceUnavailableException', status: 503, rate: 1 }]);
    const plan = await savePlan(sharePlan(), admin.email);
    await applyPlan(plan.id, admin, fast);
    expect((await runFinished(plan.id))!.status).toBe('failed');
    await sb.control.setFaults([]);
    const before = await shareState(getClient(RAMClient, network()), plan.steps[0].input.name as string);
    const audited = (await listAudit({ planId: plan.id })).entries.length;
    // Made a week ago: its hour to be applied or resumed is long past.
    const weekAgo = (hours: number) => new Date(Date.now() - 7 * 24 * 3600_000 + hours * 3600_000).toISOString();
    await (await state()).updateTable('plans').set({ created_at: weekAgo(0), expires_at: weekAgo(1) }).where('id', '=', plan.id).execute();

    const expired = (await getPlan(plan.id))!;
    expect(expired.status).toBe('expired');
    expect(expired.stepStates.map((s) => s.status)).toEqual(['done', 'failed', 'not-run']);
    const outcome = await applyPlan(plan.id, admin, fast);
    expect(outcome.state).toBe('refused');
    expect(outcome.state === 'refused' && outcome.error).toMatch(/^This plan expired at .*Nothing was done\. Make it again/);
    await runFinished(plan.id);
    expect((await getPlan(plan.id))!.status).toBe('expired');
    expect((await listAudit({ planId: plan.id })).entries).toHaveLength(audited);
    expect(await shareState(getClient(RAMClient, network()), plan.steps[0].input.name as string)).toEqual(before);
    expect(before.associations.some((a) => a.includes(subnets['workloads-b']))).toBe(false);
  });

  it('stops at a failing step (1 done, 1 failed, 1 not run), audits each call, and resumes to completion', async () => {
    await sb.control.setFaults([{ service: 'ram', operation: 'AssociateResourceShare', code: 'ServiceUnavailableException', status: 503, rate: 1 }]);
    const plan = await savePlan(sharePlan(), admin.email);
    expect((await applyPlan(plan.id, admin, fast)).state).toBe('started');
    const failed = (await runFinished(plan.id))!;
    expect(failed.status).toBe('failed');
    expect(failed.stepStates.map((s) => s.status)).toEqual(['done', 'failed', 'not-run']);
    expect(failed.stepStates[0].settled?.items.map((i) => `${i.id} ${i.status}`).sort()).toEqual([`${DEMO.accounts['payments-dev']} ASSOCIATED`, `${subnets['workloads-a']} ASSOCIATED`]);
    expect(failed.stepStates[1].error).toMatch(/^ram:AssociateResourceShare failed in 300000000001 \(us-east-1\): ServiceUnavailableException/);
    const entries = (await listAudit({ planId: plan.id })).entries.reverse();
    expect(entries.map((e) => `${e.step} ${e.outcome}`)).toEqual(['1 intent', '1 success', '2 intent', '2 failure']);
    expect(entries[1].requestId).toMatch(/\S+/);
    expect(entries[0]).toMatchObject({ action: 'ram:CreateResourceShare', accountId: NETWORK, region: 'us-east-1', actor: admin.email });

    await sb.control.setFaults([]);
    expect((await applyPlan(plan.id, admin, fast)).state).toBe('started');
    const resumed = (await runFinished(plan.id))!;
    expect(resumed.status).toBe('succeeded');
    expect(resumed.stepStates.map((s) => s.status)).toEqual(['done', 'done', 'done']);
    expect((await listAudit({ planId: plan.id })).entries.filter((e) => e.step === 1)).toHaveLength(2);
    const state = await shareState(getClient(RAMClient, network()), plan.steps[0].input.name as string);
    expect(state.associations).toEqual(
      [
        `PRINCIPAL ${DEMO.accounts['payments-dev']} ASSOCIATED`,
        `PRINCIPAL ${DEMO.accounts['web-dev']} ASSOCIATED`,
        `RESOURCE ${subnets['workloads-a']} ASSOCIATED`,
        `RESOURCE ${subnets['workloads-b']} ASSOCIATED`,
      ].sort(),
    );
  });

  it('applies a plan once: a second apply joins the run, a later one is refused, and one share exists', async () => {
    const plan = await savePlan(sharePlan(), admin.email);
    const outcomes = [await applyPlan(plan.id, admin, fast), await applyPlan(plan.id, admin, fast)];
    expect(outcomes.map((o) => o.state)).toEqual(['started', 'joined']);
    expect((await runFinished(plan.id))!.status).toBe('succeeded');
    // What follows from the result (the kind's after-apply hook) happens once the run is over, with no page watching.
    expect(afterApplied.filter((id) => id === plan.id)).toHaveLength(1);
    const again = await applyPlan(plan.id, admin, fast);
    expect(again).toMatchObject({ state: 'refused', error: expect.stringMatching(/^This plan was already applied \(by admin@example.com/) });
    expect(await sharesNamed(plan.steps[0].input.name as string)).toHaveLength(1);
    expect((await listAudit({ planId: plan.id })).entries.filter((e) => e.outcome === 'intent')).toHaveLength(3);
  });

  it('refuses a plan that expired, and changes nothing', async () => {
    const plan = await savePlan(sharePlan(), admin.email, new Date(Date.now() - 2 * 60 * 60 * 1000));
    expect((await getPlan(plan.id))!.status).toBe('expired');
    expect(await applyPlan(plan.id, admin, fast)).toMatchObject({ state: 'refused', error: expect.stringMatching(/^This plan expired at/) });
    expect(await sharesNamed(plan.steps[0].input.name as string)).toHaveLength(0);
    expect((await listAudit({ planId: plan.id })).total).toBe(0);
  });

  it('after a crash during a call, shows that step as unknown; checking finds it in AWS; resuming completes with one share', async () => {
    const plan = await savePlan(sharePlan(), admin.email);
    await sb.control.setFaults([{ service: 'ram', operation: 'CreateResourceShare', delayMs: 3_000 }]);
    // A short run lease, so the run reads as interrupted soon after its process is gone.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, './support/apply-child.ts'), plan.id], {
      env: { ...process.env, ...env, CROSSING_RUN_LEASE_MS: '1000' },
      stdio: 'inherit',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // The child loads the whole registry (every kind and operation) before it applies: allow a slow start.
    for (let i = 0; i < 600 && !(await listAudit({ planId: plan.id })).entries.some((e) => e.outcome === 'intent'); i++) await sleep(50);
    // The intent is written before the member role is assumed and the request sent: give the request time to reach AWS.
    await sleep(1_500);
    child.kill('SIGKILL');
    await exited;
    for (let i = 0; i < 100 && (await getPlan(plan.id))!.status === 'running'; i++) await sleep(100);
    const cut = (await getPlan(plan.id))!;
    expect(cut.status).toBe('interrupted');
    expect(cut.stepStates.map((s) => s.status)).toEqual(['unknown', 'pending', 'pending']);
    expect((await listAudit({ planId: plan.id })).entries.map((e) => e.outcome)).toEqual(['intent']);

    // The sandbox, like AWS, finishes a call whose caller went away.
    await sleep(2_500);
    await sb.control.setFaults([]);
    const checked = (await checkUnknownSteps(plan.id, admin))!;
    expect(checked.stepStates[0].status).toBe('done');
    expect((await applyPlan(plan.id, admin, fast)).state).toBe('started');
    expect((await runFinished(plan.id))!.stepStates.map((s) => s.status)).toEqual(['done', 'done', 'done']);
    expect(await sharesNamed(plan.steps[0].input.name as string)).toHaveLength(1);
  }, 90_000);
});

describe('the AWS CLI equivalent', () => {
  it('run by the AWS CLI against a fresh sandbox, reaches the state applying the plan reaches', async () => {
    const aws = spawnSync('aws', ['--version'], { encoding: 'utf8' });
    expect(aws.status, 'the AWS CLI (Debian awscli) must be installed: npm test installs it').toBe(0);
    const draft = sharePlan();
    const plan = await savePlan(draft, admin.email);
    await applyPlan(plan.id, admin, fast);
    expect((await runFinished(plan.id))!.status).toBe('succeeded');
    const applied = await shareState(getClient(RAMClient, network()), draft.steps[0].input.name as string);

    const fresh = await startSandbox({ seed: 'demo' });
    try {
      const member = await new STSClient(fresh.clientConfig()).send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${NETWORK}:role/OrganizationAccountAccessRole`, RoleSessionName: 'cli' }),
      );
      const c = member.Credentials!;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-cli-'));
      fs.writeFileSync(
        path.join(dir, 'config'),
        `[profile acct-${NETWORK}]\naws_access_key_id = ${c.AccessKeyId}\naws_secret_access_key = ${c.SecretAccessKey}\naws_session_token = ${c.SessionToken}\n`,
      );
      const script = renderCli(plan.steps, { planId: plan.id, endpointUrl: fresh.endpoint });
      const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_'))) as NodeJS.ProcessEnv;
      // Asynchronously: the sandbox answers from this same process.
      await promisify(execFile)('sh', ['-c', script], {
        env: { ...cleanEnv, AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none'), AWS_PAGER: '' },
        timeout: 60_000,
      });
      const ram = new RAMClient(fresh.clientConfig({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken }));
      expect(await shareState(ram, draft.steps[0].input.name as string)).toEqual(applied);
    } finally {
      await fresh.close();
    }
    // Each AWS CLI command starts a Python process: on a loaded two-core machine the plan's take half a minute.
  }, 90_000);
});
