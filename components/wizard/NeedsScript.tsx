// Without JavaScript a wizard's pickers and checks cannot run: say so instead of showing dead controls silently.
import { Alert } from '@/components/ui';

export function NeedsScript() {
  return (
    <noscript>
      <div className="mb-4">
        <Alert tone="warning" title="This wizard needs JavaScript">
          Its pickers, its checks on the server as you type and its saved draft run in the browser. Turn JavaScript on for this console, or use the equivalents a plan
          shows (AWS CLI, CloudFormation, Terraform).
        </Alert>
      </div>
    </noscript>
  );
}
