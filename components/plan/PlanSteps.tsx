// A plan's steps: what each call is, where it runs, and how it went (status, request ID, AWS's answer,
// how its associations settled).
import { Badge, Cell, Table, type BadgeTone } from '@/components/ui';
import type { PlanStep, StepState, StepStatus } from '@/lib/plan/types';

const STATUS: Record<StepStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Pending', tone: 'slate' },
  running: { label: 'Running', tone: 'sky' },
  done: { label: 'Done', tone: 'emerald' },
  failed: { label: 'Failed', tone: 'red' },
  'not-run': { label: 'Not run', tone: 'slate' },
  unknown: { label: 'Unknown', tone: 'amber' },
};

export function PlanSteps({ steps, states, accountNames = {} }: { steps: PlanStep[]; states: StepState[]; accountNames?: Record<string, string> }) {
  return (
    <Table columns={['#', 'Call', 'Account', 'Region', 'Status', 'Request ID']} testId="plan-steps">
      {steps.map((step, i) => {
        const state = states[i];
        return (
          <tr key={i} data-testid={`plan-step-${i + 1}`} data-status={state.status}>
            <Cell>{i + 1}</Cell>
            <Cell>
              <span className="font-mono text-xs font-semibold">{step.operation}</span>
              <span className="block text-slate-600 [overflow-wrap:anywhere]">{step.reason}</span>
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-sky-700">Input</summary>
                <pre className="mt-1 max-w-2xl overflow-auto rounded bg-slate-50 p-2 font-mono text-xs">{JSON.stringify(step.input, null, 2)}</pre>
              </details>
              {state.error && <span className="mt-1 block text-red-800 [overflow-wrap:anywhere]" data-testid="step-error">{state.error}</span>}
              {state.status === 'unknown' && (
                <span className="mt-1 block text-amber-900">
                  The console stopped while this call was in flight: AWS may or may not have made the change. Check in AWS, or resume (the call is
                  safe to repeat).
                </span>
              )}
              {state.settled && (
                <ul className="mt-1 text-xs [overflow-wrap:anywhere]" data-testid="step-settled">
                  {state.settled.items.map((item) => (
                    <li key={`${item.kind}:${item.id}`}>
                      {item.kind} <span className="font-mono">{item.id}</span>: <span className="font-semibold">{item.status}</span>
                      {item.external ? ' (outside the organization)' : ''}
                      {item.statusMessage ? ` — ${item.statusMessage}` : ''}
                    </li>
                  ))}
                  {!state.settled.complete && <li>Still settling after {Math.round(state.settled.waitedMs / 1000)} s; the share's page shows the latest.</li>}
                </ul>
              )}
            </Cell>
            <Cell mono>
              {step.accountId}
              {accountNames[step.accountId] && <span className="block font-sans text-slate-600">{accountNames[step.accountId]}</span>}
            </Cell>
            {/* IAM is global: its calls go to one endpoint whatever Region is named. */}
            <Cell className="whitespace-nowrap">{step.operation.startsWith('iam:') ? 'global' : step.region}</Cell>
            <Cell>
              <Badge tone={STATUS[state.status].tone} testId="step-status">
                {STATUS[state.status].label}
              </Badge>
            </Cell>
            <Cell mono>{state.requestId}</Cell>
          </tr>
        );
      })}
    </Table>
  );
}
