// The demo seed's names and IDs (accounts, OUs, roles, credentials): what tests and e2e specs refer to, apart from
// the seed itself so that the seed's parts can use them without importing each other.
import { MEMBER_ACCESS_ROLE } from './common.js';

const ACCOUNTS = {
  management: '100000000001',
  'log-archive': '200000000001',
  audit: '200000000002',
  network: '300000000001',
  'shared-services': '300000000002',
  'payments-prod': '400000000001',
  'web-prod': '400000000002',
  'payments-dev': '400000000011',
  'web-dev': '400000000012',
  'sandbox-alice': '500000000001',
  'partner-co': '900000000001',
} as const;

export type DemoAccountName = keyof typeof ACCOUNTS;

export const DEMO = {
  organizationName: 'Example Corp',
  organizationId: 'o-exmpl7c0rp',
  rootId: 'r-7c0r',
  managementAccountId: ACCOUNTS.management,
  accounts: ACCOUNTS,
  /** Accounts in the organization (all but partner-co). */
  memberAccountIds: Object.values(ACCOUNTS).filter((id) => id !== ACCOUNTS['partner-co']),
  ouIds: {
    Security: 'ou-7c0r-sec0ux2a',
    Infrastructure: 'ou-7c0r-inf4r9kq',
    Workloads: 'ou-7c0r-wl8d2m6t',
    Prod: 'ou-7c0r-prd3v7xn',
    Dev: 'ou-7c0r-dev5h1zc',
    Sandbox: 'ou-7c0r-sbx6p0jw',
  },
  /** SCP on the Sandbox OU denying organizations:*. */
  sandboxScpId: 'p-sbxd3nyo',
  /** Page size of the hidden shards behind Organizations listings (see organizations/pagination.ts). */
  pageShardSize: 4,
  consoleUserName: 'crossing-admin',
  consoleCredentials: { accessKeyId: 'AKIACROSSINGCONSOLE1', secretAccessKey: 'crossingDemoConsoleSecretKey000000000001' },
  aliceCredentials: { accessKeyId: 'AKIACROSSINGALICE001', secretAccessKey: 'aliceDemoSecretKey000000000000000000000A' },
  partnerCredentials: { accessKeyId: 'AKIACROSSINGPARTNER1', secretAccessKey: 'partnerDemoSecretKey0000000000000000000P' },
  roles: {
    memberAccess: MEMBER_ACCESS_ROLE,
    securityAudit: 'arn:aws:iam::200000000002:role/SecurityAudit',
    readOnlyAuditor: 'ReadOnlyAuditor',
    legacyVendorAccess: 'arn:aws:iam::400000000002:role/LegacyVendorAccess',
    ciDeployer: 'arn:aws:iam::300000000002:role/CiDeployer',
    deployFromShared: 'arn:aws:iam::400000000001:role/DeployFromShared',
    partnerMonitoring: 'arn:aws:iam::300000000002:role/PartnerMonitoring',
    orgLogReader: 'arn:aws:iam::200000000001:role/OrgLogReader',
    networkOpsSaml: 'arn:aws:iam::300000000001:role/NetworkOpsSAML',
    lambdaExecution: 'arn:aws:iam::400000000012:role/LambdaExecution',
  },
  /** ExternalId the PartnerMonitoring role requires. */
  partnerExternalId: 'partner-co-monitoring-7f3a',
} as const;

