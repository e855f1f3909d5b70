// What the engine knows of the world: the kinds of change and the AWS operations plans are made of, handed over
// by the one registry outside the engine (lib/changes/registry.ts), so lib/plan imports no service folder.
import { z } from 'zod';
import type { ConsoleContext } from '../aws/identity';
import { processWide } from '../cache/process';
import type { ReadBack, RegisteredKind } from './kind';
import type { OperationSpec } from './operation-spec';
import type { StoredPlan } from './types';

interface Catalog {
  kinds: Map<string, RegisteredKind>;
  operations: Map<string, OperationSpec>;
}

const catalog = processWide<Catalog>('plan-catalog', () => ({ kinds: new Map(), operations: new Map() }));

/**
 * Called by the registry at load: every kind of change and every operation a plan may contain. The registry may be
 * evaluated more than once in a process (each Next bundle, and scripts/serve.ts for the deadline scheduler, load
 * their own copy: lib/cache/process.ts): each copy registers the same kinds again, and the latest serves everyone.
 */
export function registerChanges(kinds: RegisteredKind[], operations: Record<string, OperationSpec>): void {
  const ids = kinds.map((k) => k.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`Two kinds of change are named ${twice}.`);
  for (const kind of kinds) catalog.kinds.set(kind.id, kind);
  for (const [name, spec] of Object.entries(operations)) catalog.operations.set(name, spec);
}

const unloaded = 'the change registry (lib/changes/registry.ts) is not loaded';

export function operationSpec(operation: string): OperationSpec {
  const spec = catalog.operations.get(operation);
  if (!spec) throw new Error(`No plan operation ${operation}${catalog.operations.size ? '' : `: ${unloaded}`}.`);
  return spec;
}

export function changeKind(id: string): RegisteredKind {
  const kind = catalog.kinds.get(id);
  if (!kind) throw new Error(`No kind of change ${id}${catalog.kinds.size ? '' : `: ${unloaded}`}.`);
  return kind;
}

/** What AWS shows now for a plan that has run; undefined for a plan not yet applied. Pure: safe on every view. */
export async function readBack(plan: StoredPlan, context: ConsoleContext): Promise<ReadBack | undefined> {
  // An expired plan that ran in part (failed or cut short) still shows what it changed.
  if (!plan.startedAt || plan.status === 'running') return undefined;
  // A plan made by an earlier version of the console (another kind, or other stored facts): its steps still show what ran.
  const earlier: ReadBack = { tone: 'warning', title: 'This plan was made by an earlier version of the console: what AWS reads back cannot be shown for it.', facts: [], problems: [] };
  const kind = catalog.kinds.get(plan.kind);
  if (!kind) return earlier;
  try {
    return await kind.readBack(plan, context);
  } catch (error) {
    if (error instanceof z.ZodError) return earlier;
    throw error;
  }
}
