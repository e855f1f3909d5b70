// Protects: reading across many accounts and Regions stays within its bounds (overall and per account), keeps
// going past a failing account, reports that account with the reason instead of dropping it, and starts on the
// first accounts of an organization still being listed.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { fanOut, type FanOutTarget } from './fan-out';

const targets: FanOutTarget[] = ['111111111111', '222222222222', '333333333333'].flatMap((accountId) =>
  ['us-east-1', 'eu-west-1', 'ap-south-1'].map((region) => ({ accountId, region })),
);

describe('fanOut', () => {
  it('reads every target with at most N in flight overall and M per account', async () => {
    let now = 0;
    let max = 0;
    const perAccount = new Map<string, number>();
    let maxPerAccount = 0;
    const seen: string[] = [];
    const results = await fanOut(
      targets,
      async (t) => {
        now++;
        perAccount.set(t.accountId, (perAccount.get(t.accountId) ?? 0) + 1);
        max = Math.max(max, now);
        maxPerAccount = Math.max(maxPerAccount, perAccount.get(t.accountId)!);
        await sleep(5);
        now--;
        perAccount.set(t.accountId, perAccount.get(t.accountId)! - 1);
        return `${t.accountId}/${t.region}`;
      },
      { operation: 'ram:GetResourceShares', concurrency: 4, perAccount: 1, onResult: (r) => seen.push(`${r.accountId}/${r.region}`) },
    );
    expect(results).toHaveLength(9);
    expect(seen).toHaveLength(9);
    expect(max).toBeLessThanOrEqual(3);
    expect(maxPerAccount).toBe(1);
  });

  it('reports an unreachable account with the reason and reads the others', async () => {
    const denied = Object.assign(new Error('not authorized to perform sts:AssumeRole'), { name: 'AccessDenied' });
    const results = await fanOut(targets, async (t) => (t.accountId === '222222222222' ? Promise.reject(denied) : 'ok'), { operation: 'ram:GetResourceShares' });
    const failed = results.filter((r) => !r.ok);
    expect(failed).toHaveLength(3);
    expect(failed.every((r) => r.accountId === '222222222222')).toBe(true);
    expect(failed[0]).toMatchObject({ ok: false, error: expect.stringContaining("The console's identity lacks ram:GetResourceShares in 222222222222") });
    expect(results.filter((r) => r.ok)).toHaveLength(6);
  });

  it('reads the first batch while the next ones are still coming, and ends after the last', async () => {
    let listed = 0;
    const listedWhenRead: number[] = [];
    async function* batches() {
      for (let i = 0; i < targets.length; i += 3) {
        listed = i + 3;
        yield targets.slice(i, i + 3);
        await sleep(20);
      }
    }
    const results = await fanOut(
      batches(),
      async () => {
        listedWhenRead.push(listed);
        return 'ok';
      },
      { operation: 'ram:GetResourceShareInvitations' },
    );
    expect(listedWhenRead[0]).toBe(3);
    expect(results).toHaveLength(targets.length);
    expect(new Set(results.map((r) => `${r.accountId}/${r.region}`)).size).toBe(targets.length);
  });

  it('fails with the listing when the accounts cannot be listed', async () => {
    async function* failing(): AsyncGenerator<FanOutTarget[]> {
      yield targets.slice(0, 1);
      throw new Error('organizations:ListAccountsForParent refused');
    }
    await expect(fanOut(failing(), async () => 'ok', { operation: 'ram:GetResourceShareInvitations' })).rejects.toThrow('ListAccountsForParent refused');
  });
});
