// Protects: the create-share wizard's principal rules and their messages — the format of each principal
// type; org and OU only from the console's own organization; outside accounts only when the toggle and every
// resource type allow it; IAM roles/users only where every type supports them; each refusal names its rule
// and the resource type that causes it.
import { describe, expect, it } from 'vitest';
import { checkPrincipal, checkPrincipals, PRINCIPAL_TYPES, principalTypeOf, type OrganizationDirectory, type PrincipalRules } from './principals';
import { resourceTypeInfo } from './resource-types';

const directory: OrganizationDirectory = {
  organizationId: 'o-exmpl7c0rp',
  organizationArn: 'arn:aws:organizations::100000000001:organization/o-exmpl7c0rp',
  rootId: 'r-7c0r',
  name: 'Root',
  account: (id) =>
    ({ '300000000001': { name: 'network', path: 'Root / Infrastructure' }, '400000000011': { name: 'payments-dev', path: 'Root / Workloads / Dev' } })[id],
  ou: (id) =>
    id === 'ou-7c0r-dev5h1zc'
      ? { name: 'Dev', path: 'Root / Workloads / Dev', arn: 'arn:aws:organizations::100000000001:ou/o-exmpl7c0rp/ou-7c0r-dev5h1zc' }
      : id === 'ou-7c0r-inf4r9kq'
        ? { name: 'Infrastructure', path: 'Root / Infrastructure', arn: 'arn:aws:organizations::100000000001:ou/o-exmpl7c0rp/ou-7c0r-inf4r9kq' }
        : undefined,
  ancestorsOfAccount: (id) => (id === '300000000001' ? ['r-7c0r', 'ou-7c0r-inf4r9kq'] : ['r-7c0r']),
};

const subnet = resourceTypeInfo('ec2:Subnet');
const prefixList = resourceTypeInfo('ec2:PrefixList');
const ca = resourceTypeInfo('acm-pca:CertificateAuthority');

const rules = (over: Partial<PrincipalRules> = {}): PrincipalRules => ({
  organization: directory,
  organizationSharing: true,
  sharingAccountId: '300000000001',
  allowExternalPrincipals: true,
  resourceTypes: [prefixList],
  ...over,
});

const refusal = (check: ReturnType<typeof checkPrincipal>) => (check.ok ? undefined : { rule: check.rule, message: check.message });

describe('format of each principal type', () => {
  it.each([
    ['AWS_ACCOUNT', '12345', 'AWS account: expected 12 digits'],
    ['ORGANIZATION', 'o-short', 'Organization: expected o- and 10–32'],
    ['ORGANIZATIONAL_UNIT', 'ou-7c0r', 'Organizational unit: expected ou-'],
    ['IAM_ROLE', 'arn:aws:iam::123456789012:user/Bob', 'IAM role: expected arn:aws:iam::ACCOUNT:role/NAME'],
    ['IAM_USER', 'Bob', 'IAM user: expected arn:aws:iam::ACCOUNT:user/NAME'],
  ] as const)('%s "%s" is refused with its format', (type, value, message) => {
    const r = refusal(checkPrincipal(type, value, rules({ resourceTypes: [ca] })));
    expect(r?.rule).toBe('format');
    expect(r?.message).toContain(message);
  });

  it('accepts each type in its form, trimmed, and names it from the organization', () => {
    const account = checkPrincipal('AWS_ACCOUNT', ' 400000000011 ', rules());
    expect(account).toMatchObject({ ok: true, principal: { principal: '400000000011', name: 'payments-dev (Root / Workloads / Dev)', outside: false } });
    const ou = checkPrincipal('ORGANIZATIONAL_UNIT', 'ou-7c0r-dev5h1zc', rules());
    expect(ou).toMatchObject({ ok: true, principal: { principal: directory.ou('ou-7c0r-dev5h1zc')!.arn, name: 'Root / Workloads / Dev' } });
    expect(checkPrincipal('ORGANIZATION', directory.organizationArn, rules())).toMatchObject({ ok: true, principal: { principal: directory.organizationArn, id: 'r-7c0r' } });
    expect(checkPrincipal('IAM_ROLE', 'arn:aws:iam::400000000011:role/Dev', rules({ resourceTypes: [ca] }))).toMatchObject({ ok: true });
    expect(checkPrincipal('IAM_USER', 'arn:aws:iam::400000000011:user/path/alice', rules({ resourceTypes: [ca] }))).toMatchObject({ ok: true });
  });

  it('offers service principals as a type, read from their form, refused with the types and the reason', () => {
    expect(principalTypeOf('elasticloadbalancing.amazonaws.com')).toBe('SERVICE_PRINCIPAL');
    expect(PRINCIPAL_TYPES).toContain('SERVICE_PRINCIPAL');
    expect(refusal(checkPrincipal('SERVICE_PRINCIPAL', 'ec2.amazonaws.com', rules()))).toEqual({
      rule: 'service-principal',
      message:
        'Prefix lists (ec2:PrefixList) cannot be shared with a service principal such as ec2.amazonaws.com: AWS RAM\'s "Shareable AWS resources" table does not mark this type "Can share with service principals".',
    });
  });

  it('refuses a service principal, naming the types', () => {
    expect(refusal(checkPrincipal('AWS_ACCOUNT', 'ec2.amazonaws.com', rules()))).toEqual({
      rule: 'service-principal',
      message: expect.stringContaining('Prefix lists (ec2:PrefixList)'),
    });
  });
});

