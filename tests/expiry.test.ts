// Protects access that ends by itself, against AWS (the sandbox over HTTP): a time-bound trust applied, then, once
// the AWS clock passes its deadline, taken out of the role by the console — read back through iam:GetRole, and the
// principal's sts:AssumeRole denied — once only, by separate console processes sharing one store, one of them
// started after the deadline (a restart); audited as done by the console for the request. Ended early on demand,
// a role made for the access is deleted. One plan makes a role in every account of an OU, and its end takes
// every one back.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO } from '../sandbox/seeds/demo-ids';
import { startSandbox, type TestSandbox } from '../sandbox/testing';
import { useConsoleEnv } from './support/console-env';
import { listAudit } from '../lib/audit/log';
import { getClient, resetAwsAccess } from '../lib/aws/clients';
import { getConsoleContext } from '../lib/aws/identity';
import { applyPlan, runFinished } from '../lib/changes/registry';
import { expiryOf, onExpiryEvent, revokeNow, scheduleExpiry, type ExpiryEvent } from '../lib/expiry/expiry';
import { buildAccessPlan, buildMultiAccessPlan } from '../lib/iam/access';
import { readAccessFacts, readMultiAccessFacts } from '../lib/iam/access-facts';
import { accountsUnderOu, completeOrganization } from '../lib/organizations/accounts';
import { parsePolicy, awsPrincipals } from '../lib/iam/policy';
import { accessRequestSchema } from '../lib/iam/validation';
import { getPlan, savePlan } from '../lib/plan/store';

const DEV = DEMO.accounts['payments-dev'];
const PROD = DEMO.accounts['payments-prod'];
const ALICE = `arn:aws:iam::${DEV}:user/alice`;
const ROLE = `arn:aws:iam::${PROD}:role/ReadOnlyAuditor`;
const admin = { email: 'admin@example.com', name: 'Admin', role: 'admin' as const };
const HOUR = 3600_000;
let sb: TestSandbox;
let env: Record<string, string>;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  env = useConsoleEnv(sb, 'crossing-expiry-');
  resetAwsAccess();
});

afterAll(async () => {
  await sb?.close();
});

/** One console process (a new one: its own instance id), ticking its scheduler once. */
async function consoleProcess(): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'support/expiry-child.ts')], { env: { ...process.env, ...env } });
  return JSON.parse(stdout.trim().split('\n').pop()!) as string[];
}

const aliceAssumes = () => new STSClient(sb.clientConfig(DEMO.aliceCredentials)).send(new AssumeRoleCommand({ RoleArn: ROLE, RoleSessionName: 'alice' }));
const trustedByRole = async () =>
  parsePolicy((await getClient(IAMClient, { accountId: PROD }).send(new GetRoleCommand({ RoleName: 'ReadOnlyAuditor' }))).Role!.AssumeRolePolicyDocument).Statement.flatMap(awsPrincipals);

