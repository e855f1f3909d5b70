// Protects: against an AWS-compatible endpoint that lacks operations (answering them with an HTML page) or
// answers a change without making it, the console says so plainly — which call, which HTTP status — and reports
// what it reads back, never a parser's message or a canned success; and an endpoint that goes away leaves the
// console's standing "unknown", never "member account" or "no organization".
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../sandbox/testing';
import { resetAwsAccess } from '../lib/aws/clients';
import { getConsoleContext, invalidateConsoleContext } from '../lib/aws/identity';
import { readBack } from '../lib/changes/registry';
import { applyPlan, runFinished } from '../lib/plan/apply';
import { unreachableOf } from '../lib/aws/account-snapshot';
import { readInvitationsNow } from '../lib/ram/invitations';
import { invitationsSource } from '../lib/ram/invitations-source';
import { savePlan } from '../lib/plan/store';
import { enableSharing } from '../lib/ram/enable-sharing';
import { getSharingStatus } from '../lib/ram/sharing';
import { useConsoleEnv } from './support/console-env';

let sb: TestSandbox;
let proxy: http.Server;
const admin = { email: 'admin@example.com', name: 'Admin', role: 'admin' as const };

// RAM speaks restJson1: the operation is the path. This endpoint lacks one read and fakes one change.
const MISSING = new Set(['/getresourceshareinvitations']);
const FAKED = new Set(['/enablesharingwithawsorganization']);

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo', seedOptions: { orgSharing: false } });
  proxy = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = (request.url ?? '').split('?')[0];
    if (MISSING.has(path)) {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<html><body><h1>404 Not Found</h1></body></html>');
      return;
    }
    if (FAKED.has(path)) {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"returnValue":true}');
      return;
    }
    // Forwarded as it came (the Host header is signed).
    const target = new URL(sb.endpoint);
    const upstream = http.request({ host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.end(Buffer.concat(chunks));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  useConsoleEnv(sb, 'crossing-partial-');
  process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  process.env.CROSSING_MAX_ATTEMPTS = '1';
  process.env.CROSSING_REGIONS = 'us-east-1';
});

afterAll(async () => {
  proxy?.close();
  await sb?.close();
});

beforeEach(() => {
  resetAwsAccess();
  invalidateConsoleContext();
});

describe('an endpoint that lacks an operation', () => {
  it("explains the inbox's missing read by call and HTTP status, not by the SDK's parser error", async () => {
    const reading = await readInvitationsNow(invitationsSource(await getConsoleContext()));
    expect(reading.items).toEqual({});
    const management = unreachableOf(reading).find((u) => u.accountId === '100000000001')!;
    expect(management.error).toBe(
      `The endpoint at ${process.env.AWS_ENDPOINT_URL} answered ram:GetResourceShareInvitations with HTTP 404 in 100000000001 (us-east-1), which is not an AWS answer: it may not offer this operation.`,
    );
    expect(unreachableOf(reading).map((u) => u.error).join()).not.toMatch(/Unexpected token|Deserialization|\$response/);
  });

  it('reports what it reads back after a change the endpoint answered but did not make', async () => {
    const context = await getConsoleContext();
    const plan = await savePlan(enableSharing.plan({}, { context, status: await getSharingStatus(context) }), admin.email);
    await applyPlan(plan.id, admin);
    const done = (await runFinished(plan.id))!;
    expect(done.status).toBe('succeeded');
    const result = await readBack(done, context);
    expect(result).toMatchObject({ tone: 'warning', title: 'AWS accepted the call, but sharing with AWS Organizations still reads as off.' });
    expect(result!.facts.map((f) => f.value)).toEqual(['no', 'no']);
    expect(result!.advice).toMatch(/service-linked role AWSServiceRoleForResourceAccessManager is missing/);
  });
});

describe('an endpoint that goes away', () => {
  it('leaves the standing unknown because of the network, not "member" or "no organization"', async () => {
    expect((await getConsoleContext()).standing).toBe('management');
    proxy.close();
    proxy.closeAllConnections();
    invalidateConsoleContext();
    const context = await getConsoleContext();
    expect(context).toMatchObject({ standing: 'unknown', organizationFailure: 'unreachable' });
    expect(context.organizationError).toMatch(/cannot be reached/);
    const sharing = await getSharingStatus(context);
    expect(sharing.checks.find((c) => c.id === 'management-account')!.detail).toMatch(/^Unknown: /);
  });
});
