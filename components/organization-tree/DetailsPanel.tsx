'use client';
// Details of the selected node: IDs, ARN, full path, account facts, and its SCPs loaded on demand.
import { useEffect, useState } from 'react';
import type { OrgNodeView, TargetPolicies } from '@/lib/organizations/types';
import type { OrganizationActions } from './types';

export interface DetailsPanelProps {
  node?: OrgNodeView;
  loadPolicies: OrganizationActions['loadPolicies'];
  /** Link to a policy's JSON: `${policyHrefBase}${policyId}`. */
  policyHrefBase: string;
}

const TYPE_LABEL: Record<OrgNodeView['type'], string> = {
  ROOT: 'Root',
  ORGANIZATIONAL_UNIT: 'Organizational unit',
  ACCOUNT: 'Account',
};

export function DetailsPanel({ node, loadPolicies, policyHrefBase }: DetailsPanelProps) {
  const [policies, setPolicies] = useState<{ for: string; result: TargetPolicies | { ok: false; reason: 'error'; message: string } }>();

  useEffect(() => {
    if (!node) return;
    let current = true;
    // Until the node's own answer arrives, the render shows none (it checks which node the answer is for).
    loadPolicies(node.id).then(
      (r) => current && setPolicies({ for: node.id, result: r.ok ? r.data : { ok: false, reason: 'error', message: r.error } }),
      (e: unknown) => current && setPolicies({ for: node.id, result: { ok: false, reason: 'error', message: String((e as Error)?.message ?? e) } }),
    );
    return () => {
      current = false;
    };
  }, [node, loadPolicies]);

  if (!node) {
    return (
      <aside aria-label="Details" className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-500">
        Select a node to see its details.
      </aside>
    );
  }
  const path = [...node.pathNames, node.name].join(' / ');
  const rows: [string, React.ReactNode][] = [
    ['Type', TYPE_LABEL[node.type]],
    ['ID', <code key="id">{node.id}</code>],
    ['ARN', <code key="arn" className="break-all">{node.arn}</code>],
    ['Full path', path],
  ];
  if (node.type === 'ACCOUNT') {
    rows.push(['Email', node.email ?? '—'], ['Status', node.status ?? '—']);
    rows.push(['Joined', node.joinedTimestamp ? `${formatDate(node.joinedTimestamp)}${node.joinedMethod ? ` (${node.joinedMethod.toLowerCase()})` : ''}` : '—']);
    rows.push([
      'Access',
      <a key="access" className="text-sky-700 underline" href={`/accounts/${encodeURIComponent(node.id)}`}>
        Who can reach it, and what it can reach
      </a>,
    ]);
  } else if (node.childrenLoaded) {
    rows.push(['Children', `${node.ouCount ?? 0} OUs, ${node.accountCount ?? 0} accounts`]);
  }
  const result = policies?.for === node.id ? policies.result : undefined;

  return (
    <aside aria-label="Details" data-testid="organization-details" className="space-y-4 rounded border border-slate-200 bg-white p-4 text-sm">
      <h2 className="text-base font-semibold text-slate-900">{node.name}</h2>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-2">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-slate-500">{term}</dt>
            <dd className="min-w-0 text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-label="Service control policies">
        <h3 className="mb-1 font-semibold text-slate-900">Service control policies</h3>
        {!result ? (
          <p className="text-slate-500">Loading…</p>
        ) : !result.ok ? (
          <p className={result.reason === 'not-enabled' ? 'text-slate-500' : 'text-red-700'} role={result.reason === 'error' ? 'alert' : undefined}>
            {result.message}
          </p>
        ) : result.policies.length === 0 ? (
          <p className="text-slate-500">None attached directly.</p>
        ) : (
          <ul className="space-y-1">
            {result.policies.map((p) => (
              <li key={p.id}>
                <a className="text-sky-700 underline" href={`${policyHrefBase}${encodeURIComponent(p.id)}`}>
                  {p.name}
                </a>{' '}
                <code className="text-xs text-slate-500">{p.id}</code>
                {p.awsManaged && <span className="ml-1 text-xs text-slate-500">(AWS managed)</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}
