// The hand-off for one trusted principal: switch-role link (or why there is none), profile and command, each copyable.
import { CodeBlock } from '@/components/ui';
import type { HandOff } from '@/lib/iam/handoff';

export function HandOffPanel({ handOff }: { handOff: HandOff }) {
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="hand-off">
      {handOff.switchRoleUrl ? (
        <div>
          <p className="mb-1 font-medium">Switch-role link</p>
          <CodeBlock code={handOff.switchRoleUrl} label="switch-role link" testId="switch-role-link" />
        </div>
      ) : (
        <p data-testid="switch-role-omitted">
          <span className="font-medium">No switch-role link</span>: {handOff.switchRoleOmitted}
        </p>
      )}
      {handOff.profile ? (
        <div>
          <p className="mb-1 font-medium">~/.aws/config profile</p>
          <CodeBlock code={handOff.profile} label="AWS config profile" testId="aws-profile" />
        </div>
      ) : (
        <p data-testid="aws-profile-omitted">{handOff.profileOmitted}</p>
      )}
      <div>
        <p className="mb-1 font-medium">AWS CLI</p>
        <CodeBlock code={handOff.command} label="assume-role command" testId="assume-role-command" />
      </div>
    </div>
  );
}
