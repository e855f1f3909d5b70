'use client';
// A path's explanation layer by layer, asked for when its row is opened: evaluating and sending every row's
// explanation with the page was half of a busy account's page, on every view; so was its summary.
import { useState, useTransition } from 'react';
import type { PathExplanation as Explanation } from '@/lib/access/explain';
import { explainPathAction } from './actions';

const LAYER_NAMES = { identity: 'Source identity policies', boundary: 'Permissions boundary', scp: 'Service control policies', rcp: 'Resource control policies', trust: "Role's trust policy" } as const;
const MARKS = { allows: '✔', denies: '✘', neutral: '–', assumed: '?' } as const;

/** `chaining`: a principal's session may chain roles. */
export function PathExplanation({ pathId, chaining }: { pathId: string; chaining: boolean }) {
  const [explanation, setExplanation] = useState<Explanation>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const open = () => {
    if (explanation || pending) return;
    startTransition(async () => {
      const result = await explainPathAction({ pathId });
      if (result.ok) {
        setExplanation(result.data);
        setError(undefined);
      } else setError(result.error);
    });
  };
  return (
    <details data-testid="path-explanation" onToggle={(e) => e.currentTarget.open && open()}>
      <summary className="cursor-pointer text-sky-700">Explain</summary>
      <div className="mt-2 space-y-1 text-xs text-slate-700" aria-live="polite">
        {explanation && <p>{explanation.summary}</p>}
        {pending && <p className="text-slate-500">Evaluating the policies…</p>}
        {error && <p className="text-red-700">{error}</p>}
        {explanation?.verification && (
          <ol className="space-y-1">
            {explanation.verification.layers.map((l) => (
              <li key={l.layer} data-testid={`layer-${l.layer}`} data-effect={l.effect} className="flex gap-2">
                <span aria-hidden>{MARKS[l.effect]}</span>
                <span>
                  <span className="font-medium">{LAYER_NAMES[l.layer]}</span>: {l.explanation}
                </span>
              </li>
            ))}
            <li className="text-slate-500">Evaluated for: {explanation.verification.session}.</li>
          </ol>
        )}
        {chaining && <p className="text-slate-500">A session of this role assuming another role lasts at most one hour (role chaining).</p>}
      </div>
    </details>
  );
}
