'use client';
// The WAI-ARIA tree view over the organization, virtualized: only the rows in view (plus a few)
// are in the DOM, so a fully opened 10,000-account organization scrolls smoothly. Focus stays on
// the tree element and aria-activedescendant names the active row, which the virtualizer keeps
// rendered by scrolling to it.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { OrgNodeView } from '@/lib/organizations/types';
import { typeAheadIndex, visibleRows, type TreeRow } from '@/lib/organizations/tree-rows';
import type { OrganizationTreeState } from './use-organization-tree';

export interface OrganizationTreeProps {
  tree: OrganizationTreeState;
  /** Accessible name of the tree. */
  label: string;
  /** The row keyboard navigation is on. */
  activeId: string;
  onActiveChange(id: string): void;
  /** Browse mode: the node whose details are shown (Enter or click). */
  selectedId?: string;
  onSelect?(node: OrgNodeView): void;
  /**
   * Picker mode (principal picker): a checkbox per row that `isSelectable` allows; Space or a click
   * toggles it; the tree is aria-multiselectable and rows carry aria-checked. The descendants of a
   * checked node show as included (checked, not toggleable on their own).
   */
  selectable?: boolean;
  selected?: ReadonlySet<string>;
  onSelectionChange?(next: Set<string>): void;
  isSelectable?(node: OrgNodeView): boolean;
  /** Height of the scrolling area in px. */
  height?: number;
}

const ROW_HEIGHT = 40;
const DEFAULT_HEIGHT = 560;
const TYPE_AHEAD_RESET_MS = 600;

export function rowDomId(id: string): string {
  return `org-tree-row-${id}`;
}

