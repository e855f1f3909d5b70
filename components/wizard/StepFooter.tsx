// The end of a wizard step: what the server refused, Back (to the step before, as saved), Next (the step is
// checked on the server) and whether what was typed is saved.
import { Alert, Button, buttonClass, Link } from '@/components/ui';

export interface StepFooterProps {
  error?: string;
  pending: boolean;
  /** Where Back goes; none on the first step. */
  backHref?: string;
  nextLabel?: string;
  autosave: { status: 'idle' | 'pending' | 'saved' | 'error'; error?: string };
  /** Without it, Next submits the step's form. */
  onNext?: () => void;
}

const SAVED = { idle: '', pending: 'Saving the draft…', saved: 'Draft saved', error: '' };

export function StepFooter({ error, pending, backHref, nextLabel = 'Next', autosave, onNext }: StepFooterProps) {
  return (
    <>
      {error && <Alert tone="error">{error}</Alert>}
      {autosave.status === 'error' && <Alert tone="warning">{autosave.error}</Alert>}
      <div className="flex items-center gap-3">
        {backHref && (
          <Link className={buttonClass('secondary')} href={backHref}>
            Back
          </Link>
        )}
        <Button type={onNext ? 'button' : 'submit'} disabled={pending} onClick={onNext}>
          {pending ? 'Checking…' : nextLabel}
        </Button>
        <span className="text-xs text-slate-500" role="status" data-testid="draft-status" data-status={autosave.status}>
          {SAVED[autosave.status]}
        </span>
      </div>
    </>
  );
}
