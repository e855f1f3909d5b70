// Protects: the access paths and findings worked out without holding pages back — long work gives the event loop
// back while it runs, one working-out at a time, the last value answering while a reading fills in, never after one
// that is complete has changed.
import { setTimeout as sleep, setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { recomputed } from './recomputed';
import { runInSlices, runSteps, sortedSteps, type Steps } from './slices';

/** Steps that take about `ms` of one core, counting them. */
function* busy(ms: number, total = { steps: 0 }): Steps<number> {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    total.steps++;
    yield;
  }
  return total.steps;
}

/** A working-out the test finishes by hand, and whether each was told it runs behind the last value. */
function computations() {
  const started: Array<(value: string) => void> = [];
  const behind: boolean[] = [];
  return {
    started,
    behind,
    compute: (isBehind: boolean) => {
      behind.push(isBehind);
      return new Promise<string>((resolve) => started.push(resolve));
    },
  };
}

describe('work in slices', () => {
  it('serves what waits on the event loop while it runs, and ends with the same value as run at once', async () => {
    let served = 0;
    const serving = setInterval(() => served++, 1);
    const value = await runInSlices(busy(200), 10);
    clearInterval(serving);
    expect(served).toBeGreaterThan(5);
    expect(value).toBeGreaterThan(0);
    expect(runSteps(busy(5))).toBeGreaterThan(0);
  });

  it('sorts as Array.prototype.sort does, ties in their order', () => {
    const items = Array.from({ length: 5_000 }, (_, i) => ({ key: (i * 7919) % 613, at: i }));
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    expect(runSteps(sortedSteps(items, byKey))).toEqual([...items].sort(byKey));
    expect(runSteps(sortedSteps([], byKey))).toEqual([]);
  });
});

describe('a value worked out again when its readings change', () => {
  it('is kept for its mark; a complete reading that changed is waited for, and concurrent views share one working-out', async () => {
    const { started, compute } = computations();
    const values = recomputed<string, { reading: string }>();
    const complete = () => false;
    const first = values.get({ reading: 'a' }, compute, complete);
    await nextTurn();
    started[0]('for a');
    expect(await first).toBe('for a');
    expect(await values.get({ reading: 'a' }, compute, complete)).toBe('for a');
    expect(started).toHaveLength(1);

    const views = [values.get({ reading: 'b' }, compute, complete), values.get({ reading: 'b' }, compute, complete)];
    await nextTurn();
    expect(started).toHaveLength(2);
    started[1]('for b');
    expect(await Promise.all(views)).toEqual(['for b', 'for b']);
  });

  it('answers with the last value while a reading fills in, and with the new one once it is worked out', async () => {
    const { started, behind, compute } = computations();
    const values = recomputed<string, { reading: string }>();
    const first = values.get({ reading: 'a' }, compute, () => true);
    await nextTurn();
    started[0]('for a');
    await first;
    await sleep(1_050);
    const before = performance.now();
    const lastMarks: Array<{ reading: string }> = [];
    expect(await values.get({ reading: 'b' }, compute, (lastMark) => (lastMarks.push(lastMark), true))).toBe('for a');
    expect(lastMarks).toEqual([{ reading: 'a' }]);
    expect(behind).toEqual([false, true]);
    expect(performance.now() - before).toBeLessThan(500);
    expect(started).toHaveLength(2);
    started[1]('for b');
    await nextTurn();
    expect(await values.get({ reading: 'b' }, compute, () => true)).toBe('for b');
  });

  it('shows a small working-out done within the wait rather than the last value', async () => {
    const values = recomputed<string, { reading: string }>();
    await values.get({ reading: 'a' }, async () => 'for a', () => true);
    await sleep(1_050);
    expect(await values.get({ reading: 'b' }, async () => 'for b', () => true)).toBe('for b');
  });

  it('works the value out again after forget, and a failure reaches whoever waits for it', async () => {
    const values = recomputed<string, { reading: string }>();
    let computed = 0;
    const compute = async () => `value ${++computed}`;
    await values.get({ reading: 'a' }, compute, () => false);
    values.forget();
    expect(await values.get({ reading: 'a' }, compute, () => false)).toBe('value 2');
    await expect(values.get({ reading: 'c' }, () => Promise.reject(new Error('refused')), () => false)).rejects.toThrow('refused');
    expect(await values.get({ reading: 'c' }, compute, () => false)).toBe('value 3');
  });
});
