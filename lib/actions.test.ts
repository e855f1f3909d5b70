// Protects: a viewer (or a signed-out caller) can never make a change through an admin action, every attempt
// and every change is in the audit log before the action answers, and bad input gets field errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { AdminCheck } from './auth/guard';

// Who is signed in: the one thing the test controls (the session cookie needs a request).
const signedIn = vi.hoisted(() => ({ check: undefined as unknown as AdminCheck }));
vi.mock('./auth/guard', () => ({ requireAdmin: async () => signedIn.check }));
vi.mock('./region', () => ({ currentRegion: async () => 'eu-west-1' }));

let actions: typeof import('./actions');
let audit: typeof import('./audit/log');

beforeAll(async () => {
  Object.assign(process.env, {
    CROSSING_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-actions-')),
    CROSSING_MODE: 'sandbox',
    // Nothing listens there: the console's own account is simply unknown in these entries.
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
    AWS_SECRET_ACCESS_KEY: 'example-secret-example-secret-example-00',
    CROSSING_MAX_ATTEMPTS: '1',
  });
  actions = await import('./actions');
  audit = await import('./audit/log');
});
afterAll(() => audit.closeAudit());

const admin = { email: 'admin@example.com', name: 'Admin', role: 'admin' as const };
const viewer = { email: 'viewer@example.com', name: 'Viewer', role: 'viewer' as const };

function createRoleAction(run = vi.fn(async () => ({ result: { created: true }, requestId: 'req-1' }))) {
  const action = actions.adminAction({
    action: 'iam:CreateRole',
    input: z.object({ roleName: z.string().min(1, 'Enter a role name'), externalIdSecret: z.string().optional() }).strict(),
    target: () => ({ accountId: '400000000001' }),
    run,
  });
  return { action, run };
}

const newest = () => audit.listAudit({}, 1).entries[0];

describe('adminAction', () => {
  beforeEach(() => {
    signedIn.check = { ok: true, user: admin };
  });

  it('refuses a viewer with "not allowed", runs nothing and records the attempt, whatever the input', async () => {
    signedIn.check = { ok: false, status: 403, error: 'Not allowed: viewer', user: viewer };
    const { action, run } = createRoleAction();
    for (const input of [{ roleName: 'Ops' }, { roleName: '' }, 'garbage']) {
      const before = audit.listAudit({ outcome: 'denied' }).total;
      expect(await action(input)).toEqual({ ok: false, error: 'Not allowed: viewer' });
      expect(audit.listAudit({ outcome: 'denied' }).total).toBe(before + 1);
      expect(newest()).toMatchObject({ actor: viewer.email, role: 'viewer', action: 'iam:CreateRole', outcome: 'denied' });
    }
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses a signed-out caller and runs nothing', async () => {
    signedIn.check = { ok: false, status: 401, error: 'Not signed in' };
    const { action, run } = createRoleAction();
    expect(await action({ roleName: 'Ops' })).toEqual({ ok: false, error: 'Not signed in' });
    expect(run).not.toHaveBeenCalled();
  });

  it('gives an admin field errors for bad input and runs nothing', async () => {
    const { action, run } = createRoleAction();
    const result = await action({ roleName: '', unexpected: 1 });
    expect(result).toMatchObject({ ok: false, fieldErrors: { roleName: ['Enter a role name'] } });
    expect(run).not.toHaveBeenCalled();
  });

  it('records a change, without its secrets, before answering', async () => {
    const { action } = createRoleAction();
    expect(await action({ roleName: 'Ops', externalIdSecret: 's3cr3t' })).toEqual({ ok: true, created: true });
    expect(newest()).toMatchObject({
      actor: admin.email,
      action: 'iam:CreateRole',
      accountId: '400000000001',
      region: 'eu-west-1',
      outcome: 'success',
      requestId: 'req-1',
      parameters: { roleName: 'Ops', externalIdSecret: '[removed]' },
    });
  });

  it('explains and records an AWS failure', async () => {
    const refused = Object.assign(new Error('User is not authorized to perform iam:CreateRole'), {
      name: 'AccessDenied',
      $metadata: { requestId: 'req-2' },
    });
    const { action } = createRoleAction(vi.fn(async () => Promise.reject(refused)));
    const result = await action({ roleName: 'Ops' });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^The console's identity lacks iam:CreateRole in 400000000001/) });
    expect(newest()).toMatchObject({ outcome: 'failure', requestId: 'req-2', error: (result as { error: string }).error });
  });
});
