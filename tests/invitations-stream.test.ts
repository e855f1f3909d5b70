// Protects: on a throttled sandbox (RAM paced per account, as AWS does), the inbox's first invitations are in the
// snapshot a page reads before the organization's reading completes, with its progress (accounts done / to do).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '../sandbox/testing';
import { resetAwsAccess } from '../lib/aws/clients';
import { getConsoleContext } from '../lib/aws/identity';
import { completeInvitationsSnapshot, getInvitationsSnapshot } from '../lib/ram/invitations';
import { invitationsSource } from '../lib/ram/invitations-source';
import { useConsoleEnv } from './support/console-env';

let sb: TestSandbox;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo', throttle: { ram: { rate: 20, burst: 2 } } });
  useConsoleEnv(sb, 'crossing-invitations-stream-');
  process.env.CROSSING_REGIONS = 'us-east-1,eu-west-1';
  resetAwsAccess();
});

afterAll(async () => {
  await sb?.close();
});

it('shows the first invitations while the rest of the organization is still being read', async () => {
  // One account at a time, so the read takes a while.
  const source = { ...invitationsSource(await getConsoleContext({ region: 'us-east-1' })), concurrency: 1 };
  let status = await getInvitationsSnapshot(source);
  while (Object.keys(status.snapshot.items).length === 0) {
    expect(status.snapshot.complete).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = await getInvitationsSnapshot(source);
  }
  expect(status.snapshot.complete).toBe(false);
  expect(status.refreshing).toBe(true);
  expect(status.progress!.done).toBeLessThan(status.progress!.total);
  const firstShown = Object.keys(status.snapshot.items).length;
  const complete = await completeInvitationsSnapshot(source);
  expect(Object.keys(complete.items).length).toBeGreaterThan(firstShown);
}, 120_000);
