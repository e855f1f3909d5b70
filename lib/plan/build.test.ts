// Protects: a plan whose steps refer to later steps, or to malformed accounts, is refused before it is stored,
// and a step's input gets the exact values earlier steps returned.
import { describe, expect, it } from 'vitest';
import { checkPlan, clientTokenFor, outputOf, PlanError, resolveInput } from './build';
import { threeStepSharePlan } from '../../tests/support/plans';

const plan = threeStepSharePlan({ share: 's', first: 'arn:a', second: 'arn:b', principal: '100000000003', extraPrincipal: '100000000004' });

describe('plan building', () => {
  it('accepts references to earlier steps', () => {
    expect(checkPlan(plan)).toBe(plan);
  });

  it('refuses a reference to the same or a later step, a bad account, an empty plan', () => {
    const forward = { ...plan, steps: [{ ...plan.steps[0], input: { name: outputOf(0, 'x', 'X') } }] };
    expect(() => checkPlan(forward)).toThrow(new PlanError('Step 1 refers to step 1, which does not come before it.'));
    expect(() => checkPlan({ ...plan, steps: [{ ...plan.steps[0], accountId: '123' }] })).toThrow(/account "123" is not 12 digits/);
    expect(() => checkPlan({ ...plan, steps: [] })).toThrow(/at least one step/);
    expect(() => checkPlan({ ...plan, steps: [{ ...plan.steps[0], operation: 'CreateResourceShare' }] })).toThrow(/not service:Operation/);
  });

  it('resolves references from outputs, deep in lists and objects, and says which output is missing', () => {
    const outputs = [{ resourceShare: { resourceShareArn: 'arn:aws:ram:us-east-1:100000000002:resource-share/1' } }];
    expect(resolveInput({ list: [outputOf(0, 'resourceShare.resourceShareArn', 'A')], n: 1 }, outputs)).toEqual({
      list: ['arn:aws:ram:us-east-1:100000000002:resource-share/1'],
      n: 1,
    });
    expect(() => resolveInput(outputOf(0, 'resourceShare.name', 'A'), outputs)).toThrow('Step 1 returned no resourceShare.name.');
  });

  it('derives one stable client token per plan and step', () => {
    expect(clientTokenFor('p-1', 0)).toBe(clientTokenFor('p-1', 0));
    expect(clientTokenFor('p-1', 0)).not.toBe(clientTokenFor('p-1', 1));
    expect(clientTokenFor('p-1', 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
