// The organization's access paths for the pages (server only): the IAM, organization and RAM snapshots as they
// stand (never waiting for a whole read), the paths computed from them once per reading — again as a first
// read streams in more accounts (behind the last paths), or a change re-reads one.
import { waitLeft } from '../cache/snapshots';
import { derived, identity } from '../cache/derived';
import { recomputed } from '../cache/recomputed';
import { runInSlices } from '../cache/slices';
import type { ConsoleContext } from '../aws/identity';
import { getIamSnapshot, syncIamSnapshot, type IamSnapshotStatus } from '../iam/snapshot-store';
import { iamSnapshotSource } from '../iam/snapshot-source';
import { getOrganizationSnapshot } from '../organizations/cache';
import { organizationSource } from '../organizations/snapshot-source';
import type { OrganizationSnapshot } from '../organizations/types';
import { getShareSnapshot } from '../ram/snapshot';
import { shareSnapshotSource } from '../ram/snapshot-source';
import { chainsFrom, chainsInto, type Chain } from './chains';
import { explainPath, type PathExplanation } from './explain';
import { concerns } from './findings-filters';
import type { Finding } from './findings';
import { accountGraph, type AccountGraph } from './graph';
import { accessOrganization } from './organization';
import { accessPathSteps, accountPaths, type AccessIndex, type AccessPath } from './paths';

export interface AccessView {
  index: AccessIndex;
  iam: IamSnapshotStatus;
  /** Account, OU and organization ID → name. */
  names: Record<string, string>;
  computedMs: number;
  /** The paths were worked out for a reading (behind the last paths), not for a change the console made. */
  behind: boolean;
}

// The paths are worked out in slices, pages served between them; for a new reading the last paths answer until then.
const views = recomputed<Omit<AccessView, 'iam'>, { readings: string; contents: string }>();
const filling = (...snapshots: Array<{ complete: boolean } | undefined>) => snapshots.some((s) => s && !s.complete);
const idOf = (o: object | undefined) => (o ? identity(o) : 0);

/** After a change the snapshots' marks do not show (an account moved in place): the next view recomputes. */
export function forgetAccessView(): void {
  views.forget();
}

async function organizationOf(context: ConsoleContext): Promise<OrganizationSnapshot | undefined> {
  if (context.standing !== 'management' && context.standing !== 'delegated-admin') return undefined;
  return (await getOrganizationSnapshot(await organizationSource(context))).snapshot;
}

export async function accessView(context: ConsoleContext): Promise<AccessView> {
  await syncIamSnapshot(iamSnapshotSource(context));
  const iam = getIamSnapshot(iamSnapshotSource(context));
  const org = await organizationOf(context);
  const ram = getShareSnapshot(shareSnapshotSource(context)).snapshot;
  // Which readings (objects), and what they hold (a complete reading changes in place only by the console's changes).
  const readings = [idOf(iam.snapshot), idOf(org), idOf(ram)].join('|');
  const contents = [iam.snapshot.revision, org ? Object.keys(org.nodes).length : 0, Object.keys(ram.shares).length].join('|');
  const isFilling = filling(iam.snapshot, org, ram);
  const view = await views.get(
    { readings, contents },
    async (behind) => {
      const started = performance.now();
      const organization = accessOrganization(org);
      const index = await runInSlices(accessPathSteps({ iam: iam.snapshot, organization, ram }));
      const names: Record<string, string> = { ...organization.groupNames };
      for (const [id, a] of Object.entries(organization.accounts)) names[id] = a.name;
      return { index, names, computedMs: performance.now() - started, behind };
    },
    // The console's own change is shown once worked out; a reading filling in, or a new one, behind the last paths.
    (last) => isFilling || last.readings !== readings,
  );
  return { ...view, iam };
}

/** As accessView, but a first read is given up to `boundMs` to show its first accounts (a page's first paint). */
export async function accessViewSoon(context: ConsoleContext, boundMs: number): Promise<AccessView> {
  await syncIamSnapshot(iamSnapshotSource(context));
  const until = Date.now() + waitLeft(getIamSnapshot(iamSnapshotSource(context)).snapshot, boundMs);
  for (;;) {
    const { snapshot } = getIamSnapshot(iamSnapshotSource(context));
    if (snapshot.complete || Object.keys(snapshot.accounts).length > 0 || Date.now() >= until) return accessView(context);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Explanations asked for on the pages, kept while what they are made from stands: the two accounts as read (a
// re-read account is a new object), where they sit in the organization, and the SCPs and RCPs. A warm page evaluates
// nothing, nor does one while a reading fills in other accounts and the paths are worked out again every second.
const explained = new Map<string, Promise<PathExplanation>>();
const EXPLAINED_LIMIT = 20_000;

function explainInView(view: AccessView, path: AccessPath): Promise<PathExplanation> {
  const { snapshot } = view.iam;
  const placed = (accountId: string | undefined) => (accountId ? `${idOf(snapshot.accounts[accountId])}/${view.index.organization.accounts[accountId]?.parents.join('/') ?? ''}` : '');
  const key = [path.id, path.status, placed(path.source.accountId), placed(path.destinationAccount), idOf(snapshot.organizationPolicies)].join('|');
  let explanation = explained.get(key);
  if (!explanation) {
    if (explained.size >= EXPLAINED_LIMIT) explained.clear();
    explanation = explainPath(path, view.iam.snapshot, view.index.organization).catch((error: unknown) => ({ summary: `Could not be evaluated: ${(error as Error).message}` }));
    explained.set(key, explanation);
  }
  return explanation;
}

/** A path of the paths as they stand, by its ID, explained; undefined when the reading no longer has it. */
export async function explainPathById(context: ConsoleContext, pathId: string): Promise<PathExplanation | undefined> {
  const view = await accessView(context);
  const byId = derived(view.index, 'paths-by-id', () => new Map(view.index.paths.map((p, i) => [p.id, i])), Infinity);
  const i = byId.get(pathId);
  return i === undefined ? undefined : await explainInView(view, view.index.paths[i]);
}

export interface AccountAccess {
  /** Open and conditional paths first, then by source. */
  inbound: AccessPath[];
  outbound: AccessPath[];
  graph: AccountGraph;
  chainsInto: Chain[];
  chainsFrom: Chain[];
}

const byStanding = (a: AccessPath, b: AccessPath) => (a.status === 'blocked' ? 1 : 0) - (b.status === 'blocked' ? 1 : 0) || a.source.label.localeCompare(b.source.label);

/**
 * An account's page from the paths as they stand: worked out once per reading and account (the management account
 * has a path into each of 10,000 accounts to sort and draw), so 20 people on one account's page do it once.
 */
export function accountAccess(index: AccessIndex, accountId: string): AccountAccess {
  return derived(
    index,
    `account:${accountId}`,
    () => {
      const { inbound, outbound } = accountPaths(index, accountId);
      inbound.sort(byStanding);
      outbound.sort(byStanding);
      return { inbound, outbound, graph: accountGraph(accountId, inbound, outbound, index.organization), chainsInto: chainsInto(index, accountId), chainsFrom: chainsFrom(index, accountId) };
    },
    Infinity,
  );
}

/** The findings that concern an account, once per working-out of the findings and account. */
export function accountFindings(findings: Finding[], accountId: string): Finding[] {
  return derived(findings, `account:${accountId}`, () => findings.filter((f) => concerns(f, accountId)), Infinity);
}
