// Protects: every change is recorded in the audit log without secrets, and the log filters, pages and exports a
// date range, the same on SQLite and on PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../../tests/support/databases';

describe.each(TEST_DATABASES)('audit log on $name', ({ dialect, skip }) => {
  let log: typeof import('./log');

  beforeAll(async () => {
    if (skip) return;
    process.env.AWS_ENDPOINT_URL ??= 'http://127.0.0.1:1';
    await useTestDatabase(dialect, 'crossing-audit-');
    vi.resetModules();
    log = await import('./log');
  });
  afterAll(() => log?.closeAudit());

  it.skipIf(skip || dialect !== 'sqlite')('is readable by its owner only', async () => {
    await log.recordAudit({ actor: 'a@example.com', role: 'admin', action: 'test:Mode', outcome: 'success' });
    expect(fs.statSync(path.join(process.env.CROSSING_DATA_DIR!, 'crossing.sqlite')).mode & 0o777).toBe(0o600);
  });

  it.skipIf(skip)('strips secrets from parameters', () => {
    expect(log.stripSecrets({ roleName: 'x', SecretAccessKey: 'abc', nested: [{ password: 'p', sessionToken: 't', ok: 1 }] })).toEqual({
      roleName: 'x',
      SecretAccessKey: '[removed]',
      nested: [{ password: '[removed]', sessionToken: '[removed]', ok: 1 }],
    });
  });

  it.skipIf(skip)('lists newest first with filters and pages', async () => {
    const before = (await log.listAudit()).total;
    for (let i = 0; i < 60; i++) {
      await log.recordAudit({
        actor: i % 2 ? 'admin@example.com' : 'Ops@example.com',
        role: 'admin',
        action: i % 3 ? 'iam:CreateRole' : 'ram:EnableSharingWithAwsOrganization',
        accountId: '100000000001',
        region: 'us-east-1',
        parameters: { i, clientSecret: 'x' },
        outcome: i === 59 ? 'failure' : 'success',
        requestId: `req-${i}`,
        planId: i < 3 ? 'p-00000000000000000001' : undefined,
        step: i < 3 ? i + 1 : undefined,
      });
    }
    const first = await log.listAudit({}, 1);
    expect(first.total).toBe(before + 60);
    expect(first.pages).toBe(2);
    expect(first.entries).toHaveLength(log.AUDIT_PAGE_SIZE);
    expect(first.entries[0]).toMatchObject({ requestId: 'req-59', outcome: 'failure', parameters: { i: 59, clientSecret: '[removed]' } });
    expect(first.entries[0].at).toBeInstanceOf(Date);
    expect((await log.listAudit({}, 2)).entries).toHaveLength(before + 10);
    expect((await log.listAudit({ action: 'EnableSharing' })).total).toBe(20);
    // Case does not matter, on either database.
    expect((await log.listAudit({ actor: 'ops@', outcome: 'success' })).total).toBe(30);
    expect((await log.listAudit({ actor: '100%_' })).total).toBe(0);
    expect((await log.listAudit({ planId: 'p-00000000000000000001' })).entries.map((e) => e.step)).toEqual([3, 2, 1]);
  });

  it.skipIf(skip)('exports a date range oldest first, every entry once, however many', async () => {
    const from = new Date();
    for (let i = 0; i < 1_050; i++) await log.recordAudit({ actor: 'siem@example.com', role: 'admin', action: 'test:Export', outcome: 'success', parameters: { i } });
    const to = new Date(Date.now() + 1);
    const seen: number[] = [];
    for await (const entry of log.auditBetween(from, to)) if (entry.action === 'test:Export') seen.push((entry.parameters as { i: number }).i);
    expect(seen).toEqual(Array.from({ length: 1_050 }, (_, i) => i));
    const none = [];
    for await (const entry of log.auditBetween(new Date(0), from)) if (entry.action === 'test:Export') none.push(entry);
    expect(none).toEqual([]);
  });
});
