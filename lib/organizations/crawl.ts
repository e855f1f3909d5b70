// Builds an organization snapshot with the fewest calls the API allows: per parent one chain of
// ListOrganizationalUnitsForParent and one of ListAccountsForParent at MaxResults 20 (never
// ListParents per account), breadth first so the root level is there first, at most `concurrency`
// calls in flight, throttling absorbed by the SDK's retry (lib/aws/clients.ts) and adaptive pacing (pacer.ts).
import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { AdaptivePacer } from './pacer';
import type { OrganizationSnapshot } from './types';

/** The page-size limit of Organizations' list operations. */
export const MAX_PAGE_SIZE = 20;

export interface CrawlOptions {
  /** What the snapshot is of; stored in it so a cache for another organization is not reused. */
  key?: string;
  /** Calls in flight at most; default 4. */
  concurrency?: number;
  /** After each parent's children are all listed (the root's first). */
  onParentLoaded?: (parentId: string, snapshot: OrganizationSnapshot) => void;
  signal?: AbortSignal;
  /** Clock for the snapshot's fetchedAt; default Date.now. */
  now?: () => number;
}

export interface OrganizationCrawl {
  /** The snapshot as it grows; complete once `done` resolves. */
  readonly snapshot: OrganizationSnapshot;
  /** Resolves when the root's children are listed: enough to paint the first level. */
  readonly firstLevel: Promise<OrganizationSnapshot>;
  readonly done: Promise<OrganizationSnapshot>;
  /** Lists this parent's children next (an admin opened it); resolves once they are in the snapshot. */
  prioritize(parentId: string): Promise<void>;
}

type ListingKind = 'ous' | 'accounts';

interface Listing {
  parentId: string;
  kind: ListingKind;
  nextToken?: string;
}

