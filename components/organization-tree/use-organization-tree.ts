'use client';
// Client state of a lazily loaded organization tree: the nodes seen so far, loaded children per
// parent, the expanded set. Opening a node whose children are not here yet asks the server for them.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OrgNodeView } from '@/lib/organizations/types';
import type { InitialTree, OrganizationActions } from './types';

export interface OrganizationTreeState {
  rootId: string;
  nodes: Record<string, OrgNodeView>;
  children: Record<string, string[] | undefined>;
  expanded: ReadonlySet<string>;
  /** Parents whose children are being fetched. */
  loading: ReadonlySet<string>;
  error?: string;
  expand(ids: string[]): Promise<void>;
  collapse(id: string): void;
  /** Loads and opens every ancestor of the node so it has a row. */
  reveal(node: OrgNodeView): Promise<void>;
  /** Fetches again every parent loaded so far (after a refresh). */
  reload(): Promise<void>;
}

function indexChildren(initial: InitialTree) {
  const nodes: Record<string, OrgNodeView> = { [initial.root.id]: initial.root };
  const children: Record<string, string[]> = {};
  for (const [parentId, views] of Object.entries(initial.children)) {
    children[parentId] = views.map((v) => v.id);
    for (const v of views) nodes[v.id] = v;
  }
  return { nodes, children };
}

export function useOrganizationTree(initial: InitialTree, loadChildren: OrganizationActions['loadChildren']): OrganizationTreeState {
  const first = useMemo(() => indexChildren(initial), [initial]);
  const [nodes, setNodes] = useState(first.nodes);
  const [children, setChildren] = useState<Record<string, string[] | undefined>>(first.children);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set([initial.root.id]));
  const [loading, setLoading] = useState<ReadonlySet<string>>(() => new Set());
  const [error, setError] = useState<string>();
  // Async callbacks read the latest loaded set, not the one of the render that created them.
  const loaded = useRef(children);
  useEffect(() => {
    loaded.current = children;
  }, [children]);
  const inFlight = useRef(new Map<string, Promise<void>>());

  const fetchChildren = useCallback(
    async (parentIds: string[], force = false) => {
      const waits: Promise<void>[] = [];
      const missing: string[] = [];
      for (const id of parentIds) {
        const pending = inFlight.current.get(id);
        if (pending) waits.push(pending);
        else if (force || !loaded.current[id]) missing.push(id);
      }
      if (missing.length > 0) {
        setLoading((s) => new Set([...s, ...missing]));
        const request = (async () => {
          const result = await loadChildren(missing).catch((e: unknown) => ({ ok: false as const, error: String((e as Error)?.message ?? e) }));
          setLoading((s) => new Set([...s].filter((id) => !missing.includes(id))));
          if (!result.ok) {
            setError(result.error);
            return;
          }
          setError(undefined);
          const views = result.data;
          setNodes((prev) => {
            const next = { ...prev };
            for (const list of Object.values(views)) for (const v of list) next[v.id] = v;
            return next;
          });
          setChildren((prev) => {
            const next = { ...prev };
            for (const [parentId, list] of Object.entries(views)) next[parentId] = list.map((v) => v.id);
            loaded.current = next;
            return next;
          });
        })();
        for (const id of missing) inFlight.current.set(id, request);
        void request.finally(() => missing.forEach((id) => inFlight.current.get(id) === request && inFlight.current.delete(id)));
        waits.push(request);
      }
      await Promise.all(waits);
    },
    [loadChildren],
  );

  const expand = useCallback(
    async (ids: string[]) => {
      setExpanded((s) => new Set([...s, ...ids]));
      await fetchChildren(ids);
    },
    [fetchChildren],
  );

  const collapse = useCallback((id: string) => {
    setExpanded((s) => {
      const next = new Set(s);
      next.delete(id);
      return next;
    });
  }, []);

  const reveal = useCallback(
    async (node: OrgNodeView) => {
      setNodes((prev) => ({ ...prev, [node.id]: prev[node.id] ?? node }));
      await expand(node.pathIds);
    },
    [expand],
  );

  const reload = useCallback(async () => {
    await fetchChildren(Object.keys(loaded.current), true);
  }, [fetchChildren]);

  return { rootId: initial.root.id, nodes, children, expanded, loading, error, expand, collapse, reveal, reload };
}
