// The shell's header: which AWS identity the console acts as, its organization and standing, the mode
// (sandbox or real AWS), the Region selector, and who is signed in.
import type { ConsoleContext } from '@/lib/aws/identity';
import type { SignedInUser } from '@/lib/auth/roles';
import { Badge } from './ui';
import { RegionSelector } from './region/RegionSelector';

export const STANDING_LABELS: Record<ConsoleContext['standing'], string> = {
  management: 'Management account',
  'delegated-admin': 'Delegated administrator',
  member: 'Member account',
  'no-organization': 'No organization',
  unknown: 'Standing unknown',
};

const UNKNOWN_BECAUSE: Record<string, string> = {
  unreachable: 'the endpoint cannot be reached',
  'not-aws': 'the endpoint did not answer as AWS does',
  credentials: 'AWS refuses the credentials',
  denied: 'access denied',
  throttled: 'throttled',
  other: 'the organization could not be read',
};

export function ConsoleHeader(props: {
  user: SignedInUser;
  context?: ConsoleContext;
  contextError?: string;
  mode: 'sandbox' | 'aws';
  region: string;
  regions: string[];
  signOut: () => Promise<void>;
}) {
  const { user, context, contextError, mode } = props;
  return (
    <header className="flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3" data-testid="console-header">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span data-testid="mode">{mode === 'sandbox' ? <Badge tone="amber">Sandbox</Badge> : <Badge tone="sky">AWS</Badge>}</span>
        {context ? (
          <>
            {/* Which IAM identity the console acts as is for admins: a viewer has no use for it. */}
            {user.role === 'admin' && (
              <>
                <span className="font-mono text-xs text-slate-700" data-testid="identity" title="The AWS identity the console acts as">
                  {context.arn}
                </span>
                <span className="text-slate-400">·</span>
              </>
            )}
            <span data-testid="organization" className="text-slate-700">
              {context.organization ? (
                <span className="font-mono text-xs">{context.organization.id}</span>
              ) : context.standing === 'no-organization' ? (
                'No organization'
              ) : (
                'Organization unknown'
              )}
            </span>
            <span data-testid="standing" title={context.organizationError}>
              <Badge tone={context.standing === 'management' ? 'emerald' : context.standing === 'unknown' ? 'red' : 'slate'}>
                {STANDING_LABELS[context.standing]}
                {context.standing === 'unknown' && context.organizationFailure ? `: ${UNKNOWN_BECAUSE[context.organizationFailure]}` : ''}
              </Badge>
            </span>
          </>
        ) : (
          <span className="text-red-700" data-testid="identity-error">
            {contextError ?? 'AWS identity unknown'}
          </span>
        )}
      </div>
      <div className="flex items-center gap-4">
        <RegionSelector region={props.region} regions={props.regions} />
        <span className="text-sm text-slate-700" data-testid="signed-in-user">
          {user.email} <Badge>{user.role}</Badge>
        </span>
        {user.role !== 'admin' && (
          <span className="text-sm text-slate-500" data-testid="read-only-notice" title="Viewers and requesters can look at everything and make plans to request or for an admin to apply; they change nothing.">
            Read-only
          </span>
        )}
        <form action={props.signOut}>
          <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100">
            Sign out
          </button>
        </form>
      </div>
    </header>
  );
}
