'use server';
// Sign-in with email and password; failures come back as a message (never which half was wrong).
import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/auth';
import { callbackPath } from '@/lib/auth/callback';
import type { SignInState } from '@/components/signin-form';
import { config } from '@/lib/config';

const input = z.object({
  email: z.string({ error: 'Enter your email' }).trim().min(1, 'Enter your email').max(254, 'That email is too long'),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(1024, 'That password is too long'),
  callbackUrl: z.string().optional(),
});

const safeCallback = (url: string | undefined) => callbackPath(url, config().publicOrigin);

// Anyone can call an action with any arguments, not only the form: anything else is refused, not thrown on.
const NOT_THE_FORM = 'Sign in with the form: email and password.';

export async function signInWithPassword(_state: SignInState, form: FormData): Promise<SignInState> {
  if (!(form instanceof FormData)) return { error: NOT_THE_FORM };
  const parsed = input.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
  } catch (error) {
    const { email } = parsed.data;
    if (error instanceof CredentialsSignin && error.code === 'rate_limited') {
      return { error: 'Too many failed sign-ins. Wait 15 minutes and try again.', email };
    }
    if (error instanceof AuthError) return { error: 'Wrong email or password.', email };
    throw error; // the redirect after a successful sign-in
  }
  return {};
}

export async function signInWithOidc(form: FormData): Promise<void> {
  if (!config().oidc) return; // callable by anyone: without OIDC configured there is nothing to start
  const callbackUrl = form instanceof FormData ? form.get('callbackUrl') : undefined;
  await signIn('oidc', { redirectTo: safeCallback(typeof callbackUrl === 'string' ? callbackUrl : undefined) });
}
