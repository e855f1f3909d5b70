// The demo world (seed `demo`): Example Corp's organization, the IAM roles of a typical landing zone,
// an outside partner, and (from the resources and RAM seeds) shared network resources.
import type { World } from '../core/types.js';
import { deleteRole, getRole, putRolePolicy, putUserPermissionsBoundary, putUserPolicy } from '../iam/models.js';
import { nowMs } from '../core/world.js';
import {
  addAccountToOrganization,
  attachPolicy,
  createOrganization,
  createOrganizationalUnit,
  createPolicy,
} from '../organizations/models.js';
import { DEMO } from './demo-ids.js';
import { addDemoSharing } from './demo-ram.js';
import { addDemoResources } from './demo-resources.js';
import { addLargeInvitations } from './large-ram.js';
import type { SeedOptions } from './index.js';
import {
  ADMINISTRATOR_ACCESS,
  READ_ONLY_ACCESS,
  SECURITY_AUDIT,
  addAccount,
  addConsoleIdentity,
  addMemberAccessRole,
  addRole,
  addUser,
  trustPolicy,
} from './common.js';

const ACCOUNTS = DEMO.accounts;

const WORKLOAD_ACCOUNTS = [ACCOUNTS['payments-prod'], ACCOUNTS['web-prod'], ACCOUNTS['payments-dev'], ACCOUNTS['web-dev']];

function addOrganization(world: World, options: SeedOptions): void {
  const { ouIds } = DEMO;
  const featureSet = options.featureSet ?? 'ALL';
  createOrganization(world, {
    managementAccountId: ACCOUNTS.management,
    featureSet,
    id: DEMO.organizationId,
    rootId: DEMO.rootId,
    pageShardSize: typeof options.pageShardSize === 'number' ? options.pageShardSize : DEMO.pageShardSize,
  });
  const root = DEMO.rootId;
  createOrganizationalUnit(world, root, 'Security', { id: ouIds.Security });
  createOrganizationalUnit(world, root, 'Infrastructure', { id: ouIds.Infrastructure });
  createOrganizationalUnit(world, root, 'Workloads', { id: ouIds.Workloads });
  createOrganizationalUnit(world, ouIds.Workloads, 'Prod', { id: ouIds.Prod });
  createOrganizationalUnit(world, ouIds.Workloads, 'Dev', { id: ouIds.Dev });
  createOrganizationalUnit(world, root, 'Sandbox', { id: ouIds.Sandbox });
  const placement: [string, string][] = [
    [ACCOUNTS['log-archive'], ouIds.Security],
    [ACCOUNTS.audit, ouIds.Security],
    [ACCOUNTS.network, ouIds.Infrastructure],
    [ACCOUNTS['shared-services'], ouIds.Infrastructure],
    [ACCOUNTS['payments-prod'], ouIds.Prod],
    [ACCOUNTS['web-prod'], ouIds.Prod],
    [ACCOUNTS['payments-dev'], ouIds.Dev],
    [ACCOUNTS['web-dev'], ouIds.Dev],
    [ACCOUNTS['sandbox-alice'], ouIds.Sandbox],
  ];
  // The production accounts predate the organization and were invited; the others were created in it.
  const invited = new Set<string>([ACCOUNTS['payments-prod'], ACCOUNTS['web-prod']]);
  for (const [account, parent] of placement) addAccountToOrganization(world, account, parent, invited.has(account) ? 'INVITED' : 'CREATED');
  if (featureSet === 'ALL') {
    createPolicy(world, {
      id: DEMO.sandboxScpId,
      name: 'DenyOrganizations',
      description: 'Sandbox accounts may not read or change the organization',
      content: { Version: '2012-10-17', Statement: [{ Sid: 'DenyOrganizations', Effect: 'Deny', Action: 'organizations:*', Resource: '*' }] },
    });
    attachPolicy(world, DEMO.sandboxScpId, ouIds.Sandbox);
  }
}

function addIdentities(world: World): void {
  addConsoleIdentity(world, ACCOUNTS.management, DEMO.consoleCredentials);
  const fromManagement = trustPolicy(ACCOUNTS.management);
  for (const id of DEMO.memberAccountIds) if (id !== ACCOUNTS.management) addMemberAccessRole(world, id, fromManagement);

  addUser(world, ACCOUNTS['payments-dev'], 'alice', [READ_ONLY_ACCESS], DEMO.aliceCredentials);
  addUser(world, ACCOUNTS['partner-co'], 'partner-admin', [ADMINISTRATOR_ACCESS], DEMO.partnerCredentials);

  addRole(world, ACCOUNTS.audit, 'SecurityAudit', fromManagement, [SECURITY_AUDIT], 'Security team: audits every workload account');
  putRolePolicy(world, ACCOUNTS.audit, 'SecurityAudit', 'AssumeReadOnlyAuditor', {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/ReadOnlyAuditor' }],
  });
  const fromSecurityAudit = trustPolicy(DEMO.roles.securityAudit);
  for (const id of WORKLOAD_ACCOUNTS) {
    addRole(world, id, DEMO.roles.readOnlyAuditor, fromSecurityAudit, [READ_ONLY_ACCESS], 'Read-only access for the security audit role');
  }
  // The risky one: any principal of partner-co may assume it, no sts:ExternalId condition.
  addRole(world, ACCOUNTS['web-prod'], 'LegacyVendorAccess', trustPolicy(ACCOUNTS['partner-co']), [READ_ONLY_ACCESS], 'Vendor support access (legacy)');
  getRole(world, ACCOUNTS['web-prod'], 'LegacyVendorAccess').lastUsed = { date: new Date(nowMs(world) - 200 * 86_400_000), region: 'us-east-1' };
  addAccessPaths(world);
}

