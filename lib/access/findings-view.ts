// The organization's findings for the pages (server only): computed from the access view's reading with the
// allowlist and acceptances as they stand, again when any of them changes (in slices; for a reading's newer paths,
// the last findings answer and the next are worked out behind them).
import type { ConsoleContext } from '../aws/identity';
import { identity } from '../cache/derived';
import { recomputed } from '../cache/recomputed';
import { runInSlices } from '../cache/slices';
import { findingSteps, type Finding } from './findings';
import { readAcceptances, readAllowlist } from './findings-store';
import { accessView, accessViewSoon, type AccessView } from './view';

export interface FindingsView {
  view: AccessView;
  findings: Finding[];
  computedMs: number;
}

const worked = recomputed<Omit<FindingsView, 'view'>, { paths: number; store: string }>();

export async function findingsOf(view: AccessView, now = Date.now()): Promise<FindingsView> {
  const [allowlist, acceptances] = await Promise.all([readAllowlist(), readAcceptances()]);
  // Acceptances expire: the minute is part of what the reading depends on.
  const store = JSON.stringify([allowlist, acceptances, Math.floor(now / 60_000)]);
  const result = await worked.get(
    { paths: identity(view.index), store },
    async () => {
      const started = performance.now();
      const findings = await runInSlices(findingSteps({ index: view.index, iam: view.iam.snapshot, allowlist, acceptances, now }));
      return { findings, computedMs: performance.now() - started };
    },
    // A new allowlist or acceptance, or the console's change to the paths, is shown at once; a reading's newer paths
    // may wait behind the last findings.
    (last) => view.behind && last.store === store,
  );
  return { ...result, view };
}

export async function findingsView(context: ConsoleContext, boundMs?: number): Promise<FindingsView> {
  return await findingsOf(boundMs === undefined ? await accessView(context) : await accessViewSoon(context, boundMs));
}
