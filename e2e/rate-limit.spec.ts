// Protects: failed sign-ins are limited per address whatever X-Forwarded-For claims, so a password guesser
// cannot get fresh attempts by sending a new header each time; other addresses can still sign in.
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { serverActionId, signIn } from './helpers';

/** POSTs the sign-in form's server action from a given loopback address (as another client would). */
async function signInFrom(localAddress: string, port: number, form: Record<string, string>, forwardedFor: string): Promise<string> {
  // As React encodes (state, formData): the form's fields, then the arguments referring to them (order matters).
  const body = new FormData();
  for (const [name, value] of Object.entries(form)) body.set(`_1_${name}`, value);
  body.set('0', '[{},"$K1"]');
  const encoded = new Request('http://x', { method: 'POST', body });
  const bytes = Buffer.from(await encoded.arrayBuffer());
  const headers = {
    'Next-Action': serverActionId('signInWithPassword', 'signin/actions'),
    'Content-Type': encoded.headers.get('content-type')!,
    'Content-Length': bytes.byteLength,
    Accept: 'text/x-component',
    Origin: `http://127.0.0.1:${port}`,
    'X-Forwarded-For': forwardedFor,
  };
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, localAddress, method: 'POST', path: '/signin', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve(text));
    });
    request.on('error', reject);
    request.end(bytes);
  });
}

test.describe('sign-in rate limit', () => {
  test('thirty failures from one address, each claiming another X-Forwarded-For, are limited', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const port = Number(new URL(baseURL!).port);
    // Another loopback address than the browser's, so the demo sign-ins of other tests are not limited.
    const answers: string[] = [];
    for (let i = 0; i < 30; i++) {
      const form = { email: `guess-${i}-${Date.now()}@crossing.local`, password: 'not-the-password', callbackUrl: '/' };
      answers.push(await signInFrom('127.0.0.2', port, form, `198.51.100.${i}`));
    }
    expect(answers.slice(0, 20).every((a) => a.includes('Wrong email or password.'))).toBe(true);
    expect(answers.slice(20).every((a) => a.includes('Too many failed sign-ins'))).toBe(true);
    // The limit is that address's: the browser's (127.0.0.1) still signs in.
    await signIn(page, 'viewer');
  });
});
