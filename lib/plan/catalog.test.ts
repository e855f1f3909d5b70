// Protects how the engine meets the kinds it was handed: a stored plan of a kind it does not know, or with facts an
// earlier version stored, still opens (its read-back says why it cannot be shown), a plan not yet run has none, and
// an operation nobody registered is named in the error; one id names one kind, while another copy of the registry
// (another bundle's) may register the same kinds again.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ConsoleContext } from '../aws/identity';
import { changeKind, operationSpec, readBack, registerChanges } from './catalog';
import { defineKind } from './kind';
import type { StoredPlan } from './types';

const kind = defineKind({
  id: 'test:catalog',
  input: z.object({}),
  context: z.object({ name: z.string() }),
  build: () => ({ title: 't', steps: [], context: { name: 'n' } }),
  readBack: async (plan) => ({ tone: 'success', title: `read ${plan.context.name}`, facts: [], problems: [] }),
});
registerChanges([kind], {});

const context = {} as ConsoleContext;
const plan = (over: Partial<StoredPlan>): StoredPlan => ({
  id: 'p-00000000000000000000',
  kind: kind.id,
  title: 't',
  steps: [],
  context: { name: 'n' },
  createdBy: 'a',
  createdByViewer: false,
  createdAt: '',
  expiresAt: '',
  startedAt: '2026-01-01T00:00:00.000Z',
  status: 'succeeded',
  stepStates: [],
  ...over,
});

describe('the catalog', () => {
  it("reads back a finished plan through its kind, with the context the kind's schema parses", async () => {
    expect(await readBack(plan({}), context)).toMatchObject({ tone: 'success', title: 'read n' });
    expect(await readBack(plan({ status: 'ready', startedAt: undefined }), context)).toBeUndefined();
  });

  it('opens a plan of an unknown kind, or with facts of an earlier version, saying its read-back cannot be shown', async () => {
    const earlier = { tone: 'warning', title: expect.stringMatching(/earlier version of the console/) };
    expect(await readBack(plan({ kind: 'test:gone' }), context)).toMatchObject(earlier);
    expect(await readBack(plan({ context: { name: 3 } }), context)).toMatchObject(earlier);
  });

  it('names an operation nobody registered', () => {
    expect(() => operationSpec('ram:NoSuchOperation')).toThrow('No plan operation ram:NoSuchOperation');
  });

  it('refuses two kinds under one id', () => {
    const twin = defineKind({ id: kind.id, input: z.object({}), context: z.object({}), build: () => ({ title: '', steps: [], context: {} }), readBack: kind.readBack });
    expect(() => registerChanges([kind, twin], {})).toThrow('Two kinds of change are named test:catalog.');
  });

  it("takes another copy of the registry (another bundle's) registering the same kinds again", () => {
    const copy = defineKind({ id: kind.id, input: z.object({}), context: z.object({}), build: () => ({ title: '', steps: [], context: {} }), readBack: kind.readBack });
    expect(() => registerChanges([copy], {})).not.toThrow();
    expect(changeKind(kind.id)).toBe(copy);
    registerChanges([kind], {});
  });
});
