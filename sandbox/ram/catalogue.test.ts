// Protects what RAM offers per resource type: AWS's capabilities table, invitation expiry, and a managed default permission for every type.
import { describe, expect, test } from 'vitest';
import { MANAGED_PERMISSIONS, defaultPermissionFor } from './permissions.js';
import { RESOURCE_TYPES, invitationExpiryHours, resourceType, resourceTypeOfArn } from './resource-types.js';

describe('resource types', () => {
  test("capabilities follow AWS's Shareable AWS resources table", () => {
    const table = Object.fromEntries(
      RESOURCE_TYPES.map((t) => [t.resourceType, [t.shareableWithIamPrincipals, t.shareableOutsideOrganization, t.invitationExpiryHours]]),
    );
    expect(table).toEqual({
      'acm-pca:CertificateAuthority': [true, true, 12],
      'ec2:PrefixList': [false, true, 168],
      'ec2:Subnet': [false, false, 168],
      'ec2:TransitGateway': [false, true, 168],
      'license-manager:LicenseConfiguration': [false, true, 168],
      'route53resolver:ResolverRule': [false, true, 168],
    });
  });

  test('types are found by name (any case) and by ARN', () => {
    expect(resourceType('EC2:subnet')?.resourceType).toBe('ec2:Subnet');
    expect(resourceTypeOfArn('ec2', 'subnet/subnet-0123')?.resourceType).toBe('ec2:Subnet');
    expect(resourceTypeOfArn('license-manager', 'license-configuration:lic-0123')?.resourceType).toBe('license-manager:LicenseConfiguration');
    expect(resourceTypeOfArn('ec2', 'instance/i-0123')).toBeUndefined();
  });

  test('an invitation lasts 7 days only when every type in the share is on the 7-day list', () => {
    const t = (name: string) => resourceType(name)!;
    expect(invitationExpiryHours([t('ec2:Subnet'), t('ec2:PrefixList')])).toBe(168);
    expect(invitationExpiryHours([t('ec2:Subnet'), t('acm-pca:CertificateAuthority')])).toBe(12);
    expect(invitationExpiryHours([])).toBe(12);
  });
});

describe('managed permissions', () => {
  test('every type has exactly one AWS managed default, named as AWS names it', () => {
    for (const t of RESOURCE_TYPES) {
      const defaults = MANAGED_PERMISSIONS.filter((p) => p.resourceType === t.resourceType && p.isResourceTypeDefault);
      expect(defaults).toHaveLength(1);
      expect(defaults[0].name).toMatch(/^AWSRAMDefaultPermission/);
      expect(defaultPermissionFor(t.resourceType).arn).toBe(`arn:aws:ram::aws:permission/${defaults[0].name}`);
    }
  });

  test('policy templates are JSON with an Allow effect and actions of their own service only', () => {
    for (const p of MANAGED_PERMISSIONS) {
      const template = JSON.parse(p.permission);
      expect(template.Effect).toBe('Allow');
      const service = resourceType(p.resourceType)!.serviceName;
      for (const action of template.Action) expect(action.startsWith(`${service}:`)).toBe(true);
    }
  });
});
