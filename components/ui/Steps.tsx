// A wizard's or a plan's numbered steps: where the admin is, which are finished (and can be gone back to).
import { Link } from './Link';

export interface StepItem {
  label: string;
  state: 'done' | 'current' | 'upcoming';
  /** Where a finished step can be reopened. */
  href?: string;
}

export function Steps({ steps }: { steps: StepItem[] }) {
  return (
    <ol className="mb-6 flex flex-wrap gap-2 text-sm" aria-label="Steps">
      {steps.map((step, i) => {
        const text = `${i + 1}. ${step.label}`;
        const tone =
          step.state === 'current' ? 'border-slate-900 bg-slate-900 text-white' : step.state === 'done' ? 'border-emerald-300 bg-emerald-50 text-emerald-900' : 'border-slate-200 text-slate-500';
        return (
          <li key={step.label} aria-current={step.state === 'current' ? 'step' : undefined} className={`rounded border px-3 py-1 ${tone}`}>
            {step.state === 'done' && step.href ? <Link href={step.href}>{text}</Link> : text}
          </li>
        );
      })}
    </ol>
  );
}
