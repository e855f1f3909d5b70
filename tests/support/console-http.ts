// Talking to a console process over HTTP as a browser would (cookies, next-auth's CSRF token, the Origin header),
// for integration tests and benchmarks that start `scripts/serve.ts` against an existing build.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../sandbox/testing/free-port';
import { ROOT } from '../../scripts/build-state';

/** A browser's cookies, as far as these requests need them. */
export class Jar {
  private cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  copy(): Jar {
    const jar = new Jar();
    jar.cookies = new Map(this.cookies);
    return jar;
  }
}

export interface ConsoleProcess {
  url: string;
  child: ChildProcess;
}

/** `scripts/serve.ts` on a free port with `env`, serving the existing build; resolves once it answers. */
export async function startConsole(env: Record<string, string>): Promise<ConsoleProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the console on port ${port} exited (${child.exitCode})`);
    const ok = await fetch(`${url}/signin`).then((r) => r.ok, () => false);
    if (ok) return { url, child };
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the console on port ${port} did not answer within 120 s`);
}

export async function call(instance: { url: string }, jar: Jar, pathname: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${instance.url}${pathname}`, {
    ...init,
    redirect: 'manual',
    headers: { cookie: jar.header(), origin: instance.url, ...(init.headers as Record<string, string>) },
  });
  jar.take(response);
  return response;
}

export async function csrf(instance: { url: string }, jar: Jar): Promise<string> {
  return ((await (await call(instance, jar, '/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
}

export const ADMIN = { email: 'admin@crossing.local', password: 'crossing-admin' };

/** Signs in through next-auth's credentials callback, as the sign-in form does; the jar gets the session cookie. */
export async function signIn(instance: { url: string }, jar: Jar, user: { email: string; password: string } = ADMIN): Promise<Response> {
  const body = new URLSearchParams({ ...user, csrfToken: await csrf(instance, jar), callbackUrl: `${instance.url}/` });
  return call(instance, jar, '/api/auth/callback/credentials', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

export async function signOut(instance: { url: string }, jar: Jar): Promise<Response> {
  const body = new URLSearchParams({ csrfToken: await csrf(instance, jar), callbackUrl: `${instance.url}/signin` });
  return call(instance, jar, '/api/auth/signout', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}
