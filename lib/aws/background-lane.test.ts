// Protects the pages' share of the console: while pages are being served, a background read's calls in member accounts wait their turn, and a page's calls never wait behind them.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/testing';
import { DEMO } from '../../sandbox/seeds/demo-ids';
import { pointAtSandbox } from '../../tests/support/organization-sandbox';
import { inBackground } from '../cache/background-work';
import { pageServed } from './background';
import { getClient } from './clients';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'demo' });
  pointAtSandbox(sb.endpoint, sb.consoleCredentials);
});

afterAll(() => sb.close());

const CALLS = 10;
const whoAmI = (accountId: string) => getClient(STSClient, { accountId }).send(new GetCallerIdentityCommand({}));
const member = DEMO.memberAccountIds.find((id) => id !== DEMO.managementAccountId)!;

/** Ms from now until each of `calls` answered. */
async function answeredAfter(calls: (() => Promise<unknown>)[]): Promise<number[]> {
  const t0 = performance.now();
  return Promise.all(calls.map((call) => call().then(() => performance.now() - t0)));
}

describe("a background read's calls while pages are being served", () => {
  it("wait their turn, to start and to be parsed; a page's calls go at once", async () => {
    // Connections and the SDK's first-call setup made ahead, so that only the turns are measured.
    await Promise.all([whoAmI(member), inBackground(() => whoAmI(member))]);
    pageServed();
    const [background, page] = await Promise.all([
      answeredAfter(Array.from({ length: CALLS }, () => () => inBackground(() => whoAmI(member)))),
      answeredAfter(Array.from({ length: CALLS }, () => () => whoAmI(member))),
    ]);
    // One turn every 10 ms at most, two turns a call.
    expect(Math.max(...background)).toBeGreaterThan(2 * CALLS * 10 * 0.8);
    expect(Math.max(...page)).toBeLessThan(Math.max(...background));
  });
});
