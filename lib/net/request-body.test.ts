// Protects: junk sent to a server action (too large, not JSON, an early-ending multipart body, deep nesting,
// references the console's pages never send) gets a clear 4xx before Next.js reads it, never a 500, while the
// bodies the console's own pages send pass.
import { describe, expect, it } from 'vitest';
import { actionBodyProblem, BODY_SIZE_LIMIT_BYTES, bodySizeProblem } from './request-body';

const action = (body: BodyInit, contentType: string) =>
  new Request('http://127.0.0.1:3000/signin', { method: 'POST', body, headers: { 'content-type': contentType, 'next-action': 'x' } });
// Multipart as a browser sends it (the boundary in Content-Type matches the body's).
const multipart = (form: FormData) => new Request('http://127.0.0.1:3000/signin', { method: 'POST', body: form, headers: { 'next-action': 'x' } });
const DEEP = `${'['.repeat(5000)}${']'.repeat(5000)}`;

/** A form posted without JavaScript: React names the action and its bound arguments in fields. */
function plainFormPost(boundArguments: string): FormData {
  const form = new FormData();
  form.set('$ACTION_REF_1', '');
  form.set('$ACTION_1:0', '{"id":"60cb1950aa","bound":"$@1"}');
  form.set('$ACTION_1:1', boundArguments);
  form.set('$ACTION_KEY', 'k1');
  form.set('email', 'admin@crossing.local');
  return form;
}

describe('body size', () => {
  it('refuses more than the limit, and a body without a length', () => {
    expect(bodySizeProblem(new Headers({ 'content-length': String(BODY_SIZE_LIMIT_BYTES + 1) }))?.status).toBe(413);
    expect(bodySizeProblem(new Headers({ 'transfer-encoding': 'chunked' }))?.status).toBe(411);
    expect(bodySizeProblem(new Headers({ 'content-length': '12abc' }))?.status).toBe(400);
    expect(bodySizeProblem(new Headers({ 'content-length': String(BODY_SIZE_LIMIT_BYTES) }))).toBeUndefined();
    expect(bodySizeProblem(new Headers())).toBeUndefined();
  });
});

describe('server action arguments', () => {
  it('passes what the console pages send', async () => {
    expect(await actionBodyProblem(action('["eu-west-1"]', 'text/plain;charset=UTF-8'))).toBeUndefined();
    expect(await actionBodyProblem(action('[{"parentId":"ou-ab12-cdefgh34","at":"$D2026-01-01T00:00:00.000Z","x":"$undefined","s":"$$5"}]', 'text/plain;charset=UTF-8'))).toBeUndefined();
    // The sign-in form through JavaScript: its fields, then the arguments (state, form data).
    const form = new FormData();
    form.set('_1_email', 'admin@crossing.local');
    form.set('_1_password', '$@1 is only text in a field');
    form.set('0', '[{},"$K1"]');
    expect(await actionBodyProblem(multipart(form))).toBeUndefined();
    // The same form posted before JavaScript ran: the action and its bound arguments in fields.
    expect(await actionBodyProblem(multipart(plainFormPost('[{}]')))).toBeUndefined();
  });

  it('refuses bodies Next.js would answer with a 500', async () => {
    const cases: [BodyInit, string, RegExp][] = [
      ['notjson', 'text/plain', /not JSON/],
      ['["\u0000', 'text/plain', /not JSON/],
      [DEEP, 'text/plain', /deeper than 32/],
      ['["$@1","$Q2"]', 'text/plain', /reference/],
      ['["$K1"]', 'text/plain', /reference/],
      ['[{"a":"$h1"}]', 'text/plain', /reference/],
      ['garbage', 'multipart/form-data; boundary=xyz', /not valid multipart/],
      ['[]', 'application/json', /Unsupported media type/],
    ];
    for (const [body, type, message] of cases) {
      const problem = await actionBodyProblem(action(body, type));
      expect(problem?.message, String(body).slice(0, 40)).toMatch(message);
      expect(problem!.status).toBeGreaterThanOrEqual(400);
      expect(problem!.status).toBeLessThan(500);
    }
  });

  it('refuses junk in the argument parts of a multipart body', async () => {
    const form = new FormData();
    form.set('0', '["$T"]');
    expect((await actionBodyProblem(multipart(form)))?.message).toMatch(/reference/);
    const missingPart = new FormData();
    missingPart.set('0', '["$@5"]');
    expect((await actionBodyProblem(multipart(missingPart)))?.message).toMatch(/reference/);
    expect((await actionBodyProblem(multipart(plainFormPost('notjson'))))?.message).toMatch(/not JSON/);
    expect((await actionBodyProblem(multipart(plainFormPost(DEEP))))?.message).toMatch(/deeper/);
  });

  it('refuses arguments that are JSON but not a list, which Next.js answers with a 500', async () => {
    for (const body of ['"x"', '123', 'null', '{}', 'true', '{"0":"a","length":1}']) {
      expect(await actionBodyProblem(action(body, 'text/plain;charset=UTF-8')), body).toEqual({ status: 400, message: 'Bad request: the arguments are not a list (a JSON array).' });
      const form = new FormData();
      form.set('0', body);
      expect((await actionBodyProblem(multipart(form)))?.status, `multipart ${body}`).toBe(400);
      expect((await actionBodyProblem(multipart(plainFormPost(body))))?.message, `form ${body}`).toMatch(/not a list/);
    }
  });
});