describe('organization and OU only from the console’s organization', () => {
  it('refuses another organization and an OU of another organization', () => {
    expect(refusal(checkPrincipal('ORGANIZATION', 'o-other12345', rules()))).toEqual({
      rule: 'other-organization',
      message: 'o-other12345 is not your organization (o-exmpl7c0rp): RAM shares only with the sharing account\'s own organization.',
    });
    expect(refusal(checkPrincipal('ORGANIZATIONAL_UNIT', 'ou-zz99-abcdefgh', rules()))?.rule).toBe('other-organization');
    // The OU ID exists here, but the ARN names another organization.
    expect(refusal(checkPrincipal('ORGANIZATIONAL_UNIT', 'arn:aws:organizations::999999999999:ou/o-other12345/ou-7c0r-dev5h1zc', rules()))?.rule).toBe('other-organization');
  });

  it('refuses org and OU principals while sharing with Organizations is off', () => {
    expect(refusal(checkPrincipal('ORGANIZATIONAL_UNIT', 'ou-7c0r-dev5h1zc', rules({ organizationSharing: false })))).toEqual({
      rule: 'organization-sharing-off',
      message: expect.stringContaining('enable it in Settings'),
    });
  });

  it('warns when the OU or organization contains the sharing account', () => {
    expect(checkPrincipal('ORGANIZATIONAL_UNIT', 'ou-7c0r-inf4r9kq', rules())).toMatchObject({ ok: true, principal: { containsSharingAccount: true } });
    expect(checkPrincipal('ORGANIZATION', 'o-exmpl7c0rp', rules())).toMatchObject({ ok: true, principal: { containsSharingAccount: true } });
    expect(checkPrincipal('ORGANIZATIONAL_UNIT', 'ou-7c0r-dev5h1zc', rules())).toMatchObject({ ok: true, principal: { containsSharingAccount: false } });
  });
});

describe('accounts outside the organization', () => {
  it('are allowed for a type that goes outside, with the toggle on, marked outside', () => {
    expect(checkPrincipal('AWS_ACCOUNT', '900000000001', rules())).toMatchObject({ ok: true, principal: { outside: true, name: 'Account 900000000001' } });
  });

  it('are refused when the toggle is off', () => {
    expect(refusal(checkPrincipal('AWS_ACCOUNT', '900000000001', rules({ allowExternalPrincipals: false })))).toEqual({
      rule: 'external-not-allowed',
      message: 'Account 900000000001 is outside your organization, and "Allow principals outside your organization" is off for this share.',
    });
  });

  it('are refused when any type is organization-only, naming it', () => {
    expect(refusal(checkPrincipal('AWS_ACCOUNT', '900000000001', rules({ resourceTypes: [prefixList, subnet] })))).toEqual({
      rule: 'type-organization-only',
      message: 'Account 900000000001 is outside your organization: Subnets (ec2:Subnet) can only be shared within your organization.',
    });
  });

  it('counts members as outside while sharing with Organizations is off', () => {
    const r = refusal(checkPrincipal('AWS_ACCOUNT', '400000000011', rules({ organizationSharing: false, resourceTypes: [subnet] })));
    expect(r?.rule).toBe('type-organization-only');
    expect(r?.message).toContain('sharing with AWS Organizations is off');
  });

  it('a console without an organization treats every account as outside', () => {
    expect(checkPrincipal('AWS_ACCOUNT', '400000000011', rules({ organization: undefined }))).toMatchObject({ ok: true, principal: { outside: true } });
    expect(refusal(checkPrincipal('ORGANIZATION', 'o-exmpl7c0rp', rules({ organization: undefined })))?.rule).toBe('other-organization');
  });
});

describe('IAM roles and users', () => {
  it('are refused when a type does not support them, naming the type and the way out', () => {
    expect(refusal(checkPrincipal('IAM_ROLE', 'arn:aws:iam::400000000011:role/Dev', rules({ resourceTypes: [ca, subnet] })))).toEqual({
      rule: 'type-no-iam',
      message: "Subnets (ec2:Subnet) cannot be shared with IAM roles: share with the role's account (400000000011) instead.",
    });
  });

  it('outside the organization follow the account rules', () => {
    expect(refusal(checkPrincipal('IAM_USER', 'arn:aws:iam::900000000001:user/bob', rules({ resourceTypes: [ca], allowExternalPrincipals: false })))?.rule).toBe(
      'external-not-allowed',
    );
  });
});

describe('the sharing account and duplicates', () => {
  it('refuses the sharing account itself', () => {
    expect(refusal(checkPrincipal('AWS_ACCOUNT', '300000000001', rules()))?.rule).toBe('own-account');
    expect(refusal(checkPrincipal('IAM_ROLE', 'arn:aws:iam::300000000001:role/x', rules({ resourceTypes: [ca] })))?.rule).toBe('own-account');
  });

  it('refuses a principal already selected', () => {
    const first = checkPrincipal('AWS_ACCOUNT', '400000000011', rules());
    expect(first.ok).toBe(true);
    const again = checkPrincipal('AWS_ACCOUNT', '400000000011', rules(), first.ok ? [first.principal] : []);
    expect(refusal(again)).toEqual({ rule: 'duplicate', message: 'payments-dev (Root / Workloads / Dev) is already in the share\'s principals.' });
  });

  it('checks a whole list again when the share changes (a subnet added after an outside account)', () => {
    const outside = checkPrincipal('AWS_ACCOUNT', '900000000001', rules());
    const inside = checkPrincipal('AWS_ACCOUNT', '400000000011', rules());
    const list = [outside, inside].flatMap((c) => (c.ok ? [c.principal] : []));
    const result = checkPrincipals(list, rules({ resourceTypes: [prefixList, subnet] }));
    expect(result.principals.map((p) => p.principal)).toEqual(['400000000011']);
    expect(result.errors['900000000001']).toContain('Subnets (ec2:Subnet) can only be shared within your organization');
  });
});
