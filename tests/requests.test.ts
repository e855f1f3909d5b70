// Protects: an access request goes from its requester through two distinct approvals to AWS (the sandbox over
// HTTP): self-approval, a second approval by the same person and OU approvers outside their OU are refused, the final approval applies the plan,
// alice can then assume the role, each call's audit entries name the requester and both approvers, and a webhook
// on loopback receives each event while one that redirects is not followed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../sandbox/seeds/demo-ids';
import { startSandbox, type TestSandbox } from '../sandbox/testing';
import { useConsoleEnv } from './support/console-env';
import { listAudit } from '../lib/audit/log';
import { resetAwsAccess } from '../lib/aws/clients';
import { getConsoleContext } from '../lib/aws/identity';
import { runFinished } from '../lib/changes/registry';
import { buildAccessPlan } from '../lib/iam/access';
import { readAccessFacts } from '../lib/iam/access-facts';
import { accessRequestSchema } from '../lib/iam/validation';
import { savePlan } from '../lib/plan/store';
import { enableSharing } from '../lib/ram/enable-sharing';
import { getSharingStatus } from '../lib/ram/sharing';
import type { SignedInUser } from '../lib/auth/roles';

const DEV = DEMO.accounts['payments-dev'];
const PROD = DEMO.accounts['payments-prod'];
const rita: SignedInUser = { email: 'rita@example.com', name: 'Rita', role: 'requester' };
const ada: SignedInUser = { email: 'ada@example.com', name: 'Ada', role: 'admin' };
const bob: SignedInUser = { email: 'bob@example.com', name: 'Bob', role: 'admin' };
/** Approves changes to the accounts of the Workloads OU (payments-dev and payments-prod are both under it). */
const wanda: SignedInUser = { email: 'wanda@example.com', name: 'Wanda', role: 'viewer', groups: ['workloads-approvers'] };
/** Approves changes to the accounts of the Dev OU only. */
const dev: SignedInUser = { email: 'devon@example.com', name: 'Devon', role: 'requester', groups: ['dev-approvers'] };
let sb: TestSandbox;
let receiver: http.Server;
const received: { event: string; request: { id: string; requester: string } }[] = [];
/** The receiver answers with a redirect (to the cloud metadata address) while this is set. */
let redirecting = false;

let service: typeof import('../lib/requests/service');
let notify: typeof import('../lib/requests/notify');
let store: typeof import('../lib/requests/store');

async function ritasPlan(roleName: string) {
  const request = accessRequestSchema.parse({
    source: { accountId: DEV, principal: `arn:aws:iam::${DEV}:user/alice` },
    destination: { accountId: PROD, role: { kind: 'new', name: roleName, managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], maxSessionHours: 1 } },
    conditions: {},
  });
  const { draft } = buildAccessPlan(request, await readAccessFacts(request, await getConsoleContext()));
  return savePlan(draft, rita);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) return value;
    await sleep(100);
  }
  return read();
}

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  useConsoleEnv(sb, 'crossing-requests-');
  receiver = http.createServer((req, res) => {
    if (redirecting) {
      res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
      return;
    }
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  process.env.CROSSING_WEBHOOK_URL = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  process.env.CROSSING_REQUEST_APPROVALS = '2';
  process.env.CROSSING_REQUEST_OU_APPROVERS = `workloads-approvers=${DEMO.rootId}/${DEMO.ouIds.Workloads};dev-approvers=${DEMO.ouIds.Dev}`;
  resetAwsAccess();
  service = await import('../lib/requests/service');
  notify = await import('../lib/requests/notify');
  store = await import('../lib/requests/store');
});

afterAll(async () => {
  receiver?.close();
  await sb?.close();
});

