// Protects: junk of every kind (bad percent-encoding, junk action ids, bodies that are not forms, huge strings,
// NUL, unicode, deep JSON) gets a clear 4xx, never a 500 or a stack trace, signed out, as a viewer or as an
// admin; and every response, redirects and errors included, carries the security headers.
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { serverActions, signIn } from './helpers';

const STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+|node_modules|\.next\/server/;

async function expectNoServerError(response: APIResponse, what: string): Promise<void> {
  expect(response.status(), what).toBeLessThan(500);
  expect(await response.text(), what).not.toMatch(STACK_TRACE);
}

const DEEP = `${'['.repeat(5000)}${']'.repeat(5000)}`;
const HUGE = 'x'.repeat(300_000);
// Bodies for server actions: not forms, not JSON, huge, NUL, unicode (with a lone surrogate), deep, references.
const ACTION_BODIES: [string, string | Buffer][] = [
  ['text/plain;charset=UTF-8', '[]'],
  ['text/plain;charset=UTF-8', '[null,null]'],
  ['text/plain;charset=UTF-8', 'notjson'],
  // JSON, but not the list of arguments Next spreads into the call.
  ['text/plain;charset=UTF-8', '"x"'],
  ['text/plain;charset=UTF-8', '123'],
  ['text/plain;charset=UTF-8', 'null'],
  ['text/plain;charset=UTF-8', '{}'],
  ['text/plain;charset=UTF-8', `["${HUGE}","${HUGE}"]`],
  ['text/plain;charset=UTF-8', '["\\u0000","a\\u0000b"]'],
  ['text/plain;charset=UTF-8', Buffer.from('["\u0000"]')],
  ['text/plain;charset=UTF-8', '["😀 ünïcødé \\ud800", {"ключ": "值"}]'],
  ['text/plain;charset=UTF-8', DEEP],
  ['text/plain;charset=UTF-8', `[${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}]`],
  ['text/plain;charset=UTF-8', '["$@1","$Q2","$h3"]'],
  ['multipart/form-data; boundary=xyz', 'garbage'],
  ['multipart/form-data', 'garbage'],
  ['application/json', '[]'],
  ['application/x-www-form-urlencoded', 'a=b&c=%ZZ'],
  ['text/plain;charset=UTF-8', 'x'.repeat(2 * 1024 * 1024)],
];
const JUNK_ACTION_IDS = ['zzz', '0'.repeat(42), `7f${'ab'.repeat(20)}`, '%ZZ', 'a'.repeat(5000)];
const GET_PATHS = [
  '/organization/policies/%ZZ',
  '/organization/policies/%E0%A4%A',
  '/%ZZ',
  `/organization/policies/${'p'.repeat(5000)}`,
  '/organization/policies/p-%00abc',
  '/organization/policies/%F0%9F%98%80',
  '/audit?page=%ZZ&actor=%00&outcome=%F0%9F%98%80',
  '/audit?page=-1e309',
  '/requests?tab=%ZZ&state=%00&page=-1e309',
  '/requests/%ZZ',
  `/requests/r-${'0'.repeat(5000)}`,
  '/requests/deliveries?page=%F0%9F%98%80',
  '/signin?callbackUrl=%ZZ&error=%00',
  '/_next/image?url=/screenshots/dashboard.png&w=640&q=75',
  '/_next/static/chunks/',
  '/api/auth/session',
  '/api/auth/%ZZ',
  '/api/auth/callback/oidc?code=junk&state=junk',
  '/api/auth/signin/nobody',
];

