// One step of the /roles/new wizard: a GET form, so every choice lands in the URL (a reload keeps it), carrying
// the other steps' choices as hidden fields; each button names the step it goes to.
import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui';
import type { WizardState, WizardStep } from '@/lib/iam/wizard';
import { wizardQuery } from '@/lib/iam/wizard';

/** `owned`: the parameters this step's own fields set (left out of the hidden fields). */
export function WizardForm({ state, owned, children, testId }: { state: WizardState; owned: (keyof WizardState)[]; children: ReactNode; testId?: string }) {
  const carried = wizardQuery({ ...state, ...Object.fromEntries(owned.map((k) => [k, k === 'pol' ? [] : undefined])) });
  carried.delete('step');
  return (
    <form method="get" action="/roles/new" className="flex flex-col gap-4" data-testid={testId}>
      {[...carried.entries()].map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}

export function GoTo({ step, children, variant = 'primary' }: { step: WizardStep; children: ReactNode; variant?: 'primary' | 'secondary' }) {
  return (
    <button type="submit" name="step" value={step} className={buttonClass(variant)}>
      {children}
    </button>
  );
}

/** The error of a choice among radios or checkboxes (a Field shows its own). */
export function ChoiceError({ messages }: { messages?: string[] }) {
  if (!messages) return null;
  return (
    <p role="alert" className="text-xs text-red-700">
      {messages.join(' ')}
    </p>
  );
}

/** A radio or checkbox for an IAM entity: its name is the label, its ARN shown beside it. */
export function Choice({ type, name, value, checked, label }: { type: 'radio' | 'checkbox'; name: string; value: string; checked: boolean; label: string }) {
  return (
    <div className="flex items-center gap-2 text-sm">
      <label className="flex items-center gap-2">
        <input type={type} name={name} value={value} defaultChecked={checked} /> {label}
      </label>
      <span className="font-mono text-xs text-slate-500">{value}</span>
    </div>
  );
}

export function NextBack({ next, back }: { next: WizardStep; back: WizardStep }) {
  return (
    <div className="flex gap-2">
      <GoTo step={next}>{`Next: ${next}`}</GoTo>
      <GoTo step={back} variant="secondary">
        Back
      </GoTo>
    </div>
  );
}
