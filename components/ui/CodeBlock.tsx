'use client';
// Code the admin may copy (CLI commands, policy JSON, templates): shown as it is, with a copy button.
import { useState } from 'react';

export function CodeBlock({ code, label, testId }: { code: string; label: string; testId?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="relative">
      <button
        type="button"
        aria-label={`Copy ${label}`}
        onClick={async () => {
          await navigator.clipboard?.writeText(code);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        }}
        className="absolute right-2 top-2 rounded border border-slate-600 bg-slate-800 px-2 py-0.5 text-xs text-slate-100 hover:bg-slate-700"
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
      <pre data-testid={testId} aria-label={label} className="max-h-[32rem] overflow-auto rounded bg-slate-900 p-4 pr-16 font-mono text-xs leading-relaxed text-slate-100">
        {code}
      </pre>
    </div>
  );
}
