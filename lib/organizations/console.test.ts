// Protects the /organization page's message when the console's identity cannot list the organization (member account, no organization).
import { describe, expect, it } from 'vitest';
import type { ConsoleContext } from '../aws/identity';
import { organizationAccessProblem } from './console';

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
