// Protects: every change is recorded in the audit log without secrets, and the log filters and pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let log: typeof import('./log');

beforeAll(async () => {
  process.env.CROSSING_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-audit-'));
  process.env.AWS_ENDPOINT_URL ??= 'http://127.0.0.1:1';
  log = await import('./log');
});
afterAll(() => log.closeAudit());

describe('audit log', () => {
  it('is readable by its owner only', () => {
    log.recordAudit({ actor: 'a@example.com', role: 'admin', action: 'test:Mode', outcome: 'success' });
    expect(fs.statSync(path.join(process.env.CROSSING_DATA_DIR!, 'audit.sqlite')).mode & 0o777).toBe(0o600);
  });

  it('strips secrets from parameters', () => {
    expect(log.stripSecrets({ roleName: 'x', SecretAccessKey: 'abc', nested: [{ password: 'p', sessionToken: 't', ok: 1 }] })).toEqual({
      roleName: 'x',
      SecretAccessKey: '[removed]',
      nested: [{ password: '[removed]', sessionToken: '[removed]', ok: 1 }],
    });
  });

  it('records synchronously and lists newest first with filters and pages', () => {
    for (let i = 0; i < 60; i++) {
      log.recordAudit({
        actor: i % 2 ? 'admin@example.com' : 'ops@example.com',
        role: 'admin',
        action: i % 3 ? 'iam:CreateRole' : 'ram:EnableSharingWithAwsOrganization',
        accountId: '100000000001',
        region: 'us-east-1',
        parameters: { i, clientSecret: 'x' },
        outcome: i === 59 ? 'failure' : 'success',
        requestId: `req-${i}`,
      });
    }
    const first = log.listAudit({}, 1);
    expect(first.total).toBe(61);
    expect(first.pages).toBe(2);
    expect(first.entries).toHaveLength(log.AUDIT_PAGE_SIZE);
    expect(first.entries[0]).toMatchObject({ requestId: 'req-59', outcome: 'failure', parameters: { i: 59, clientSecret: '[removed]' } });
    expect(log.listAudit({}, 2).entries).toHaveLength(11);
    expect(log.listAudit({ action: 'EnableSharing' }).total).toBe(20);
    expect(log.listAudit({ actor: 'ops@', outcome: 'success' }).total).toBe(30);
    expect(log.listAudit({ actor: '100%_' }).total).toBe(0);
  });
});
