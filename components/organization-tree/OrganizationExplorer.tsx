'use client';
// The /organization page's client part: snapshot age and Refresh, search, the tree and the details panel.
import { useCallback, useEffect, useState } from 'react';
import type { OrgNodeView } from '@/lib/organizations/types';
import { DetailsPanel } from './DetailsPanel';
import { OrganizationTree } from './OrganizationTree';
import { SearchBox } from './SearchBox';
import type { InitialTree, OrganizationActions, SnapshotInfo } from './types';
import { useOrganizationTree } from './use-organization-tree';

export interface OrganizationExplorerProps {
  initial: InitialTree;
  info: SnapshotInfo;
  actions: OrganizationActions;
  policyHrefBase: string;
}

const POLL_MS = 2_000;

export function OrganizationExplorer({ initial, info: initialInfo, actions, policyHrefBase }: OrganizationExplorerProps) {
  const tree = useOrganizationTree(initial, actions.loadChildren);
  const [activeId, setActiveId] = useState(initial.root.id);
  const [selected, setSelected] = useState<OrgNodeView>();
  const [info, setInfo] = useState(initialInfo);
  const [notice, setNotice] = useState<string>();
  const { reload } = tree;

  // While a crawl runs, poll its status; when a newer snapshot lands, fetch the open parents again.
  useEffect(() => {
    if (!info.refreshing) return;
    const timer = setTimeout(async () => {
      const r = await actions.status().catch(() => undefined);
      if (!r?.ok) return setInfo((i) => ({ ...i }));
      if (r.data.fetchedAt !== info.fetchedAt || r.data.complete !== info.complete) await reload();
      setInfo(r.data);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [info, actions, reload]);

  const refresh = async () => {
    setNotice(undefined);
    const r = await actions.refresh();
    if (r.ok) setInfo(r.data);
    else setNotice(r.error);
  };

  const jumpTo = useCallback(
    async (node: OrgNodeView) => {
      await tree.reveal(node);
      setActiveId(node.id);
      setSelected(node);
      document.getElementById('organization-tree-anchor')?.querySelector<HTMLElement>('[role="tree"]')?.focus({ preventScroll: true });
    },
    [tree],
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <span data-testid="snapshot-age">
          Snapshot from <Age fetchedAt={info.fetchedAt} />
          {info.refreshing && (info.complete ? ' — refreshing…' : ` — loading the organization (${info.nodeCount} nodes so far)…`)}
        </span>
        <button
          type="button"
          onClick={refresh}
          disabled={info.refreshing}
          className="rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50"
        >
          Refresh
        </button>
        {(notice || info.lastError) && (
          <span role="alert" className="text-red-700">
            {notice ?? `The last refresh failed: ${info.lastError}`}
          </span>
        )}
      </div>
      <SearchBox search={actions.search} onChoose={jumpTo} />
      {tree.error && (
        <p role="alert" className="text-sm text-red-700">
          {tree.error}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div id="organization-tree-anchor">
          <OrganizationTree
            tree={tree}
            label="Organization"
            activeId={activeId}
            onActiveChange={setActiveId}
            selectedId={selected?.id}
            onSelect={setSelected}
          />
        </div>
        <DetailsPanel node={selected && (tree.nodes[selected.id] ?? selected)} loadPolicies={actions.loadPolicies} policyHrefBase={policyHrefBase} />
      </div>
    </div>
  );
}

function Age({ fetchedAt }: { fetchedAt: number }) {
  const [now, setNow] = useState(fetchedAt);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 15_000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [fetchedAt]);
  const seconds = Math.max(0, Math.round((now - fetchedAt) / 1000));
  const text = seconds < 60 ? 'just now' : seconds < 3600 ? `${Math.floor(seconds / 60)} min ago` : `${Math.floor(seconds / 3600)} h ago`;
  return <time dateTime={new Date(fetchedAt).toISOString()} title={new Date(fetchedAt).toISOString()}>{text}</time>;
}
