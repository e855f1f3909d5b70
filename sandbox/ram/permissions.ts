// The AWS managed permissions RAM offers for the resource types the sandbox can share: each type's
// default permission and the alternatives AWS publishes for it. Names are AWS's; the policy
// templates follow AWS's (Effect + Action [+ Condition], no Principal/Resource: RAM fills those in).
import { RESOURCE_TYPES } from './resource-types.js';

export interface ManagedPermission {
  arn: string;
  name: string;
  resourceType: string;
  version: string;
  isResourceTypeDefault: boolean;
  /** The policy template as GetPermission returns it (a JSON string). */
  permission: string;
  creationTime: Date;
  lastUpdatedTime: Date;
}

interface Template {
  Effect: 'Allow';
  Action: string[];
  Condition?: Record<string, Record<string, string>>;
}

function managed(
  name: string,
  resourceType: string,
  template: Template,
  isResourceTypeDefault: boolean,
  created: string,
): ManagedPermission {
  return {
    arn: `arn:aws:ram::aws:permission/${name}`,
    name,
    resourceType,
    version: '1',
    isResourceTypeDefault,
    permission: JSON.stringify(template),
    creationTime: new Date(created),
    lastUpdatedTime: new Date(created),
  };
}

const PCA_READ = [
  'acm-pca:GetCertificate',
  'acm-pca:GetCertificateAuthorityCertificate',
  'acm-pca:DescribeCertificateAuthority',
];

/** A PCA permission that issues certificates from one ACM PCA certificate template only. */
function pcaIssuance(name: string, template: string, isDefault: boolean, created: string): ManagedPermission {
  return managed(
    name,
    'acm-pca:CertificateAuthority',
    {
      Effect: 'Allow',
      Action: ['acm-pca:IssueCertificate', ...PCA_READ, 'acm-pca:ListPermissions', 'acm-pca:ListTags'],
      Condition: { StringEquals: { 'acm-pca:TemplateArn': `arn:aws:acm-pca:::template/${template}/V1` } },
    },
    isDefault,
    created,
  );
}

export const MANAGED_PERMISSIONS: readonly ManagedPermission[] = [
  pcaIssuance('AWSRAMDefaultPermissionCertificateAuthority', 'EndEntityCertificate', true, '2022-06-30T17:04:19Z'),
  pcaIssuance(
    'AWSRAMBlankEndEntityCertificateAPICSRPassthroughIssuanceCertificateAuthority',
    'BlankEndEntityCertificate_APICSRPassthrough',
    false,
    '2022-11-16T18:21:40Z',
  ),
  pcaIssuance(
    'AWSRAMSubordinateCACertificatePathLen0IssuanceCertificateAuthority',
    'SubordinateCACertificate_PathLen0',
    false,
    '2022-11-16T18:21:42Z',
  ),
  managed(
    'AWSRAMRevokeCertificateCertificateAuthority',
    'acm-pca:CertificateAuthority',
    { Effect: 'Allow', Action: ['acm-pca:RevokeCertificate', ...PCA_READ] },
    false,
    '2022-11-16T18:21:44Z',
  ),
  managed(
    'AWSRAMDefaultPermissionPrefixList',
    'ec2:PrefixList',
    {
      Effect: 'Allow',
      Action: [
        'ec2:CreateRoute',
        'ec2:ReplaceRoute',
        'ec2:CreateNetworkAclEntry',
        'ec2:ReplaceNetworkAclEntry',
        'ec2:AuthorizeSecurityGroupIngress',
        'ec2:AuthorizeSecurityGroupEgress',
        'ec2:UpdateSecurityGroupRuleDescriptionsIngress',
        'ec2:UpdateSecurityGroupRuleDescriptionsEgress',
        'ec2:DescribeManagedPrefixLists',
        'ec2:GetManagedPrefixListEntries',
        'ec2:GetManagedPrefixListAssociations',
      ],
    },
    true,
    '2022-06-30T17:04:20Z',
  ),
  managed(
    'AWSRAMDefaultPermissionSubnet',
    'ec2:Subnet',
    { Effect: 'Allow', Action: ['ec2:RunInstances', 'ec2:CreateNetworkInterface', 'ec2:DescribeSubnets'] },
    true,
    '2024-10-30T15:11:41Z',
  ),
  managed(
    'AWSRAMDefaultPermissionTransitGateway',
    'ec2:TransitGateway',
    {
      Effect: 'Allow',
      Action: ['ec2:CreateTransitGatewayVpcAttachment', 'ec2:DescribeTransitGateways'],
    },
    true,
    '2022-06-30T17:04:18Z',
  ),
  managed(
    'AWSRAMDefaultPermissionLicenseConfiguration',
    'license-manager:LicenseConfiguration',
    {
      Effect: 'Allow',
      Action: [
        'license-manager:ListLicenseConfigurations',
        'license-manager:GetLicenseConfiguration',
        'license-manager:UpdateLicenseSpecificationsForResource',
      ],
    },
    true,
    '2024-01-31T16:36:13Z',
  ),
  managed(
    'AWSRAMDefaultPermissionResolverRule',
    'route53resolver:ResolverRule',
    {
      Effect: 'Allow',
      Action: [
        'route53resolver:GetResolverRule',
        'route53resolver:AssociateResolverRule',
        'route53resolver:DisassociateResolverRule',
        'route53resolver:ListResolverRules',
        'route53resolver:ListResolverRuleAssociations',
      ],
    },
    true,
    '2022-06-30T17:04:14Z',
  ),
];

const BY_ARN = new Map(MANAGED_PERMISSIONS.map((p) => [p.arn, p]));

export function managedPermission(arn: string): ManagedPermission | undefined {
  return BY_ARN.get(arn);
}

/** The permission RAM attaches when a share gets its first resource of a type. */
export function defaultPermissionFor(resourceType: string): ManagedPermission {
  const permission = MANAGED_PERMISSIONS.find((p) => p.resourceType === resourceType && p.isResourceTypeDefault);
  if (!permission) throw new Error(`no default RAM permission for ${resourceType}`);
  return permission;
}

// Every shareable type must have exactly one default permission.
for (const t of RESOURCE_TYPES) defaultPermissionFor(t.resourceType);
