'use server';
// Sign-in with email and password; failures come back as a message (never which half was wrong).
import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/auth';
import { config } from '@/lib/config';

export interface SignInState {
  error?: string;
  /** Kept so the form shows it again after a refusal. */
  email?: string;
}

const input = z.object({
  email: z.string().trim().min(1, 'Enter your email').max(254),
  password: z.string().min(1, 'Enter your password').max(1024),
  callbackUrl: z.string().optional(),
});

/** Only a path on this site: browsers read `//host` and `/\host` as another site. */
function safeCallback(url: string | undefined): string {
  return url && /^\/(?![/\\])[^\\\s]*$/.test(url) ? url : '/';
}

export async function signInWithPassword(_state: SignInState, form: FormData): Promise<SignInState> {
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
  await signIn('oidc', { redirectTo: safeCallback(form.get('callbackUrl')?.toString()) });
}
