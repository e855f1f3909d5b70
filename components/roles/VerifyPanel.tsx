'use client';
// Verify on demand: the server reads the live policies and evaluates sts:AssumeRole; the answer shows the
// decision, the deciding statement at each layer, the live AssumeRole where the console could run it, and
// what the role's permissions then allow.
import { useState, useTransition } from 'react';
import { Alert, Button } from '@/components/ui';
import type { ActionResult } from '@/lib/server-actions';
import type { LiveVerification } from '@/lib/iam/verify-live';

const LAYER_NAMES = { identity: 'Source identity policies', boundary: 'Permissions boundary', scp: 'Service control policies', rcp: 'Resource control policies', trust: "Role's trust policy" } as const;
const MARKS = { allows: '✔', denies: '✘', neutral: '–', assumed: '?' } as const;

export function VerifyPanel({
  roleArn,
  principal,
  verify,
}: {
  roleArn: string;
  principal: string;
  verify: (input: { roleArn: string; principal: string; withMfa: boolean }) => Promise<ActionResult<LiveVerification>>;
}) {
  const [pending, startTransition] = useTransition();
  const [withMfa, setWithMfa] = useState(false);
  const [result, setResult] = useState<ActionResult<LiveVerification>>();
  const id = `mfa-${principal.replace(/[^A-Za-z0-9]/g, '-')}`;
  return (
    <div className="flex flex-col gap-3" data-testid="verify-panel">
      <div className="flex flex-wrap items-center gap-4">
        <Button variant="secondary" disabled={pending} onClick={() => startTransition(async () => setResult(await verify({ roleArn, principal, withMfa })))}>
          {pending ? 'Verifying…' : 'Verify'}
        </Button>
        <label htmlFor={id} className="flex items-center gap-2 text-sm">
          <input id={id} type="checkbox" checked={withMfa} onChange={(e) => setWithMfa(e.target.checked)} /> Session with MFA
        </label>
      </div>
      {result && !result.ok && <Alert tone="error">{result.error}</Alert>}
      {result?.ok && (
        <div data-testid="verify-result" data-allowed={result.data.allowed}>
          <Alert tone={result.data.allowed ? 'success' : 'error'} title={result.data.allowed ? 'Allowed' : 'Denied'}>
            <p data-testid="verify-summary">{result.data.summary}</p>
            <p className="mt-1 text-xs">Evaluated for: {result.data.session}.</p>
          </Alert>
          <ul className="mt-3 flex flex-col gap-1 text-sm">
            {result.data.layers.map((layer) => (
              <li key={layer.layer} data-testid={`verify-layer-${layer.layer}`} data-effect={layer.effect} className="flex gap-2">
                <span aria-hidden className={layer.effect === 'denies' ? 'text-red-600' : layer.effect === 'allows' ? 'text-emerald-600' : 'text-slate-500'}>
                  {MARKS[layer.effect]}
                </span>
                <span>
                  <span className="font-medium">{LAYER_NAMES[layer.layer]}</span>: {layer.explanation}
                </span>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm" data-testid="verify-live">
            <span className="font-medium">Live sts:AssumeRole</span>: {result.data.live.detail}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            <span className="font-medium">Then the role&apos;s permissions</span>: {result.data.rolePermissions.join(', ') || 'none (the session can do nothing)'}.
          </p>
        </div>
      )}
    </div>
  );
}
