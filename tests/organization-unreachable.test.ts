// Protects: when AWS cannot be reached, the organization tree's actions and the SCP page tell the admin so instead of failing with an error page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isValidElement, type ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('../lib/auth/guard', () => ({ requireUser: async () => ({ email: 'viewer@crossing.local', role: 'viewer' }) }));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crossing-org-unreachable-'));

beforeAll(() => {
  Object.assign(process.env, {
    CROSSING_DATA_DIR: dataDir,
    CROSSING_MODE: 'sandbox',
    // Nothing listens there.
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00',
    AWS_SECRET_ACCESS_KEY: 'example-secret-example-secret-example-00',
    CROSSING_MAX_ATTEMPTS: '1',
  });
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** The text a server component's element tree shows, props such as an Alert's title included. */
function text(node: ReactNode): string {
  if (Array.isArray(node)) return node.map(text).join(' ');
  if (isValidElement<{ children?: ReactNode; title?: ReactNode }>(node)) return `${text(node.props.title)} ${text(node.props.children)}`;
  return typeof node === 'string' || typeof node === 'number' ? String(node) : '';
}

describe('organization pages with AWS unreachable', () => {
  it('answers the tree actions with the reason instead of throwing', async () => {
    const { statusAction, loadChildrenAction } = await import('@/components/organization-tree/actions');
    for (const result of [await statusAction(), await loadChildrenAction(['r-ab12'])]) {
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/sts:GetCallerIdentity failed: the endpoint http:\/\/127\.0\.0\.1:9 cannot be reached/) });
    }
  });

  it('shows the reason on the SCP page', async () => {
    const { default: PolicyPage } = await import('@/app/(console)/organization/policies/[policyId]/page');
    const page = await PolicyPage({ params: Promise.resolve({ policyId: 'p-FullAWSAccess' }) });
    expect(text(page)).toMatch(/The console's identity could not be read.*cannot be reached/);
  });
});
