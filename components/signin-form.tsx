'use client';
// Email and password form; shows the server's refusal inline. The sign-in action comes from the page.
import { useActionState } from 'react';

export interface SignInState {
  error?: string;
  /** Kept so the form shows it again after a refusal. */
  email?: string;
}

export function SignInForm({ callbackUrl, signIn }: { callbackUrl?: string; signIn: (state: SignInState, form: FormData) => Promise<SignInState> }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {});
  return (
    <form action={action} className="flex flex-col gap-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? '/'} />
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Email
        <input name="email" type="email" autoComplete="username" required defaultValue={state.email} className="rounded border border-slate-300 px-3 py-2 font-normal" />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
        Password
        <input name="password" type="password" autoComplete="current-password" required className="rounded border border-slate-300 px-3 py-2 font-normal" />
      </label>
      {state.error && (
        <p role="alert" data-testid="signin-error" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
          {state.error}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
