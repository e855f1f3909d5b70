// The AWS managed policies the sandbox knows (`arn:aws:iam::aws:policy/...`). They exist in every account,
// cannot be changed, and their documents follow the real ones (abridged where AWS's run to thousands of actions).

export interface AwsManagedPolicy {
  policyName: string;
  policyId: string;
  arn: string;
  path: string;
  description: string;
  defaultVersionId: string;
  createDate: Date;
  updateDate: Date;
  document: string;
}

const allow = (action: string | string[], resource: string | string[] = '*', extra: object = {}) => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...extra,
});

function managed(
  policyName: string,
  policyId: string,
  path: string,
  description: string,
  defaultVersionId: string,
  dates: [string, string],
  statements: object[],
): AwsManagedPolicy {
  return {
    policyName,
    policyId,
    arn: `arn:aws:iam::aws:policy${path}${policyName}`,
    path,
    description,
    defaultVersionId,
    createDate: new Date(dates[0]),
    updateDate: new Date(dates[1]),
    document: JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 4),
  };
}

const policies: AwsManagedPolicy[] = [
  managed('AdministratorAccess', 'ANPAIWMBCKSKIEE64ZLYK', '/', 'Provides full access to AWS services and resources.', 'v1',
    ['2015-02-06T18:39:46Z', '2015-02-06T18:39:46Z'], [allow('*')]),
  managed('PowerUserAccess', 'ANPAJYRXTHIB4FOVS3ZXS', '/',
    'Provides full access to AWS services and resources, but does not allow management of Users and groups.', 'v5',
    ['2015-02-06T18:39:47Z', '2023-07-06T22:04:19Z'], [
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      allow([
        'account:GetAccountInformation', 'account:GetPrimaryEmail', 'account:ListRegions',
        'iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles',
        'organizations:DescribeOrganization',
      ]),
    ]),
  managed('ReadOnlyAccess', 'ANPAILL3HVNFSB6DCOWYQ', '/', 'Provides read-only access to AWS services and resources.', 'v115',
    ['2015-02-06T18:39:48Z', '2024-06-26T20:34:52Z'], [
      allow([
        'acm-pca:Describe*', 'acm-pca:Get*', 'acm-pca:List*',
        'ec2:Describe*', 'ec2:Get*', 'ec2:Search*',
        'iam:Generate*', 'iam:Get*', 'iam:List*', 'iam:Simulate*',
        'license-manager:Get*', 'license-manager:List*',
        'organizations:Describe*', 'organizations:List*',
        'ram:Get*', 'ram:List*',
        'route53resolver:Get*', 'route53resolver:List*',
        's3:Get*', 's3:List*',
        'sts:GetAccessKeyInfo', 'sts:GetCallerIdentity', 'sts:GetSessionToken',
      ]),
    ]),
  managed('ViewOnlyAccess', 'ANPAID22R6XPJATWOFDK6', '/job-function/',
    'This policy grants permissions to view resources and basic metadata across all AWS services.', 'v20',
    ['2016-11-10T17:20:15Z', '2024-03-05T17:04:58Z'], [
      allow([
        'acm-pca:ListCertificateAuthorities',
        'ec2:DescribeAccountAttributes', 'ec2:DescribeAddresses', 'ec2:DescribeInstances', 'ec2:DescribeManagedPrefixLists',
        'ec2:DescribeSubnets', 'ec2:DescribeTransitGateways', 'ec2:DescribeVpcs',
        'iam:GetAccountSummary', 'iam:ListAccountAliases', 'iam:ListGroups', 'iam:ListPolicies', 'iam:ListRoles', 'iam:ListUsers',
        'license-manager:ListLicenseConfigurations',
        'organizations:DescribeOrganization', 'organizations:ListAccounts',
        'ram:ListResources', 'ram:GetResourceShares',
        'route53resolver:ListResolverRules',
      ]),
    ]),
  managed('SecurityAudit', 'ANPAIX2T3QCXHR2OGGCTO', '/', 'The security audit template grants access to read security configuration metadata.', 'v41',
    ['2015-02-06T18:41:01Z', '2024-05-02T17:38:43Z'], [
      allow([
        'acm-pca:Describe*', 'acm-pca:GetPolicy', 'acm-pca:List*',
        'ec2:Describe*', 'ec2:GetManagedPrefixListEntries', 'ec2:GetTransitGatewayAttachmentPropagations',
        'iam:GenerateCredentialReport', 'iam:Get*', 'iam:List*', 'iam:SimulateCustomPolicy', 'iam:SimulatePrincipalPolicy',
        'license-manager:List*',
        'organizations:Describe*', 'organizations:List*',
        'ram:GetResourcePolicies', 'ram:GetResourceShares', 'ram:List*',
        'route53resolver:Get*', 'route53resolver:List*',
        'sts:DecodeAuthorizationMessage',
      ]),
    ]),
  managed('IAMFullAccess', 'ANPAI7XKCFMBPM3QQRRVQ', '/', 'Provides full access to IAM via the AWS Management Console.', 'v2',
    ['2015-02-06T18:40:38Z', '2019-06-21T19:40:00Z'], [
      allow(['iam:*', 'organizations:DescribeAccount', 'organizations:DescribeOrganization',
        'organizations:DescribeOrganizationalUnit', 'organizations:DescribePolicy', 'organizations:ListChildren',
        'organizations:ListParents', 'organizations:ListPoliciesForTarget', 'organizations:ListRoots',
        'organizations:ListPolicies', 'organizations:ListTargetsForPolicy']),
    ]),
  managed('IAMReadOnlyAccess', 'ANPAJKSO7NDY4T57MWDSQ', '/', 'Provides read only access to IAM via the AWS Management Console.', 'v4',
    ['2015-02-06T18:40:39Z', '2018-01-25T19:11:27Z'], [allow(['iam:GenerateCredentialReport', 'iam:GenerateServiceLastAccessedDetails', 'iam:Get*', 'iam:List*', 'iam:SimulateCustomPolicy', 'iam:SimulatePrincipalPolicy'])]),
  managed('AWSResourceAccessManagerServiceRolePolicy', 'ANPAJU667A3V5UAXC4JNU', '/aws-service-role/',
    'Policy for resource access manager to access organization structure', 'v2',
    ['2018-11-14T19:28:28Z', '2024-03-19T17:25:17Z'], [
      allow(['organizations:DescribeAccount', 'organizations:DescribeOrganization', 'organizations:DescribeOrganizationalUnit',
        'organizations:ListAccounts', 'organizations:ListAccountsForParent', 'organizations:ListChildren',
        'organizations:ListOrganizationalUnitsForParent', 'organizations:ListParents', 'organizations:ListRoots']),
      allow('iam:DeleteRole', 'arn:aws:iam::*:role/aws-service-role/ram.amazonaws.com/*'),
    ]),
  managed('AWSOrganizationsServiceTrustPolicy', 'ANPAIQH6ROMVVECFVRJPK', '/aws-service-role/',
    'Policy to enable AWS Organizations to share trust with other AWS services.', 'v3',
    ['2017-10-10T23:04:07Z', '2020-11-18T17:25:26Z'], [
      allow(['iam:DeleteRole'], 'arn:aws:iam::*:role/aws-service-role/organizations.amazonaws.com/*'),
      allow(['iam:CreateServiceLinkedRole'], '*'),
    ]),
  managed('AWSLicenseManagerServiceRolePolicy', 'ANPAIJ6HVF4SXWTSDXWLC', '/aws-service-role/',
    'Service Linked Role Policy for AWS License Manager', 'v4',
    ['2018-11-26T19:02:53Z', '2021-03-17T19:16:12Z'], [
      allow(['ec2:DescribeInstances', 'ec2:DescribeImages', 'ec2:DescribeHosts', 'organizations:DescribeOrganization',
        'organizations:ListAWSServiceAccessForOrganization', 'organizations:DescribeAccount', 'organizations:ListAccounts']),
    ]),
];

export const AWS_MANAGED_POLICIES: ReadonlyMap<string, AwsManagedPolicy> = new Map(policies.map((p) => [p.arn, p]));
