// Protects: a viewer or a signed-out caller can never run an admin action, every such attempt is in the audit
// log (who, or "anonymous"), bad input gets field errors, and a refusal by the plan rules reads as itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { AdminCheck } from './auth/guard';

// Who is signed in: the one thing the test controls (the session cookie needs a request).
const signedIn = vi.hoisted(() => ({ check: undefined as unknown as AdminCheck }));
vi.mock('./auth/guard', () => ({
  requireAdmin: async () => signedIn.check,
  currentUser: async () => (signedIn.check.ok ? signedIn.check.user : signedIn.check.status === 403 ? signedIn.check.user : undefined),
}));
vi.mock('./region', () => ({ currentRegion: async () => 'eu-west-1' }));

let actions: typeof import('./server-actions');
let audit: typeof import('./audit/log');
let build: typeof import('./plan/build');

beforeAll(async () => {
  Object.assign(process.env, {
    CROSSING_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-actions-')),
    CROSSING_MODE: 'sandbox',
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  });
  actions = await import('./server-actions');
  audit = await import('./audit/log');
  build = await import('./plan/build');
});
afterAll(() => audit.closeAudit());

const admin = { email: 'admin@example.com', name: 'Admin', role: 'admin' as const };
const viewer = { email: 'viewer@example.com', name: 'Viewer', role: 'viewer' as const };

function applyAction(run = vi.fn(async (input: { planId: string }) => `applied ${input.planId}`)) {
  const action = actions.adminAction({
    action: 'plan:apply',
    input: z.object({ planId: z.string().min(1, 'Enter a plan ID'), tokenSecret: z.string().optional() }).strict(),
    run,
  });
  return { action, run };
}

const newest = async () => (await audit.listAudit({}, 1)).entries[0];

describe('adminAction', () => {
  beforeEach(() => {
    signedIn.check = { ok: true, user: admin };
  });

  it('refuses a viewer with "not allowed", runs nothing and records the attempt without its secrets, whatever the input', async () => {
    signedIn.check = { ok: false, status: 403, error: 'Not allowed: viewer', user: viewer };
    const { action, run } = applyAction();
    for (const input of [{ planId: 'p-1', tokenSecret: 's3cr3t' }, { planId: '' }, 'garbage', [null, null]]) {
      const before = (await audit.listAudit({ outcome: 'denied' })).total;
      expect(await action(input)).toEqual({ ok: false, error: 'Not allowed: viewer' });
      expect((await audit.listAudit({ outcome: 'denied' })).total).toBe(before + 1);
      expect(await newest()).toMatchObject({ actor: viewer.email, role: 'viewer', action: 'plan:apply', outcome: 'denied', region: 'eu-west-1' });
    }
    expect((await audit.listAudit({ outcome: 'denied' })).entries.at(-1)?.parameters).toEqual({ planId: 'p-1', tokenSecret: '[removed]' });
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses a signed-out caller, runs nothing and records the attempt as anonymous', async () => {
    signedIn.check = { ok: false, status: 401, error: 'Not signed in' };
    const { action, run } = applyAction();
    expect(await action({ planId: 'p-1' })).toEqual({ ok: false, error: 'Not signed in' });
    expect(await newest()).toMatchObject({ actor: 'anonymous', action: 'plan:apply', outcome: 'unauthenticated' });
    expect(run).not.toHaveBeenCalled();
  });

  it('gives an admin field errors for bad input and runs nothing', async () => {
    const { action, run } = applyAction();
    const result = await action({ planId: '', unexpected: 1 });
    expect(result).toMatchObject({ ok: false, fieldErrors: { planId: ['Enter a plan ID'] } });
    expect(run).not.toHaveBeenCalled();
  });

  it("answers with the run's data, and with a plan rule's own words when it refuses", async () => {
    expect(await applyAction().action({ planId: 'p-1' })).toEqual({ ok: true, data: 'applied p-1' });
    const refusing = applyAction(vi.fn(async () => Promise.reject(new build.PlanError('This plan expired.'))));
    expect(await refusing.action({ planId: 'p-1' })).toEqual({ ok: false, error: 'This plan expired.' });
  });
});

describe('userAction', () => {
  it('lets a viewer build (it changes nothing) and refuses a signed-out caller', async () => {
    const action = actions.userAction({ action: 'plan:build', input: z.object({}).strict(), run: async (_i, ctx) => ctx.user.email });
    signedIn.check = { ok: false, status: 403, error: 'Not allowed: viewer', user: viewer };
    expect(await action({})).toEqual({ ok: true, data: viewer.email });
    signedIn.check = { ok: false, status: 401, error: 'Not signed in' };
    expect(await action({})).toMatchObject({ ok: false });
  });
});
