// Protects: the /_sandbox/ control endpoint (health, reset, clock, faults, state export, loopback only), the state file and shape checking.
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { ListRootsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../testing.js';
import { ACCOUNT_ID, standIn, tinyWorld } from '../testing/stand-ins.js';
import { isLoopback } from './control.js';
import { now } from './world.js';

const services = () => [
  standIn('iam', { ListRoles: { handler: () => ({ Roles: [], IsTruncated: false }) } }),
  standIn('organizations', { ListRoots: { handler: () => ({ Roots: [] }) } }),
];

describe('control endpoint', () => {
  let sb: TestSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ world: tinyWorld(), services: services() });
  });
  afterAll(() => sb.close());

  it('reports health', async () => {
    expect(await sb.control.health()).toMatchObject({ ok: true, seed: 'core-test', accounts: 1 });
  });

  it('moves the sandbox clock', async () => {
    const before = now(sb.world).getTime();
    const moved = await sb.control.advanceClock(86_400);
    expect(moved.getTime() - before).toBeGreaterThanOrEqual(86_400_000);
    expect(now(sb.world).getTime()).toBeGreaterThanOrEqual(moved.getTime());
  });

  it('injects faults the SDK raises by name, deterministically at the given rate, and clears them', async () => {
    const iam = new IAMClient({ ...sb.clientConfig(), maxAttempts: 1 });
    await sb.control.setFaults([{ service: 'iam', operation: 'ListRoles', code: 'ServiceFailure', status: 500, rate: 0.5, message: 'boom' }]);
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push(await iam.send(new ListRolesCommand({})).then(() => 'ok', (error: Error) => `${error.name}: ${error.message}`));
    }
    expect(outcomes).toEqual(['ServiceFailureException: boom', 'ok', 'ServiceFailureException: boom', 'ok']);
    await sb.control.setFaults([]);
    await expect(iam.send(new ListRolesCommand({}))).resolves.toBeDefined();
  });

  it('holds an answer back for delayMs, then serves it (or fails it when a code is given)', async () => {
    const iam = new IAMClient({ ...sb.clientConfig(), maxAttempts: 1 });
    await sb.control.setFaults([{ service: 'iam', operation: 'ListRoles', delayMs: 300 }]);
    const started = Date.now();
    await expect(iam.send(new ListRolesCommand({}))).resolves.toBeDefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await sb.control.setFaults([{ service: 'iam', operation: 'ListRoles', delayMs: 100, code: 'ServiceFailure', status: 500 }]);
    await expect(iam.send(new ListRolesCommand({}))).rejects.toMatchObject({ name: 'ServiceFailureException' });
    await sb.control.setFaults([]);
  });

  it('exports the world as JSON', async () => {
    const state = (await (await fetch(`${sb.endpoint}/_sandbox/state`)).json()) as { accounts: Record<string, { createdAt: string }> };
    expect(state.accounts[ACCOUNT_ID].createdAt).toBe('2024-01-01T00:00:00.000Z');
  });

  it('rejects bad control input with 400 and unknown routes with 404', async () => {
    expect((await fetch(`${sb.endpoint}/_sandbox/clock`, { method: 'POST', body: '{"advanceSeconds":"x"}' })).status).toBe(400);
    expect((await fetch(`${sb.endpoint}/_sandbox/nothing`)).status).toBe(404);
  });

  it('resets the world in place to a seed', async () => {
    const world = sb.world;
    await sb.control.reset('empty');
    expect(sb.world).toBe(world);
    expect(world.seed).toBe('empty');
    expect(world.accounts.has(ACCOUNT_ID)).toBe(false);
  });

  it('answers only loopback addresses', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.1.2.3'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', '::ffff:192.168.1.2', '2001:db8::1', undefined].some(isLoopback)).toBe(false);
  });
});

describe('state file', () => {
  it('saves the world on close and loads it at the next start', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-state-'));
    const stateFile = path.join(dir, 'world.bin');
    try {
      const first = await startSandbox({ world: tinyWorld(), services: services(), stateFile });
      first.world.accounts.set('222222222222', { id: '222222222222', name: 'added', email: 'a@example.com', createdAt: new Date('2025-02-03T04:05:06Z') });
      await first.control.advanceClock(60);
      await first.close();

      const second = await startSandbox({ seed: 'empty', services: services(), stateFile });
      expect(second.world.seed).toBe('core-test');
      expect(second.world.accounts.get('222222222222')?.createdAt).toEqual(new Date('2025-02-03T04:05:06Z'));
      expect(second.world.clockOffsetMs).toBe(60_000);
      await expect(new OrganizationsClient(second.clientConfig()).send(new ListRootsCommand({}))).resolves.toBeDefined();
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('shape checking', () => {
  it('fails close() when a response does not match the botocore output shape', async () => {
    const sb = await startSandbox({
      world: tinyWorld(),
      services: [standIn('iam', { ListRoles: { handler: () => ({ Roles: [{ RoleName: 'r', Colour: 'blue' }], IsTruncated: 'no' }) } })],
    });
    await new IAMClient({ ...sb.clientConfig(), maxAttempts: 1 }).send(new ListRolesCommand({})).catch(() => undefined);
    await expect(sb.close()).rejects.toThrow(/Roles\[0\]\.Colour: not a member of Role[\s\S]*Roles\[0\]\.Arn: required member[\s\S]*IsTruncated: expected a boolean/);
  });
});
