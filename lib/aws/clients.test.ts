// Protects member accounts' clients: they keep the endpoint settings the environment gives (FIPS, dual-stack), and a lane's clients share its connections.
import { RAMClient } from '@aws-sdk/client-ram';
import { IAMClient } from '@aws-sdk/client-iam';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getClient, resetAwsAccess } from './clients';

type Resolved = { config: { useFipsEndpoint(): Promise<boolean>; useDualstackEndpoint(): Promise<boolean>; requestHandler: { metadata?: unknown; config?: unknown } } };
const settingsOf = async (client: unknown) => {
  const { config } = client as Resolved;
  return { fips: await config.useFipsEndpoint(), dualstack: await config.useDualstackEndpoint() };
};
const agentsOf = async (client: unknown) => {
  const handler = (client as Resolved).config.requestHandler as unknown as { configProvider: Promise<{ httpsAgent: unknown }> };
  return (await handler.configProvider).httpsAgent;
};

beforeAll(() => {
  Object.assign(process.env, { CROSSING_MODE: 'sandbox', AWS_ENDPOINT_URL: 'http://127.0.0.1:9', CROSSING_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-clients-')) });
});

afterEach(() => {
  delete process.env.AWS_USE_FIPS_ENDPOINT;
  delete process.env.AWS_USE_DUALSTACK_ENDPOINT;
  resetAwsAccess();
});

describe('clients', () => {
  it("gives a member account's client the environment's endpoint settings", async () => {
    process.env.AWS_USE_FIPS_ENDPOINT = 'true';
    resetAwsAccess();
    expect(await settingsOf(getClient(RAMClient, { accountId: '200000000001', region: 'us-east-1' }))).toEqual({ fips: true, dualstack: false });
    delete process.env.AWS_USE_FIPS_ENDPOINT;
    process.env.AWS_USE_DUALSTACK_ENDPOINT = 'true';
    resetAwsAccess();
    expect(await settingsOf(getClient(RAMClient, { accountId: '200000000002', region: 'us-east-1' }))).toEqual({ fips: false, dualstack: true });
  });

  it("shares a lane's connections between accounts and services, not between lanes", async () => {
    const a = await agentsOf(getClient(RAMClient, { accountId: '200000000001', region: 'us-east-1' }));
    expect(await agentsOf(getClient(IAMClient, { accountId: '200000000002', region: 'eu-west-1' }))).toBe(a);
    expect(await agentsOf(getClient(RAMClient, { accountId: '200000000001', region: 'us-east-1', lane: 'changes' }))).not.toBe(a);
  });
});