async function fuzz(client: APIRequestContext, origin: string, who: string): Promise<void> {
  for (const path of GET_PATHS) await expectNoServerError(await client.get(path, { maxRedirects: 0 }), `${who} GET ${path}`);
  // Every action but the shell's sign-out (it takes no arguments, and would end the session being fuzzed).
  const actions = serverActions().filter((a) => !a.filename.includes('(console)/layout'));
  for (const { id, exportedName, page } of [...actions, ...JUNK_ACTION_IDS.map((id) => ({ id, exportedName: 'junk id', page: '/settings' }))]) {
    for (const [type, data] of ACTION_BODIES) {
      const response = await client.post(page, {
        headers: { 'Next-Action': id, 'Content-Type': type, Accept: 'text/x-component', Origin: origin },
        data,
        maxRedirects: 0,
      });
      await expectNoServerError(response, `${who} ${exportedName} ${type} ${String(data).slice(0, 40)}`);
    }
  }
  // Forms posted without JavaScript (no Next-Action header): the action and its bound arguments are fields.
  for (const { id, exportedName, page } of actions) {
    for (const bound of ['notjson', DEEP, '["$@7"]', '["\u0000"]']) {
      const multipart = { $ACTION_REF_1: '', '$ACTION_1:0': JSON.stringify({ id, bound: '$@1' }), '$ACTION_1:1': bound, $ACTION_KEY: 'k1' };
      await expectNoServerError(await client.post(page, { headers: { Origin: origin }, multipart, maxRedirects: 0 }), `${who} form ${exportedName} ${bound.slice(0, 20)}`);
    }
    await expectNoServerError(await client.post(page, { headers: { Origin: origin }, multipart: { [`$ACTION_ID_${id}zz`]: '' }, maxRedirects: 0 }), `${who} form junk id`);
  }
  await expectNoServerError(await client.post('/organization/policies/%ZZ', { headers: { Origin: origin }, data: 'x' }), `${who} POST bad path`);
  await expectNoServerError(await client.post('/api/auth/callback/credentials', { headers: { Origin: origin }, form: { email: HUGE, password: '\u0000' } }), `${who} credentials junk`);
}

test.describe('junk input', () => {
  test.setTimeout(300_000);

  test('never answers 500 or shows a stack trace, signed out', async ({ request, baseURL }) => {
    await fuzz(request, baseURL!, 'anonymous');
  });

  test('answers JSON arguments that are not a list with 400, signed out and in', async ({ page, request, baseURL }) => {
    const action = serverActions().find((a) => !a.filename.includes('(console)/layout'))!;
    const post = (client: APIRequestContext, data: string) =>
      client.post(action.page, { headers: { 'Next-Action': action.id, 'Content-Type': 'text/plain;charset=UTF-8', Origin: baseURL! }, data, maxRedirects: 0 });
    await signIn(page, 'viewer');
    for (const [who, client] of [['anonymous', request], ['viewer', page.request]] as const) {
      for (const data of ['"x"', '123', 'null', '{}']) {
        const response = await post(client, data);
        expect(response.status(), `${who} ${data}`).toBe(400);
        expect(await response.text()).toBe('Bad request: the arguments are not a list (a JSON array).\n');
      }
    }
  });

  for (const who of ['viewer', 'admin'] as const) {
    test(`never answers 500 or shows a stack trace, as ${who}`, async ({ page, baseURL }) => {
      await signIn(page, who);
      await fuzz(page.request, baseURL!, who);
      // Still signed in, and nothing was changed for the worse: the pages still work.
      await page.goto('/settings');
      await expect(page.getByTestId('signed-in-user')).toContainText(who);
    });
  }
});

test.describe('security headers', () => {
  test('are on every response, redirects and errors included', async ({ request, baseURL }) => {
    const cases: [string, () => Promise<APIResponse>][] = [
      ['trailing-slash redirect', () => request.get('/_next/static/chunks/', { maxRedirects: 0 })],
      ['sign-in redirect', () => request.get('/settings', { maxRedirects: 0 })],
      ['disabled image optimizer', () => request.get('/_next/image?url=/screenshots/dashboard.png&w=640&q=75')],
      ['bad percent-encoding', () => request.get('/organization/policies/%ZZ')],
      ['cross-site refusal', () => request.post('/signin', { headers: { Origin: 'https://evil.example' }, data: 'x' })],
      ['oversized body', () => request.post('/signin', { headers: { Origin: baseURL! }, data: 'x'.repeat(2 * 1024 * 1024) })],
      ['not found', () => request.get('/api/auth/nothing-here')],
    ];
    for (const [what, send] of cases) {
      const headers = (await send()).headers();
      expect(headers['x-content-type-options'], what).toBe('nosniff');
      expect(headers['x-frame-options'], what).toBe('DENY');
      expect(headers['referrer-policy'], what).toBeTruthy();
      expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
    }
  });
});