const trustWith = (principal: unknown, condition?: Record<string, unknown>, action = 'sts:AssumeRole') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: action, ...(condition ? { Condition: condition } : {}) }] });

/** One of each kind of path the access pages explain: a chain, a vendor with ExternalId, an org-wide `*`, SAML, a service, a boundary. */
function addAccessPaths(world: World): void {
  const { roles } = DEMO;
  // Chain: CodeBuild → CiDeployer (shared-services) → DeployFromShared (payments-prod).
  addRole(world, ACCOUNTS['shared-services'], 'CiDeployer', trustWith({ Service: 'codebuild.amazonaws.com' }), [READ_ONLY_ACCESS], 'Build pipeline: deploys into workload accounts');
  putRolePolicy(world, ACCOUNTS['shared-services'], 'CiDeployer', 'AssumeDeployRoles', {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/DeployFromShared' }],
  });
  addRole(world, ACCOUNTS['payments-prod'], 'DeployFromShared', trustPolicy(roles.ciDeployer), [READ_ONLY_ACCESS], 'Deployments from the shared pipeline');
  addRole(world, ACCOUNTS['shared-services'], 'PartnerMonitoring', trustWith({ AWS: `arn:aws:iam::${ACCOUNTS['partner-co']}:root` }, { StringEquals: { 'sts:ExternalId': DEMO.partnerExternalId } }), [READ_ONLY_ACCESS], 'Monitoring vendor');
  addRole(world, ACCOUNTS['log-archive'], 'OrgLogReader', trustWith('*', { StringEquals: { 'aws:PrincipalOrgID': DEMO.organizationId } }), [READ_ONLY_ACCESS], 'Any principal of the organization reads the logs');
  addRole(world, ACCOUNTS.network, 'NetworkOpsSAML', trustWith({ Federated: `arn:aws:iam::${ACCOUNTS.network}:saml-provider/CorpIdP` }, { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } }, 'sts:AssumeRoleWithSAML'), [READ_ONLY_ACCESS], 'Network team through the corporate IdP');
  addRole(world, ACCOUNTS['web-dev'], 'LambdaExecution', trustWith({ Service: 'lambda.amazonaws.com' }), [], 'Functions of web-dev');
  // bob may do anything, but his boundary (read-only) leaves sts:AssumeRole out.
  addUser(world, ACCOUNTS['payments-dev'], 'bob', [ADMINISTRATOR_ACCESS]);
  putUserPermissionsBoundary(world, ACCOUNTS['payments-dev'], 'bob', READ_ONLY_ACCESS);
  addFindings(world);
}

/** One of each access finding that the paths above do not already hold (LegacyVendorAccess: no ExternalId, not allowlisted, unused). */
function addFindings(world: World): void {
  // A trust to * without an organization condition.
  addRole(world, ACCOUNTS['web-dev'], 'PublicReadOnly', trustWith({ AWS: '*' }), [READ_ONLY_ACCESS], 'Experiment: readable by anyone');
  // A trust left naming a deleted role (IAM shows its unique ID), beside SecurityAudit, whose policies do not allow assuming it (half-open).
  addRole(world, ACCOUNTS['payments-dev'], 'TempBuilder', trustPolicy(ACCOUNTS['payments-dev']), []);
  addRole(world, ACCOUNTS['web-dev'], 'BuildCache', trustWith({ AWS: [`arn:aws:iam::${ACCOUNTS['payments-dev']}:role/TempBuilder`, DEMO.roles.securityAudit] }), [READ_ONLY_ACCESS], 'Build cache for the old builder');
  deleteRole(world, ACCOUNTS['payments-dev'], 'TempBuilder');
  // Sandbox: a user who may assume any role, and an administrator role in web-dev that trusts the sandbox account.
  addUser(world, ACCOUNTS['sandbox-alice'], 'experimenter', [READ_ONLY_ACCESS]);
  putUserPolicy(world, ACCOUNTS['sandbox-alice'], 'experimenter', 'AssumeAnything', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] });
  addRole(world, ACCOUNTS['web-dev'], 'SandboxAdmin', trustPolicy(ACCOUNTS['sandbox-alice']), [ADMINISTRATOR_ACCESS], 'Admin for experiments copied from the sandbox');
}

export function demoSeed(world: World, options: SeedOptions): void {
  for (const [name, id] of Object.entries(ACCOUNTS)) {
    addAccount(world, id, name, name === 'partner-co' ? 'aws@partner-co.example' : undefined);
  }
  addOrganization(world, options);
  addIdentities(world);
  addDemoResources(world);
  // RAM can share with the organization only when it has all features.
  addDemoSharing(world, { orgSharing: options.featureSet === 'CONSOLIDATED_BILLING' ? false : options.orgSharing });
  if (typeof options.invitations === 'number') addLargeInvitations(world, DEMO.memberAccountIds, Math.min(options.invitations, 10_000));
}
