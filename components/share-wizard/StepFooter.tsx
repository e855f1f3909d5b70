// The end of a wizard step: what the server refused, and Next (the step is saved and checked there).
import { Alert, Button } from '@/components/ui';

export function StepFooter({ error, pending, onNext }: { error?: string; pending: boolean; /** Without it, Next submits the step's form. */ onNext?: () => void }) {
  return (
    <>
      {error && <Alert tone="error">{error}</Alert>}
      <div>
        <Button type={onNext ? 'button' : 'submit'} disabled={pending} onClick={onNext}>
          {pending ? 'Checking…' : 'Next'}
        </Button>
      </div>
    </>
  );
}
