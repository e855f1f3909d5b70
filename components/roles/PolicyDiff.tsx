// A trust policy's change as the review shows it: every line of the document, added lines marked +, removed -.
import type { DiffLine } from '@/lib/iam/trust';

const tone = { '+': 'bg-emerald-950 text-emerald-200', '-': 'bg-red-950 text-red-200', ' ': '' } as const;

export function PolicyDiff({ lines, label }: { lines: DiffLine[]; label: string }) {
  return (
    <pre aria-label={label} data-testid="trust-diff" className="max-h-[32rem] overflow-auto rounded bg-slate-900 p-4 font-mono text-xs leading-relaxed text-slate-100">
      {lines.map((line, i) => (
        <div key={i} className={tone[line.op]} data-op={line.op === ' ' ? 'same' : line.op === '+' ? 'added' : 'removed'}>
          {line.op} {line.text}
        </div>
      ))}
    </pre>
  );
}
