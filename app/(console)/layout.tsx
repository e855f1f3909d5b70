// The signed-in shell: header (identity, organization, standing, mode, Region), navigation, sign-out.
import type { ReactNode } from 'react';
import { signOut } from '@/auth';
import { ConsoleHeader } from '@/components/console-header';
import { NavLinks } from '@/components/nav-links';
import { NavigationPending, PagePending } from '@/components/ui';
import { RoleProvider } from '@/components/role-context';
import { requireUser } from '@/lib/auth/guard';
import { config } from '@/lib/config';
import { pageServed } from '@/lib/aws/background';
import { explainAwsError } from '@/lib/aws/errors';
import { getConsoleContext, type ConsoleContext } from '@/lib/aws/identity';
import { getInvitationsSnapshot, summarizeInvitations } from '@/lib/ram/invitations';
import { invitationsSource } from '@/lib/ram/invitations-source';
import { currentRegion } from '@/lib/region';
import { startRequests, waitingFor } from '@/lib/requests/service';

async function signOutAction() {
  'use server';
  await signOut({ redirectTo: '/signin' });
}

/** Pending invitations from the inbox's last complete reading: the navigation never waits for AWS. */
async function pendingCount(context: ConsoleContext | undefined): Promise<number> {
  const snapshot = context && (await getInvitationsSnapshot(invitationsSource(context))).snapshot;
  return snapshot?.complete ? summarizeInvitations(snapshot).pending : 0;
}

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  // Organization-wide reads give way while people use the console, from before the session is checked.
  pageServed();
  const user = await requireUser();
  const region = await currentRegion();
  // Expiry events become request states and notifications in this process; webhook retries are swept.
  startRequests();
  const waiting = (await waitingFor(user)).length;
  let context: ConsoleContext | undefined;
  let contextError: string | undefined;
  try {
    context = await getConsoleContext({ region });
  } catch (error) {
    contextError = explainAwsError(error, { operation: 'sts:GetCallerIdentity', region });
  }
  const pending = await pendingCount(context);
  return (
    <NavigationPending>
      <div className="flex min-h-screen">
        <aside className="w-56 shrink-0 bg-slate-900 p-4">
          <div className="mb-6 px-3 text-lg font-semibold text-white">Crossing</div>
          <NavLinks counts={{ '/invitations': pending, '/requests': waiting }} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <ConsoleHeader
            user={user}
            context={context}
            contextError={contextError}
            mode={config().mode}
            region={region}
            regions={config().regions}
            signOut={signOutAction}
          />
          <main className="flex-1 p-6">
            <RoleProvider role={user.role}>
              <PagePending>{children}</PagePending>
            </RoleProvider>
          </main>
        </div>
      </div>
    </NavigationPending>
  );
}
