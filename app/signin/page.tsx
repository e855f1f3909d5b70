// Sign-in page. On the sandbox it shows the two demo users; on real AWS it never does.
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/signin-form';
import { signInWithPassword } from './actions';
import { config } from '@/lib/config';
import { currentUser } from '@/lib/auth/guard';
import { DEMO_USERS } from '@/lib/auth/users';
import { signInWithOidc } from './actions';

// Why a sign-in through the provider did not happen, by next-auth's error type (https://errors.authjs.dev).
const PROVIDER_ERRORS: Record<string, string> = {
  AccessDenied: 'Your account is in none of the groups that may use this console. Ask an admin to add you.',
  OAuthCallbackError: "The provider's answer could not be verified, so nobody was signed in. Try again; if it happens again, tell an admin (the console's log says why).",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> }) {
  if (await currentUser()) redirect('/');
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined;
  const error = typeof params.error === 'string' ? (PROVIDER_ERRORS[params.error] ?? 'Signing in did not work. Try again.') : undefined;
  const { mode, oidc } = config();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-2xl font-semibold">Crossing</h1>
        <p className="mb-6 text-sm text-slate-600">Sign in to manage cross-account access.</p>
        {error && (
          <p role="alert" data-testid="signin-refused" className="mb-4 rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <SignInForm callbackUrl={callbackUrl} signIn={signInWithPassword} />
        {oidc && (
          <form action={signInWithOidc} className="mt-4">
            <input type="hidden" name="callbackUrl" value={callbackUrl ?? '/'} />
            <button type="submit" className="w-full rounded border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100">
              Sign in with {oidc.name}
            </button>
          </form>
        )}
        {mode === 'sandbox' && (
          <div className="mt-6 rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="demo-users">
            <p className="font-semibold">Sandbox demo users</p>
            <ul className="mt-1 font-mono text-xs">
              {DEMO_USERS.map((u) => (
                <li key={u.email}>
                  {u.email} / {u.password} ({u.role})
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </main>
  );
}
