'use client';
// An account's neighbourhood drawn with @xyflow/react: inbound groups on the left, the account in the middle,
// outbound groups on the right; each member is a link (Tab reaches it, Enter opens that account's page).
// The tables below are the same data as text.
import '@xyflow/react/dist/style.css';
import { Background, Controls, Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import type { AccountGraph, GraphGroup } from '@/lib/access/graph';
import { Link } from '@/components/ui/Link';

const GROUP_WIDTH = 260;
const ROW = 34;
const GAP = 24;
const SIDE_X = 300;

type MemberData = { label: string; href?: string; blocked?: boolean; side: 'in' | 'out' | 'center'; note?: string };

function MemberNode({ data }: NodeProps<Node<MemberData>>) {
  const text = (
    <span className={`block truncate ${data.blocked ? 'text-slate-400 line-through' : ''}`} title={data.label}>
      {data.label}
      {data.note ? <span className="ml-1 text-xs text-slate-500">{data.note}</span> : null}
    </span>
  );
  return (
    <div className={`rounded border bg-white px-2 py-1 text-xs shadow-sm ${data.side === 'center' ? 'border-slate-900 font-semibold' : 'border-slate-300'}`} style={{ width: data.side === 'center' ? 220 : GROUP_WIDTH - 20 }}>
      {data.side !== 'in' && <Handle type="target" position={Position.Left} isConnectable={false} />}
      {data.href ? (
        <Link href={data.href} className="text-sky-700 underline">
          {text}
        </Link>
      ) : (
        text
      )}
      {data.side !== 'out' && <Handle type="source" position={Position.Right} isConnectable={false} />}
    </div>
  );
}

function GroupNode({ data }: NodeProps<Node<{ label: string; paths: number }>>) {
  return (
    <div className="h-full w-full rounded-md border border-dashed border-slate-400 bg-slate-50/70 px-2 pt-1 text-xs font-medium text-slate-700">
      {data.label} · {data.paths} path{data.paths === 1 ? '' : 's'}
    </div>
  );
}

const nodeTypes = { member: MemberNode, group: GroupNode };

function layout(graph: AccountGraph): { nodes: Node[]; edges: Edge[] } {
  const nodes: Node[] = [{ id: 'center', type: 'member', position: { x: -110, y: 0 }, data: { label: graph.account.label, side: 'center' } satisfies MemberData, draggable: false }];
  const edges: Edge[] = [];
  for (const side of ['in', 'out'] as const) {
    const groups = graph.groups.filter((g) => g.side === side);
    const heights = groups.map((g) => 30 + (g.members.length + (g.more ? 1 : 0)) * ROW);
    let y = -(heights.reduce((a, b) => a + b + GAP, 0) - GAP) / 2;
    groups.forEach((g: GraphGroup, i) => {
      const x = side === 'in' ? -SIDE_X - GROUP_WIDTH : SIDE_X;
      nodes.push({ id: g.id, type: 'group', position: { x, y }, style: { width: GROUP_WIDTH, height: heights[i] }, data: { label: g.label, paths: g.paths }, draggable: false, selectable: false, focusable: false });
      const members = [...g.members.map((m) => ({ id: `${g.id}|${m.id}`, data: { label: m.label, href: m.account ? `/accounts/${m.account}` : undefined, blocked: m.blocked, side, note: m.paths > 1 ? `×${m.paths}` : undefined } satisfies MemberData }))];
      if (g.more) members.push({ id: `${g.id}|more`, data: { label: `+ ${g.more} more`, side, href: undefined, blocked: false, note: undefined } });
      members.forEach((m, j) => {
        nodes.push({ id: m.id, type: 'member', parentId: g.id, extent: 'parent', position: { x: 10, y: 26 + j * ROW }, data: m.data, draggable: false });
        edges.push(side === 'in' ? { id: `e|${m.id}`, source: m.id, target: 'center', animated: false } : { id: `e|${m.id}`, source: 'center', target: m.id });
      });
      y += heights[i] + GAP;
    });
  }
  return { nodes, edges };
}

export function AccessGraph({ graph }: { graph: AccountGraph }) {
  const { nodes, edges } = layout(graph);
  const inbound = graph.groups.filter((g) => g.side === 'in').reduce((n, g) => n + g.paths, 0);
  const outbound = graph.groups.filter((g) => g.side === 'out').reduce((n, g) => n + g.paths, 0);
  return (
    <figure aria-label={`Access graph of ${graph.account.label}: ${inbound} inbound and ${outbound} outbound paths; the tables below list them`} data-testid="access-graph" className="h-[28rem] w-full rounded border border-slate-200">
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} fitView nodesConnectable={false} nodesDraggable={false} proOptions={{ hideAttribution: false }} minZoom={0.2}>
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
      <figcaption className="sr-only">Inbound sources on the left, grouped by OU; outbound destinations on the right.</figcaption>
    </figure>
  );
}
