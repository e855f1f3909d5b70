// Protects the /organization page's message when the console's identity cannot list the organization (member account, no organization), and the snapshot's refresh age setting.
import { describe, expect, it } from 'vitest';
import type { ConsoleContext } from '../aws/identity';
import { parseConfig } from '../config';
import { organizationAccessProblem, organizationSource } from './snapshot-source';

const base: ConsoleContext = { accountId: '400000000012', arn: 'arn:aws:iam::400000000012:user/ops', standing: 'member', mode: 'sandbox', region: 'us-east-1' };
const organization = { id: 'o-exmpl7c0rp', arn: 'arn:aws:organizations::100000000001:organization/o-exmpl7c0rp', featureSet: 'ALL' as const, managementAccountId: '100000000001' };

describe('organization access problem', () => {
  it('lets the management account and delegated administrators through', () => {
    expect(organizationAccessProblem({ ...base, organization, standing: 'management' })).toBeUndefined();
    expect(organizationAccessProblem({ ...base, organization, standing: 'delegated-admin' })).toBeUndefined();
  });

  it('tells a member account which account to use instead', () => {
    const message = organizationAccessProblem({ ...base, organization })!;
    expect(message).toContain('400000000012');
    expect(message).toContain('member account');
    expect(message).toContain('management account 100000000001');
    expect(message).toContain('delegated administrator');
  });

  it('tells an account outside any organization so', () => {
    expect(organizationAccessProblem({ ...base, standing: 'no-organization' })).toContain('not in an AWS Organization');
  });
});

describe('organization snapshot source', () => {
  it('refreshes after CROSSING_ORG_SNAPSHOT_MAX_AGE_SECONDS (default 5 minutes), a bad value refused at start', async () => {
    const endpoint = 'http://127.0.0.1:9';
    expect(parseConfig({ AWS_ENDPOINT_URL: endpoint }).orgSnapshotMaxAgeSeconds).toBe(300);
    for (const bad of ['0', '-5', '1.5', 'ten']) {
      expect(() => parseConfig({ AWS_ENDPOINT_URL: endpoint, CROSSING_ORG_SNAPSHOT_MAX_AGE_SECONDS: bad })).toThrow(/CROSSING_ORG_SNAPSHOT_MAX_AGE_SECONDS/);
    }
    Object.assign(process.env, { CROSSING_MODE: 'sandbox', AWS_ENDPOINT_URL: endpoint, CROSSING_ORG_SNAPSHOT_MAX_AGE_SECONDS: '120' });
    const source = await organizationSource({ ...base, organization, standing: 'management' });
    expect(source.maxAgeMs).toBe(120_000);
    expect(source.key).toBe(`${endpoint}|400000000012|o-exmpl7c0rp`);
  });
});