describe('access requests against the sandbox', () => {
  it('needs two other people to approve, then applies, and the audit log names all three', async () => {
    const plan = await ritasPlan('RequestedDeploy');
    const { id } = await service.submitRequest(rita, { planId: plan.id, justification: 'Deploys from dev during the incident' });

    await expect(service.decideRequest(rita, id, 'approve', 'me')).rejects.toThrow('You cannot approve your own request: another person must approve it.');
    expect((await service.decideRequest(ada, id, 'approve', 'fine')).state).toBe('pending');
    await expect(service.decideRequest(ada, id, 'approve', 'again')).rejects.toThrow('already');
    // Apply on the plan page does not go around the request.
    expect(await service.applyPlanChecked(plan.id, ada)).toMatchObject({ state: 'refused', error: expect.stringContaining('which is pending') });

    expect((await service.decideRequest(bob, id, 'approve', 'ok')).state).toBe('approved');
    await runFinished(plan.id);
    expect(await until(async () => (await store.getRequest(id))!.state, (s) => s === 'applied')).toBe('applied');

    // What AWS reads back: alice, in payments-dev, can assume the new role in payments-prod.
    const alice = new STSClient(sb.clientConfig(DEMO.aliceCredentials));
    const assumed = await alice.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${PROD}:role/RequestedDeploy`, RoleSessionName: 'alice' }));
    expect(assumed.AssumedRoleUser?.Arn).toContain('RequestedDeploy');

    const calls = (await listAudit({ planId: plan.id })).entries.filter((e) => e.outcome === 'success' && e.step);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.accessRequest).toEqual({ id, requester: rita.email, approvers: ['ada@example.com', 'bob@example.com'] });

    await until(async () => received.some((b) => b.request.id === id && b.event === 'applied'), Boolean);
    expect(received.filter((b) => b.request.id === id).map((b) => b.event)).toEqual(['requested', 'approved', 'applied']);
  });

  it('refuses a duration where nothing can be taken back, the same plan twice, and someone else\'s plan', async () => {
    // Turning on sharing grants nobody anything: there is nothing for a deadline to take back.
    const context = await getConsoleContext();
    const sharing = await savePlan(enableSharing.plan({}, { context, status: { ...(await getSharingStatus(context)), enabled: false, canEnable: true } }), rita);
    await expect(service.submitRequest(rita, { planId: sharing.id, justification: 'deploys', durationHours: 2 })).rejects.toMatchObject({
      fieldErrors: { durationHours: [expect.stringContaining('leave the duration empty')] },
    });
    const plan = await ritasPlan('RequestedTwice');
    await service.submitRequest(rita, { planId: plan.id, justification: 'deploys' });
    await expect(service.submitRequest(rita, { planId: plan.id, justification: 'deploys' })).rejects.toThrow('already been submitted');
    await expect(service.submitRequest(ada, { planId: (await ritasPlan('SomeoneElses')).id, justification: 'mine now' })).rejects.toThrow('who made this plan');
  });

  it('lets OU approvers decide only on changes to accounts under their OU, read from AWS', async () => {
    const { id } = await service.submitRequest(rita, { planId: (await ritasPlan('ByOu')).id, justification: 'x' });
    await expect(service.decideRequest(dev, id, 'approve', '')).rejects.toThrow(`You approve changes under ${DEMO.ouIds.Dev} only; this request also changes account ${PROD}.`);
    expect((await service.waitingFor(dev)).map((r) => r.id)).not.toContain(id);
    expect((await service.waitingFor(wanda)).map((r) => r.id)).toContain(id);
    expect((await service.decideRequest(wanda, id, 'reject', 'not this week')).state).toBe('rejected');
  });

  it('rejects with a comment, and only the requester withdraws', async () => {
    const first = await service.submitRequest(rita, { planId: (await ritasPlan('Rejected')).id, justification: 'x' });
    expect((await service.decideRequest(ada, first.id, 'reject', 'not needed')).state).toBe('rejected');
    const second = await service.submitRequest(rita, { planId: (await ritasPlan('Withdrawn')).id, justification: 'x' });
    await expect(service.withdrawRequest(ada, second.id)).rejects.toThrow('Only the requester');
    expect((await service.withdrawRequest(rita, second.id)).state).toBe('withdrawn');
    await expect(service.decideRequest(ada, second.id, 'approve', '')).rejects.toThrow('This request is withdrawn');
  });

  it('does not follow a webhook redirect, and records why the delivery failed', async () => {
    redirecting = true;
    try {
      const request = await service.submitRequest(rita, { planId: (await ritasPlan('Redirected')).id, justification: 'x' });
      const listed = await until(
        () => notify.listDeliveries(),
        (l) => l.deliveries.some((d) => d.requestId === request.id && d.lastError),
      );
      expect(listed.deliveries.find((d) => d.requestId === request.id)).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'HTTP 302: the webhook redirected; redirects are not followed',
      });
    } finally {
      redirecting = false;
    }
  });
});