interface ParentProgress {
  ous: string[];
  accounts: string[];
  pending: number;
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

export function startOrganizationCrawl(client: OrganizationsClient, options: CrawlOptions = {}): OrganizationCrawl {
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const snapshot: OrganizationSnapshot = {
    key: options.key ?? '',
    organization: { id: '', arn: '', featureSet: '', managementAccountId: '' },
    rootId: '',
    nodes: {},
    complete: false,
    fetchedAt: (options.now ?? Date.now)(),
    calls: 0,
    throttled: 0,
  };
  const queue: Listing[] = [];
  const progress = new Map<string, ParentProgress>();
  let running = 0;
  let failure: unknown;
  let settle!: { resolve: (s: OrganizationSnapshot) => void; reject: (e: unknown) => void };
  const done = new Promise<OrganizationSnapshot>((resolve, reject) => (settle = { resolve, reject }));
  let firstLevelSettle!: { resolve: (s: OrganizationSnapshot) => void; reject: (e: unknown) => void };
  const firstLevel = new Promise<OrganizationSnapshot>((resolve, reject) => (firstLevelSettle = { resolve, reject }));
  // Callers may only await `done`; keep an unobserved rejection from crashing the process.
  done.catch(() => {});
  firstLevel.catch(() => {});

  const httpOptions = { abortSignal: options.signal };
  const pacer = new AdaptivePacer();
  const send = async <T extends { $metadata: { attempts?: number } }>(call: () => Promise<T>): Promise<T> => {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('Organization crawl aborted');
    const sentAt = await pacer.wait();
    const output = await call();
    // The SDK's retry is the only one; it reports the attempts it took, each one before the last refused
    // (TooManyRequestsException, on Organizations). A call refused past its attempts rejects and ends
    // the crawl, so only answers have anything to teach the pacer.
    const { attempts = 1 } = output.$metadata;
    pacer.onAnswer(sentAt, attempts);
    snapshot.throttled += attempts - 1;
    snapshot.calls++;
    return output;
  };

  const fail = (error: unknown) => {
    if (failure !== undefined) return;
    failure = error;
    queue.length = 0;
    for (const p of progress.values()) for (const w of p.waiters.splice(0)) w.reject(error);
    firstLevelSettle.reject(error);
    settle.reject(error);
  };

  const enqueueParent = (parentId: string) => {
    progress.set(parentId, { ous: [], accounts: [], pending: 2, waiters: [] });
    queue.push({ parentId, kind: 'ous' }, { parentId, kind: 'accounts' });
  };

  const finishParent = (parentId: string, p: ParentProgress) => {
    const parent = snapshot.nodes[parentId];
    parent.childIds = [...p.ous, ...p.accounts];
    parent.ouCount = p.ous.length;
    parent.accountCount = p.accounts.length;
    parent.childrenLoaded = true;
    for (const ouId of p.ous) enqueueParent(ouId);
    progress.delete(parentId);
    for (const w of p.waiters) w.resolve();
    if (parentId === snapshot.rootId) firstLevelSettle.resolve(snapshot);
    options.onParentLoaded?.(parentId, snapshot);
  };

  const listPage = async (listing: Listing) => {
    const parent = snapshot.nodes[listing.parentId];
    const p = progress.get(listing.parentId)!;
    const input = { ParentId: listing.parentId, MaxResults: MAX_PAGE_SIZE, NextToken: listing.nextToken };
    let nextToken: string | undefined;
    if (listing.kind === 'ous') {
      const out = await send(() => client.send(new ListOrganizationalUnitsForParentCommand(input), httpOptions));
      for (const ou of out.OrganizationalUnits ?? []) {
        snapshot.nodes[ou.Id!] = {
          id: ou.Id!,
          type: 'ORGANIZATIONAL_UNIT',
          name: ou.Name ?? ou.Id!,
          arn: ou.Arn ?? '',
          parentId: parent.id,
          depth: parent.depth + 1,
          childrenLoaded: false,
        };
        p.ous.push(ou.Id!);
      }
      nextToken = out.NextToken;
    } else {
      const out = await send(() => client.send(new ListAccountsForParentCommand(input), httpOptions));
      for (const a of out.Accounts ?? []) {
        snapshot.nodes[a.Id!] = {
          id: a.Id!,
          type: 'ACCOUNT',
          name: a.Name ?? a.Id!,
          arn: a.Arn ?? '',
          parentId: parent.id,
          depth: parent.depth + 1,
          email: a.Email,
          status: a.Status,
          joinedMethod: a.JoinedMethod,
          joinedTimestamp: a.JoinedTimestamp?.toISOString(),
        };
        p.accounts.push(a.Id!);
      }
      nextToken = out.NextToken;
    }
    // A page may be empty while NextToken is set: only a missing token ends the listing.
    if (nextToken) return { ...listing, nextToken };
    if (--p.pending === 0) finishParent(listing.parentId, p);
    return undefined;
  };

  const pump = () => {
    if (failure !== undefined) return;
    while (running < concurrency && queue.length > 0) {
      const listing = queue.shift()!;
      running++;
      void (async () => {
        let current: Listing | undefined = listing;
        try {
          // One chain keeps its slot across pages: its next page cannot start before this one answers.
          while (current && failure === undefined) current = await listPage(current);
        } catch (error) {
          fail(error);
        } finally {
          running--;
        }
        if (running === 0 && queue.length === 0 && failure === undefined) {
          snapshot.complete = true;
          settle.resolve(snapshot);
        } else pump();
      })();
    }
  };

  void (async () => {
    try {
      const [org, roots] = await Promise.all([
        send(() => client.send(new DescribeOrganizationCommand({}), httpOptions)),
        send(() => client.send(new ListRootsCommand({}), httpOptions)),
      ]);
      const o = org.Organization ?? {};
      snapshot.organization = {
        id: o.Id ?? '',
        arn: o.Arn ?? '',
        featureSet: o.FeatureSet ?? '',
        managementAccountId: o.MasterAccountId ?? '',
        managementAccountEmail: o.MasterAccountEmail,
      };
      const root = roots.Roots?.[0];
      if (!root?.Id) throw new Error('ListRoots returned no root');
      snapshot.rootId = root.Id;
      snapshot.nodes[root.Id] = { id: root.Id, type: 'ROOT', name: root.Name ?? 'Root', arn: root.Arn ?? '', depth: 0, childrenLoaded: false };
      enqueueParent(root.Id);
      pump();
    } catch (error) {
      fail(error);
    }
  })();

  return {
    snapshot,
    firstLevel,
    done,
    prioritize(parentId) {
      if (failure !== undefined) return Promise.reject(failure);
      const p = progress.get(parentId);
      if (!p) {
        return snapshot.nodes[parentId]?.childrenLoaded
          ? Promise.resolve()
          : // Not discovered yet: it is under a parent still being listed; the crawl reaches it.
            done.then(() => undefined);
      }
      const mine = queue.filter((l) => l.parentId === parentId);
      if (mine.length > 0) {
        for (let i = queue.length - 1; i >= 0; i--) if (queue[i].parentId === parentId) queue.splice(i, 1);
        queue.unshift(...mine);
      }
      return new Promise<void>((resolve, reject) => p.waiters.push({ resolve, reject }));
    },
  };
}

/** The whole snapshot in one go. */
export function crawlOrganization(client: OrganizationsClient, options: CrawlOptions = {}): Promise<OrganizationSnapshot> {
  return startOrganizationCrawl(client, options).done;
}

/** The fewest calls a complete crawl of this snapshot can make (page-size limit 20, two fixed calls). */
export function minimumCrawlCalls(snapshot: Pick<OrganizationSnapshot, 'nodes'>): number {
  let calls = 2; // DescribeOrganization, ListRoots
  for (const node of Object.values(snapshot.nodes)) {
    if (node.type === 'ACCOUNT') continue;
    calls += Math.max(1, Math.ceil((node.ouCount ?? 0) / MAX_PAGE_SIZE));
    calls += Math.max(1, Math.ceil((node.accountCount ?? 0) / MAX_PAGE_SIZE));
  }
  return calls;
}