export function OrganizationTree(props: OrganizationTreeProps) {
  // TanStack Virtual's functions change meaning between renders: never memoized by the React Compiler.
  'use no memo';
  const { tree, activeId, onActiveChange, selectable = false, selected, onSelectionChange, isSelectable = () => true } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => visibleRows([tree.rootId], tree.nodes, tree.children, tree.expanded), [tree.rootId, tree.nodes, tree.children, tree.expanded]);
  const indexOf = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  const activeIndex = indexOf.get(activeId) ?? 0;
  const typed = useRef({ text: '', at: 0 });

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => rows[i].id,
    // Lets the server render the first rows, so the first level paints before hydration.
    initialRect: { width: 0, height: props.height ?? DEFAULT_HEIGHT },
  });

  // Scroll to the active row when it changes (or gets a row, after a jump), not on every reload.
  const scrolledTo = useRef<string>(undefined);
  useEffect(() => {
    if (scrolledTo.current === activeId || !indexOf.has(activeId)) return;
    scrolledTo.current = activeId;
    virtualizer.scrollToIndex(indexOf.get(activeId)!, { align: 'auto' });
  }, [activeId, indexOf, virtualizer]);

  const toggleChecked = useCallback(
    (id: string) => {
      const node = tree.nodes[id];
      if (!node || !isSelectable(node) || !onSelectionChange || includedBy(node, selected)) return;
      const next = new Set(selected ?? []);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      onSelectionChange(next);
    },
    [tree.nodes, isSelectable, onSelectionChange, selected],
  );

  const moveTo = (i: number) => {
    if (i >= 0 && i < rows.length) onActiveChange(rows[i].id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row: TreeRow | undefined = rows[activeIndex];
    if (!row) return;
    const node = tree.nodes[row.id];
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(activeIndex + 1);
        break;
      case 'ArrowUp':
        moveTo(activeIndex - 1);
        break;
      case 'ArrowRight':
        if (row.expandable && !row.expanded) void tree.expand([row.id]);
        else if (row.expanded && rows[activeIndex + 1]?.parentId === row.id) moveTo(activeIndex + 1);
        break;
      case 'ArrowLeft':
        if (row.expanded) tree.collapse(row.id);
        else if (row.parentId) onActiveChange(row.parentId);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'Enter':
        props.onSelect?.(node);
        break;
      case ' ':
        if (selectable) toggleChecked(row.id);
        else props.onSelect?.(node);
        break;
      case '*': {
        const siblings = rows.filter((r) => r.parentId === row.parentId && r.level === row.level && r.expandable && !r.expanded).map((r) => r.id);
        if (siblings.length > 0) void tree.expand(siblings);
        break;
      }
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key.trim() !== '') {
          const now = Date.now();
          const t = typed.current;
          t.text = now - t.at > TYPE_AHEAD_RESET_MS ? event.key : t.text + event.key;
          t.at = now;
          // A new first letter looks past the active row; a longer prefix may stay on it.
          const i = typeAheadIndex(rows, tree.nodes, t.text.length > 1 ? activeIndex - 1 : activeIndex, t.text);
          if (i >= 0) moveTo(i);
        } else handled = false;
    }
    if (handled) event.preventDefault();
  };

  return (
    <div
      ref={scrollRef}
      role="tree"
      aria-label={props.label}
      aria-multiselectable={selectable || undefined}
      aria-activedescendant={rows.length > 0 ? rowDomId(rows[activeIndex].id) : undefined}
      aria-busy={tree.loading.size > 0 || undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      className="relative overflow-auto rounded border border-slate-200 bg-white outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
      style={{ height: props.height ?? DEFAULT_HEIGHT }}
      data-testid="organization-tree"
      data-row-count={rows.length}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          const node = tree.nodes[row.id];
          const active = row.id === rows[activeIndex]?.id;
          const isSelected = !selectable && props.selectedId === row.id;
          const included = selectable ? includedBy(node, selected) : undefined;
          const checked = selectable ? !!selected?.has(row.id) || !!included : undefined;
          return (
            <div
              key={item.key}
              id={rowDomId(row.id)}
              role="treeitem"
              aria-level={row.level}
              aria-setsize={row.setSize}
              aria-posinset={row.posInSet}
              aria-expanded={row.expandable ? row.expanded : undefined}
              aria-selected={selectable ? undefined : isSelected}
              aria-checked={checked}
              aria-disabled={included ? true : undefined}
              data-included={included ? true : undefined}
              aria-busy={tree.loading.has(row.id) || undefined}
              data-node-id={row.id}
              data-active={active || undefined}
              onClick={() => {
                onActiveChange(row.id);
                if (selectable) toggleChecked(row.id);
                else props.onSelect?.(node);
                scrollRef.current?.focus({ preventScroll: true });
              }}
              className={`absolute left-0 top-0 flex w-full cursor-pointer items-center gap-2 pr-3 text-sm ${
                isSelected ? 'bg-sky-100' : active ? 'bg-slate-100' : 'hover:bg-slate-50'
              } ${active ? 'outline outline-1 -outline-offset-1 outline-sky-500' : ''}`}
              style={{ height: item.size, transform: `translateY(${item.start}px)`, paddingLeft: 8 + (row.level - 1) * 20 }}
            >
              <button
                type="button"
                tabIndex={-1}
                aria-hidden
                className={`flex h-5 w-5 shrink-0 items-center justify-center rounded text-slate-500 hover:bg-slate-200 ${row.expandable ? '' : 'invisible'}`}
                onClick={(event) => {
                  event.stopPropagation();
                  onActiveChange(row.id);
                  if (row.expanded) tree.collapse(row.id);
                  else void tree.expand([row.id]);
                }}
              >
                {tree.loading.has(row.id) ? '…' : row.expanded ? '▾' : '▸'}
              </button>
              {selectable && (
                <input
                  type="checkbox"
                  tabIndex={-1}
                  aria-hidden
                  disabled={!isSelectable(node) || !!included}
                  checked={!!checked}
                  onChange={() => toggleChecked(row.id)}
                  onClick={(event) => event.stopPropagation()}
                />
              )}
              <NodeLabel node={node} />
              {included && <span className="shrink-0 rounded bg-sky-50 px-1.5 text-xs text-sky-800">Included through {included}</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The name of the checked ancestor that includes the node, if any. */
function includedBy(node: OrgNodeView, selected: ReadonlySet<string> | undefined): string | undefined {
  if (!selected || selected.size === 0) return undefined;
  const i = node.pathIds.findIndex((id) => selected.has(id));
  return i < 0 ? undefined : node.pathNames[i];
}

const KIND: Record<OrgNodeView['type'], { icon: string; label: string }> = {
  ROOT: { icon: '◆', label: 'Root' },
  ORGANIZATIONAL_UNIT: { icon: '▣', label: 'OU' },
  ACCOUNT: { icon: '●', label: 'Account' },
};

function NodeLabel({ node }: { node: OrgNodeView }) {
  return (
    <span className="flex min-w-0 flex-1 items-center gap-2">
      <span aria-hidden className={node.type === 'ACCOUNT' ? 'text-emerald-600' : 'text-amber-600'}>
        {KIND[node.type].icon}
      </span>
      <span className="truncate font-medium text-slate-900">{node.name}</span>
      <span className="shrink-0 font-mono text-xs text-slate-500">{node.id}</span>
      {node.type === 'ACCOUNT' ? (
        <>
          <span className="truncate text-xs text-slate-500">{node.email}</span>
          {node.status && (
            <span className={`ml-auto shrink-0 rounded px-1.5 text-xs ${node.status === 'ACTIVE' ? 'bg-emerald-50 text-emerald-700' : 'bg-amber-50 text-amber-800'}`}>
              {node.status}
            </span>
          )}
        </>
      ) : (
        node.childrenLoaded && (
          <span className="ml-auto shrink-0 text-xs text-slate-500">
            {node.ouCount} OU{node.ouCount === 1 ? '' : 's'} · {node.accountCount} account{node.accountCount === 1 ? '' : 's'}
          </span>
        )
      )}
    </span>
  );
}