it('takes a time-bound trust out of AWS once the AWS clock passes its deadline, once, whichever console process gets there', async () => {
  const request = accessRequestSchema.parse({ source: { accountId: DEV, principal: ALICE }, destination: { accountId: PROD, role: { kind: 'existing', name: 'ReadOnlyAuditor' } }, conditions: {} });
  const before = await trustedByRole();
  const { draft } = buildAccessPlan(request, await readAccessFacts(request, await getConsoleContext()));
  const saved = await savePlan(draft, admin.email);
  await applyPlan(saved.id, admin);
  const plan = (await runFinished(saved.id))!;
  expect(plan.status).toBe('succeeded');
  expect((await aliceAssumes()).AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${PROD}:assumed-role/ReadOnlyAuditor/alice`);

  const scheduled = await scheduleExpiry({ plan, durationMs: 2 * HOUR, requestId: 'r-expiry-test', by: 'requester@example.com' });
  expect(scheduled).toMatchObject({ state: 'active', requestId: 'r-expiry-test', ends: [`${ALICE} can no longer assume ${ROLE}`] });

  // Before the deadline, a console process finds nothing to do.
  expect(await consoleProcess()).toEqual([]);
  expect(await trustedByRole()).toContain(ALICE);

  // Three hours pass on AWS's clock (the host's does not move); a console restarts and another runs beside it.
  await sb.control.advanceClock(3 * 3600);
  const [first, second] = await Promise.all([consoleProcess(), consoleProcess()]);
  expect([...first, ...second]).toEqual([plan.id]);

  const ended = (await expiryOf(plan.id))!;
  expect(ended).toMatchObject({ state: 'revoked', attempts: 1 });
  const inverse = (await getPlan(ended.inversePlanId!))!;
  expect(inverse).toMatchObject({ kind: 'iam:trust-edit', status: 'succeeded', createdBy: 'console (expiry of request r-expiry-test)' });
  expect(inverse.steps.map((s) => s.operation)).toEqual(['iam:UpdateAssumeRolePolicy', 'iam:DeleteUserPolicy']);

  // AWS reads back the trust as it was before the grant, and alice is refused.
  expect(await trustedByRole()).toEqual(before);
  await expect(aliceAssumes()).rejects.toThrow(/not authorized to perform: sts:AssumeRole/);

  // Every call of the inverse is audited as the console's, for the request; the trust was changed once.
  const audit = (await listAudit({ planId: inverse.id })).entries;
  expect(audit.filter((e) => e.outcome === 'success').map((e) => [e.actor, e.action])).toEqual(
    expect.arrayContaining([
      ['console (expiry of request r-expiry-test)', 'iam:UpdateAssumeRolePolicy'],
      ['console (expiry of request r-expiry-test)', 'iam:DeleteUserPolicy'],
    ]),
  );
  expect((await listAudit({ action: 'iam:UpdateAssumeRolePolicy', outcome: 'success' })).entries.filter((e) => e.actor.startsWith('console'))).toHaveLength(1);

  // A later start finds it done.
  expect(await consoleProcess()).toEqual([]);
}, 120_000);

it('ends access early on demand: a role made for it is deleted, and the end is announced', async () => {
  const request = accessRequestSchema.parse({
    source: { accountId: DEV, principal: ALICE },
    destination: { accountId: PROD, role: { kind: 'new', name: 'OnCallFromDev', managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], maxSessionHours: 1 } },
    conditions: {},
  });
  const { draft } = buildAccessPlan(request, await readAccessFacts(request, await getConsoleContext()));
  const saved = await savePlan(draft, admin.email);
  await applyPlan(saved.id, admin);
  const plan = (await runFinished(saved.id))!;
  const events: ExpiryEvent[] = [];
  onExpiryEvent((e) => void events.push(e));
  await scheduleExpiry({ plan, durationMs: 8 * HOUR, requestId: 'r-early', by: 'requester@example.com' });
  // Its deadline stays: extending is a new request.
  await expect(scheduleExpiry({ plan, durationMs: 80 * HOUR, requestId: 'r-later', by: 'requester@example.com' })).rejects.toThrow(/already ends at a deadline/);

  const ended = await revokeNow(plan.id, 'lead@example.com');
  expect(ended).toMatchObject({ state: 'revoked', revokedBy: 'lead@example.com' });
  expect(events).toEqual([expect.objectContaining({ type: 'revoked', planId: plan.id, requestId: 'r-early', inversePlanId: ended.inversePlanId })]);
  expect((await getPlan(ended.inversePlanId!))!.steps.map((s) => s.operation)).toEqual(['iam:DetachRolePolicy', 'iam:DeleteRole', 'iam:DeleteUserPolicy']);
  await expect(getClient(IAMClient, { accountId: PROD }).send(new GetRoleCommand({ RoleName: 'OnCallFromDev' }))).rejects.toThrow(/cannot be found|NoSuchEntity/);
  expect((await listAudit({ planId: ended.inversePlanId! })).entries.every((e) => e.actor === 'console (expiry of request r-early, ended early by lead@example.com)')).toBe(true);
  // Asking again changes nothing.
  expect(await revokeNow(plan.id, 'lead@example.com')).toMatchObject({ state: 'revoked', attempts: 1 });
}, 60_000);

it('makes a role in every account of the Dev OU with one plan, and ends it in every one', async () => {
  const context = await getConsoleContext();
  const under = accountsUnderOu((await completeOrganization(context))!, 'Dev');
  const devIds = under && 'accounts' in under ? under.accounts.map((a) => a.id) : [];
  expect(devIds.sort()).toEqual([DEMO.accounts['payments-dev'], DEMO.accounts['web-dev']].sort());
  const request = accessRequestSchema.parse({
    source: { accountId: DEMO.accounts.audit, principal: DEMO.roles.securityAudit },
    destination: { accountId: devIds[0], role: { kind: 'new', name: 'DevReadOnly', managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], maxSessionHours: 1 } },
    conditions: {},
  });
  const { draft } = buildMultiAccessPlan(request, devIds, await readMultiAccessFacts(request, devIds, context));
  const saved = await savePlan(draft, admin.email);
  await applyPlan(saved.id, admin);
  const plan = (await runFinished(saved.id))!;
  expect(plan.status).toBe('succeeded');
  const roleIn = (accountId: string) => getClient(IAMClient, { accountId }).send(new GetRoleCommand({ RoleName: 'DevReadOnly' }));
  for (const accountId of devIds) expect(awsPrincipals(parsePolicy((await roleIn(accountId)).Role!.AssumeRolePolicyDocument).Statement[0])).toEqual([DEMO.roles.securityAudit]);

  await scheduleExpiry({ plan, durationMs: HOUR, requestId: 'r-dev-ou', by: 'requester@example.com' });
  const ended = await revokeNow(plan.id, 'lead@example.com');
  expect(ended).toMatchObject({ state: 'revoked' });
  expect(ended.inversePlanIds).toHaveLength(devIds.length);
  for (const accountId of devIds) await expect(roleIn(accountId)).rejects.toThrow(/cannot be found|NoSuchEntity/);
}, 60_000);
