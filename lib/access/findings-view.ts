// The organization's findings for the pages (server only): computed from the access view's reading with the
// allowlist and acceptances as they stand, again when any of them changes.
import type { ConsoleContext } from '../aws/identity';
import { computeFindings, type Finding } from './findings';
import { readAcceptances, readAllowlist } from './findings-store';
import { accessView, accessViewSoon, type AccessView } from './view';

export interface FindingsView {
  view: AccessView;
  findings: Finding[];
  computedMs: number;
}

let last: { index: object; store: string; view: FindingsView } | undefined;

export async function findingsOf(view: AccessView, now = Date.now()): Promise<FindingsView> {
  const [allowlist, acceptances] = await Promise.all([readAllowlist(), readAcceptances()]);
  // Acceptances expire: the minute is part of what the reading depends on.
  const store = JSON.stringify([allowlist, acceptances, Math.floor(now / 60_000)]);
  if (last && last.index === view.index && last.store === store) return { ...last.view, view };
  const started = performance.now();
  const findings = computeFindings({ index: view.index, iam: view.iam.snapshot, allowlist, acceptances, now });
  const result = { view, findings, computedMs: performance.now() - started };
  last = { index: view.index, store, view: result };
  return result;
}

export async function findingsView(context: ConsoleContext, boundMs?: number): Promise<FindingsView> {
  return await findingsOf(boundMs === undefined ? await accessView(context) : await accessViewSoon(context, boundMs));
}
